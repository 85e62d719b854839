import { Module } from '@nestjs/common';
import { CommunityModule } from '@lumbung/community';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { MetricsModule } from '@lumbung/metrics';
import { CoverageViewService } from './coverage-metric/coverage-view.service';
import { CoverageService } from './coverage-metric/coverage.service';
import { CriticalityService } from './criticality/criticality.service';
import { OverridesRepository } from './criticality/overrides.repository';
import { DeclarationsRepository } from './expertise/declarations.repository';
import { EvidenceLoader } from './expertise/evidence.loader';
import { ExpertiseService } from './expertise/expertise.service';
import { InterviewSyncService } from './plans/interview-sync.service';
import { RetentionPlansRepository } from './plans/retention-plans.repository';
import { RetentionPlansViewService } from './plans/retention-plans-view.service';
import { RetentionPlansService } from './plans/retention-plans.service';
import { RegisterService } from './register/register.service';
import { RiskAssessor } from './register/risk-assessor.service';

/**
 * Knowledge at risk (libs/risk/README.md): departures, the expertise map, the risk register,
 * retention plans and the coverage the award reads (no HTTP).
 */
@Module({
  imports: [IdentityModule, KnowledgeModule, CommunityModule, MetricsModule],
  providers: [
    DeclarationsRepository,
    OverridesRepository,
    RetentionPlansRepository,
    EvidenceLoader,
    RiskAssessor,
    InterviewSyncService,
    RegisterService,
    CoverageService,
    CoverageViewService,
    RetentionPlansService,
    RetentionPlansViewService,
    ExpertiseService,
    CriticalityService,
  ],
  exports: [
    CoverageService,
    InterviewSyncService,
    RegisterService,
    CoverageViewService,
    RetentionPlansService,
    RetentionPlansViewService,
    ExpertiseService,
    CriticalityService,
  ],
})
export class RiskModule {}
