import { Injectable } from '@nestjs/common';
import { CopEvidenceReader, type CopInvolvement } from '@lumbung/community';
import { AssetEvidenceReader, type EvidenceAsset, normalizeTags } from '@lumbung/knowledge';
import { type AssetEngagement, EngagementReader } from '@lumbung/metrics';
import { type Declaration, DeclarationsRepository } from './declarations.repository';
import type { PersonEvidence } from './expertise-scoring';

/** Everything known about some people's expertise, by person, with the rows behind it. */
export interface EvidenceSet {
  byPerson: Map<string, PersonEvidence>;
  assets: Map<string, EvidenceAsset>;
  engagement: Map<string, AssetEngagement>;
  cops: Map<string, CopInvolvement[]>;
  declarations: Map<string, Declaration[]>;
}

/**
 * A CoP's theme as a topic: normalised like asset tags, and cut at a word when longer than a tag
 * may be ("Manajemen pengetahuan dan pembelajaran ASN" → manajemen-pengetahuan-dan-pembelajaran).
 */
export function themeTopic(theme: string): string | undefined {
  const words = theme.trim().split(/\s+/);
  let topic: string | undefined;
  for (let n = 1; n <= words.length; n++) {
    const candidate = normalizeTags([words.slice(0, n).join(' ')])[0];
    if (!candidate) continue;
    if (topic && candidate.length >= MAX_TOPIC_LENGTH) break;
    topic = candidate;
  }
  return topic;
}

/** Tags are cut at this length; a longer theme loses whole words instead. */
const MAX_TOPIC_LENGTH = 40;

/**
 * Loads expertise evidence through the other contexts' read services: published assets written
 * or given as narasumber (knowledge), what they earned (metrics), CoP roles and attendance
 * (community), and declarations (this context).
 */
@Injectable()
export class EvidenceLoader {
  constructor(
    private readonly assets: AssetEvidenceReader,
    private readonly engagement: EngagementReader,
    private readonly cops: CopEvidenceReader,
    private readonly declarations: DeclarationsRepository,
  ) {}

  async load(userIds: readonly string[]): Promise<EvidenceSet> {
    const [assets, cops, declarations] = await Promise.all([
      this.assets.byPeople(userIds),
      this.cops.involvementOf(userIds),
      this.declarations.byUsers(userIds),
    ]);
    const engagement = await this.engagement.countsByAsset(assets.map((a) => a.id));
    const byPerson = new Map<string, PersonEvidence>(
      userIds.map((id) => [id, { assets: [], cops: [], declared: [] }]),
    );
    const people = new Set(userIds);
    for (const a of assets) {
      const earned = engagement.get(a.id) ?? { endorsements: 0, reuseReports: 0 };
      const row = { id: a.id, tags: a.tags, ...earned };
      for (const author of a.authorIds) {
        if (people.has(author)) byPerson.get(author)!.assets.push({ ...row, role: 'author' });
      }
      if (a.narasumberId && people.has(a.narasumberId)) {
        byPerson.get(a.narasumberId)!.assets.push({ ...row, role: 'narasumber' });
      }
    }
    const copsByPerson = groupBy(cops, (c) => c.userId);
    for (const [userId, list] of copsByPerson) {
      for (const c of list) {
        const topic = themeTopic(c.theme);
        if (topic) byPerson.get(userId)?.cops.push({ ...c, topic });
      }
    }
    const declared = groupBy(declarations, (d) => d.userId);
    for (const [userId, list] of declared) {
      byPerson.get(userId)?.declared.push(...list.map((d) => ({ topic: d.topic, as: d.as })));
    }
    return {
      byPerson,
      assets: new Map(assets.map((a) => [a.id, a])),
      engagement,
      cops: copsByPerson,
      declarations: declared,
    };
  }
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
