import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { CriticalityService } from '../criticality/criticality.service';
import { CriticalityResponseDto } from '../criticality/dto/criticality-response.dto';
import { SetCriticalityDto } from '../criticality/dto/set-criticality.dto';
import { DeclareTopicsDto } from './dto/declare-topics.dto';
import { ExpertHitDto } from './dto/expert-hit.dto';
import { ExpertiseResponseDto } from './dto/expertise-response.dto';
import { ExpertsQueryDto } from './dto/experts-query.dto';
import { ExpertiseService } from './expertise.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly expertise: ExpertiseService,
    private readonly criticality: CriticalityService,
  ) {}

  @Get('experts')
  @ApiOperation({
    summary:
      'People holding a topic, ranked by evidence the caller may read: assets written or given as narasumber, CoPs, endorsements, reuse, declarations',
  })
  @ApiOkResponse({ type: [ExpertHitDto] })
  experts(
    @CurrentPrincipal() principal: Principal,
    @Query() q: ExpertsQueryDto,
  ): Promise<ExpertHitDto[]> {
    return this.expertise.experts(principal, q);
  }

  @Get(':id/expertise')
  @ApiOperation({ summary: 'A person’s expertise topics, each with the evidence behind it' })
  @ApiUuidParams()
  @ApiOkResponse({ type: ExpertiseResponseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<ExpertiseResponseDto> {
    return this.expertise.expertise(principal, id);
  }

  @Put(':id/expertise/declared')
  @ApiOperation({
    summary:
      'Declare topics: the person for themselves, or their OPD admin for them (replaces the list)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: ExpertiseResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: neither the person nor an admin of their OPD' })
  declare(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: DeclareTopicsDto,
  ): Promise<ExpertiseResponseDto> {
    return this.expertise.declare(principal, id, dto.topics);
  }

  @Put(':id/criticality')
  @RequirePermission(Permission.RiskManage)
  @ApiOperation({
    summary:
      'Override (or, with null, restore) a person’s criticality with a reason (their OPD’s admins, admins)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: CriticalityResponseDto })
  setCriticality(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: SetCriticalityDto,
  ): Promise<CriticalityResponseDto> {
    return this.criticality.set(principal, id, dto);
  }
}
