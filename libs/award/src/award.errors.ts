import {
  type AppError,
  CommonErrors,
  type FieldProblem,
  type LocalizedText,
} from '@lumbung/platform';
import { MAX_WINNERS, type RubricProblem, type RubricProblemCode } from './scoring';
import { AwardErrorCode } from './error-codes';

/** A rubric problem in words, beside its code in the 400's field problems. */
const RUBRIC_PROBLEMS: Record<RubricProblemCode, string> = {
  unknown_aspect: 'Bukan salah satu aspek penilaian.',
  not_a_number: 'Harus berupa angka.',
  out_of_range: 'Harus antara 0 dan 1.',
  negative: 'Tidak boleh negatif.',
  none_positive: 'Sedikitnya satu bobot aspek harus lebih dari 0.',
  winners_range: `Harus bilangan bulat dari 1 sampai ${MAX_WINNERS}.`,
};

const FINALIZED_MESSAGES = {
  results: (year: number): LocalizedText => ({
    id: `Hasil penghargaan ${year} sudah difinalisasi dan tidak dapat diubah.`,
    en: `The ${year} award results are finalised and cannot change.`,
  }),
  meetings: (): LocalizedText => ({
    id: 'Tahun penilaian ini sudah difinalisasi; pertemuan tidak dapat dicatat di dalamnya.',
    en: 'This award year is finalised; meetings cannot be logged in it.',
  }),
};

export const AwardErrors = {
  yearExists: (year: number): AppError =>
    CommonErrors.conflict(
      AwardErrorCode.AWARD_YEAR_EXISTS,
      { id: `Tahun penghargaan ${year} sudah dibuat.`, en: `Award year ${year} already exists.` },
      { year },
    ),
  /** A finalised year is frozen: its results, and the meetings dated inside it (libs/community). */
  finalized: (year: number, what: 'results' | 'meetings' = 'results'): AppError =>
    CommonErrors.conflict(AwardErrorCode.AWARD_YEAR_FINALIZED, FINALIZED_MESSAGES[what](year), {
      year,
    }),
  notFinalized: (year: number): AppError =>
    CommonErrors.conflict(
      AwardErrorCode.AWARD_YEAR_NOT_FINALIZED,
      {
        id: `Hasil penghargaan ${year} belum difinalisasi.`,
        en: `The ${year} award results are not finalised yet.`,
      },
      { year },
    ),
  /** Rubric problems as the one validation shape: each field with its codes and their words. */
  invalidRubric: (problems: RubricProblem[]): AppError => {
    const byField = new Map<string, Required<Pick<FieldProblem, 'problems' | 'messages'>>>();
    for (const p of problems) {
      const entry = byField.get(p.field) ?? { problems: [], messages: [] };
      entry.problems.push(p.problem);
      entry.messages.push(RUBRIC_PROBLEMS[p.problem]);
      byField.set(p.field, entry);
    }
    return CommonErrors.validation([...byField].map(([field, entry]) => ({ field, ...entry })));
  },
};
