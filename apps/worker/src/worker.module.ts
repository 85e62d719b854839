import { DynamicModule, Module } from '@nestjs/common';
import { KnowledgeWorkerModule } from '@lumbung/knowledge';
import { MetricsWorkerModule } from '@lumbung/metrics';
import {
  type AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  LoggingModule,
  PlatformModule,
  StorageModule,
} from '@lumbung/platform';
import { NotificationsWorkerModule } from '@lumbung/notifications';
import { RiskWorkerModule } from '@lumbung/risk';
import { SearchModule, SearchWorkerModule } from '@lumbung/search';
import { HeartbeatService } from './heartbeat.service';
import { JobPoller } from './job-poller.service';
import { MaintenanceService } from './maintenance.service';

/**
 * The background process: no HTTP. Runs every context's jobs (its worker module) and the heartbeat.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        PlatformModule,
        JobsModule,
        StorageModule,
        SearchModule,
        KnowledgeWorkerModule,
        SearchWorkerModule,
        MetricsWorkerModule,
        RiskWorkerModule,
        NotificationsWorkerModule,
      ],
      providers: [HeartbeatService, JobPoller, MaintenanceService],
    };
  }
}
