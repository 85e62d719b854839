import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { readerOf } from './asset-read.rule';
import { AssetsRepository } from './assets.repository';
import { normalizeTags } from './tags';

/** Tag suggestions for authors: the tags already in use, so the same topic gets the same tag. */
@Injectable()
export class TagsService {
  constructor(private readonly repo: AssetsRepository) {}

  /** Tags on published assets the caller may read, most used first, starting with `q` if given. */
  async suggest(
    principal: Principal | undefined,
    q: string | undefined,
    limit: number,
  ): Promise<{ tag: string; count: number }[]> {
    const typed = q === undefined ? undefined : normalizeTags([q])[0];
    // Text that normalises to nothing (e.g. "#") matches no tag rather than every tag.
    if (q !== undefined && q.trim() !== '' && !typed) return [];
    return this.repo.tagCounts(readerOf(principal), typed, limit);
  }
}
