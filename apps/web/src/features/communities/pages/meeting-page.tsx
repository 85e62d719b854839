import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { FactList } from '@/components/fact-list';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import { downloadFile } from '@/lib/api/download';
import type { Schemas } from '@/lib/api/types';
import { formatFileSize } from '@/lib/format/size';
import { formatWib } from '@/lib/format/wib';
import { MarkdownContent } from '@/lib/markdown/markdown-content';
import { useCopQuery, useMeetingQuery } from '../queries/community-queries';
import { triwulanNumeral } from '../triwulan';
import classes from './cop-page.module.css';

const route = getRouteApi('/komunitas/pertemuan/$id');

/**
 * One meeting: when, how, the minutes, who attended (with their OPD on the day), outputs and
 * evidence. Its attendees open it whatever their OPD.
 */
export function MeetingPage() {
  const { t } = useTranslation('communities');
  const lang = currentLanguage();
  const { id } = route.useParams();
  const meeting = useMeetingQuery(id);
  const cop = useCopQuery(meeting.data?.copId ?? '');

  if (meeting.isPending)
    return (
      <>
        <PageHeader title={t('meeting.title')} />
        <PageState kind="loading" />
      </>
    );
  if (meeting.isError)
    return (
      <>
        <PageHeader title={t('meeting.title')} />
        <PageState kind="error" error={meeting.error} onRetry={() => void meeting.refetch()} />
      </>
    );
  const m = meeting.data;
  return (
    <>
      <PageHeader
        title={m.topic}
        description={
          cop.data ? (
            <AnchorLink to="/komunitas/$id" params={{ id: m.copId }}>
              {cop.data.name}
            </AnchorLink>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="meeting-facts">
          <Title order={2} size="h4" id="meeting-facts" mb="sm">
            {t('meeting.facts')}
          </Title>
          <FactList
            facts={[
              [t('meeting.when'), formatWib(m.heldAt, lang)],
              [
                t('meeting.period'),
                t('cop.triwulan', { numeral: triwulanNumeral(m.quarter), year: m.year }),
              ],
              [t('form.mode'), t(`modes.${m.mode as 'luring'}`)],
              [t('meeting.duration'), t('meeting.minutesValue', { count: m.durationMinutes })],
              [t('form.seci'), m.seciMode ? t(`seci.${m.seciMode as 'sosialisasi'}`) : undefined],
              [t('form.guests'), String(m.guestCount)],
            ]}
          />
        </Paper>
        {m.agenda && (
          <Paper withBorder p="md" component="section" aria-labelledby="meeting-agenda">
            <Title order={2} size="h4" id="meeting-agenda" mb="sm">
              {t('form.agenda')}
            </Title>
            <Text className={classes.description}>{m.agenda}</Text>
          </Paper>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="meeting-minutes">
          <Title order={2} size="h4" id="meeting-minutes" mb="sm">
            {t('form.minutes')}
          </Title>
          {m.minutes ? (
            <MarkdownContent markdown={m.minutes} headingOffset={2} />
          ) : (
            <Text c="dimmed">{t('meeting.noMinutes')}</Text>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="meeting-attendees">
          <Title order={2} size="h4" id="meeting-attendees" mb="sm">
            {t('meeting.attendees', { count: m.attendees.length })}
          </Title>
          {m.attendees.length === 0 ? (
            <Text c="dimmed">{t('form.noAttendees')}</Text>
          ) : (
            <ul className={classes.plain}>
              {m.attendees.map((a) => (
                <li key={a.userId}>
                  {a.name}{' '}
                  <Badge variant="light" size="sm" component="span">
                    {a.opdCode}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="meeting-outputs">
          <Title order={2} size="h4" id="meeting-outputs" mb="sm">
            {t('meeting.outputsAndEvidence')}
          </Title>
          <Stack gap="xs">
            {m.outputAssetIds.length === 0 && m.attachments.length === 0 && (
              <Text c="dimmed">{t('meeting.noOutputs')}</Text>
            )}
            {m.outputs.map((output) =>
              output.restricted ? (
                <Text key={output.id} size="sm" c="dimmed">
                  {t('meeting.outputRestricted')}
                </Text>
              ) : (
                <AnchorLink key={output.id} to="/aset/$id" params={{ id: output.id }}>
                  {output.title}
                </AnchorLink>
              ),
            )}
            {m.attachments.map((f) => (
              <EvidenceFile key={f.id} file={f} />
            ))}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

function EvidenceFile({ file }: { file: Schemas['AttachmentSummaryDto'] }) {
  const { t } = useTranslation('communities');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {file.name}
        </Text>
        <Text size="sm" c="dimmed">
          {formatFileSize(file.size, currentLanguage())}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          loading={busy}
          aria-label={t('meeting.download', { name: file.name })}
          onClick={() => {
            setBusy(true);
            setError(undefined);
            downloadFile(`/api/v1/attachments/${file.id}`, file.name)
              .catch(setError)
              .finally(() => setBusy(false));
          }}
        >
          {t('meeting.downloadShort')}
        </Button>
      </Group>
      {error !== undefined && <ApiErrorAlert error={error} />}
    </div>
  );
}
