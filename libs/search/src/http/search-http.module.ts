import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { AssetSearchModule } from '../assets/asset-search.module';
import { SearchAdminController } from './search-admin.controller';
import { SearchAdminService } from './search-admin.service';
import { SearchController } from './search.controller';

/** Search routes: the search itself, completions, people, clicks; insights and synonym sets. */
@Module({
  imports: [IdentityModule, KnowledgeModule, AssetSearchModule],
  controllers: [SearchController, SearchAdminController],
  providers: [SearchAdminService],
})
export class SearchHttpModule {}
