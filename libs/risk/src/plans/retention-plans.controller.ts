import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { CreatePlanDto } from './dto/create-plan.dto';
import { CancelPlanDto } from './dto/cancel-plan.dto';
import { InterviewedDto } from './dto/interviewed.dto';
import { RetentionPlanDetailDto } from './dto/retention-plan-detail.dto';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { RetentionPlansViewService } from './retention-plans-view.service';
import { RetentionPlansService } from './retention-plans.service';

@ApiTags('knowledge-risk')
@ApiBearerAuth()
@Controller('retention-plans')
export class RetentionPlansController {
  constructor(
    private readonly plans: RetentionPlansService,
    private readonly view: RetentionPlansViewService,
  ) {}

  @Post()
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({
    summary:
      'Plan a retention interview for a high-risk person (their OPD’s admins, admins): interviewer, target date before the departure',
  })
  @ApiCreatedResponse({ type: RetentionPlanDetailDto })
  @ApiErrors({
    404: 'NOT_FOUND: no active person of that id in an OPD whose register the caller manages',
    409: 'PERSON_NOT_HIGH_RISK (details.risk); RETENTION_PLAN_EXISTS (details.planId)',
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreatePlanDto,
  ): Promise<RetentionPlanDetailDto> {
    return this.plans.create(principal, dto);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A plan with its history (the register’s readers, the person, the interviewer)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: RetentionPlanDetailDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<RetentionPlanDetailDto> {
    return this.view.get(principal, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Change an open plan’s interviewer, target date or notes' })
  @ApiUuidParams()
  @ApiOkResponse({ type: RetentionPlanDetailDto })
  @ApiErrors({
    409: 'INVALID_PLAN_TRANSITION: the plan is no longer open; VERSION_CONFLICT (details.version)',
  })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<RetentionPlanDetailDto> {
    return this.plans.update(principal, id, dto);
  }

  @Post(':id/interviewed')
  @HttpCode(200)
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'The interview took place: direncanakan → diwawancarai' })
  @ApiUuidParams()
  @ApiOkResponse({ type: RetentionPlanDetailDto })
  @ApiErrors({ 409: 'INVALID_PLAN_TRANSITION: not from the plan’s state (details.state)' })
  interviewed(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: InterviewedDto,
  ): Promise<RetentionPlanDetailDto> {
    return this.plans.interviewed(principal, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({ summary: 'Cancel an open plan with a reason (→ dibatalkan)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: RetentionPlanDetailDto })
  @ApiErrors({ 409: 'INVALID_PLAN_TRANSITION: not from the plan’s state (details.state)' })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: CancelPlanDto,
  ): Promise<RetentionPlanDetailDto> {
    return this.plans.cancel(principal, id, dto);
  }
}
