import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors, isUuid } from '@lumbung/platform';
import {
  type Personnel,
  PersonnelDirectory,
  type Principal,
  UserDirectory,
} from '@lumbung/identity';
import { AssetEvidenceReader, normalizeTags } from '@lumbung/knowledge';
import { CopEvidenceReader } from '@lumbung/community';
import { declaresExpertiseAs } from '../register/register.policy';
import { DeclarationsRepository } from './declarations.repository';
import type { ExpertHitDto } from './dto/expert-hit.dto';
import type { ExpertiseResponseDto } from './dto/expertise-response.dto';
import type { ExpertsQueryDto } from './dto/experts-query.dto';
import { type EvidenceSet, EvidenceLoader } from './evidence.loader';
import { presentExpert, presentExpertise } from './expertise.presenter';
import { topicsOf, visibleEvidence } from './expertise-scoring';

/** How many candidates a topic search considers from each source before ranking. */
const CANDIDATES = 500;

/**
 * The expertise map: a person's topics with the evidence behind them, and people found by topic,
 * ranked by evidence. For any signed-in user; evidence is limited to assets the caller may read
 * (a topic known only from an unreadable asset does not appear). No NIP, birth date or departure.
 */
@Injectable()
export class ExpertiseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly loader: EvidenceLoader,
    private readonly personnel: PersonnelDirectory,
    private readonly users: UserDirectory,
    private readonly assets: AssetEvidenceReader,
    private readonly cops: CopEvidenceReader,
    private readonly declarations: DeclarationsRepository,
    private readonly audit: AuditService,
  ) {}

  async expertise(principal: Principal, userId: string): Promise<ExpertiseResponseDto> {
    const person = await this.activePerson(userId);
    const [evidence, summary] = await Promise.all([
      this.loader.load([person.id]),
      this.users.byIds([person.id]),
    ]);
    const readable = await this.readable(principal, evidence);
    return presentExpertise(person, summary.get(person.id)?.opdCode ?? '', evidence, readable);
  }

  /** Replaces the caller's declared topics for the person: their own, or as their OPD admin. */
  async declare(
    principal: Principal,
    userId: string,
    topics: string[],
  ): Promise<ExpertiseResponseDto> {
    const person = await this.activePerson(userId);
    const as = declaresExpertiseAs(principal, person);
    if (!as) throw CommonErrors.forbidden();
    const normalised = normalizeTags(topics);
    await this.ds.transaction(async (tx) => {
      await this.declarations.replace(tx, person.id, as, normalised, principal.userId);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'expertise_declared',
        targetType: 'user',
        targetId: person.id,
        details: { as, topics: normalised },
      });
    });
    return this.expertise(principal, person.id);
  }

  /** People holding a topic, ranked by the evidence the caller may see. */
  async experts(principal: Principal, q: ExpertsQueryDto): Promise<ExpertHitDto[]> {
    const fragment = normalizeTags([q.topic])[0];
    if (!fragment) throw CommonErrors.validation([{ field: 'topic', problems: ['no_letters'] }]);
    const [assets, copPeople, declared] = await Promise.all([
      this.assets.byTag(principal, fragment, CANDIDATES),
      this.cops.peopleOfThemes(fragment.replace(/-/g, ' '), CANDIDATES),
      this.declarations.usersWithTopicLike(fragment, CANDIDATES),
    ]);
    const candidates = new Set([
      ...assets.flatMap((a) => [...a.authorIds, ...(a.narasumberId ? [a.narasumberId] : [])]),
      ...copPeople,
      ...declared,
    ]);
    const people = [...(await this.personnel.byIds([...candidates])).values()].filter(
      (p) => p.active,
    );
    const summaries = await this.users.byIds(people.map((p) => p.id));
    const inOpd = people.filter((p) => !q.opd || summaries.get(p.id)?.opdCode === q.opd);
    const evidence = await this.loader.load(inOpd.map((p) => p.id));
    const readable = await this.readable(principal, evidence);
    return inOpd
      .map((p) =>
        presentExpert(
          p,
          summaries.get(p.id)?.opdCode ?? '',
          topicsOf(visibleEvidence(evidence.byPerson.get(p.id)!, readable)),
          evidence,
          readable,
          fragment,
        ),
      )
      .filter((hit) => hit.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
      )
      .slice(0, q.limit);
  }

  private async activePerson(userId: string): Promise<Personnel> {
    const person = isUuid(userId) ? await this.personnel.byId(userId) : undefined;
    if (!person?.active) throw CommonErrors.notFound();
    return person;
  }

  private readable(principal: Principal, evidence: EvidenceSet): Promise<Set<string>> {
    return this.assets.readableIds(principal, [...evidence.assets.keys()]);
  }
}
