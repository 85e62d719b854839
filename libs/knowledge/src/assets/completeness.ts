import type { LocalizedText } from '@lumbung/platform';
import { templateOf } from './asset-type-templates';
import type { AssetType } from './asset-types';

export interface CompletenessInput {
  type: AssetType;
  summary: string;
  sections: Record<string, string>;
  tags: readonly string[];
  seciMode: string | null;
  narasumberId: string | null;
  attachmentCount: number;
}

/** One required part that is still empty: a stable key and what the write form calls it. */
export interface MissingPart {
  /** `section:<key>`, `summary`, `tags`, `seciMode` or `attachment`: stable, for programs. */
  key: string;
  /** The label the write form shows (the template's section label), Indonesian. */
  label: string;
  labelEn: string;
}

export interface Completeness {
  /** 0–1, three decimals: filled required parts ÷ required parts. */
  score: number;
  /** The required parts still empty, in the order the write form shows them. */
  missing: MissingPart[];
}

/** Labels of the parts that are not template sections. */
export const COMPLETENESS_PART_LABELS: Readonly<Record<string, LocalizedText>> = {
  summary: { id: 'Ringkasan', en: 'Summary' },
  tags: { id: 'Tag (minimal satu)', en: 'Tags (at least one)' },
  seciMode: { id: 'Mode SECI', en: 'SECI mode' },
  attachment: { id: 'Lampiran (minimal satu berkas)', en: 'Attachment (at least one file)' },
};

const filled = (value: string | undefined): boolean => (value ?? '').trim().length > 0;

const part = (key: string, label: LocalizedText): MissingPart => ({
  key,
  label: label.id,
  labelEn: label.en,
});

/**
 * How complete an asset is: every required part counts as one item, equally weighted: each required
 * template section on its own (the interviewed expert of a `wawancara_pengetahuan` is one), the
 * summary, at least one tag, the SECI mode, and for types that need one (`dokumen`) an attachment.
 * The score is filled items ÷ items, so a `pelajaran` with 1 of its 4 sections, a summary and a tag
 * (no SECI mode) is 3 ÷ 7 = 0.429.
 */
export function computeCompleteness(input: CompletenessInput): Completeness {
  const template = templateOf(input.type);
  const items: { part: MissingPart; ok: boolean }[] = template.sections
    .filter((s) => s.required)
    .map((s) => ({
      part: part(`section:${s.key}`, s.label),
      ok: s.kind === 'user' ? !!input.narasumberId : filled(input.sections[s.key]),
    }));
  items.push(
    { part: part('summary', COMPLETENESS_PART_LABELS.summary), ok: filled(input.summary) },
    { part: part('tags', COMPLETENESS_PART_LABELS.tags), ok: input.tags.length > 0 },
    { part: part('seciMode', COMPLETENESS_PART_LABELS.seciMode), ok: !!input.seciMode },
  );
  if (template.requiresAttachment)
    items.push({
      part: part('attachment', COMPLETENESS_PART_LABELS.attachment),
      ok: input.attachmentCount > 0,
    });
  const done = items.filter((i) => i.ok).length;
  return {
    score: Math.round((done / items.length) * 1000) / 1000,
    missing: items.filter((i) => !i.ok).map((i) => i.part),
  };
}

/** The parts that block a submission: the required sections and a required attachment. */
export function blocksSubmission(missing: readonly MissingPart[]): MissingPart[] {
  return missing.filter((m) => m.key.startsWith('section:') || m.key === 'attachment');
}
