import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiOpdCodeParam, YearQueryDto } from '@lumbung/platform';
import { CoverageViewService } from '../coverage-metric/coverage-view.service';
import { CoverageResponseDto } from '../coverage-metric/dto/coverage-response.dto';
import { ListPlansQueryDto } from '../plans/dto/list-plans-query.dto';
import { RetentionPlanListDto } from '../plans/dto/retention-plan-list.dto';
import { RetentionPlansViewService } from '../plans/retention-plans-view.service';
import { RegisterQueryDto } from './dto/register-query.dto';
import { OwnRiskResponseDto } from './dto/own-risk-response.dto';
import { RegisterResponseDto } from './dto/register-response.dto';
import { RegisterService } from './register.service';
import { registerWorkbook } from './register-export';
import { RISK_RULES_VERSION } from '../scoring/risk-formula';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('knowledge-risk')
@ApiBearerAuth()
@Controller()
export class RegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly coverage: CoverageViewService,
    private readonly plans: RetentionPlansViewService,
  ) {}

  @Get('opds/:code/knowledge-risk')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({
    summary:
      'The OPD’s knowledge-at-risk register: departures (month and kind only), risk, topics, plans, a 24-month timeline and this year’s coverage (the OPD’s admins and verifiers, assessors, admins; audit-logged)',
  })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: RegisterResponseDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: RegisterQueryDto,
  ): Promise<RegisterResponseDto> {
    return this.register.register(principal, code, q);
  }

  @Get('opds/:code/knowledge-risk/export')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({
    summary:
      'The register as XLSX (the same filters and order, every row, labels in Indonesian, a Keterangan sheet; audit-logged)',
  })
  @ApiOpdCodeParam()
  @ApiOkResponse({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: RegisterQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.register.exportRows(principal, code, q);
    const body = await registerWorkbook(
      { ...rows, rulesVersion: RISK_RULES_VERSION, generatedAt: new Date() },
      rows.items,
    );
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="pengetahuan-berisiko-${rows.opdCode}-${rows.asOf}.xlsx"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(body);
  }

  @Get('opds/:code/knowledge-risk/coverage')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({
    summary:
      'Coverage for a year: the high-risk people and whether their interview was published before they left (the award’s keberlanjutan input; audit-logged)',
  })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: CoverageResponseDto })
  coverageOf(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: YearQueryDto,
  ): Promise<CoverageResponseDto> {
    return this.coverage.forYear(principal, code, q.year);
  }

  @Get('opds/:code/retention-plans')
  @RequirePermission(Permission.RiskRead)
  @ApiOperation({ summary: 'The OPD’s retention plans, with their state and overdue flag' })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: RetentionPlanListDto })
  plansOf(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() q: ListPlansQueryDto,
  ): Promise<RetentionPlanListDto> {
    return this.plans.list(principal, code, q);
  }

  @Get('me/knowledge-risk')
  @ApiOperation({ summary: 'What the register says about the caller (audit-logged)' })
  @ApiOkResponse({ type: OwnRiskResponseDto })
  own(@CurrentPrincipal() principal: Principal): Promise<OwnRiskResponseDto> {
    return this.register.own(principal);
  }
}
