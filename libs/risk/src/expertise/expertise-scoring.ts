/**
 * A person's expertise topics from the evidence the portal holds, as a table of points. Topics
 * are normalised tags (lower case, hyphenated): the tags of the published assets they wrote or
 * were interviewed for, the themes of the CoPs they lead, belong to or attend, and the topics
 * they or their OPD admin declared. Pure; the register and the expertise API both use it.
 */
export const EVIDENCE_POINTS = {
  /** Per published asset carrying the tag, as author. */
  authored: 3,
  /** Per published asset carrying the tag, as the interviewed narasumber (counted once per asset). */
  narasumber: 4,
  /** Per endorsement the asset earned, at most `endorsementCap` points per asset. */
  endorsement: 0.5,
  endorsementCap: 5,
  /** Per reuse report the asset earned, at most `reuseCap` points per asset. */
  reuseReport: 1,
  reuseCap: 5,
  /** Per CoP whose theme is the topic. */
  copLead: 3,
  copMember: 1,
  /** Per meeting of that CoP attended, at most `meetingCap` points per CoP. */
  meetingAttended: 0.5,
  meetingCap: 3,
  declaredSelf: 1,
  declaredOpdAdmin: 2,
} as const;

/** A topic counts as the person's from this score on (one asset, one CoP or one declaration). */
export const MIN_TOPIC_SCORE = 1;

export type DeclaredAs = 'self' | 'opd_admin';

export interface PersonEvidence {
  assets: {
    id: string;
    tags: readonly string[];
    role: 'author' | 'narasumber';
    endorsements: number;
    reuseReports: number;
  }[];
  cops: {
    copId: string;
    /** The CoP's theme as a topic. */
    topic: string;
    lead: boolean;
    member: boolean;
    meetingsAttended: number;
  }[];
  declared: { topic: string; as: DeclaredAs }[];
}

export interface TopicScore {
  topic: string;
  /** Sum of the points, 2 decimals. */
  score: number;
  assetIds: string[];
  copIds: string[];
  declared: DeclaredAs[];
}

function assetPoints(a: PersonEvidence['assets'][number]): number {
  const p = EVIDENCE_POINTS;
  return (
    (a.role === 'narasumber' ? p.narasumber : p.authored) +
    Math.min(p.endorsementCap, a.endorsements * p.endorsement) +
    Math.min(p.reuseCap, a.reuseReports * p.reuseReport)
  );
}

function copPoints(c: PersonEvidence['cops'][number]): number {
  const p = EVIDENCE_POINTS;
  const role = c.lead ? p.copLead : c.member ? p.copMember : 0;
  return role + Math.min(p.meetingCap, c.meetingsAttended * p.meetingAttended);
}

/** The person's topics (score ≥ MIN_TOPIC_SCORE), strongest first, ties by name. */
export function topicsOf(evidence: PersonEvidence): TopicScore[] {
  const topics = new Map<string, TopicScore>();
  const add = (topic: string, points: number): TopicScore => {
    const t = topics.get(topic) ?? { topic, score: 0, assetIds: [], copIds: [], declared: [] };
    t.score += points;
    topics.set(topic, t);
    return t;
  };
  // An asset the person both wrote and was interviewed for counts once, as narasumber.
  const assets = new Map<string, PersonEvidence['assets'][number]>();
  for (const a of evidence.assets) {
    if (!assets.has(a.id) || a.role === 'narasumber') assets.set(a.id, a);
  }
  for (const a of assets.values()) {
    for (const tag of new Set(a.tags)) add(tag, assetPoints(a)).assetIds.push(a.id);
  }
  for (const c of evidence.cops) {
    const points = copPoints(c);
    if (points > 0) add(c.topic, points).copIds.push(c.copId);
  }
  for (const d of evidence.declared) {
    const t = add(
      d.topic,
      d.as === 'self' ? EVIDENCE_POINTS.declaredSelf : EVIDENCE_POINTS.declaredOpdAdmin,
    );
    if (!t.declared.includes(d.as)) t.declared.push(d.as);
  }
  return [...topics.values()]
    .map((t) => ({ ...t, score: Math.round(t.score * 100) / 100 }))
    .filter((t) => t.score >= MIN_TOPIC_SCORE)
    .sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
}

/** The evidence a reader may see: assets they may read; CoPs and declarations are not secret. */
export function visibleEvidence(e: PersonEvidence, readable: ReadonlySet<string>): PersonEvidence {
  return { ...e, assets: e.assets.filter((a) => readable.has(a.id)) };
}
