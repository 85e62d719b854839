import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiOpdCodeParam, YearQueryDto } from '@lumbung/platform';
import { CoverageViewService } from '../coverage-metric/coverage-view.service';
import { CoverageResponseDto } from '../coverage-metric/dto/coverage-response.dto';
import { ListPlansQueryDto } from '../plans/dto/list-plans-query.dto';
import { RetentionPlanListDto } from '../plans/dto/plan-response.dto';
import { RetentionPlansViewService } from '../plans/retention-plans-view.service';
import { RegisterQueryDto } from './dto/register-query.dto';
import { OwnRiskResponseDto, RegisterResponseDto } from './dto/register-response.dto';
import { RegisterService } from './register.service';

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
