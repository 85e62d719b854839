import { AppError } from '@lumbung/platform';

export const NotificationErrors = {
  duplicateType: (types: string[]): AppError =>
    new AppError(
      'NOTIFICATION_TYPE_REPEATED',
      400,
      {
        id: `Jenis notifikasi disebut lebih dari sekali: ${types.join(', ')}.`,
        en: `A notification type is given more than once: ${types.join(', ')}.`,
      },
      { types },
    ),
};
