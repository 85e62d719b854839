import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import {
  type Personnel,
  PersonnelDirectory,
  type Principal,
  UserDirectory,
} from '@lumbung/identity';
import { departureOf } from '../departure/departure';
import { RiskAssessor } from '../register/risk-assessor.service';
import { managesRegisterOf } from '../register/register.policy';
import { RiskErrors } from '../risk.errors';
import type { CreatePlanDto } from './dto/create-plan.dto';
import type { CancelPlanDto } from './dto/cancel-plan.dto';
import type { InterviewedDto } from './dto/interviewed.dto';
import type { RetentionPlanDetailDto } from './dto/retention-plan-detail.dto';
import type { UpdatePlanDto } from './dto/update-plan.dto';
import { InterviewSyncService } from './interview-sync.service';
import { nextState, OPEN_STATES, type PlanMove } from './plan-state';
import { RetentionPlansRepository, type RetentionPlan } from './retention-plans.repository';
import { RetentionPlansViewService } from './retention-plans-view.service';

/**
 * Retention plans: the OPD's admins (and system admins) plan an interview for each high-risk
 * person, mark it held, or cancel it with a reason; the system marks it `aset_terbit` when the
 * interview is published. Every change is kept in the plan's history and the audit log.
 */
@Injectable()
export class RetentionPlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: RetentionPlansRepository,
    private readonly personnel: PersonnelDirectory,
    private readonly users: UserDirectory,
    private readonly assessor: RiskAssessor,
    private readonly sync: InterviewSyncService,
    private readonly view: RetentionPlansViewService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreatePlanDto): Promise<RetentionPlanDetailDto> {
    const person = await this.personnel.byId(dto.userId);
    if (!person?.active || !managesRegisterOf(principal, person.opdId))
      throw CommonErrors.notFound();
    const today = wibDay();
    const assessed = (await this.assessor.assess(person.opdId, today)).people.find(
      (p) => p.person.id === person.id,
    );
    if (!assessed?.risk.high) throw RiskErrors.notHighRisk(assessed?.risk.risk ?? 0);
    this.checkTarget(dto.targetDate, person, today);
    await this.checkInterviewer(dto.interviewerId, person);
    const id = await this.ds.transaction(async (tx) => {
      // One live plan per person (the unique index also holds under races).
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`retention-plan:${person.id}`]);
      const existing = (await this.repo.currentByUsers(tx, [person.id])).get(person.id);
      if (existing && existing.state !== 'dibatalkan') throw RiskErrors.planExists(existing.id);
      const planId = await this.repo.insert(
        tx,
        {
          userId: person.id,
          opdId: person.opdId,
          interviewerId: dto.interviewerId,
          targetDate: dto.targetDate,
          notes: dto.notes ?? '',
        },
        principal.userId,
      );
      await this.repo.recordEvent(tx, planId, {
        action: 'create',
        fromState: null,
        toState: 'direncanakan',
        actorId: principal.userId,
        details: { targetDate: dto.targetDate, interviewerId: dto.interviewerId },
      });
      await this.record(tx, principal, 'retention_plan_created', planId, { userId: person.id });
      return planId;
    });
    // Already interviewed and published before the plan: it is done at once.
    await this.sync.reconcile([person.id]);
    return this.view.get(principal, id);
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdatePlanDto,
  ): Promise<RetentionPlanDetailDto> {
    const today = wibDay();
    await this.change(principal, id, async (tx, plan, person) => {
      if (!OPEN_STATES.includes(plan.state)) throw RiskErrors.invalidMove(plan.state, 'update');
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== plan.version) {
        throw RiskErrors.versionConflict(plan.version);
      }
      if (dto.targetDate !== undefined && dto.targetDate !== plan.targetDate) {
        this.checkTarget(dto.targetDate, person, today);
        plan.targetDate = dto.targetDate;
      }
      if (dto.interviewerId !== undefined && dto.interviewerId !== plan.interviewerId) {
        await this.checkInterviewer(dto.interviewerId, person);
        plan.interviewerId = dto.interviewerId;
      }
      if (dto.notes !== undefined) plan.notes = dto.notes;
      await this.repo.save(tx, plan);
      await this.repo.recordEvent(tx, plan.id, {
        action: 'update',
        fromState: plan.state,
        toState: plan.state,
        actorId: principal.userId,
        details: { fields: Object.keys(dto).filter((k) => k !== 'expectedVersion') },
      });
      await this.record(tx, principal, 'retention_plan_updated', plan.id);
    });
    return this.view.get(principal, id);
  }

  async interviewed(
    principal: Principal,
    id: string,
    dto: InterviewedDto,
  ): Promise<RetentionPlanDetailDto> {
    const today = wibDay();
    const on = dto.interviewedOn ?? today;
    if (on > today) throw RiskErrors.field('interviewedOn', 'in_future');
    await this.move(principal, id, 'interviewed', (plan) => {
      plan.interviewedOn = on;
      return { interviewedOn: on };
    });
    return this.view.get(principal, id);
  }

  async cancel(
    principal: Principal,
    id: string,
    dto: CancelPlanDto,
  ): Promise<RetentionPlanDetailDto> {
    await this.move(principal, id, 'cancel', (plan) => {
      plan.cancelReason = dto.reason;
      return { reason: dto.reason };
    });
    return this.view.get(principal, id);
  }

  private async move(
    principal: Principal,
    id: string,
    move: Exclude<PlanMove, 'published'>,
    apply: (plan: RetentionPlan) => Record<string, unknown>,
  ): Promise<void> {
    await this.change(principal, id, async (tx, plan) => {
      const to = nextState(plan.state, move);
      if (!to) throw RiskErrors.invalidMove(plan.state, move);
      const from = plan.state;
      const details = apply(plan);
      plan.state = to;
      await this.repo.save(tx, plan);
      await this.repo.recordEvent(tx, plan.id, {
        action: move,
        fromState: from,
        toState: to,
        actorId: principal.userId,
        details,
      });
      await this.record(
        tx,
        principal,
        move === 'cancel' ? 'retention_plan_cancelled' : 'retention_plan_interviewed',
        plan.id,
      );
    });
  }

  /** Locks a plan the caller manages (404 otherwise) and applies a change in one transaction. */
  private async change(
    principal: Principal,
    id: string,
    apply: (tx: EntityManager, plan: RetentionPlan, person: Personnel) => Promise<void>,
  ): Promise<void> {
    if (!isUuid(id)) throw CommonErrors.notFound();
    // A plan whose interview was published meanwhile is settled first.
    const found = await this.repo.findById(undefined, id);
    if (!found || !managesRegisterOf(principal, found.opdId)) throw CommonErrors.notFound();
    await this.sync.reconcile([found.userId]);
    const person = await this.personnel.byId(found.userId);
    if (!person) throw CommonErrors.notFound();
    await this.ds.transaction(async (tx) => {
      const plan = await this.repo.lock(tx, id);
      if (!plan) throw CommonErrors.notFound();
      await apply(tx, plan, person);
    });
  }

  private checkTarget(target: string, person: Personnel, today: string): void {
    if (target < today) throw RiskErrors.field('targetDate', 'in_past');
    if (target >= departureOf(person).date)
      throw RiskErrors.field('targetDate', 'not_before_departure');
  }

  private async checkInterviewer(interviewerId: string, person: Personnel): Promise<void> {
    if (interviewerId === person.id) throw RiskErrors.field('interviewerId', 'is_the_person');
    const found = (await this.users.byIds([interviewerId])).get(interviewerId);
    if (!found?.active) throw RiskErrors.field('interviewerId', 'unknown_user');
  }

  private record(
    tx: EntityManager,
    principal: Principal,
    action: string,
    planId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(tx, {
      actorId: principal.userId,
      action,
      targetType: 'retention_plan',
      targetId: planId,
      details,
    });
  }
}
