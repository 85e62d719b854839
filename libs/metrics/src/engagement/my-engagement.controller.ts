import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { MyEndorsementPageDto } from './dto/my-endorsement-page.dto';
import { MyReuseReportPageDto } from './dto/my-reuse-report-page.dto';
import { MyEngagementService } from './my-engagement.service';

/** The caller's own engagement, for their profile ("Profil saya"). */
@ApiTags('usage')
@ApiBearerAuth()
@Controller('me')
@RequirePermission(Permission.SessionManage)
export class MyEngagementController {
  constructor(private readonly mine: MyEngagementService) {}

  @Get('endorsements')
  @ApiOperation({ summary: 'Assets the caller marked "bermanfaat", newest first' })
  @ApiOkResponse({ type: MyEndorsementPageDto })
  endorsements(
    @CurrentPrincipal() principal: Principal,
    @Query() q: PageQueryDto,
  ): Promise<MyEndorsementPageDto> {
    return this.mine.endorsements(principal, q);
  }

  @Get('reuse-reports')
  @ApiOperation({ summary: 'The caller’s reuse reports ("saya terapkan"), newest first' })
  @ApiOkResponse({ type: MyReuseReportPageDto })
  reuseReports(
    @CurrentPrincipal() principal: Principal,
    @Query() q: PageQueryDto,
  ): Promise<MyReuseReportPageDto> {
    return this.mine.reuseReports(principal, q);
  }
}
