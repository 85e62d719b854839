import type { FieldProblem } from './field-problem';
import { CommonErrorCode } from '../error-codes';

/** Text shown to people: Bahasa Indonesia first, English available. */
export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

/**
 * What an error carries beside its message: every 400 names its fields (`FieldProblem[]`, built
 * with `CommonErrors.validation` or `CommonErrors.badRequest`); other statuses carry facts
 * (`{ currentVersion }`, `{ retryAfterSeconds }`).
 */
export type ErrorDetails = FieldProblem[] | Record<string, unknown>;

/**
 * A domain error with a stable code. Services throw these; the global filter turns them into
 * `{ code, message, details? }` with the given HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: LocalizedText,
    readonly details?: ErrorDetails,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

/** Errors every context shares. Context-specific codes live beside their context. */
export const CommonErrors = {
  validation: (details?: FieldProblem[]): AppError =>
    new AppError(
      CommonErrorCode.VALIDATION_FAILED,
      400,
      { id: 'Data yang dikirim tidak valid.', en: 'The request is not valid.' },
      details,
    ),
  /** A 400 with its own code; like every 400, its details (if any) name the fields. */
  badRequest: (code: string, text: LocalizedText, details?: FieldProblem[]): AppError =>
    new AppError(code, 400, text, details),
  malformedBody: (): AppError =>
    new AppError(CommonErrorCode.MALFORMED_BODY, 400, {
      id: 'Isi permintaan bukan JSON yang valid.',
      en: 'The request body is not valid JSON.',
    }),
  /** `field` is where the nesting is: `body` or `query` (or a line of an import). */
  nestingTooDeep: (maxDepth: number, field = 'body'): AppError =>
    new AppError(
      CommonErrorCode.NESTING_TOO_DEEP,
      400,
      {
        id: `Data bersarang terlalu dalam (paling banyak ${maxDepth} tingkat).`,
        en: `The data is nested too deeply (at most ${maxDepth} levels).`,
      },
      [
        {
          field,
          problems: ['too_deep'],
          messages: [`Data bersarang lebih dari ${maxDepth} tingkat.`],
          details: { maxDepth },
        },
      ],
    ),
  unauthenticated: (): AppError =>
    new AppError(CommonErrorCode.UNAUTHENTICATED, 401, {
      id: 'Silakan masuk terlebih dahulu.',
      en: 'Please log in first.',
    }),
  forbidden: (): AppError =>
    new AppError(CommonErrorCode.FORBIDDEN, 403, {
      id: 'Anda tidak memiliki izin untuk tindakan ini.',
      en: 'You are not allowed to do this.',
    }),
  notFound: (): AppError =>
    new AppError(CommonErrorCode.NOT_FOUND, 404, {
      id: 'Data tidak ditemukan.',
      en: 'Not found.',
    }),
  methodNotAllowed: (): AppError =>
    new AppError(CommonErrorCode.METHOD_NOT_ALLOWED, 405, {
      id: 'Metode ini tidak didukung untuk alamat ini.',
      en: 'This method is not supported here.',
    }),
  conflict: (code: string, text: LocalizedText, details?: Record<string, unknown>): AppError =>
    new AppError(code, 409, text, details),
  payloadTooLarge: (): AppError =>
    new AppError(CommonErrorCode.PAYLOAD_TOO_LARGE, 413, {
      id: 'Ukuran data terlalu besar.',
      en: 'The request is too large.',
    }),
  unsupportedMediaType: (accepted?: readonly string[]): AppError =>
    new AppError(
      CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
      415,
      { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
      accepted ? { accepted } : undefined,
    ),
  rateLimited: (retryAfterSeconds?: number): AppError =>
    new AppError(
      CommonErrorCode.RATE_LIMITED,
      429,
      {
        id: 'Terlalu banyak permintaan. Coba lagi nanti.',
        en: 'Too many requests. Try again later.',
      },
      retryAfterSeconds === undefined ? undefined : { retryAfterSeconds },
    ),
  internal: (): AppError =>
    new AppError(CommonErrorCode.INTERNAL_ERROR, 500, {
      id: 'Terjadi kesalahan pada server.',
      en: 'Something went wrong on the server.',
    }),
  storageFull: (): AppError =>
    new AppError(CommonErrorCode.STORAGE_FULL, 507, {
      id: 'Ruang penyimpanan berkas penuh. Berkas tidak disimpan; coba lagi nanti.',
      en: 'File storage is full. The file was not stored; try again later.',
    }),
  databaseUnavailable: (): AppError =>
    new AppError(
      CommonErrorCode.DATABASE_UNAVAILABLE,
      503,
      {
        id: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
        en: 'The database cannot be reached right now. Try again shortly.',
      },
      { retryAfterSeconds: 2 },
    ),
  unavailable: (): AppError =>
    new AppError(CommonErrorCode.SERVICE_UNAVAILABLE, 503, {
      id: 'Layanan sedang tidak tersedia.',
      en: 'The service is unavailable.',
    }),
} as const;

/**
 * Whether an access check passed: its refusal (404 or 403) is `false`; any other failure (the
 * database down, a bug) is thrown on, so it is reported as what it is and not as "not found".
 */
export async function passes(check: Promise<unknown>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) return false;
    throw error;
  }
}
