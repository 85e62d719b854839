import { type AssetType, templateOf } from './asset-types';

export interface CompletenessInput {
  type: AssetType;
  summary: string;
  sections: Record<string, string>;
  tags: readonly string[];
  seciMode: string | null;
  narasumberId: string | null;
  attachmentCount: number;
}

export interface Completeness {
  /** 0–1, three decimals. */
  score: number;
  /** What is still missing: `section:<key>`, `summary`, `tags`, `seciMode`, `attachment`. */
  missing: string[];
}

const filled = (value: string | undefined): boolean => (value ?? '').trim().length > 0;

/**
 * domain.md §3: share of required sections non-empty, summary present, ≥1 tag, SECI mode set and
 * (where the type requires one) an attachment present, equally weighted.
 */
export function computeCompleteness(input: CompletenessInput): Completeness {
  const template = templateOf(input.type);
  const required = template.sections.filter((s) => s.required);
  const missingSections = required
    .filter((s) => (s.kind === 'user' ? !input.narasumberId : !filled(input.sections[s.key])))
    .map((s) => `section:${s.key}`);
  const parts = [
    required.length === 0 ? 1 : (required.length - missingSections.length) / required.length,
    filled(input.summary) ? 1 : 0,
    input.tags.length > 0 ? 1 : 0,
    input.seciMode ? 1 : 0,
  ];
  const missing = [...missingSections];
  if (!filled(input.summary)) missing.push('summary');
  if (input.tags.length === 0) missing.push('tags');
  if (!input.seciMode) missing.push('seciMode');
  if (template.requiresAttachment) {
    parts.push(input.attachmentCount > 0 ? 1 : 0);
    if (input.attachmentCount === 0) missing.push('attachment');
  }
  const score = parts.reduce((a, b) => a + b, 0) / parts.length;
  return { score: Math.round(score * 1000) / 1000, missing };
}
