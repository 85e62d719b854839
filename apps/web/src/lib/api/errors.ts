import { i18n } from '@/i18n';

/**
 * One invalid field as every 400 reports it: `{ field: 'sections.latar', problems: ['isNotEmpty'] }`,
 * with `messages` (each problem in Indonesian words, where the API has them) and `details` (facts
 * such as the unknown ids or the allowed values).
 */
export interface FieldProblem {
  field: string;
  problems: string[];
  messages?: string[];
  details?: Record<string, unknown>;
}

/**
 * Every failed API call, as `{ code, message, details }` from the API's one error shape, plus the
 * HTTP status. `message` is already in the portal's language (the client sends Accept-Language).
 * A request that never reached the API has status 0 and code NETWORK_ERROR.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a 400 answer (empty for any other error). */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as FieldProblem).field === 'string' &&
        Array.isArray((d as FieldProblem).problems),
    );
  }

  /** Seconds to wait, for 429 RATE_LIMITED answers that say so. */
  get retryAfterSeconds(): number | undefined {
    const value = (this.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    return typeof value === 'number' && value > 0 ? value : undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads the API's error body from a failed response (any body the API did not write is generic). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.clone().json();
  } catch {
    body = undefined;
  }
  const { code, message, details } = (body ?? {}) as Partial<Record<string, unknown>>;
  if (typeof code === 'string' && typeof message === 'string') {
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'));
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
}

/** Any thrown value as an ApiError (a programming error keeps its message for the logs only). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'UNEXPECTED_ERROR', i18n.t('errors.unexpected'));
}
