import { Global, Module } from '@nestjs/common';
import { AWARD_YEAR_LOCK } from '@lumbung/community';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { MetricsModule } from '@lumbung/metrics';
import { RiskModule } from '@lumbung/risk';
import { AwardController } from './award.controller';
import { AwardEvidenceService } from './award-evidence.service';
import { AwardExportService } from './award-export.service';
import { AwardRestatementService } from './award-restatement.service';
import { AwardScoreRunsService } from './award-score-runs.service';
import { AwardScoresService } from './award-scores.service';
import { AwardSnapshotsService } from './award-snapshots.service';
import { AwardYearsService } from './award-years.service';
import { MeetingYearLock } from './award-year-lock';

/**
 * The Knowledge Management Award: rubric, assessor scores, ranking, snapshot, exports. Global so
 * libs/community's meeting log resolves the award-year lock it defines and the award provides.
 */
@Global()
@Module({
  imports: [IdentityModule, KnowledgeModule, MetricsModule, RiskModule],
  providers: [
    AwardYearsService,
    AwardScoreRunsService,
    AwardSnapshotsService,
    AwardEvidenceService,
    AwardScoresService,
    AwardRestatementService,
    AwardExportService,
    MeetingYearLock,
    { provide: AWARD_YEAR_LOCK, useExisting: MeetingYearLock },
  ],
  exports: [
    AwardYearsService,
    AwardScoresService,
    AwardSnapshotsService,
    AwardRestatementService,
    AwardExportService,
    AWARD_YEAR_LOCK,
  ],
})
export class AwardModule {}

/** HTTP routes of the award. */
@Module({ imports: [AwardModule], controllers: [AwardController] })
export class AwardHttpModule {}
