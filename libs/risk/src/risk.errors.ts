import { type AppError, CommonErrorCode, CommonErrors } from '@lumbung/platform';
import { RiskErrorCode } from './error-codes';

/** Coded errors of the knowledge-at-risk context (Indonesian first). */
export const RiskErrors = {
  notHighRisk: (risk: number): AppError =>
    CommonErrors.conflict(
      RiskErrorCode.PERSON_NOT_HIGH_RISK,
      {
        id: 'Rencana wawancara retensi hanya untuk pegawai berisiko tinggi (risiko ≥ 15). Ubah kekritisan dengan alasan bila perlu.',
        en: 'Retention plans are for high-risk people only (risk ≥ 15). Override the criticality with a reason if needed.',
      },
      { risk },
    ),
  planExists: (planId: string): AppError =>
    CommonErrors.conflict(
      RiskErrorCode.RETENTION_PLAN_EXISTS,
      {
        id: 'Pegawai ini sudah memiliki rencana wawancara retensi.',
        en: 'This person already has a retention plan.',
      },
      { planId },
    ),
  invalidMove: (state: string, move: string): AppError =>
    CommonErrors.conflict(
      RiskErrorCode.INVALID_PLAN_TRANSITION,
      {
        id: 'Rencana dalam status ini tidak dapat diubah dengan cara tersebut.',
        en: 'The plan cannot make this move from its current state.',
      },
      { state, move },
    ),
  versionConflict: (version: number): AppError =>
    CommonErrors.conflict(
      CommonErrorCode.VERSION_CONFLICT,
      {
        id: 'Rencana telah diubah orang lain. Muat ulang lalu coba lagi.',
        en: 'The plan was changed by someone else. Reload and try again.',
      },
      { version },
    ),
  field: (field: string, problem: string): AppError =>
    CommonErrors.validation([{ field, problems: [problem] }]),
};
