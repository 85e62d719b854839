import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { PersonnelDirectory, type Principal, UserDirectory } from '@lumbung/identity';
import { managesRegisterOf } from '../register/register.policy';
import { RiskAssessor } from '../register/risk-assessor.service';
import type { CriticalityResponseDto } from './dto/criticality-response.dto';
import type { SetCriticalityDto } from './dto/set-criticality.dto';
import { OverridesRepository } from './overrides.repository';
import { presentCriticality } from './criticality.presenter';

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
    return presentCriticality(person.id, assessed.risk, assessed.override, history, names);
  }
}
