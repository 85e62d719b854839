import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/api-error';
import { AssetLine } from '@/components/asset-line';
import { FactList } from '@/components/fact-list';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { currentLanguage } from '@/i18n';
import type { Schemas } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatWib } from '@/lib/format/wib';
import { CopActivity } from '../components/cop-activity';
import { JoinRequests } from '../components/join-requests';
import { MemberList } from '../components/member-list';
import {
  useCopAssetsQuery,
  useCopQuery,
  useMeetingsQuery,
  useRefreshCop,
  useRequestJoin,
} from '../queries/community-queries';
import { byTriwulan, triwulanNumeral } from '../triwulan';
import classes from './cop-page.module.css';

const route = getRouteApi('/komunitas/$id');

/**
 * A community of practice: what it is about, who leads it, its members with the day they joined,
 * its meetings by Triwulan and the assets filed under it. ASN ask to join here; leads and the
 * host OPD's admins answer requests, manage members and log meetings.
 */
export function CopPage() {
  const { t } = useTranslation('communities');
  const { id } = route.useParams();
  const cop = useCopQuery(id);
  const user = useCurrentUser();
  const navigate = useNavigate();

  if (cop.isPending)
    return (
      <>
        <PageHeader title={t('cop.loadingTitle')} />
        <PageState kind="loading" />
      </>
    );
  if (cop.isError)
    return (
      <>
        <PageHeader title={t('cop.errorTitle')} />
        <PageState kind="error" error={cop.error} onRetry={() => void cop.refetch()} />
      </>
    );
  const c = cop.data;
  const manages = c.viewer.runs || !!user?.roles.includes('admin');
  return (
    <>
      <PageHeader
        title={c.name}
        description={c.theme}
        actions={
          <Group gap="sm">
            {c.viewer.runs && (
              <Button
                onClick={() => void navigate({ to: '/komunitas/$id/catat', params: { id: c.id } })}
              >
                {t('meeting.log')}
              </Button>
            )}
            <JoinButton cop={c} />
          </Group>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="cop-about">
          <Title order={2} size="h4" id="cop-about" mb="sm">
            {t('cop.about')}
          </Title>
          {c.description && (
            <Text mb="sm" className={classes.description}>
              {c.description}
            </Text>
          )}
          <FactList
            facts={[
              [t('cop.host'), `${c.opdName} (${c.opdCode})`],
              [t('cop.status'), t(`status.${c.status}`)],
              [t('cop.sk'), c.skReference ?? undefined],
              [
                t('cop.leads'),
                c.leads.length > 0
                  ? c.leads.map((l) => `${l.name} (${l.opdCode})`).join(', ')
                  : t('cop.noLeads'),
              ],
              [t('cop.memberCount'), String(c.memberCount)],
            ]}
          />
        </Paper>
        {manages && <JoinRequests copId={c.id} />}
        <MemberList copId={c.id} manages={manages} />
        <Meetings cop={c} />
        <CopAssets copId={c.id} />
      </Stack>
    </>
  );
}

function JoinButton({ cop }: { cop: Schemas['CopDetailDto'] }) {
  const { t } = useTranslation('communities');
  const request = useRequestJoin();
  const refresh = useRefreshCop();
  const [error, setError] = useState<unknown>();
  if (cop.viewer.member || !cop.viewer.mayRequestJoin) return null;
  if (cop.viewer.joinRequested)
    return (
      <Text size="sm" role="status">
        {t('join.pending')}
      </Text>
    );
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="light"
        loading={request.isPending}
        onClick={() => {
          setError(undefined);
          request.mutate(
            { params: { path: { id: cop.id } } },
            { onSuccess: () => void refresh(), onError: setError },
          );
        }}
      >
        {t('join.request')}
      </Button>
      {error !== undefined && <ApiErrorAlert error={error} />}
    </Stack>
  );
}

function Meetings({ cop }: { cop: Schemas['CopDetailDto'] }) {
  const { t } = useTranslation('communities');
  const lang = currentLanguage();
  const meetings = useMeetingsQuery(cop.id, cop.viewer.seesActivity);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cop-meetings">
      <Title order={2} size="h4" id="cop-meetings" mb="sm">
        {t('cop.meetings')}
      </Title>
      {!cop.viewer.seesActivity ? (
        <PageState kind="empty">{t('cop.meetingsMembersOnly')}</PageState>
      ) : meetings.isPending ? (
        <PageState kind="loading" />
      ) : meetings.isError ? (
        <PageState kind="error" error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.length === 0 ? (
        <PageState kind="empty">{t('cop.noMeetings')}</PageState>
      ) : (
        <Stack gap="md">
          {meetings.data[0] && (
            <CopActivity copId={cop.id} copName={cop.name} year={meetings.data[0].year} />
          )}
          {byTriwulan(meetings.data).map((g) => {
            const headingId = `tw-${g.year}-${g.quarter}`;
            return (
              <section key={headingId} aria-labelledby={headingId}>
                <Title order={3} size="h5" id={headingId} mb="xs">
                  {t('cop.triwulan', { numeral: triwulanNumeral(g.quarter), year: g.year })}{' '}
                  <Badge variant="light" size="sm" component="span">
                    {t('cop.meetingCount', { count: g.items.length })}
                  </Badge>
                </Title>
                <ol className={classes.timeline}>
                  {g.items.map((m) => (
                    <li key={m.id}>
                      <AnchorLink to="/komunitas/pertemuan/$id" params={{ id: m.id }} fw={600}>
                        {m.topic}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {formatWib(m.heldAt, lang)} · {t(`modes.${m.mode as 'luring'}`)} ·{' '}
                        {t('meeting.attendeeCount', { count: m.attendees.length })}
                        {m.guestCount > 0 &&
                          ` · ${t('meeting.guestCount', { count: m.guestCount })}`}
                      </Text>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

function CopAssets({ copId }: { copId: string }) {
  const { t } = useTranslation(['communities', 'assets']);
  const assets = useCopAssetsQuery(copId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cop-assets">
      <Title order={2} size="h4" id="cop-assets" mb="sm">
        {t('cop.assets')}
      </Title>
      {assets.isPending ? (
        <PageState kind="loading" />
      ) : assets.isError ? (
        <PageState kind="error" error={assets.error} onRetry={() => void assets.refetch()} />
      ) : assets.data.items.length === 0 ? (
        <PageState kind="empty">{t('cop.noAssets')}</PageState>
      ) : (
        <ul className={classes.plain}>
          {assets.data.items.map((a) => (
            <li key={a.id}>
              <AssetLine
                id={a.id}
                title={a.title}
                typeLabel={t(`assets:types.${a.type as 'pelajaran'}`)}
                meta={a.opdCode}
              />
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
