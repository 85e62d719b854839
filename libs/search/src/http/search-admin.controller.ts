import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiErrors, CommonErrors, JobsService } from '@lumbung/platform';
import {
  CurrentPrincipal,
  OpdsService,
  Permission,
  Principal,
  RequirePermission,
} from '@lumbung/identity';
import { SEARCH_SETTINGS_QUEUE } from '../queues';
import { SearchInsightsService } from '../search-insights.service';
import { SearchInsightsDto } from './insights-response.dto';
import { SynonymsService } from '../synonyms.service';
import { InsightsQueryDto } from './insights-query.dto';
import { invalidWords, SynonymSetsDto, SynonymSetsResponseDto } from './synonyms.dto';

const DAY = 86_400_000;

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchAdminController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly insights: SearchInsightsService,
    private readonly synonyms: SynonymsService,
    private readonly opds: OpdsService,
    private readonly jobs: JobsService,
  ) {}

  @Get('insights')
  @RequirePermission(Permission.SearchInsightsRead)
  @ApiOperation({
    summary: 'Top queries, zero-result queries and click-through (OPD admins: own OPD)',
  })
  @ApiOkResponse({ type: SearchInsightsDto })
  @ApiErrors({ 403: 'FORBIDDEN: OPD admins asking for another OPD' })
  async getInsights(
    @CurrentPrincipal() p: Principal,
    @Query() q: InsightsQueryDto,
  ): Promise<SearchInsightsDto> {
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
    // OPD admins (neither admin nor assessor) see their own OPD only.
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

  @Get('synonyms')
  @RequirePermission(Permission.SearchSettingsManage)
  @ApiOperation({ summary: 'Synonym sets in force (code defaults until an admin saves their own)' })
  @ApiOkResponse({ type: SynonymSetsResponseDto })
  async getSynonyms(): Promise<SynonymSetsResponseDto> {
    return { sets: await this.synonyms.sets() };
  }

  @Put('synonyms')
  @RequirePermission(Permission.SearchSettingsManage)
  @ApiOperation({ summary: 'Replace the synonym sets; the worker applies them to the index' })
  @ApiOkResponse({ type: SynonymSetsResponseDto })
  async putSynonyms(
    @CurrentPrincipal() p: Principal,
    @Body() dto: SynonymSetsDto,
  ): Promise<SynonymSetsResponseDto> {
    if (invalidWords(dto.sets).length > 0) {
      throw CommonErrors.validation([{ field: 'sets', problems: ['word_length'] }]);
    }
    const sets = dto.sets.map((s) => [...new Set(s.map((w) => w.trim().toLowerCase()))]);
    await this.ds.transaction(async (tx) => {
      await this.synonyms.replace(tx, sets, p.userId);
      await this.jobs.enqueue(tx, SEARCH_SETTINGS_QUEUE, {}, { dedupeKey: 'settings' });
    });
    return { sets: await this.synonyms.sets() };
  }
}
