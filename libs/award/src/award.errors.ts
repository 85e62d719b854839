import { type AppError, CommonErrors } from '@lumbung/platform';

export const AwardErrors = {
  yearExists: (year: number): AppError =>
    CommonErrors.conflict(
      'AWARD_YEAR_EXISTS',
      { id: `Tahun penghargaan ${year} sudah dibuat.`, en: `Award year ${year} already exists.` },
      { year },
    ),
  finalized: (year: number): AppError =>
    CommonErrors.conflict(
      'AWARD_YEAR_FINALIZED',
      {
        id: `Hasil penghargaan ${year} sudah difinalisasi dan tidak dapat diubah.`,
        en: `The ${year} award results are finalised and cannot change.`,
      },
      { year },
    ),
  notFinalized: (year: number): AppError =>
    CommonErrors.conflict(
      'AWARD_YEAR_NOT_FINALIZED',
      {
        id: `Hasil penghargaan ${year} belum difinalisasi.`,
        en: `The ${year} award results are not finalised yet.`,
      },
      { year },
    ),
  /** Rubric problems as the one validation shape: each field with its problems. */
  invalidRubric: (problems: { field: string; message: string }[]): AppError => {
    const byField = new Map<string, string[]>();
    for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
    return CommonErrors.validation(
      [...byField].map(([field, list]) => ({ field, problems: list })),
    );
  },
};
