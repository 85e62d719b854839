import { Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { session } from '@/lib/auth/session';
import { useCurrentUser } from '@/lib/auth/use-session';
import classes from './app-header.module.css';
import { visibleNavItems } from './nav-items';

const NavDrawer = lazy(() => import('./nav-drawer').then((m) => ({ default: m.NavDrawer })));

/**
 * Product name, main navigation and the account controls. From the md breakpoint the navigation
 * is a row under the top bar; below it, a burger opens the same links in a drawer.
 */
export function AppHeader() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [drawerOpen, drawer] = useDisclosure(false);
  // The drawer's code loads on the first tap of the burger, then stays for its closing animation.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const closeDrawer = drawer.close;
  useEffect(() => closeDrawer(), [pathname, closeDrawer]);
  const items = visibleNavItems(user);

  const links = (vertical: boolean) =>
    items.map((item) => (
      <Link
        key={item.key}
        to={item.to}
        className={vertical ? classes.drawerLink : classes.link}
        activeOptions={{ exact: item.to === '/' }}
      >
        {t(`nav.${item.key}`)}
      </Link>
    ));

  return (
    <header className={classes.header}>
      <Container size="lg" px="md">
        <Group justify="space-between" h={56} wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={drawerOpen}
              onClick={() => {
                setDrawerUsed(true);
                drawer.toggle();
              }}
              hiddenFrom="md"
              size="sm"
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="nav-drawer"
            />
            <Link to="/" className={classes.brand} aria-label={t('brandHome')}>
              <span className={classes.brandMark} aria-hidden>
                L
              </span>
              <span>{t('appName')}</span>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <span className={classes.desktopOnly}>
              <LanguageSwitch />
            </span>
            {user && <NotificationBell />}
            <AccountControls compact />
          </Group>
        </Group>
      </Container>
      <nav aria-label={t('nav.label')} className={classes.navRow}>
        <Container size="lg" px="md">
          <Group gap={4} wrap="wrap">
            {links(false)}
          </Group>
        </Container>
      </nav>
      {drawerUsed && (
        <Suspense fallback={null}>
          <NavDrawer
            opened={drawerOpen}
            onClose={drawer.close}
            title={t('appName')}
            closeLabel={t('nav.closeMenu')}
          >
            <nav aria-label={t('nav.label')}>
              <Stack gap={2}>{links(true)}</Stack>
            </nav>
            <Stack gap="md" mt="lg">
              <LanguageSwitch size="sm" />
              <AccountControls />
            </Stack>
          </NavDrawer>
        </Suspense>
      )}
    </header>
  );
}

/** "Masuk" for visitors; the user's name and "Keluar" when signed in. */
function AccountControls({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => s.location });
  if (!user) {
    if (compact && location.pathname === '/masuk') return null;
    return (
      <Link
        to="/masuk"
        search={location.pathname === '/masuk' ? {} : { kembali: location.href }}
        className={compact ? classes.signInLink : classes.drawerLink}
      >
        {t('nav.signIn')}
      </Link>
    );
  }
  const signOut = async () => {
    const providerLogout = await session.signOut();
    // Single sign-on: the provider ends its session too, then sends the browser back.
    if (providerLogout) window.location.assign(providerLogout);
    else await navigate({ to: '/' });
  };
  return (
    <Group gap="sm" wrap="nowrap" className={compact ? classes.desktopOnly : undefined}>
      <Text size="sm" fw={500} truncate maw={compact ? 180 : undefined}>
        {user.name}
      </Text>
      <Button variant="default" size="xs" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}
