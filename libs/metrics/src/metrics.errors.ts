import { AppError, CommonErrors } from '@lumbung/platform';
import { MetricsErrorCode } from './error-codes';

export const MetricsErrors = {
  ownAsset: (): AppError =>
    new AppError(MetricsErrorCode.OWN_ASSET, 409, {
      id: 'Anda tidak dapat menilai atau melaporkan penerapan aset Anda sendiri.',
      en: 'You cannot endorse or report reuse of your own asset.',
    }),
  notPublished: (): AppError =>
    new AppError(MetricsErrorCode.ASSET_NOT_PUBLISHED, 409, {
      id: 'Hanya aset yang sudah terbit yang dapat dinilai atau dibagikan.',
      en: 'Only published assets can be endorsed, reported or shared.',
    }),
  viewRequired: (): AppError =>
    new AppError(MetricsErrorCode.VIEW_REQUIRED, 409, {
      id: 'Baca aset ini terlebih dahulu sebelum melaporkan penerapannya.',
      en: 'Read this asset before reporting how you applied it.',
    }),
  duplicateReuseReport: (): AppError =>
    new AppError(MetricsErrorCode.REUSE_REPORT_EXISTS, 409, {
      id: 'Anda sudah melaporkan penerapan aset ini.',
      en: 'You have already reported reuse of this asset.',
    }),
  badPeriod: (): AppError =>
    CommonErrors.badRequest(MetricsErrorCode.INVALID_PERIOD, {
      id: 'Periode tidak valid.',
      en: 'The period is not valid.',
    }),
  invalidIdempotencyKey: (): AppError =>
    CommonErrors.badRequest(MetricsErrorCode.INVALID_IDEMPOTENCY_KEY, {
      id: 'Idempotency-Key harus 8–100 karakter huruf, angka, titik, titik dua, garis bawah atau tanda hubung.',
      en: 'Idempotency-Key must be 8–100 letters, digits, dots, colons, underscores or hyphens.',
    }),
};
