import { Injectable } from '@nestjs/common';
import { type Personnel, PersonnelDirectory } from '@lumbung/identity';
import { AssetEvidenceReader, type EvidenceAsset } from '@lumbung/knowledge';
import { type Departure, departureOf } from '../departure/departure';
import { type EvidenceSet, EvidenceLoader, themeTopic } from '../expertise/evidence.loader';
import { type TopicScore, topicsOf } from '../expertise/expertise-scoring';
import { type CriticalityOverride, OverridesRepository } from '../criticality/overrides.repository';
import { assessRisk, type RiskAssessment, type TopicStanding } from '../scoring/risk-formula';

/** One person on the register, before anything is filtered for a particular reader. */
export interface PersonAssessment {
  person: Personnel;
  departure: Departure;
  /** Every topic from the full evidence, strongest first. */
  topics: TopicScore[];
  standings: TopicStanding[];
  /** The override in force (a removed override is not in force). */
  override: CriticalityOverride | null;
  risk: RiskAssessment;
}

export interface Assessment {
  people: PersonAssessment[];
  evidence: EvidenceSet;
}

/**
 * Assesses the people of an OPD (or of every OPD) on a day: their departure, their topics from
 * the evidence, how many colleagues share each topic and how many of the OPD's published assets
 * document it, the override, and the risk by the pure formula (scoring/risk-formula.ts).
 */
@Injectable()
export class RiskAssessor {
  constructor(
    private readonly personnel: PersonnelDirectory,
    private readonly loader: EvidenceLoader,
    private readonly assets: AssetEvidenceReader,
    private readonly overrides: OverridesRepository,
  ) {}

  async assess(
    opdId: string | undefined,
    today: string,
    withInactive = false,
  ): Promise<Assessment> {
    const staff = await this.personnel.staff(opdId, withInactive);
    const ids = staff.map((p) => p.id);
    const [evidence, published, overrides] = await Promise.all([
      this.loader.load(ids),
      this.assets.publishedOf(opdId),
      this.overrides.currentByUsers(ids),
    ]);
    const topicsByPerson = new Map(
      staff.map((p) => [p.id, topicsOf(evidence.byPerson.get(p.id)!)]),
    );
    const holders = topicHolders(staff, topicsByPerson);
    const documenting = documentingAssets(published, evidence);
    const people = staff.map((person): PersonAssessment => {
      const topics = topicsByPerson.get(person.id)!;
      const ownInterviews = interviewsGivenBy(person.id, evidence);
      const standings = topics.map((t) => {
        const key = `${person.opdId}|${t.topic}`;
        const others = holders.get(key) ?? new Set<string>();
        const docs = [...(documenting.get(key) ?? [])].filter((id) => !ownInterviews.has(id));
        return {
          topic: t.topic,
          weight: t.score,
          othersWithTopic: others.size - (others.has(person.id) ? 1 : 0),
          publishedAssets: docs.length,
        };
      });
      const current = overrides.get(person.id);
      const override = current && current.value !== null ? current : null;
      const departure = departureOf(person);
      const risk = assessRisk({
        today,
        departure: departure.date,
        topics: standings,
        override: override?.value ?? null,
      });
      return { person, departure, topics, standings, override, risk };
    });
    return { people, evidence };
  }
}

/** Who holds each topic, keyed `opdId|topic`; only active staff count as holders. */
function topicHolders(
  staff: readonly Personnel[],
  topicsByPerson: ReadonlyMap<string, TopicScore[]>,
): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const p of staff) {
    if (!p.active) continue;
    for (const t of topicsByPerson.get(p.id)!) addTo(holders, `${p.opdId}|${t.topic}`, p.id);
  }
  return holders;
}

/**
 * The published assets documenting each topic, keyed `opdId|topic`: by their tags, and by the
 * topic of the CoP they came from.
 */
function documentingAssets(
  published: readonly EvidenceAsset[],
  evidence: EvidenceSet,
): Map<string, Set<string>> {
  const copTopic = new Map<string, string>();
  for (const list of evidence.cops.values()) {
    for (const c of list) {
      const topic = themeTopic(c.theme);
      if (topic) copTopic.set(c.copId, topic);
    }
  }
  const documenting = new Map<string, Set<string>>();
  for (const a of published) {
    for (const tag of a.tags) addTo(documenting, `${a.opdId}|${tag}`, a.id);
    const topic = a.copId ? copTopic.get(a.copId) : undefined;
    if (topic) addTo(documenting, `${a.opdId}|${topic}`, a.id);
  }
  return documenting;
}

/** The knowledge interviews in which the person was the narasumber. */
function interviewsGivenBy(personId: string, evidence: EvidenceSet): Set<string> {
  return new Set(
    (evidence.byPerson.get(personId)?.assets ?? [])
      .filter(
        (a) =>
          a.role === 'narasumber' && evidence.assets.get(a.id)?.type === 'wawancara_pengetahuan',
      )
      .map((a) => a.id),
  );
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
