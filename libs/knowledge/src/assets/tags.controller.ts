import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@lumbung/identity';
import { TagCountDto } from './dto/tag-count.dto';
import { TagQueryDto } from './dto/tag-query.dto';
import { TagsService } from './tags.service';

/** Tag suggestions for authors: the tags already in use, so the same topic gets the same tag. */
@ApiTags('assets')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({
    summary: 'Tags in use on published assets the caller may read, most used first (signed in)',
  })
  @ApiOkResponse({ type: [TagCountDto] })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TagQueryDto,
  ): Promise<TagCountDto[]> {
    return this.tags.suggest(principal, query.q, query.limit);
  }
}
