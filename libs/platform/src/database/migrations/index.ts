import { Identity1764460800000 } from './1764460800000-identity';
import { Knowledge1764547200000 } from './1764547200000-knowledge';
import { Search1764633600000 } from './1764633600000-search';
import { Community1764720000000 } from './1764720000000-community';
import { Usage1764806400000 } from './1764806400000-usage';
import { Award1764892800000 } from './1764892800000-award';
import { Bm251764979200000 } from './1764979200000-bm25';
import { UsageRollups1765065600000 } from './1765065600000-usage-rollups';
import { PasswordResets1765152000000 } from './1765152000000-password-resets';
import { JobsRetention1765200000000 } from './1765200000000-jobs-retention';
import { BackfillFirstRevisions1765200000001 } from './1765200000001-backfill-first-revisions';
import { KnowledgeRisk1765324800000 } from './1765324800000-knowledge-risk';
import { AwardCoverageRules1765411200000 } from './1765411200000-award-coverage-rules';
import { CompletenessPerSection1765497600000 } from './1765497600000-completeness-per-section';
import { RevisionReview1765500000016 } from './1765500000016-revision-review';
import { SearchAsYouType1765584000000 } from './1765584000000-search-as-you-type';
import { CopJoinRequests1765670400000 } from './1765670400000-cop-join-requests';
import { JobsNotify1765670400001 } from './1765670400001-jobs-notify';
import { SsoSessions1765756800100 } from './1765756800100-sso-sessions';
import { Notifications1765756800300 } from './1765756800300-notifications';
import { IdempotencyKeys1765756800400 } from './1765756800400-idempotency-keys';
import { SharedRateLimits1765756800500 } from './1765756800500-shared-rate-limits';
import { IdentityContractViews1765843200000 } from './1765843200000-identity-contract-views';
import { KnowledgeContractViews1765843200100 } from './1765843200100-knowledge-contract-views';
import { CommunityContractViews1765843200200 } from './1765843200200-community-contract-views';
import { KnowledgeSearchViews1765929600000 } from './1765929600000-knowledge-search-views';
import { CommunitySearchViews1765929600100 } from './1765929600100-community-search-views';

/** Every migration, oldest first. New migrations are appended here. */
export const MIGRATIONS = [
  Identity1764460800000,
  Knowledge1764547200000,
  Search1764633600000,
  Community1764720000000,
  Usage1764806400000,
  Award1764892800000,
  Bm251764979200000,
  UsageRollups1765065600000,
  PasswordResets1765152000000,
  JobsRetention1765200000000,
  BackfillFirstRevisions1765200000001,
  KnowledgeRisk1765324800000,
  AwardCoverageRules1765411200000,
  CompletenessPerSection1765497600000,
  RevisionReview1765500000016,
  SearchAsYouType1765584000000,
  CopJoinRequests1765670400000,
  JobsNotify1765670400001,
  SsoSessions1765756800100,
  Notifications1765756800300,
  IdempotencyKeys1765756800400,
  SharedRateLimits1765756800500,
  IdentityContractViews1765843200000,
  KnowledgeContractViews1765843200100,
  CommunityContractViews1765843200200,
  KnowledgeSearchViews1765929600000,
  CommunitySearchViews1765929600100,
];
