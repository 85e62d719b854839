import { type AppError, CommonErrors } from '@lumbung/platform';
import { NotificationsErrorCode } from './error-codes';

export const NotificationErrors = {
  duplicateType: (types: string[]): AppError =>
    CommonErrors.badRequest(
      NotificationsErrorCode.NOTIFICATION_TYPE_REPEATED,
      {
        id: `Jenis notifikasi disebut lebih dari sekali: ${types.join(', ')}.`,
        en: `A notification type is given more than once: ${types.join(', ')}.`,
      },
      [
        {
          field: 'items',
          problems: ['repeated_type'],
          messages: [`Setiap jenis notifikasi cukup disebut sekali: ${types.join(', ')}.`],
          details: { types },
        },
      ],
    ),
};
