import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { SynonymsService } from '../synonyms.service';
import { SearchInsightsDto } from './insights-response.dto';
import { InsightsQueryDto } from './insights-query.dto';
import { SearchAdminService } from './search-admin.service';
import { SynonymSetsDto, SynonymSetsResponseDto } from './synonyms.dto';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchAdminController {
  constructor(
    private readonly admin: SearchAdminService,
    private readonly synonyms: SynonymsService,
  ) {}

  @Get('insights')
  @RequirePermission(Permission.SearchInsightsRead)
  @ApiOperation({
    summary: 'Top queries, zero-result queries and click-through (OPD admins: own OPD)',
  })
  @ApiOkResponse({ type: SearchInsightsDto })
  @ApiErrors({ 403: 'FORBIDDEN: OPD admins asking for another OPD' })
  getInsights(
    @CurrentPrincipal() p: Principal,
    @Query() q: InsightsQueryDto,
  ): Promise<SearchInsightsDto> {
    return this.admin.insightsFor(p, q);
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
    return { sets: await this.admin.replaceSynonyms(p, dto.sets) };
  }
}
