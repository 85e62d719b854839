import { i18n } from '@/i18n';
import { ApiError } from './errors';

const KNOWN_PROBLEMS = [
  'isNotEmpty',
  'isDefined',
  'isString',
  'isEmail',
  'isIn',
  'isEnum',
  'isInt',
  'isNumber',
  'isBoolean',
  'isUuid',
  'isArray',
  'isDateString',
  'isISO8601',
  'length',
  'isLength',
  'minLength',
  'maxLength',
  'min',
  'max',
  'matches',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'whitelistValidation',
] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

function isKnown(problem: string): problem is KnownProblem {
  return (KNOWN_PROBLEMS as readonly string[]).includes(problem);
}

/**
 * One problem code from the API (class-validator's constraint name) in words a person reads: the
 * portal's own words for the codes it knows, else the API's words for it (`message`), if any.
 */
export function problemText(problem: string, message?: string): string {
  if (isKnown(problem)) return i18n.t(`problems.${problem}`);
  return message ?? i18n.t('problems.invalid');
}

/**
 * The API's `details: [{ field, problems }]` as one message per form field, in the portal's
 * language, ready for an input's `error` prop or a form library's `setErrors`:
 * `{ title: 'Wajib diisi.', 'sections.latar': 'Isian terlalu panjang.' }` (nested fields keep
 * their dotted path). Empty for errors that are not about fields.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const { field, problems, messages } of error.fieldProblems) {
    out[field] = [...new Set(problems.map((p, i) => problemText(p, messages?.[i])))].join(' ');
  }
  return out;
}
