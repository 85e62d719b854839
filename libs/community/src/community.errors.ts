import { AppError, CommonErrors } from '@lumbung/platform';

export const CommunityErrors = {
  unknownUsers: (field: string, unknown: string[]): AppError =>
    new AppError(
      'UNKNOWN_USERS',
      400,
      {
        id: 'Sebagian pengguna tidak dikenal atau tidak aktif.',
        en: 'Some users are unknown or inactive.',
      },
      { field, unknown },
    ),
  duplicateMeeting: (existingId: string): AppError =>
    CommonErrors.conflict(
      'DUPLICATE_MEETING',
      {
        id: 'Pertemuan dengan topik yang sama pada hari itu sudah tercatat.',
        en: 'A meeting with the same topic on that day is already logged.',
      },
      { existingId },
    ),
  futureMeeting: (): AppError =>
    new AppError('MEETING_IN_FUTURE', 400, {
      id: 'Tanggal pertemuan tidak boleh di masa depan.',
      en: 'A meeting cannot be dated in the future.',
    }),
  finalizedYear: (year: number): AppError =>
    new AppError(
      'AWARD_YEAR_FINALIZED',
      409,
      {
        id: 'Tahun penilaian ini sudah difinalisasi; pertemuan tidak dapat dicatat di dalamnya.',
        en: 'This award year is finalised; meetings cannot be logged in it.',
      },
      { year },
    ),
  unreadableOutputs: (ids: string[]): AppError =>
    new AppError(
      'UNKNOWN_OUTPUT_ASSETS',
      400,
      { id: 'Sebagian aset keluaran tidak ditemukan.', en: 'Some output assets were not found.' },
      { assetIds: ids },
    ),
  duplicateCop: (): AppError =>
    CommonErrors.conflict('DUPLICATE_COP', {
      id: 'Komunitas dengan nama ini sudah ada di OPD tersebut.',
      en: 'A community with this name already exists in that OPD.',
    }),
  notMember: (): AppError =>
    new AppError('NOT_A_COP_MEMBER', 403, {
      id: 'Hanya anggota komunitas yang dapat menaruh aset di komunitas ini.',
      en: 'Only members of the community may file assets under it.',
    }),
};
