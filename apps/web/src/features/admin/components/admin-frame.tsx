import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import type { Permission } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import classes from './admin-frame.module.css';

type Section = 'users' | 'import' | 'opds' | 'synonyms' | 'insights' | 'jobs' | 'audit';

const SECTIONS: { key: Section; to: string; permission: Permission }[] = [
  { key: 'users', to: '/admin/pengguna', permission: 'user:read' },
  { key: 'import', to: '/admin/impor', permission: 'user:manage' },
  { key: 'opds', to: '/admin/opd', permission: 'opd:manage' },
  { key: 'synonyms', to: '/admin/sinonim', permission: 'search:settings' },
  { key: 'insights', to: '/admin/wawasan', permission: 'search:insights' },
  { key: 'jobs', to: '/admin/tugas', permission: 'jobs:manage' },
  { key: 'audit', to: '/admin/audit', permission: 'audit:read' },
];

interface AdminFrameProps {
  section: Section;
  /** The h1 when it is not the section's name (one user's page). */
  title?: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * Every admin page: its h1, then the admin sections the user's roles open (links, so each
 * section has its own URL and the browser's back button works), then the section.
 */
export function AdminFrame({ section, title, description, actions, children }: AdminFrameProps) {
  const { t } = useTranslation('admin');
  const user = useCurrentUser();
  const name = t(`tabs.${section}`);
  const visible = SECTIONS.filter((s) => user?.permissions.includes(s.permission));
  return (
    <>
      <PageHeader
        title={title ?? name}
        documentTitle={`${title ?? name} · ${t('title')}`}
        description={description}
        actions={actions}
      />
      {visible.length > 1 && (
        <nav aria-label={t('sections')} className={classes.tabs}>
          <ul>
            {visible.map((s) => (
              <li key={s.key}>
                <Link
                  to={s.to}
                  className={classes.tab}
                  aria-current={s.key === section ? 'page' : undefined}
                  data-active={s.key === section || undefined}
                >
                  {t(`tabs.${s.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
