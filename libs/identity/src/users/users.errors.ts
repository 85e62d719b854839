import { AppError, CommonErrors } from '@lumbung/platform';
import { IdentityErrorCode } from '../error-codes';

export const UserErrors = {
  invalidNip: (problem: string): AppError =>
    CommonErrors.validation([{ field: 'nip', problems: [`nip_${problem}`] }]),
  unknownOpd: (field = 'opdCode'): AppError =>
    CommonErrors.validation([{ field, problems: ['unknown_opd'] }]),
  nipTaken: (): AppError =>
    CommonErrors.conflict(IdentityErrorCode.NIP_TAKEN, {
      id: 'NIP sudah terdaftar.',
      en: 'This NIP is already registered.',
    }),
  emailTaken: (): AppError =>
    CommonErrors.conflict(IdentityErrorCode.EMAIL_TAKEN, {
      id: 'Email sudah dipakai pengguna lain.',
      en: 'This email is already used by another user.',
    }),
  roleNotAllowed: (role: string): AppError =>
    new AppError(
      IdentityErrorCode.ROLE_NOT_ALLOWED,
      403,
      {
        id: 'Anda tidak dapat memberikan peran ini.',
        en: 'You cannot grant this role.',
      },
      { role },
    ),
  passwordAlreadySet: (): AppError =>
    CommonErrors.conflict(IdentityErrorCode.PASSWORD_ALREADY_SET, {
      id: 'Akun ini sudah memiliki kata sandi dan admin tidak dapat menggantinya. Mulailah atur ulang kata sandi agar pengguna menetapkan sandinya sendiri.',
      en: 'This account already has a password, which admins cannot replace. Start a password reset so the user sets their own.',
    }),
  credentialsAdminOnly: (): AppError =>
    new AppError(IdentityErrorCode.PASSWORD_ADMIN_ONLY, 403, {
      id: 'Kata sandi akun yang memegang peran (verifikator, ketua komunitas, admin) hanya dapat diatur ulang oleh admin sistem.',
      en: 'Only a system administrator can reset the password of an account that holds a role (verifier, community lead, admin).',
    }),
  cannotChangeSelf: (): AppError =>
    new AppError(IdentityErrorCode.CANNOT_CHANGE_OWN_ACCESS, 409, {
      id: 'Anda tidak dapat menonaktifkan atau mengubah peran akun Anda sendiri.',
      en: 'You cannot deactivate yourself or change your own roles.',
    }),
};
