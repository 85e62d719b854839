import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { PersonnelDirectory, type Principal, UserDirectory } from '@lumbung/identity';
import { managesRegisterOf } from '../register/register.policy';
import { personRef } from '../register/register.presenter';
import { RiskAssessor } from '../register/risk-assessor.service';
import type { CriticalityResponseDto } from './dto/criticality-response.dto';
import type { SetCriticalityDto } from './dto/set-criticality.dto';
import { OverridesRepository } from './overrides.repository';

/**
 * An OPD admin's override of a person's criticality (they know what the evidence does not), with
 * a reason, kept with who and when; null removes it. The history is append-only.
 */
@Injectable()
export class CriticalityService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly overrides: OverridesRepository,
    private readonly personnel: PersonnelDirectory,
    private readonly assessor: RiskAssessor,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  async set(
    principal: Principal,
    userId: string,
    dto: SetCriticalityDto,
  ): Promise<CriticalityResponseDto> {
    const person = isUuid(userId) ? await this.personnel.byId(userId) : undefined;
    if (!person?.active || !managesRegisterOf(principal, person.opdId))
      throw CommonErrors.notFound();
    await this.ds.transaction(async (tx) => {
      await this.overrides.record(tx, person.id, dto.value ?? null, dto.reason, principal.userId);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'criticality_overridden',
        targetType: 'user',
        targetId: person.id,
        details: { value: dto.value ?? null },
      });
    });
    const assessed = (await this.assessor.assess(person.opdId, wibDay())).people.find(
      (p) => p.person.id === person.id,
    );
    if (!assessed) throw CommonErrors.notFound();
    const history = await this.overrides.history(person.id);
    const names = await this.users.byIds([...new Set(history.map((h) => h.setById))]);
    const ref = (id: string) => personRef(names, id);
    const current = assessed.override;
    return {
      userId: person.id,
      criticalityComputed: assessed.risk.criticalityComputed,
      criticality: assessed.risk.criticality,
      override: current
        ? {
            value: current.value as number,
            reason: current.reason,
            setBy: ref(current.setById),
            setAt: current.setAt.toISOString(),
          }
        : null,
      history: history.map((h) => ({
        value: h.value,
        reason: h.reason,
        setBy: ref(h.setById),
        setAt: h.setAt.toISOString(),
      })),
    };
  }
}
