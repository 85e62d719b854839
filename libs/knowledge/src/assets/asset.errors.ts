import { AppError, CommonErrorCode, CommonErrors } from '@lumbung/platform';
import type { MissingPart } from './completeness';
import { KnowledgeErrorCode } from '../error-codes';

export const AssetErrors = {
  invalidTransition: (from: string, action: string): AppError =>
    new AppError(
      KnowledgeErrorCode.INVALID_TRANSITION,
      409,
      {
        id: 'Tindakan ini tidak dapat dilakukan pada status aset saat ini.',
        en: 'This action is not possible in the asset’s current status.',
      },
      { status: from, action },
    ),
  /** Names the empty parts by the labels the write form shows; `details.missing` keeps keys too. */
  incomplete: (missing: MissingPart[]): AppError =>
    new AppError(
      KnowledgeErrorCode.ASSET_INCOMPLETE,
      422,
      {
        id: `Bagian wajib belum diisi: ${missing.map((m) => m.label).join(', ')}. Lengkapi sebelum mengajukan.`,
        en: `Required parts are empty: ${missing.map((m) => m.labelEn).join(', ')}. Complete them before submitting.`,
      },
      { missing },
    ),
  selfApproval: (): AppError =>
    new AppError(KnowledgeErrorCode.SELF_REVIEW_FORBIDDEN, 403, {
      id: 'Verifikator tidak boleh memverifikasi aset yang ia tulis sendiri.',
      en: 'Verifiers may not review an asset they authored.',
    }),
  versionConflict: (current: number): AppError =>
    new AppError(
      CommonErrorCode.VERSION_CONFLICT,
      409,
      {
        id: 'Aset telah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.',
        en: 'Someone else changed the asset. Reload and apply your change again.',
      },
      { currentVersion: current },
    ),
  unknownSections: (keys: string[]): AppError =>
    CommonErrors.validation(
      keys.map((k) => ({ field: `sections.${k}`, problems: ['unknown_section'] })),
    ),
  unknownUsers: (field: string): AppError =>
    CommonErrors.validation([{ field, problems: ['unknown_or_inactive_user'] }]),
  fieldProblem: (field: string, problem: string): AppError =>
    CommonErrors.validation([{ field, problems: [problem] }]),
  revisionPending: (n: number): AppError =>
    new AppError(
      KnowledgeErrorCode.REVISION_PENDING,
      409,
      {
        id: 'Ada perubahan dari penulis yang menunggu verifikasi. Setujui atau tolak dulu perubahan itu.',
        en: 'An author’s change is waiting for verification. Approve or reject it first.',
      },
      { pendingRevision: n },
    ),
  revisionNotPending: (status: string): AppError =>
    new AppError(
      KnowledgeErrorCode.REVISION_NOT_PENDING,
      409,
      {
        id: 'Revisi ini tidak sedang menunggu verifikasi.',
        en: 'This revision is not waiting for verification.',
      },
      { status },
    ),
  revisionOutdated: (published: number): AppError =>
    new AppError(
      KnowledgeErrorCode.REVISION_OUTDATED,
      409,
      {
        id: 'Aset telah berubah sejak perubahan ini ditulis. Penulis perlu menyuntingnya ulang.',
        en: 'The asset changed since this edit was written. The author needs to edit it again.',
      },
      { publishedRevision: published },
    ),
};
