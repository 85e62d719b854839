import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { AppError } from './app-error';
import { toAppError } from './error.filter';

function summary(error: AppError): { code: string; status: number; details: unknown } {
  return { code: error.code, status: error.status, details: error.details };
}

describe('toAppError', () => {
  it('passes an AppError through unchanged', () => {
    const original = new AppError(
      'USER_NOT_FOUND',
      404,
      { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
      { userId: 'u-1' },
    );
    expect(toAppError(original)).toBe(original);
  });

  it('passes an AppError through even when it carries a body-parser type', () => {
    const original = Object.assign(new AppError('CUSTOM', 422, { id: 'x', en: 'x' }), {
      type: 'entity.too.large',
    });
    expect(toAppError(original)).toBe(original);
  });

  describe('Nest HttpExceptions', () => {
    it('maps NotFoundException to NOT_FOUND 404', () => {
      const error = toAppError(new NotFoundException('Cannot GET /nope'));
      expect(summary(error)).toEqual({ code: 'NOT_FOUND', status: 404, details: undefined });
      expect(error.text).toEqual({ id: 'Data tidak ditemukan.', en: 'Not found.' });
    });

    it('maps a 429 HttpException to RATE_LIMITED', () => {
      expect(summary(toAppError(new HttpException('ThrottlerException', 429)))).toEqual({
        code: 'RATE_LIMITED',
        status: 429,
        details: undefined,
      });
    });

    it.each([
      [new BadRequestException('bad'), 'VALIDATION_FAILED', 400],
      [new UnauthorizedException(), 'UNAUTHENTICATED', 401],
      [new ForbiddenException(), 'FORBIDDEN', 403],
      [new HttpException('nope', 405), 'METHOD_NOT_ALLOWED', 405],
      [new PayloadTooLargeException(), 'PAYLOAD_TOO_LARGE', 413],
      [new HttpException('type', 415), 'UNSUPPORTED_MEDIA_TYPE', 415],
      [new HttpException('teapot', 418), 'REQUEST_FAILED', 418],
      [new HttpException('bad gateway', 502), 'INTERNAL_ERROR', 500],
    ])('maps %p to %s %d', (exception, code, status) => {
      const error = toAppError(exception);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
    });

    it('does not leak the validation message of a BadRequestException', () => {
      const error = toAppError(new BadRequestException('password must be longer'));
      expect(error.details).toBeUndefined();
      expect(error.text.en).not.toContain('password');
    });
  });

  describe('body-parser errors', () => {
    it('maps entity.too.large to PAYLOAD_TOO_LARGE 413', () => {
      expect(summary(toAppError({ type: 'entity.too.large' }))).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        status: 413,
        details: undefined,
      });
    });

    it('maps entity.parse.failed to MALFORMED_BODY 400', () => {
      expect(summary(toAppError({ type: 'entity.parse.failed' }))).toEqual({
        code: 'MALFORMED_BODY',
        status: 400,
        details: undefined,
      });
    });

    it('recognises http-errors style Error objects with type and status', () => {
      const error = Object.assign(new Error('request entity too large'), {
        type: 'entity.too.large',
        status: 413,
        expose: true,
      });
      expect(toAppError(error).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it.each([
      ['encoding.unsupported', 'UNSUPPORTED_MEDIA_TYPE', 415],
      ['charset.unsupported', 'UNSUPPORTED_MEDIA_TYPE', 415],
      ['request.aborted', 'VALIDATION_FAILED', 400],
      ['request.size.invalid', 'VALIDATION_FAILED', 400],
    ])('maps %s to %s %d', (type, code, status) => {
      const error = toAppError({ type });
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
    });

    it('treats an unknown type as an internal error', () => {
      expect(summary(toAppError({ type: 'something.else' }))).toEqual({
        code: 'INTERNAL_ERROR',
        status: 500,
        details: undefined,
      });
    });
  });

  describe('unexpected errors', () => {
    it('turns a plain Error into INTERNAL_ERROR 500 without its message', () => {
      const secret = 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2';
      const error = toAppError(new Error(secret));
      expect(summary(error)).toEqual({ code: 'INTERNAL_ERROR', status: 500, details: undefined });
      expect(error.message).not.toContain('hunter2');
      expect(error.text.en).not.toContain('ECONNREFUSED');
      expect(error.text.id).not.toContain('ECONNREFUSED');
      expect(error.text).toEqual({
        id: 'Terjadi kesalahan pada server.',
        en: 'Something went wrong on the server.',
      });
    });

    it.each([[null], [undefined], ['a string'], [42], [{}]])(
      'turns %p into INTERNAL_ERROR 500',
      (value) => {
        const error = toAppError(value);
        expect(error.code).toBe('INTERNAL_ERROR');
        expect(error.status).toBe(500);
      },
    );
  });

  describe('database errors', () => {
    it('maps a PostgreSQL unique violation (23505) to CONFLICT 409', () => {
      // Shape of TypeORM's QueryFailedError: an Error whose driverError carries the SQLSTATE.
      const error = Object.assign(
        new Error('duplicate key value violates unique constraint "users_email_key"'),
        {
          name: 'QueryFailedError',
          query: 'INSERT INTO users ...',
          parameters: ['a@b.id'],
          driverError: { code: '23505', detail: 'Key (email)=(a@b.id) already exists.' },
        },
      );
      const mapped = toAppError(error);
      expect(mapped.status).toBe(409);
      expect(mapped.code).toBe('CONFLICT');
      expect(mapped.text.en).not.toContain('users_email_key');
      expect(mapped.text.en).not.toContain('a@b.id');
    });
  });
  it.each(['ENOSPC', 'EDQUOT'])('maps %s from a file write to STORAGE_FULL 507', (code) => {
    const error = Object.assign(new Error(`${code}: no space left on device, write`), { code });
    expect(summary(toAppError(error))).toEqual({
      code: 'STORAGE_FULL',
      status: 507,
      details: undefined,
    });
    expect(toAppError(error).text.id).toBe(
      'Ruang penyimpanan berkas penuh. Berkas tidak disimpan; coba lagi nanti.',
    );
  });

  describe('an unreachable database', () => {
    const driverError = (code: string, message: string): Error =>
      Object.assign(new Error(message), { name: 'QueryFailedError', driverError: { code } });

    it.each([
      [
        'a refused connection',
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      ],
      ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
      [
        'a session ended by a fast shutdown (57P01)',
        driverError('57P01', 'terminating connection'),
      ],
      ['a server starting up (57P03)', driverError('57P03', 'the database system is starting up')],
      ['a connection failure (08006)', driverError('08006', 'connection failure')],
      ['a statement timeout (57014)', driverError('57014', 'canceling statement due to timeout')],
      ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
      ['a pool wait that timed out', new Error('timeout exceeded when trying to connect')],
      ['a paused server that never answered', new Error('Query read timeout')],
    ])('maps %s to DATABASE_UNAVAILABLE 503 with a retry hint', (_label, error) => {
      const mapped = toAppError(error);
      expect(summary(mapped)).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        status: 503,
        details: { retryAfterSeconds: 2 },
      });
      expect(mapped.text.id).toBe(
        'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
      );
    });

    it('keeps a query error that is not about reachability a 500', () => {
      expect(toAppError(driverError('42P01', 'relation "x" does not exist')).code).toBe(
        'INTERNAL_ERROR',
      );
    });
  });
});
