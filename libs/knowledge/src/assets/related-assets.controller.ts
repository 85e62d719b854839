import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiUuidParams } from '@lumbung/platform';
import { CurrentPrincipal, Principal, Public } from '@lumbung/identity';
import { AssetSummaryDto } from './dto/asset-summary.dto';
import { RELATED_LIMIT, RelatedAssetsService } from './related-assets.service';

@ApiTags('assets')
@ApiBearerAuth()
@Controller('assets')
export class RelatedAssetsController {
  constructor(private readonly related: RelatedAssetsService) {}

  @Get(':id/related')
  @Public()
  @ApiOperation({
    summary: `Up to ${RELATED_LIMIT} published assets the caller may read that share tags, type or OPD with this one, best first (404 if the asset is not readable)`,
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: [AssetSummaryDto] })
  list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
  ): Promise<AssetSummaryDto[]> {
    return this.related.related(principal, id);
  }
}
