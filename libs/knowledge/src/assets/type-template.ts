import type { LocalizedText } from '@lumbung/platform';
import type { AssetType } from './asset-types';

/** What a template is made of; the templates themselves are in *-type-templates.ts. */
export interface SectionTemplate {
  key: string;
  label: LocalizedText;
  /** What to write here, in a sentence or two (shown under the field while writing). */
  guidance: LocalizedText;
  required: boolean;
  /** `user`: filled by a user reference (the interviewed expert), not by text. */
  kind: 'text' | 'user';
}

export interface AssetTypeTemplate {
  type: AssetType;
  label: LocalizedText;
  /** What the type is for, in plain words (shown when choosing a type). */
  description: LocalizedText;
  sections: readonly SectionTemplate[];
  /** The type needs at least one attachment (counted in completeness and checked on submit). */
  requiresAttachment: boolean;
}

/** A section filled with text; required unless `required` is false. */
export const text = (
  key: string,
  label: LocalizedText,
  guidance: LocalizedText,
  required = true,
): SectionTemplate => ({ key, label, guidance, required, kind: 'text' });
