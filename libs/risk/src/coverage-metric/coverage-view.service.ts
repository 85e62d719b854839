import { Injectable } from '@nestjs/common';
import { AuditService, wibDay } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AssetEvidenceReader } from '@lumbung/knowledge';
import { periodDays } from '@lumbung/metrics';
import { RegisterService } from '../register/register.service';
import { CoverageService } from './coverage.service';
import type { CoverageResponseDto } from './dto/coverage-response.dto';
import { presentCoverage } from './coverage.presenter';

/** An OPD's coverage for a year with the people behind it (the register's readers; audited). */
@Injectable()
export class CoverageViewService {
  constructor(
    private readonly register: RegisterService,
    private readonly coverage: CoverageService,
    private readonly assets: AssetEvidenceReader,
    private readonly audit: AuditService,
  ) {}

  async forYear(principal: Principal, code: string, year: number): Promise<CoverageResponseDto> {
    const opd = await this.register.readableOpd(principal, code);
    const today = wibDay();
    const period = periodDays(year);
    const run = await this.coverage.run([{ key: 'year', ...period }], today, opd.id);
    const result = run.periods.get('year')?.get(opd.id);
    const people = result?.people ?? [];
    const interviews = people.flatMap((p) => {
      const i = run.interviews.get(p.userId);
      return i ? [i.assetId] : [];
    });
    const readable = await this.assets.readableIds(principal, interviews);
    await this.audit.record(undefined, {
      actorId: principal.userId,
      action: 'knowledge_risk_read',
      targetType: 'opd',
      targetId: opd.code,
      details: { view: 'coverage', year, returned: people.map((p) => p.userId) },
    });
    return presentCoverage(
      { opdCode: opd.code, year, first: period.first, last: period.last, asOf: today },
      result,
      run,
      readable,
    );
  }
}
