import { Injectable } from '@nestjs/common';
import { wibDay } from '@lumbung/platform';
import { OpdsService } from '@lumbung/identity';
import { AssetEvidenceReader, type PublishedInterview } from '@lumbung/knowledge';
import {
  type Assessment,
  type PersonAssessment,
  RiskAssessor,
} from '../register/risk-assessor.service';
import { type CoverageResult, coverageOf } from './coverage';

export interface CoveragePeriod {
  key: string;
  /** First and last WIB day. */
  first: string;
  last: string;
}

export interface CoverageRun {
  people: Map<string, PersonAssessment>;
  /** Earliest published interview per person. */
  interviews: Map<string, PublishedInterview>;
  /** Period key → OPD id → result. */
  periods: Map<string, Map<string, CoverageResult>>;
}

/**
 * The register's coverage per OPD and period (coverage-metric/coverage.ts): for the OPD dashboard and as
 * the award's keberlanjutan input. One assessment serves every period asked for.
 */
@Injectable()
export class CoverageService {
  constructor(
    private readonly assessor: RiskAssessor,
    private readonly assets: AssetEvidenceReader,
    private readonly opds: OpdsService,
  ) {}

  async run(
    periods: readonly CoveragePeriod[],
    today: string,
    opdId?: string,
  ): Promise<CoverageRun> {
    return this.over(await this.assessor.assess(opdId, today, true), periods, today);
  }

  /** Coverage over an assessment already made (it must include inactive staff: those who left). */
  async over(
    assessment: Assessment,
    periods: readonly CoveragePeriod[],
    today: string,
  ): Promise<CoverageRun> {
    const { people } = assessment;
    const interviews = new Map<string, PublishedInterview>();
    for (const i of await this.assets.interviewsOf(people.map((p) => p.person.id))) {
      if (!interviews.has(i.narasumberId)) interviews.set(i.narasumberId, i);
    }
    const byOpd = new Map<string, PersonAssessment[]>();
    for (const p of people) byOpd.set(p.person.opdId, [...(byOpd.get(p.person.opdId) ?? []), p]);
    const results = new Map<string, Map<string, CoverageResult>>();
    for (const period of periods) {
      const perOpd = new Map<string, CoverageResult>();
      for (const [opd, list] of byOpd) {
        perOpd.set(
          opd,
          coverageOf(
            list.map((p) => ({
              userId: p.person.id,
              active: p.person.active,
              departure: p.departure.date,
              criticality: p.risk.criticality,
              interviewPublishedOn: interviews.has(p.person.id)
                ? wibDay(interviews.get(p.person.id)!.publishedAt)
                : null,
            })),
            period,
            today,
          ),
        );
      }
      results.set(period.key, perOpd);
    }
    return { people: new Map(people.map((p) => [p.person.id, p])), interviews, periods: results };
  }

  /** Coverage by OPD code for each period (OPD without staff: absent, i.e. not available). */
  async byOpdCode(
    periods: readonly CoveragePeriod[],
    today: string,
  ): Promise<Map<string, Map<string, number | null>>> {
    const run = await this.run(periods, today);
    const ids = [...new Set([...run.periods.values()].flatMap((m) => [...m.keys()]))];
    const codes = await this.opds.codesByIds(ids);
    return new Map(
      [...run.periods].map(([key, perOpd]) => [
        key,
        new Map([...perOpd].map(([opd, r]) => [codes.get(opd) ?? opd, r.coverage])),
      ]),
    );
  }
}
