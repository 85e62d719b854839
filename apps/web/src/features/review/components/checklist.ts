import type { Schemas } from '@/lib/api/types';

type Asset = Pick<Schemas['AssetResponseDto'], 'missing' | 'sections'>;
type AssetType = Pick<Schemas['AssetTypeDto'], 'sections' | 'requiresAttachment'>;

export interface ChecklistItem {
  key: string;
  label: string;
  required: boolean;
  filled: boolean;
}

/**
 * What the asset's template asks for, each part filled or empty: its sections by their labels
 * (required ones from the API's `missing`, optional ones from their text), then the summary, a
 * tag, the SECI mode and, for types that need one, an attachment.
 */
export function checklistOf(
  asset: Asset,
  template: AssetType | undefined,
  lang: 'id' | 'en',
  labels: { summary: string; tags: string; seciMode: string; attachment: string },
): ChecklistItem[] {
  const missing = new Set(asset.missing.map((m) => m.key));
  const sections: ChecklistItem[] = (template?.sections ?? []).map((s) => ({
    key: `section:${s.key}`,
    label: s.label[lang],
    required: s.required,
    filled: s.required
      ? !missing.has(`section:${s.key}`)
      : (asset.sections[s.key] ?? '').trim().length > 0,
  }));
  const parts: ChecklistItem[] = [
    { key: 'summary', label: labels.summary, required: true, filled: !missing.has('summary') },
    { key: 'tags', label: labels.tags, required: true, filled: !missing.has('tags') },
    { key: 'seciMode', label: labels.seciMode, required: true, filled: !missing.has('seciMode') },
  ];
  if (template?.requiresAttachment) {
    parts.push({
      key: 'attachment',
      label: labels.attachment,
      required: true,
      filled: !missing.has('attachment'),
    });
  }
  return [...sections, ...parts];
}
