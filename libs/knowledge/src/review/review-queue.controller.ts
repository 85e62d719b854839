import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ReverificationQueryDto } from './dto/reverification-query.dto';
import { ReviewPageDto } from './dto/review-page.dto';
import { ReviewQueueService } from './review-queue.service';

/**
 * A verifier's work lists. GET /assets cannot serve them: it orders by publication, newest
 * first, has no due-date filter, and its summaries carry neither authors nor dates of review.
 */
@ApiTags('review')
@ApiBearerAuth()
@Controller('review')
@RequirePermission(Permission.AssetVerify)
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Get('queue')
  @ApiOperation({
    summary: 'Submitted assets of the OPDs the caller verifies, the longest-waiting first',
  })
  @ApiOkResponse({ type: ReviewPageDto })
  submitted(
    @CurrentPrincipal() principal: Principal,
    @Query() q: PageQueryDto,
  ): Promise<ReviewPageDto> {
    return this.queue.list(principal, 'submitted', q);
  }

  @Get('reverification')
  @ApiOperation({
    summary:
      'Published assets of the OPDs the caller verifies whose review date has passed (overdue) or comes within 30 days (soon), the earliest due first',
  })
  @ApiOkResponse({ type: ReviewPageDto })
  reverification(
    @CurrentPrincipal() principal: Principal,
    @Query() q: ReverificationQueryDto,
  ): Promise<ReviewPageDto> {
    return this.queue.list(principal, q.state, { page: q.page, limit: q.limit });
  }
}
