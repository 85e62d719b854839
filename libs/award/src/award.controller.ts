import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiErrors,
  ApiOpdCodeParam,
  ApiYearParam,
  CommonErrors,
  ReportYearPipe,
  toCsvFile,
  toWorkbook,
} from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { AssessmentDto } from './dto/assessment.dto';
import { CreateAwardDto } from './dto/create-award.dto';
import { ExportQueryDto } from './dto/export-query.dto';
import { RubricChangeDto } from './dto/rubric-change.dto';
import { AwardExportService } from './award-export.service';
import { AssessmentResultDto } from './dto/assessment-result.dto';
import { AwardYearSummaryDto } from './dto/award-year-summary.dto';
import { AwardYearDto } from './dto/award-year.dto';
import { DrillDownDto } from './dto/drill-down.dto';
import { FinalizedDto } from './dto/finalized.dto';
import { RestatementDto } from './dto/restatement.dto';
import { ScoreRowDto } from './dto/score-row.dto';
import { AwardRestatementService } from './award-restatement.service';
import { AwardScoresService } from './award-scores.service';
import { AwardSnapshotsService } from './award-snapshots.service';
import { AwardYearsService } from './award-years.service';
import { ASPECT_KEYS, type AspectKey } from './scoring';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('award')
@ApiBearerAuth()
@Controller('awards')
export class AwardController {
  constructor(
    private readonly years: AwardYearsService,
    private readonly scores: AwardScoresService,
    private readonly snapshots: AwardSnapshotsService,
    private readonly restatements: AwardRestatementService,
    private readonly exports: AwardExportService,
  ) {}

  @Post()
  @RequirePermission(Permission.AwardManage)
  @ApiOperation({ summary: 'Open an award year with its rubric (admins)' })
  @ApiCreatedResponse({ type: AwardYearDto })
  @ApiErrors({ 409: 'AWARD_YEAR_EXISTS (details.year)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateAwardDto,
  ): Promise<AwardYearDto> {
    return this.years.create(principal, dto);
  }

  @Get()
  @RequirePermission(Permission.MetricsRead)
  @ApiOperation({
    summary:
      'The award years the caller may open, newest first (others than assessors and admins: the finalised ones)',
  })
  @ApiOkResponse({ type: [AwardYearSummaryDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<AwardYearSummaryDto[]> {
    return this.years.list(principal);
  }

  @Get(':year')
  @RequirePermission(Permission.MetricsReadAll)
  @ApiOperation({ summary: 'An award year: current rubric, its versions, finalisation, tie rule' })
  @ApiYearParam()
  @ApiOkResponse({ type: AwardYearDto })
  get(@Param('year', ReportYearPipe) year: number): Promise<AwardYearDto> {
    return this.years.get(year);
  }

  @Patch(':year')
  @RequirePermission(Permission.AwardManage)
  @ApiOperation({ summary: 'Change weights or winners: a new rubric version (admins)' })
  @ApiYearParam()
  @ApiOkResponse({ type: AwardYearDto })
  @ApiErrors({ 409: 'AWARD_YEAR_FINALIZED (details.year)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
    @Body() dto: RubricChangeDto,
  ): Promise<AwardYearDto> {
    return this.years.update(principal, year, dto);
  }

  @Put(':year/assessments/:opdCode/:aspect')
  @RequirePermission(Permission.AwardAssess)
  @ApiOperation({ summary: 'Score one aspect of one OPD, 0–100 with a justification (assessors)' })
  @ApiYearParam()
  @ApiOpdCodeParam('opdCode')
  @ApiParam({ name: 'aspect', enum: ASPECT_KEYS })
  @ApiOkResponse({ type: AssessmentResultDto })
  @ApiErrors({ 409: 'AWARD_YEAR_FINALIZED (details.year)' })
  assess(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
    @Param('opdCode') opdCode: string,
    @Param('aspect') aspect: string,
    @Body() dto: AssessmentDto,
  ): Promise<AssessmentResultDto> {
    if (!(ASPECT_KEYS as readonly string[]).includes(aspect))
      throw CommonErrors.validation([{ field: 'aspect', problems: ['isIn'] }]);
    return this.years.assess(principal, year, opdCode, aspect as AspectKey, dto);
  }

  @Get(':year/scores')
  @RequirePermission(Permission.MetricsRead)
  @ApiOperation({ summary: 'The ranking: one row per OPD with the six aspects' })
  @ApiYearParam()
  @ApiOkResponse({
    type: [ScoreRowDto],
    description: 'Best first; before the year is finalised only for assessors and admins (404)',
  })
  async ranking(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
  ): Promise<ScoreRowDto[]> {
    return this.scores.scores(principal, year);
  }

  @Get(':year/scores/:opdCode')
  @RequirePermission(Permission.MetricsRead)
  @ApiOperation({
    summary: 'One OPD: every input with raw and normalised value, formula and evidence',
  })
  @ApiYearParam()
  @ApiOpdCodeParam('opdCode')
  @ApiOkResponse({ type: DrillDownDto })
  drillDown(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
    @Param('opdCode') opdCode: string,
  ): Promise<DrillDownDto> {
    return this.scores.drillDown(principal, year, opdCode);
  }

  @Post(':year/finalize')
  @HttpCode(200)
  @RequirePermission(Permission.AwardManage)
  @ApiOperation({ summary: 'Freeze the year into an immutable snapshot (admins)' })
  @ApiYearParam()
  @ApiOkResponse({ type: FinalizedDto })
  @ApiErrors({
    409: 'AWARD_YEAR_FINALIZED (details.year): already, or the rubric changed meanwhile',
  })
  finalize(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
  ): Promise<FinalizedDto> {
    return this.snapshots.finalize(principal, year);
  }

  @Get(':year/restatement')
  @RequirePermission(Permission.MetricsReadAll)
  @ApiOperation({
    summary: 'What a recompute from today’s data would change in the frozen results',
  })
  @ApiYearParam()
  @ApiOkResponse({ type: RestatementDto })
  @ApiErrors({ 409: 'AWARD_YEAR_NOT_FINALIZED (details.year)' })
  restatement(@Param('year', ReportYearPipe) year: number): Promise<RestatementDto> {
    return this.restatements.restatement(year);
  }

  @Get(':year/export')
  @RequirePermission(Permission.MetricsReadAll)
  @ApiYearParam()
  @ApiOkResponse({
    description: 'The ranking (or ?opd= one OPD’s evidence pack) as CSV (UTF-8 with BOM) or XLSX',
    content: {
      'text/csv': { schema: { type: 'string' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'Export for the ceremony committee, Indonesian headings' })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('year', ReportYearPipe) year: number,
    @Query() q: ExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const format = q.format ?? 'xlsx';
    const book = q.opd
      ? await this.exports.evidencePack(principal, year, q.opd)
      : await this.exports.ranking(year);
    const name = q.opd ? `kma-${year}-bukti-${q.opd.toUpperCase()}` : `kma-${year}-peringkat`;
    const body =
      format === 'csv'
        ? toCsvFile(q.opd ? book.sheets : book.sheets.slice(0, 1))
        : await toWorkbook(book);
    res.status(200);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(body);
  }
}
