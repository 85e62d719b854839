import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors, JobsService, QUEUES } from '@lumbung/platform';
import { OpdsService, Principal } from '@lumbung/identity';
import { SearchInsights, SearchInsightsService } from '../search-insights.service';
import { SynonymsService } from '../synonyms.service';
import { invalidWords } from './synonyms.dto';

const DAY = 86_400_000;

/** The search administration use-cases: insights (scoped to the caller) and synonym sets. */
@Injectable()
export class SearchAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly insights: SearchInsightsService,
    private readonly synonyms: SynonymsService,
    private readonly opds: OpdsService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Insights over [from, to) (the last 30 days by default). Admins and assessors choose any OPD
   * or all; OPD admins see their own OPD only (another OPD is forbidden).
   */
  async insightsFor(
    p: Principal,
    q: { from?: string; to?: string; opd?: string },
  ): Promise<SearchInsights> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY);
    if (from >= to)
      throw CommonErrors.validation([{ field: 'from', problems: ['must_be_before_to'] }]);
    let opd: { id: string; code: string } | undefined;
    if (q.opd) {
      const id = (await this.opds.idsByCode([q.opd])).get(q.opd);
      if (!id) throw CommonErrors.validation([{ field: 'opd', problems: ['unknown_opd'] }]);
      opd = { id, code: q.opd };
    }
    if (!p.isAdmin && !p.isAssessor) {
      const own = p.opdsWhere('opd_admin');
      if (opd && !own.includes(opd.id)) throw CommonErrors.forbidden();
      if (!opd) {
        const code = (await this.opds.codesByIds([own[0]])).get(own[0])!;
        opd = { id: own[0], code };
      }
    }
    return this.insights.insights(from, to, opd);
  }

  /** Replaces the synonym sets and, in the same transaction, asks the worker to apply them. */
  async replaceSynonyms(p: Principal, sets: string[][]): Promise<string[][]> {
    if (invalidWords(sets).length > 0) {
      throw CommonErrors.validation([{ field: 'sets', problems: ['word_length'] }]);
    }
    const cleaned = sets.map((s) => [...new Set(s.map((w) => w.trim().toLowerCase()))]);
    await this.ds.transaction(async (tx) => {
      await this.synonyms.replace(tx, cleaned, p.userId);
      await this.jobs.enqueue(tx, QUEUES.searchSettings, {}, { dedupeKey: 'settings' });
    });
    return this.synonyms.sets();
  }
}
