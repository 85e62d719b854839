import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { MetricsModule } from '@lumbung/metrics';
import { RiskModule } from '@lumbung/risk';
import { AwardController } from './award.controller';
import { AwardExportService } from './award-export.service';
import { AwardScoresService } from './award-scores.service';
import { AwardYearsService } from './award-years.service';

/** The Knowledge Management Award: rubric, assessor scores, ranking, snapshot, exports. */
@Module({
  imports: [IdentityModule, KnowledgeModule, MetricsModule, RiskModule],
  providers: [AwardYearsService, AwardScoresService, AwardExportService],
  exports: [AwardYearsService, AwardScoresService, AwardExportService],
})
export class AwardModule {}

/** HTTP routes of the award. */
@Module({ imports: [AwardModule], controllers: [AwardController] })
export class AwardHttpModule {}
