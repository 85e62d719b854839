import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { CurrentPrincipal, Principal, Public } from '@lumbung/identity';
import { AssetSearchService } from '../assets/asset-search.service';
import { SearchClickDto } from './dto/click.dto';
import { PeopleQueryDto } from './dto/people-query.dto';
import { SuggestQueryDto, SuggestResponseDto } from './dto/suggest.dto';
import { SearchClicksService } from '../assets/search-clicks.service';
import { SearchCompletionsService } from '../assets/search-completions.service';
import { SearchQueryDto } from './dto/search-query.dto';
import { PersonHitDto, SearchResponseDto } from './dto/search-response.dto';
import { PeopleSearchService } from '../assets/people-search.service';
import { AssetUsageRecorder } from '@lumbung/knowledge';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly search: AssetSearchService,
    private readonly people: PeopleSearchService,
    private readonly clicks: SearchClicksService,
    private readonly usage: AssetUsageRecorder,
    private readonly completions: SearchCompletionsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search published knowledge the caller may read (Meilisearch, PostgreSQL fallback)',
  })
  @ApiOkResponse({ type: SearchResponseDto })
  @ApiErrors({
    400: 'VALIDATION_FAILED: an unknown type, opd or cop filter (details name the allowed values)',
  })
  query(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() dto: SearchQueryDto,
    @Req() req: Request,
  ): Promise<SearchResponseDto> {
    // Anonymous callers are told apart by the usage log's keyed daily pseudonym (never the address).
    return this.search.query(principal, dto, this.usage.actor(principal, req).key);
  }

  /** Completions for every keystroke: only what the caller may see. */
  @Get('suggest')
  @Public()
  @ApiOperation({
    summary:
      'As-you-type completions: asset titles and tags the caller may read, people and CoPs for signed-in users',
  })
  @ApiOkResponse({ type: SuggestResponseDto })
  async suggest(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() dto: SuggestQueryDto,
  ): Promise<SuggestResponseDto> {
    return { items: await this.completions.suggest(principal, dto.q) };
  }

  /** The staff directory is for signed-in users only (names, OPDs and positions of ASN). */
  @Get('people')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Find ASN by name or by expertise shown in published assets (no NIP or email)',
  })
  @ApiOkResponse({ type: [PersonHitDto] })
  findPeople(
    @CurrentPrincipal() principal: Principal,
    @Query() dto: PeopleQueryDto,
  ): Promise<PersonHitDto[]> {
    return this.people.find(principal, dto.q, dto.limit);
  }

  @Post(':searchId/clicks')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'Report a click on a search result (the caller’s own search, a readable asset)',
  })
  @ApiUuidParams('searchId')
  @ApiErrors({ 404: 'NOT_FOUND: no such search of the caller, or an asset they cannot read' })
  click(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('searchId') searchId: string,
    @Body() dto: SearchClickDto,
    @Req() req: Request,
  ): Promise<void> {
    return this.clicks.record(principal, req, searchId, dto);
  }
}
