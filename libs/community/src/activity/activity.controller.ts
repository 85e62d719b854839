import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOpdCodeParam, ApiUuidParams, YearQueryDto } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ActivityService } from './activity.service';
import { ActivityDto } from './dto/activity.dto';

@ApiTags('activity')
@ApiBearerAuth()
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get('opds/:code/activity')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({
    summary:
      'OPD activity per Triwulan (WIB): meetings, attendees, publications (own OPD, assessors, admins)',
  })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: ActivityDto })
  async opd(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Query() q: YearQueryDto,
  ): Promise<ActivityDto> {
    return { year: q.year, quarters: await this.activity.forOpdCode(p, code, q.year) };
  }

  @Get('cops/:id/activity')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({
    summary: 'CoP activity per Triwulan (WIB) (members, host OPD, assessors, admins)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: ActivityDto })
  async cop(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Query() q: YearQueryDto,
  ): Promise<ActivityDto> {
    return { year: q.year, quarters: await this.activity.forCopId(p, id, q.year) };
  }
}
