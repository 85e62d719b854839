import { type AppError, CommonErrors, type LocalizedText } from '@lumbung/platform';

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
      'AWARD_YEAR_EXISTS',
      { id: `Tahun penghargaan ${year} sudah dibuat.`, en: `Award year ${year} already exists.` },
      { year },
    ),
  /** A finalised year is frozen: its results, and the meetings dated inside it (libs/community). */
  finalized: (year: number, what: 'results' | 'meetings' = 'results'): AppError =>
    CommonErrors.conflict('AWARD_YEAR_FINALIZED', FINALIZED_MESSAGES[what](year), { year }),
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
