import type { Personnel } from '@lumbung/identity';
import { CRITICALITY_TOPICS } from '../scoring/risk-formula';
import type { AssetEvidenceDto } from './dto/asset-evidence.dto';
import type { AssetTypeCountDto } from './dto/asset-type-count.dto';
import type { CopEvidenceDto } from './dto/cop-evidence.dto';
import type { ExpertHitDto } from './dto/expert-hit.dto';
import type { ExpertiseResponseDto } from './dto/expertise-response.dto';
import type { EvidenceSet } from './evidence.loader';
import { type TopicScore, topicsOf, visibleEvidence } from './expertise-scoring';

/** How many of the given assets are of each type, the commonest first (ties by type name). */
function assetTypeCounts(assetIds: Iterable<string>, evidence: EvidenceSet): AssetTypeCountDto[] {
  const types = new Map<string, number>();
  for (const id of assetIds) {
    const type = evidence.assets.get(id)!.type;
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  return [...types]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** A person's expertise from what the reader may see, every topic with its evidence links. */
export function presentExpertise(
  person: Personnel,
  opdCode: string,
  evidence: EvidenceSet,
  readable: ReadonlySet<string>,
): ExpertiseResponseDto {
  const mine = visibleEvidence(evidence.byPerson.get(person.id)!, readable);
  const roleOf = new Map<string, 'author' | 'narasumber'>();
  for (const a of mine.assets) if (roleOf.get(a.id) !== 'narasumber') roleOf.set(a.id, a.role);
  const asset = (id: string): AssetEvidenceDto => {
    const a = evidence.assets.get(id)!;
    const earned = evidence.engagement.get(id);
    return {
      id,
      title: a.title,
      type: a.type,
      role: roleOf.get(id) ?? 'author',
      publishedAt: a.publishedAt.toISOString(),
      endorsements: earned?.endorsements ?? 0,
      reuseReports: earned?.reuseReports ?? 0,
      href: `/api/v1/assets/${id}`,
    };
  };
  const copsOfPerson = evidence.cops.get(person.id) ?? [];
  const cop = (id: string): CopEvidenceDto => {
    const c = copsOfPerson.find((x) => x.copId === id)!;
    return {
      id,
      name: c.copName,
      role: c.lead ? 'lead' : c.member ? 'member' : 'attendee',
      meetingsAttended: c.meetingsAttended,
      href: `/api/v1/cops/${id}`,
    };
  };
  const declared = evidence.declarations.get(person.id) ?? [];
  return {
    userId: person.id,
    name: person.name,
    opdCode,
    jabatan: person.jabatan,
    topics: topicsOf(mine).map((t) => ({
      topic: t.topic,
      score: t.score,
      assets: t.assetIds.map(asset),
      cops: t.copIds.map(cop),
      declared: t.declared,
    })),
    assetTypes: assetTypeCounts(roleOf.keys(), evidence),
    declared: {
      self: declared.filter((d) => d.as === 'self').map((d) => d.topic),
      opdAdmin: declared.filter((d) => d.as === 'opd_admin').map((d) => d.topic),
    },
  };
}

/** A topic search hit: the matched topics' scores, and counts of the evidence behind them. */
export function presentExpert(
  person: Personnel,
  opdCode: string,
  topics: readonly TopicScore[],
  evidence: EvidenceSet,
  readable: ReadonlySet<string>,
  fragment: string,
): ExpertHitDto {
  const matched = topics.filter((t) => t.topic.includes(fragment));
  const assetIds = new Set(matched.flatMap((t) => t.assetIds).filter((id) => readable.has(id)));
  const interviews = [...assetIds].filter(
    (id) => evidence.assets.get(id)?.narasumberId === person.id,
  ).length;
  let endorsements = 0;
  let reuseReports = 0;
  for (const id of assetIds) {
    endorsements += evidence.engagement.get(id)?.endorsements ?? 0;
    reuseReports += evidence.engagement.get(id)?.reuseReports ?? 0;
  }
  return {
    userId: person.id,
    name: person.name,
    opdCode,
    jabatan: person.jabatan,
    score: Math.round(matched.reduce((sum, t) => sum + t.score, 0) * 100) / 100,
    matchedTopics: matched.map((t) => ({ topic: t.topic, score: t.score })),
    topTopics: topics.slice(0, CRITICALITY_TOPICS).map((t) => t.topic),
    evidence: {
      assets: assetIds.size,
      interviews,
      cops: new Set(matched.flatMap((t) => t.copIds)).size,
      endorsements,
      reuseReports,
      declared: matched.some((t) => t.declared.length > 0),
    },
    href: `/api/v1/people/${person.id}/expertise`,
  };
}
