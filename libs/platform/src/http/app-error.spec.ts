import { AppError, CommonErrors, passes } from './app-error';

describe('passes (an access check as a yes/no)', () => {
  it('is true when the check resolves, false when it refuses with 404 or 403', async () => {
    await expect(passes(Promise.resolve({ id: 'm1' }))).resolves.toBe(true);
    await expect(passes(Promise.reject(CommonErrors.notFound()))).resolves.toBe(false);
    await expect(passes(Promise.reject(CommonErrors.forbidden()))).resolves.toBe(false);
  });

  it('throws any other failure on instead of turning it into "not found"', async () => {
    const down = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    await expect(passes(Promise.reject(down))).rejects.toBe(down);
    const invalid = CommonErrors.validation([{ field: 'id', problems: ['invalid'] }]);
    await expect(passes(Promise.reject(invalid))).rejects.toBeInstanceOf(AppError);
  });
});
