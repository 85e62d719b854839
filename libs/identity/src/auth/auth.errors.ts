import { AppError, CommonErrors } from '@lumbung/platform';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password';
import { IdentityErrorCode } from '../error-codes';

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  too_short: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`,
  too_long: `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`,
  personal_data: 'Kata sandi tidak boleh memuat NIP atau sama dengan email.',
  too_simple: 'Kata sandi harus memakai sedikitnya 4 karakter yang berbeda.',
};

export const AuthErrors = {
  invalidCredentials: (): AppError =>
    new AppError(IdentityErrorCode.INVALID_CREDENTIALS, 401, {
      id: 'NIP/email atau kata sandi salah.',
      en: 'Wrong NIP/email or password.',
    }),
  localLoginDisabled: (): AppError =>
    new AppError(IdentityErrorCode.LOCAL_LOGIN_DISABLED, 403, {
      id: 'Masuk dengan kata sandi dimatikan di sini. Gunakan "Masuk dengan SSO".',
      en: 'Password sign-in is switched off here. Use "Sign in with SSO".',
    }),
  sessionExpired: (): AppError =>
    new AppError(IdentityErrorCode.SESSION_EXPIRED, 401, {
      id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
      en: 'Your session has ended. Please log in again.',
    }),
  wrongCurrentPassword: (): AppError =>
    CommonErrors.badRequest(IdentityErrorCode.WRONG_CURRENT_PASSWORD, {
      id: 'Kata sandi saat ini salah.',
      en: 'The current password is wrong.',
    }),
  passwordResetInvalid: (): AppError =>
    CommonErrors.badRequest(IdentityErrorCode.PASSWORD_RESET_INVALID, {
      id: 'Kode atur ulang kata sandi tidak berlaku: salah, kedaluwarsa, atau sudah dipakai. Mintalah kode baru kepada admin.',
      en: 'This password-reset code is not valid: wrong, expired or already used. Ask your admin for a new one.',
    }),
  /** `field` is the request field holding the password (`newPassword`, or `password` for admins). */
  weakPassword: (problem: PasswordProblem, field = 'newPassword'): AppError =>
    CommonErrors.badRequest(
      IdentityErrorCode.WEAK_PASSWORD,
      {
        id: 'Kata sandi baru tidak memenuhi syarat (minimal 12 karakter, tidak sama dengan NIP atau email).',
        en: 'The new password does not qualify (at least 12 characters, not your NIP or email).',
      },
      [{ field, problems: [problem], messages: [PASSWORD_PROBLEMS[problem]] }],
    ),
};
