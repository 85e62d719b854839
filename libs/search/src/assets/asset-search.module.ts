import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { AssetProjection } from './asset-projection';
import { AssetSearchService } from './asset-search.service';
import { Bm25Reranker } from './bm25-reranker';
import { MeiliAssetSearch } from './meili-asset-search';
import { PeopleSearchService } from './people-search.service';
import { PostgresAssetSearch } from './postgres-asset-search';
import { QuestionRanker } from './question-ranker';
import { SearchClicksService } from './search-clicks.service';
import { SearchCompletionsService } from './search-completions.service';
import { SearchFilterResolver } from './search-filters';
import { SearchHelpService } from './search-help.service';
import { SearchVocabularyService } from './search-vocabulary.service';
import { MeetingSearchReader } from '../meetings/meeting-search.reader';

/**
 * Search over what other contexts own: asset documents built from knowledge's contract views,
 * meeting minutes from community's,
 * the query with its PostgreSQL fallback, completions, people, clicks (no HTTP).
 */
@Module({
  imports: [KnowledgeModule, IdentityModule],
  providers: [
    AssetProjection,
    AssetSearchService,
    SearchFilterResolver,
    MeiliAssetSearch,
    PostgresAssetSearch,
    QuestionRanker,
    SearchHelpService,
    SearchVocabularyService,
    SearchCompletionsService,
    PeopleSearchService,
    Bm25Reranker,
    SearchClicksService,
    MeetingSearchReader,
  ],
  exports: [
    AssetProjection,
    AssetSearchService,
    SearchCompletionsService,
    PeopleSearchService,
    SearchClicksService,
  ],
})
export class AssetSearchModule {}
