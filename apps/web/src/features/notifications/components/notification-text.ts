import type { TFunction } from 'i18next';
import { formatWibDate, type DisplayLanguage } from '@/lib/format/wib';
import type { Schemas } from '@/lib/api/types';

type Notification = Schemas['NotificationDto'];

/** The sentence a notification shows, in the portal's language, from its type and facts. */
export function notificationText(
  n: Notification,
  t: TFunction<'notifications'>,
  lang: DisplayLanguage,
): string {
  const p = n.params;
  const title = p.assetTitle ?? '';
  const date = formatWibDate(p.dueDate, lang);
  switch (n.type) {
    case 'review_decided':
      return p.decision === 'approved'
        ? t('messages.review_decided_approved', { title })
        : t('messages.review_decided_rejected', { title });
    case 'review_waiting':
      return p.revision
        ? t('messages.review_waiting_revision', { title })
        : t('messages.review_waiting', { title });
    case 'reverification_due':
      return t('messages.reverification_due', { title, date });
    case 'named_contributor':
      return p.role === 'narasumber'
        ? t('messages.named_contributor_narasumber', { title })
        : t('messages.named_contributor_author', { title });
    case 'cop_meeting_logged':
      return t('messages.cop_meeting_logged', {
        cop: p.copName ?? '',
        topic: p.meetingTopic ?? '',
      });
    case 'retention_interview_due':
      return t('messages.retention_interview_due', { person: p.personName ?? '', date });
  }
}
