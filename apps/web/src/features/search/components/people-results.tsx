import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { PageState } from '@/components/page-state';
import { usePeopleQuery } from '../queries/search-queries';

/**
 * "Narasumber": people found by name or by the expertise their published assets show (counts
 * only over assets the caller may read). The staff directory is for signed-in users: anonymous
 * visitors get a way to sign in and come back here.
 */
export function PeopleResults({
  query,
  signedIn,
  here,
}: {
  query: string;
  signedIn: boolean;
  here: string;
}) {
  const { t } = useTranslation('search');
  const q = query.trim();
  const people = usePeopleQuery(q, signedIn);
  if (!signedIn) {
    return (
      <PageState
        kind="empty"
        title={t('people.signInTitle')}
        action={
          <ButtonLink to="/masuk" search={{ kembali: here }}>
            {t('people.signIn')}
          </ButtonLink>
        }
      >
        {t('people.signInBody')}
      </PageState>
    );
  }
  if (q.length < 2) return <PageState kind="empty">{t('people.typeMore')}</PageState>;
  if (people.isPending) return <PageState kind="loading" />;
  if (people.isError)
    return <PageState kind="error" error={people.error} onRetry={() => void people.refetch()} />;
  if (people.data.length === 0)
    return <PageState kind="empty">{t('people.none', { q })}</PageState>;
  return (
    <Stack
      gap="sm"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('people.listLabel')}
    >
      {people.data.map((p) => (
        <Paper key={p.id} component="li" withBorder p="md">
          <Title order={3} size="h5">
            {p.name}
          </Title>
          <Text size="sm" c="dimmed">
            {p.jabatan} · {p.opdCode}
          </Text>
          {p.authoredAssets + p.interviewsGiven > 0 && (
            <Text size="sm" mt={4}>
              {t('people.evidence', { assets: p.authoredAssets, interviews: p.interviewsGiven })}
            </Text>
          )}
          {p.topTags.length > 0 && (
            <Group gap={6} mt={6}>
              {p.topTags.map((tag) => (
                <Badge key={tag} variant="outline" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
