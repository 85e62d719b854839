import { AppError, CommonErrors } from '../http/app-error';
import { CommonErrorCode } from '../error-codes';

/** Refusals of a request sent with an `Idempotency-Key`. */
export const IdempotencyErrors = {
  invalidKey: (): AppError =>
    CommonErrors.validation([{ field: 'Idempotency-Key', problems: ['format'] }]),
  reused: (): AppError =>
    new AppError(CommonErrorCode.IDEMPOTENCY_KEY_REUSED, 422, {
      id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain dengan isi berbeda.',
      en: 'This Idempotency-Key was already used for a different request.',
    }),
  inProgress: (retryAfterSeconds: number): AppError =>
    new AppError(
      CommonErrorCode.IDEMPOTENCY_IN_PROGRESS,
      409,
      {
        id: 'Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi.',
        en: 'A request with this Idempotency-Key is still running. Try again shortly.',
      },
      { retryAfterSeconds },
    ),
  alreadyApplied: (): AppError =>
    new AppError(CommonErrorCode.IDEMPOTENCY_ALREADY_APPLIED, 409, {
      id: 'Permintaan ini sudah dijalankan sebelumnya dan hasilnya sudah tersimpan.',
      en: 'This request was already carried out and its result is stored.',
    }),
} as const;
