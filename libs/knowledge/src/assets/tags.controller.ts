import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@lumbung/identity';
import { readerOf } from './asset-access';
import { AssetsRepository } from './assets.repository';
import { TagCountDto, TagQueryDto } from './dto/tags.dto';
import { normalizeTags } from './tags';

/** Tag suggestions for authors: the tags already in use, so the same topic gets the same tag. */
@ApiTags('assets')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly repo: AssetsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Tags in use on published assets the caller may read, most used first (signed in)',
  })
  @ApiOkResponse({ type: [TagCountDto] })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TagQueryDto,
  ): Promise<TagCountDto[]> {
    const typed = query.q === undefined ? undefined : normalizeTags([query.q])[0];
    // Text that normalises to nothing (e.g. "#") matches no tag rather than every tag.
    if (query.q !== undefined && query.q.trim() !== '' && !typed) return [];
    return this.repo.tagCounts(readerOf(principal), typed, query.limit);
  }
}
