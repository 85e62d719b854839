import type { NotificationRow } from '../notifications.repository';
import type { NotificationDto } from './dto/notification.dto';

/** A notification row as the API answers it (pure: the ids of numeric rows become strings). */
export function presentNotification(row: NotificationRow): NotificationDto {
  return {
    id: String(row.id),
    type: row.type,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
