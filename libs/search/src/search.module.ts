import { Global, Module } from '@nestjs/common';
import { AssetIndex } from './asset-index';
import { SearchClient } from './search-client';
import { SearchInsightsService } from './search-insights.service';
import { SearchLogService } from './search-log.service';
import { SynonymsService } from './synonyms.service';

const PROVIDERS = [
  SearchClient,
  AssetIndex,
  SearchLogService,
  SearchInsightsService,
  SynonymsService,
];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class SearchModule {}
