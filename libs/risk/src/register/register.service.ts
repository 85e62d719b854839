import { Injectable } from '@nestjs/common';
import { AuditService, CommonErrors, wibDay } from '@lumbung/platform';
import { OpdsService, type Principal, UserDirectory } from '@lumbung/identity';
import { AssetEvidenceReader } from '@lumbung/knowledge';
import { periodDays } from '@lumbung/metrics';
import { CoverageService } from '../coverage-metric/coverage.service';
import { InterviewSyncService } from '../plans/interview-sync.service';
import { RetentionPlansRepository } from '../plans/retention-plans.repository';
import { HIGH_RISK, RISK_RULES_VERSION } from '../scoring/risk-formula';
import type { RegisterQueryDto } from './dto/register-query.dto';
import type { OwnRiskResponseDto } from './dto/own-risk-response.dto';
import type { RegisterItemDto } from './dto/register-item.dto';
import type { RegisterResponseDto } from './dto/register-response.dto';
import { readsRegisterOf } from './register.policy';
import { filterItems, presentItem, sortItems, summaryOf, timelineOf } from './register.presenter';
import { visibleEvidence } from '../expertise/expertise-scoring';
import { type Assessment, RiskAssessor } from './risk-assessor.service';

/**
 * The knowledge-at-risk register of an OPD: who leaves when, with which topics, how critical they
 * are and where their retention interview stands. Departures are personal data: only the OPD's
 * admins and verifiers, assessors and admins read it (anyone else: 404), each read is audit-logged,
 * and nothing but the departure month and kind leaves the service.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly opds: OpdsService,
    private readonly assessor: RiskAssessor,
    private readonly plans: RetentionPlansRepository,
    private readonly sync: InterviewSyncService,
    private readonly coverage: CoverageService,
    private readonly assets: AssetEvidenceReader,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  /** The OPD's id when the caller may read its register; 404 otherwise (as if there were none). */
  async readableOpd(
    principal: Principal,
    code: string,
  ): Promise<{ id: string; code: string; name: string }> {
    const opd = await this.opds.getByCode(code);
    if (!readsRegisterOf(principal, opd.id)) throw CommonErrors.notFound();
    return opd;
  }

  async register(
    principal: Principal,
    code: string,
    q: RegisterQueryDto,
  ): Promise<RegisterResponseDto> {
    const { opd, today, year, all, filtered, yearCoverage } = await this.assess(principal, code, q);
    const page = filtered.slice((q.page - 1) * q.limit, q.page * q.limit);
    await this.recordRead(principal, opd.code, 'register', q, page);
    return {
      opdCode: opd.code,
      opdName: opd.name,
      asOf: today,
      rulesVersion: RISK_RULES_VERSION,
      highThreshold: HIGH_RISK,
      total: filtered.length,
      page: q.page,
      limit: q.limit,
      items: page,
      timeline: timelineOf(all, today),
      summary: summaryOf(all),
      coverage: {
        year,
        highRisk: yearCoverage?.highRisk ?? 0,
        covered: yearCoverage?.covered ?? 0,
        coverage: yearCoverage?.coverage ?? null,
      },
    };
  }

  /** Every row the filters keep, in the chosen order (no paging): the register's export. */
  async exportRows(
    principal: Principal,
    code: string,
    q: RegisterQueryDto,
  ): Promise<{ opdCode: string; opdName: string; asOf: string; items: RegisterItemDto[] }> {
    const { opd, today, filtered } = await this.assess(principal, code, q);
    await this.recordRead(principal, opd.code, 'export', q, filtered);
    return { opdCode: opd.code, opdName: opd.name, asOf: today, items: filtered };
  }

  private async assess(principal: Principal, code: string, q: RegisterQueryDto) {
    const opd = await this.readableOpd(principal, code);
    const today = wibDay();
    const year = Number(today.slice(0, 4));
    // One assessment (with who has left) serves the rows and this year's coverage.
    const assessment = await this.assessor.assess(opd.id, today, true);
    const [all, coverage] = await Promise.all([
      this.present(principal, assessment, today),
      this.coverage.over(assessment, [{ key: 'year', ...periodDays(year) }], today),
    ]);
    const filtered = sortItems(filterItems(all, q, today), q);
    return {
      opd,
      today,
      year,
      all,
      filtered,
      yearCoverage: coverage.periods.get('year')?.get(opd.id),
    };
  }

  /** Every read of the register is audit-logged with the people it returned. */
  private recordRead(
    principal: Principal,
    opdCode: string,
    view: 'register' | 'export',
    q: RegisterQueryDto,
    returned: readonly RegisterItemDto[],
  ): Promise<void> {
    return this.audit.record(undefined, {
      actorId: principal.userId,
      action: 'knowledge_risk_read',
      targetType: 'opd',
      targetId: opdCode,
      details: { view, query: { ...q }, returned: returned.map((i) => i.userId) },
    });
  }

  /** The caller's own entry (a person may always see what the register says about them). */
  async own(principal: Principal): Promise<OwnRiskResponseDto> {
    const today = wibDay();
    const assessment = await this.assessor.assess(principal.opdId, today);
    const items = await this.present(principal, assessment, today, principal.userId);
    await this.audit.record(undefined, {
      actorId: principal.userId,
      action: 'knowledge_risk_read',
      targetType: 'user',
      targetId: principal.userId,
      details: { view: 'own' },
    });
    return {
      asOf: today,
      rulesVersion: RISK_RULES_VERSION,
      highThreshold: HIGH_RISK,
      item: items[0] ?? null,
    };
  }

  /**
   * Register rows of the assessed active staff as the caller may see them (all, or only
   * `onlyUserId`); open plans whose interview got published are moved first.
   */
  private async present(
    principal: Principal,
    assessment: Assessment,
    today: string,
    onlyUserId?: string,
  ): Promise<RegisterItemDto[]> {
    const people = assessment.people.filter(
      (p) => p.person.active && (!onlyUserId || p.person.id === onlyUserId),
    );
    const ids = people.map((p) => p.person.id);
    await this.sync.reconcile(ids);
    const plans = await this.plans.currentByUsers(null, ids);
    const readable = await this.readableEvidence(principal, assessment, ids);
    const names = await this.users.byIds([
      ...new Set([
        ...[...plans.values()].map((p) => p.interviewerId),
        ...people.flatMap((p) => (p.override ? [p.override.setById] : [])),
      ]),
    ]);
    return people.map((p) =>
      presentItem(
        p,
        visibleEvidence(assessment.evidence.byPerson.get(p.person.id)!, readable),
        plans.get(p.person.id),
        today,
        names,
      ),
    );
  }

  private readableEvidence(
    principal: Principal,
    assessment: Assessment,
    ids: readonly string[],
  ): Promise<Set<string>> {
    const assetIds = ids.flatMap(
      (id) => assessment.evidence.byPerson.get(id)?.assets.map((a) => a.id) ?? [],
    );
    return this.assets.readableIds(principal, assetIds);
  }
}
