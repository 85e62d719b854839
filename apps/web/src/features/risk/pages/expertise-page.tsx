import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { isApiError } from '@/lib/api/errors';
import type { Schemas } from '@/lib/api/types';
import { useExpertiseQuery } from '../queries/risk-queries';

const route = getRouteApi('/orang/$id');

type Topic = Schemas['TopicEvidenceDto'];

/** A person's expertise: each topic with the assets, communities and declarations behind it. */
export function ExpertisePage() {
  const { t } = useTranslation('risk');
  const { id } = route.useParams();
  const expertise = useExpertiseQuery(id);
  if (expertise.isPending) return <PageState kind="loading" />;
  if (expertise.isError) {
    const missing = isApiError(expertise.error) && expertise.error.status === 404;
    return (
      <>
        <PageHeader title={t('expertise.notFound')} />
        {missing ? (
          <PageState kind="empty">{t('expertise.notFound')}</PageState>
        ) : (
          <PageState
            kind="error"
            error={expertise.error}
            onRetry={() => void expertise.refetch()}
          />
        )}
      </>
    );
  }
  const person = expertise.data;
  return (
    <>
      <PageHeader
        title={t('expertise.title', { name: person.name })}
        description={`${person.jabatan} · ${person.opdCode}`}
      />
      <Text c="dimmed" mb="md">
        {t('expertise.intro')}
      </Text>
      {person.topics.length === 0 ? (
        <PageState kind="empty">{t('expertise.none')}</PageState>
      ) : (
        <Stack gap="md">
          {person.topics.map((topic) => (
            <TopicCard key={topic.topic} topic={topic} />
          ))}
        </Stack>
      )}
    </>
  );
}

function TopicCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation('risk');
  return (
    <Paper withBorder p="md" component="section" aria-label={topic.topic}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {topic.topic}
        </Title>
        <Text size="sm" c="dimmed">
          {t('expertise.score', { score: Math.round(topic.score * 10) / 10 })}
        </Text>
      </Group>
      {topic.assets.length > 0 && (
        <>
          <Title order={3} size="h6" mt="xs">
            {t('expertise.assets')}
          </Title>
          <List spacing={4} size="sm">
            {topic.assets.map((a) => (
              <List.Item key={a.id}>
                <AnchorLink to="/aset/$id" params={{ id: a.id }}>
                  {a.title}
                </AnchorLink>{' '}
                <Text span size="sm" c="dimmed">
                  ({t(`expertise.role.${a.role as 'author'}`)}
                  {a.endorsements > 0 &&
                    ` · ${t('expertise.endorsements', { count: a.endorsements })}`}
                  {a.reuseReports > 0 && ` · ${t('expertise.reuse', { count: a.reuseReports })}`})
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {topic.cops.length > 0 && (
        <>
          <Title order={3} size="h6" mt="xs">
            {t('expertise.cops')}
          </Title>
          <List spacing={4} size="sm">
            {topic.cops.map((c) => (
              <List.Item key={c.id}>
                {c.name}{' '}
                <Text span size="sm" c="dimmed">
                  ({t(`expertise.role.${c.role as 'lead'}`)}
                  {c.meetingsAttended > 0 &&
                    ` · ${t('expertise.meetings', { count: c.meetingsAttended })}`}
                  )
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {topic.declared.length > 0 && (
        <Group gap={4} mt="xs">
          <Text size="sm">{t('expertise.declared')}:</Text>
          {topic.declared.map((d) => (
            <Badge key={d} variant="outline" color="gray.8" tt="none">
              {t(`expertise.declaredBy.${d as 'self'}`)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
