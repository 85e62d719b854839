import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { PageState } from '@/components/page-state';
import { MeetingForm } from '../components/meeting-form';
import { useCopQuery } from '../queries/community-queries';

const route = getRouteApi('/komunitas/$id/catat');

/** Catat pertemuan for one CoP (its leads and its host OPD's admins). */
export function LogMeetingPage() {
  const { t } = useTranslation('communities');
  const { id } = route.useParams();
  const cop = useCopQuery(id);
  if (cop.isPending)
    return (
      <>
        <PageHeader title={t('meeting.log')} />
        <PageState kind="loading" />
      </>
    );
  if (cop.isError)
    return (
      <>
        <PageHeader title={t('meeting.log')} />
        <PageState kind="error" error={cop.error} onRetry={() => void cop.refetch()} />
      </>
    );
  return (
    <>
      <PageHeader
        title={t('meeting.log')}
        documentTitle={`${t('meeting.log')} · ${cop.data.name}`}
        description={
          <AnchorLink to="/komunitas/$id" params={{ id }}>
            {cop.data.name}
          </AnchorLink>
        }
      />
      {cop.data.viewer.runs ? (
        <MeetingForm copId={id} />
      ) : (
        <PageState kind="empty">{t('form.notAllowed')}</PageState>
      )}
    </>
  );
}
