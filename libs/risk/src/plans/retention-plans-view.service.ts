import { Injectable } from '@nestjs/common';
import { AuditService, CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { OpdsService, PersonnelDirectory, type Principal, UserDirectory } from '@lumbung/identity';
import { AssetEvidenceReader } from '@lumbung/knowledge';
import { departureOf } from '../departure/departure';
import { readsPlan } from '../register/register.policy';
import { RegisterService } from '../register/register.service';
import type { ListPlansQueryDto } from './dto/list-plans-query.dto';
import type { RetentionPlanDetailDto } from './dto/retention-plan-detail.dto';
import type { RetentionPlanListDto } from './dto/retention-plan-list.dto';
import { InterviewSyncService } from './interview-sync.service';
import { isOverdue } from './plan-state';
import { presentHistory, presentPlan } from './retention-plan.presenter';
import { RetentionPlansRepository } from './retention-plans.repository';

/**
 * Reading plans: the register's readers see an OPD's plans; a plan is also shown to its person
 * and its interviewer. Anyone else gets 404. Reads are audit-logged like the register.
 */
@Injectable()
export class RetentionPlansViewService {
  constructor(
    private readonly repo: RetentionPlansRepository,
    private readonly personnel: PersonnelDirectory,
    private readonly users: UserDirectory,
    private readonly opds: OpdsService,
    private readonly register: RegisterService,
    private readonly sync: InterviewSyncService,
    private readonly assets: AssetEvidenceReader,
    private readonly audit: AuditService,
  ) {}

  async get(principal: Principal, id: string): Promise<RetentionPlanDetailDto> {
    if (!isUuid(id)) throw CommonErrors.notFound();
    const found = await this.repo.findById(undefined, id);
    if (!found || !readsPlan(principal, found)) throw CommonErrors.notFound();
    await this.sync.reconcile([found.userId]);
    const plan = (await this.repo.findById(undefined, id))!;
    const [person, events, codes, readable] = await Promise.all([
      this.personnel.byId(plan.userId),
      this.repo.events(plan.id),
      this.opds.codesByIds([plan.opdId]),
      this.assets.readableIds(principal, plan.assetId ? [plan.assetId] : []),
    ]);
    if (!person) throw CommonErrors.notFound();
    const names = await this.users.byIds([
      plan.interviewerId,
      ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    ]);
    await this.audit.record(undefined, {
      actorId: principal.userId,
      action: 'knowledge_risk_read',
      targetType: 'retention_plan',
      targetId: plan.id,
      details: { view: 'plan', userId: plan.userId },
    });
    const dto = presentPlan(
      plan,
      person,
      codes.get(plan.opdId) ?? '',
      wibDay(),
      names,
      plan.assetId !== null && readable.has(plan.assetId),
    );
    return presentHistory(dto, events, names);
  }

  async list(
    principal: Principal,
    code: string,
    q: ListPlansQueryDto,
  ): Promise<RetentionPlanListDto> {
    const opd = await this.register.readableOpd(principal, code);
    const today = wibDay();
    const staff = await this.personnel.staff(opd.id, true);
    await this.sync.reconcile(staff.map((p) => p.id));
    const people = new Map(staff.map((p) => [p.id, p]));
    const plans = (await this.repo.listByOpd(opd.id, q.state ? [q.state] : undefined)).filter(
      (p) =>
        people.has(p.userId) &&
        (q.overdue === undefined ||
          isOverdue(p, departureOf(people.get(p.userId)!).date, today) === q.overdue),
    );
    const [names, readable] = await Promise.all([
      this.users.byIds([...new Set(plans.map((p) => p.interviewerId))]),
      this.assets.readableIds(
        principal,
        plans.flatMap((p) => (p.assetId ? [p.assetId] : [])),
      ),
    ]);
    await this.audit.record(undefined, {
      actorId: principal.userId,
      action: 'knowledge_risk_read',
      targetType: 'opd',
      targetId: opd.code,
      details: { view: 'plans', query: { ...q }, returned: plans.map((p) => p.userId) },
    });
    return {
      opdCode: opd.code,
      asOf: today,
      items: plans.map((p) =>
        presentPlan(
          p,
          people.get(p.userId)!,
          opd.code,
          today,
          names,
          p.assetId !== null && readable.has(p.assetId),
        ),
      ),
    };
  }
}
