import { templateOf } from './asset-type-templates';
import type { AssetType } from './asset-types';
import type { RevisionContent } from './revision-row';
import type { FieldChangeDto } from './dto/field-change.dto';
import type { SectionChangeDto } from './dto/section-change.dto';

const FIELDS = [
  'title',
  'summary',
  'body',
  'tags',
  'visibility',
  'seciMode',
  'narasumberId',
  'copId',
] as const;

type Field = (typeof FIELDS)[number];

function text(content: RevisionContent | undefined, field: Field): string | null {
  if (!content) return null;
  const value = content[field];
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return value === '' ? null : (value ?? null);
}

const present = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value;

/**
 * What a revision changes against another (`before`; undefined for the first revision): the
 * fields that differ, and every text section of the template with how it changed. Pure.
 */
export function diffRevisions(
  type: AssetType,
  before: RevisionContent | undefined,
  after: RevisionContent,
): { fields: FieldChangeDto[]; sections: SectionChangeDto[] } {
  const fields = FIELDS.map((field) => ({
    field,
    before: text(before, field),
    after: text(after, field),
  })).filter((f) => f.before !== f.after);
  const sections = templateOf(type)
    .sections.filter((s) => s.kind === 'text')
    .map((s) => {
      const was = present(before?.sections[s.key]);
      const is = present(after.sections[s.key]);
      const change =
        was === is ? 'unchanged' : was === null ? 'added' : is === null ? 'removed' : 'changed';
      return { key: s.key, label: { ...s.label }, change, before: was, after: is };
    });
  return { fields, sections };
}
