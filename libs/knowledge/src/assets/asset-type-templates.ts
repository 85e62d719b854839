import type { AssetType } from './asset-types';
import { DOKUMEN, INOVASI, PANDUAN } from './explicit-type-templates';
import { PELAJARAN, PRAKTIK_BAIK, WAWANCARA_PENGETAHUAN } from './tacit-type-templates';
import type { AssetTypeTemplate } from './type-template';

export type { AssetTypeTemplate, SectionTemplate } from './type-template';

/** The templates: the sections each type asks its authors to fill, in the order they are offered. */
export const ASSET_TYPE_TEMPLATES: readonly AssetTypeTemplate[] = [
  PRAKTIK_BAIK,
  PELAJARAN,
  PANDUAN,
  WAWANCARA_PENGETAHUAN,
  INOVASI,
  DOKUMEN,
];

const BY_TYPE = new Map(ASSET_TYPE_TEMPLATES.map((t) => [t.type, t]));

export function templateOf(type: AssetType): AssetTypeTemplate {
  return BY_TYPE.get(type)!;
}

/** Section keys that take text for this type (the `user` section is a field of its own). */
export function textSectionKeys(type: AssetType): string[] {
  return templateOf(type)
    .sections.filter((s) => s.kind === 'text')
    .map((s) => s.key);
}
