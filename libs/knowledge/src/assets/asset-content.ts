import { Injectable } from '@nestjs/common';
import { type Principal, UserDirectory } from '@lumbung/identity';
import { textSectionKeys } from './asset-type-templates';
import type { AssetType, SeciMode, Visibility } from './asset-types';
import { AssetErrors } from './asset.errors';
import type { RevisionContent, RevisionRow } from './revision-row';
import type { AssetContentDto } from './dto/asset-content.dto';
import { normalizeTags } from './tags';

/**
 * Author-editable content: applied the same way to a draft, to a verifier's edit and to an
 * author's proposed revision. Status, ownership, authorship and dates are never touched.
 */
@Injectable()
export class AssetContentEditor {
  constructor(private readonly users: UserDirectory) {}

  async apply(principal: Principal, asset: RevisionContent, dto: AssetContentDto): Promise<void> {
    if (dto.title !== undefined) asset.title = dto.title;
    if (dto.summary !== undefined) asset.summary = dto.summary.trim();
    if (dto.body !== undefined) asset.body = dto.body;
    if (dto.tags !== undefined) asset.tags = normalizeTags(dto.tags);
    if (dto.seciMode !== undefined) asset.seciMode = dto.seciMode;
    if (dto.sections !== undefined)
      asset.sections = mergeSections(asset.type, asset.sections, dto.sections);
    if (dto.copId !== undefined) asset.copId = dto.copId;
    if (dto.visibility !== undefined) asset.visibility = dto.visibility;
    if (asset.visibility === 'cop' && !asset.copId)
      throw AssetErrors.fieldProblem('copId', 'required_for_cop');
    if (dto.narasumberId !== undefined) {
      if (asset.type !== 'wawancara_pengetahuan') {
        throw AssetErrors.fieldProblem('narasumberId', 'only_for_wawancara_pengetahuan');
      }
      await this.assertActiveUsers([dto.narasumberId], 'narasumberId');
      asset.narasumberId = dto.narasumberId;
    }
    // Only members (or leads) of a CoP may file an asset under it.
    if (dto.copId !== undefined && !principal.copIds.includes(dto.copId)) {
      throw AssetErrors.fieldProblem('copId', 'not_a_member_of_this_cop');
    }
  }

  async assertActiveUsers(ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.users.byIds(ids);
    if (ids.some((id) => !found.get(id)?.active)) throw AssetErrors.unknownUsers(field);
  }
}

/** The content fields of an asset or revision, as a revision stores them. */
export function contentOf(c: RevisionContent): RevisionContent {
  return {
    type: c.type,
    title: c.title,
    summary: c.summary,
    sections: { ...c.sections },
    body: c.body,
    tags: [...c.tags],
    visibility: c.visibility,
    seciMode: c.seciMode,
    narasumberId: c.narasumberId,
    copId: c.copId,
  };
}

/** True when two contents are the same (section order aside). */
export function sameContent(a: RevisionContent, b: RevisionContent): boolean {
  const canonical = (c: RevisionContent) =>
    JSON.stringify({
      ...contentOf(c),
      sections: Object.fromEntries(Object.entries(c.sections).sort(([x], [y]) => (x < y ? -1 : 1))),
    });
  return canonical(a) === canonical(b);
}

/** Merges section edits into the current ones; an empty string removes a section. */
export function mergeSections(
  type: AssetType,
  current: Record<string, string>,
  edits: Record<string, string>,
): Record<string, string> {
  const allowed = new Set(textSectionKeys(type));
  const unknown = Object.keys(edits).filter((k) => !allowed.has(k));
  if (unknown.length > 0) throw AssetErrors.unknownSections(unknown);
  const next = { ...current };
  for (const [key, value] of Object.entries(edits)) {
    if (value.trim() === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The content a stored revision holds. */
export function revisionContent(row: RevisionRow): RevisionContent {
  return {
    type: row.type as AssetType,
    title: row.title,
    summary: row.summary,
    sections: { ...row.sections },
    body: row.body,
    tags: [...row.tags],
    visibility: row.visibility as Visibility,
    seciMode: row.seciMode as SeciMode | null,
    narasumberId: row.narasumberId,
    copId: row.copId,
  };
}
