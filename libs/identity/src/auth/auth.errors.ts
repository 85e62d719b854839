import { AppError } from '@lumbung/platform';

export const AuthErrors = {
  invalidCredentials: (): AppError =>
    new AppError('INVALID_CREDENTIALS', 401, {
      id: 'NIP/email atau kata sandi salah.',
      en: 'Wrong NIP/email or password.',
    }),
  localLoginDisabled: (): AppError =>
    new AppError('LOCAL_LOGIN_DISABLED', 403, {
      id: 'Masuk dengan kata sandi dimatikan di sini. Gunakan "Masuk dengan SSO".',
      en: 'Password sign-in is switched off here. Use "Sign in with SSO".',
    }),
  sessionExpired: (): AppError =>
    new AppError('SESSION_EXPIRED', 401, {
      id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
      en: 'Your session has ended. Please log in again.',
    }),
  wrongCurrentPassword: (): AppError =>
    new AppError('WRONG_CURRENT_PASSWORD', 400, {
      id: 'Kata sandi saat ini salah.',
      en: 'The current password is wrong.',
    }),
  passwordResetInvalid: (): AppError =>
    new AppError('PASSWORD_RESET_INVALID', 400, {
      id: 'Kode atur ulang kata sandi tidak berlaku: salah, kedaluwarsa, atau sudah dipakai. Mintalah kode baru kepada admin.',
      en: 'This password-reset code is not valid: wrong, expired or already used. Ask your admin for a new one.',
    }),
  weakPassword: (reason: string): AppError =>
    new AppError(
      'WEAK_PASSWORD',
      400,
      {
        id: 'Kata sandi baru tidak memenuhi syarat (minimal 12 karakter, tidak sama dengan NIP atau email).',
        en: 'The new password does not qualify (at least 12 characters, not your NIP or email).',
      },
      { reason },
    ),
};
