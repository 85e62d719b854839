import { addMonths } from '@lumbung/platform';

/**
 * The knowledge-at-risk formula as tables (in words: libs/risk/README.md). Risk = attrition ×
 * criticality; a risk of HIGH_RISK or more is high. Pure: every number the register shows comes
 * from here.
 */
export const RISK_RULES_VERSION = 'risiko-2026.1';

/** Attrition by how soon the person leaves: within 12/24/36/60 months → 5/4/3/2, later 1. */
export const ATTRITION_BANDS: readonly { withinMonths: number; factor: number }[] = [
  { withinMonths: 12, factor: 5 },
  { withinMonths: 24, factor: 4 },
  { withinMonths: 36, factor: 3 },
  { withinMonths: 60, factor: 2 },
];
export const ATTRITION_LATER = 1;

export const HIGH_RISK = 15;

/**
 * Criticality is computed over the person's strongest topics (by evidence score), at most this
 * many, so a long tail of incidental tags does not dilute what they are known for.
 */
export const CRITICALITY_TOPICS = 5;

/** How few other people of the OPD hold the topic: nobody → 2 points, one other → 1, more → 0. */
export const RARITY_POINTS: readonly { atMostOthers: number; points: number }[] = [
  { atMostOthers: 0, points: 2 },
  { atMostOthers: 1, points: 1 },
];

/**
 * How little of the topic the OPD's published assets document (the person's own retention
 * interviews excluded: those are tracked by the plan): none → 2 points, one or two → 1, more → 0.
 */
export const DOCUMENTATION_GAP_POINTS: readonly { atMostAssets: number; points: number }[] = [
  { atMostAssets: 0, points: 2 },
  { atMostAssets: 2, points: 1 },
];

/** One of the person's topics, as the criticality sees it. */
export interface TopicStanding {
  topic: string;
  /** The person's evidence score for the topic (> 0). */
  weight: number;
  /** Other active people of the same OPD who hold the topic. */
  othersWithTopic: number;
  /** Published assets of the OPD on the topic, the person's own retention interviews excluded. */
  publishedAssets: number;
}

export interface RiskAssessment {
  attrition: number;
  /** 1–5 from the topics (1 when no expertise is recorded). */
  criticalityComputed: number;
  /** The override when the OPD admin set one, else the computed value. */
  criticality: number;
  risk: number;
  high: boolean;
}

/** Attrition factor for a departure on `departure` seen from `today` (both YYYY-MM-DD). */
export function attritionFactor(today: string, departure: string): number {
  for (const band of ATTRITION_BANDS) {
    if (departure <= addMonths(today, band.withinMonths)) return band.factor;
  }
  return ATTRITION_LATER;
}

function pointsFor<T>(table: readonly T[], fits: (row: T) => boolean, points: (row: T) => number) {
  const row = table.find(fits);
  return row ? points(row) : 0;
}

/** 1 + rarity points + documentation-gap points: 1 (widely held, well documented) … 5. */
export function topicCriticality(
  t: Pick<TopicStanding, 'othersWithTopic' | 'publishedAssets'>,
): number {
  const rarity = pointsFor(
    RARITY_POINTS,
    (r) => t.othersWithTopic <= r.atMostOthers,
    (r) => r.points,
  );
  const gap = pointsFor(
    DOCUMENTATION_GAP_POINTS,
    (r) => t.publishedAssets <= r.atMostAssets,
    (r) => r.points,
  );
  return 1 + rarity + gap;
}

/** The strongest topics the criticality uses: by weight, then name; at most CRITICALITY_TOPICS. */
export function criticalTopics(topics: readonly TopicStanding[]): TopicStanding[] {
  return topics
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.topic.localeCompare(b.topic))
    .slice(0, CRITICALITY_TOPICS);
}

/**
 * Criticality 1–5: the mean of the strongest topics' criticality weighted by the person's
 * evidence score, rounded half up. Without any recorded expertise it is 1 (the OPD admin can
 * declare topics or override it).
 */
export function criticalityOf(topics: readonly TopicStanding[]): number {
  const top = criticalTopics(topics);
  if (top.length === 0) return 1;
  let weighted = 0;
  let weights = 0;
  for (const t of top) {
    weighted += t.weight * topicCriticality(t);
    weights += t.weight;
  }
  return Math.min(5, Math.max(1, Math.round(weighted / weights)));
}

/** The whole assessment of one person on one day. */
export function assessRisk(input: {
  today: string;
  departure: string;
  topics: readonly TopicStanding[];
  /** An OPD admin's override (1–5), or null. */
  override: number | null;
}): RiskAssessment {
  const attrition = attritionFactor(input.today, input.departure);
  const criticalityComputed = criticalityOf(input.topics);
  const criticality = input.override ?? criticalityComputed;
  const risk = attrition * criticality;
  return { attrition, criticalityComputed, criticality, risk, high: risk >= HIGH_RISK };
}
