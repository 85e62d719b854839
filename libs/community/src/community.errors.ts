import { AppError, CommonErrors } from '@lumbung/platform';
import { CommunityErrorCode } from './error-codes';

const SHEET_PROBLEMS = {
  missing: {
    id: 'Pilih berkas daftar hadir (CSV atau XLSX).',
    en: 'Choose an attendance sheet (CSV or XLSX).',
  },
  empty: { id: 'Berkas daftar hadir kosong.', en: 'The attendance sheet is empty.' },
  unreadable: {
    id: 'Berkas ini tidak dapat dibaca sebagai CSV atau XLSX.',
    en: 'This file cannot be read as CSV or XLSX.',
  },
  no_nip_column: {
    id: 'Kolom NIP tidak ditemukan: beri kolomnya judul "NIP".',
    en: 'No NIP column found: give it the heading "NIP".',
  },
  too_many_rows: {
    id: 'Daftar hadir berisi lebih dari 2000 baris.',
    en: 'The attendance sheet has more than 2000 rows.',
  },
} as const;

export const CommunityErrors = {
  /** `unknown`: the NIPs or ids as sent in `field`, in `details.unknown` of its field problem. */
  unknownUsers: (field: string, unknown: string[]): AppError =>
    CommonErrors.badRequest(
      CommunityErrorCode.UNKNOWN_USERS,
      {
        id: 'Sebagian pengguna tidak dikenal atau tidak aktif.',
        en: 'Some users are unknown or inactive.',
      },
      [
        {
          field,
          problems: ['unknown_or_inactive_user'],
          messages: [`Pengguna tidak dikenal atau tidak aktif: ${unknown.join(', ')}.`],
          details: { unknown },
        },
      ],
    ),
  duplicateMeeting: (existingId: string): AppError =>
    CommonErrors.conflict(
      CommunityErrorCode.DUPLICATE_MEETING,
      {
        id: 'Pertemuan dengan topik yang sama pada hari itu sudah tercatat.',
        en: 'A meeting with the same topic on that day is already logged.',
      },
      { existingId },
    ),
  futureMeeting: (): AppError =>
    CommonErrors.badRequest(CommunityErrorCode.MEETING_IN_FUTURE, {
      id: 'Tanggal pertemuan tidak boleh di masa depan.',
      en: 'A meeting cannot be dated in the future.',
    }),
  /** Output assets the caller cannot read are reported like missing ones (`details.assetIds`). */
  unreadableOutputs: (ids: string[]): AppError =>
    CommonErrors.badRequest(
      CommunityErrorCode.UNKNOWN_OUTPUT_ASSETS,
      { id: 'Sebagian aset keluaran tidak ditemukan.', en: 'Some output assets were not found.' },
      [
        {
          field: 'outputAssetIds',
          problems: ['unknown_asset'],
          messages: [`Aset keluaran tidak ditemukan: ${ids.join(', ')}.`],
          details: { assetIds: ids },
        },
      ],
    ),
  duplicateCop: (): AppError =>
    CommonErrors.conflict(CommunityErrorCode.DUPLICATE_COP, {
      id: 'Komunitas dengan nama ini sudah ada di OPD tersebut.',
      en: 'A community with this name already exists in that OPD.',
    }),
  notMember: (): AppError =>
    new AppError(CommunityErrorCode.NOT_A_COP_MEMBER, 403, {
      id: 'Hanya anggota komunitas yang dapat menaruh aset di komunitas ini.',
      en: 'Only members of the community may file assets under it.',
    }),
  alreadyMember: (): AppError =>
    CommonErrors.conflict(CommunityErrorCode.ALREADY_A_MEMBER, {
      id: 'Anda sudah menjadi anggota komunitas ini.',
      en: 'You are already a member of this community.',
    }),
  joinRequestDecided: (status: string): AppError =>
    CommonErrors.conflict(
      CommunityErrorCode.JOIN_REQUEST_DECIDED,
      {
        id: 'Permintaan bergabung ini sudah diputuskan.',
        en: 'This join request has already been decided.',
      },
      { status },
    ),
  attendanceSheet: (problem: keyof typeof SHEET_PROBLEMS): AppError =>
    CommonErrors.badRequest(
      CommunityErrorCode.ATTENDANCE_SHEET_UNREADABLE,
      SHEET_PROBLEMS[problem],
      [{ field: 'file', problems: [problem], messages: [SHEET_PROBLEMS[problem].id] }],
    ),
};
