/**
 * One field's problems: the `details` of every 400, whatever its code. `problems` are stable codes
 * for programs; `messages`, where given, says each of them to people in Bahasa Indonesia
 * (`messages[i]` is `problems[i]` in words); `details` holds facts a code alone cannot give (the
 * allowed values, the missing columns, the unknown ids).
 */
export interface FieldProblem {
  field: string;
  problems: string[];
  messages?: string[];
  details?: Record<string, unknown>;
}

/** Whether a value is a list of field problems, the shape every 400's `details` has. */
export function isFieldProblemList(value: unknown): value is FieldProblem[] {
  return Array.isArray(value) && value.every(isFieldProblem);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { field, problems, messages, details } = value as Partial<Record<string, unknown>>;
  const strings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
  return (
    typeof field === 'string' &&
    strings(problems) &&
    problems.length > 0 &&
    (messages === undefined || (strings(messages) && messages.length === problems.length)) &&
    (details === undefined ||
      (typeof details === 'object' && details !== null && !Array.isArray(details)))
  );
}
