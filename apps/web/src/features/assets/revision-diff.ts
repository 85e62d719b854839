import { diffWordsWithSpace } from 'diff';

/** A run of text that both versions share, or that only the newer (added) or older (removed) has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One field compared: its label and, when it changed, the word-level differences. */
export interface FieldChange {
  key: string;
  label: string;
  parts: DiffPart[];
}

/** A field of a revision as the text a person compares (labels, not codes). */
export interface FieldSpec<R> {
  key: string;
  label: string;
  text: (revision: R) => string;
}

/** Word-level differences (whitespace kept, so paragraphs and lists keep their shape). */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/**
 * Compares two revisions field by field: the changed fields with their differences, in the
 * given order, and the labels of the fields that stayed the same.
 */
export function compareRevisions<R>(
  before: R,
  after: R,
  fields: FieldSpec<R>[],
): { changed: FieldChange[]; unchanged: string[] } {
  const changed: FieldChange[] = [];
  const unchanged: string[] = [];
  for (const field of fields) {
    const a = field.text(before);
    const b = field.text(after);
    if (a === b) unchanged.push(field.label);
    else changed.push({ key: field.key, label: field.label, parts: textDiff(a, b) });
  }
  return { changed, unchanged };
}
