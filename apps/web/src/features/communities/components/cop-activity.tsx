import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/chart';
import { PageState } from '@/components/page-state';
import { $api } from '@/lib/api/client';
import { triwulanNumeral } from '../triwulan';

/** The CoP's year per Triwulan as a bar chart (with its table and CSV): meetings and attendees. */
export function CopActivity({
  copId,
  copName,
  year,
}: {
  copId: string;
  copName: string;
  year: number;
}) {
  const { t } = useTranslation('communities');
  const activity = $api.useQuery('get', '/api/v1/cops/{id}/activity', {
    params: { path: { id: copId }, query: { year } },
  });
  return (
    <section aria-label={t('activity.section', { year })}>
      {activity.isPending ? (
        <PageState kind="loading" />
      ) : activity.isError ? (
        <PageState kind="error" error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <Chart
          kind="bar"
          order={3}
          title={t('activity.title', { year })}
          description={t('activity.description', {
            name: copName,
            year,
            meetings: activity.data.quarters.reduce((n, q) => n + q.meetings, 0),
            attendees: activity.data.quarters.reduce((n, q) => n + q.distinctAttendees, 0),
          })}
          fileName={`aktivitas-komunitas-${year}`}
          columns={[
            { label: t('activity.quarter') },
            { label: t('activity.meetings'), format: 'integer' },
            { label: t('activity.attendees'), format: 'integer' },
            { label: t('activity.otherOpds'), format: 'integer' },
          ]}
          rows={activity.data.quarters.map(
            (q) =>
              [
                t('activity.tw', { numeral: triwulanNumeral(q.quarter) }),
                q.meetings,
                q.distinctAttendees,
                q.attendeesFromOtherOpds,
              ] as const,
          )}
        />
      )}
    </section>
  );
}
