import { AwardHttpModule } from '@lumbung/award';
import { MetricsHttpModule } from '@lumbung/metrics';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { SharedThrottlerStorage, WindowedThrottlerStorage } from './throttler-storage';
import { IdentityHttpModule, IdentityModule } from '@lumbung/identity';
import { CommunityHttpModule, CommunityModule } from '@lumbung/community';
import { KnowledgeHttpModule } from '@lumbung/knowledge';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  LoggingModule,
  PlatformModule,
  RateLimiter,
  StorageModule,
} from '@lumbung/platform';
import { NotificationsHttpModule } from '@lumbung/notifications';
import { RiskHttpModule } from '@lumbung/risk';
import { SearchHttpModule, SearchModule } from '@lumbung/search';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { AuditAdminController } from './audit/audit-admin.controller';
import { JobsAdminController } from './jobs/jobs-admin.controller';

/** The HTTP application: platform, then each context's HTTP module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        PlatformModule,
        JobsModule,
        StorageModule,
        SearchModule,
        ThrottlerModule.forRootAsync({
          inject: [RateLimiter],
          useFactory: (limiter: RateLimiter) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }],
            storage:
              config.http.rateLimitStore === 'memory'
                ? new WindowedThrottlerStorage()
                : new SharedThrottlerStorage(limiter),
          }),
        }),
        IdentityModule,
        IdentityHttpModule,
        KnowledgeHttpModule,
        CommunityModule,
        CommunityHttpModule,
        SearchHttpModule,
        MetricsHttpModule,
        AwardHttpModule,
        RiskHttpModule,
        NotificationsHttpModule,
      ],
      controllers: [HealthController, JobsAdminController, AuditAdminController],
      providers: [HealthService, { provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
