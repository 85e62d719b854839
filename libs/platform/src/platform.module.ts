import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { UsageEventLog } from './usage/usage-events';

/** Shared infrastructure services that need the database connection. */
@Global()
@Module({
  providers: [AuditService, UsageEventLog, IdempotencyStore, IdempotencyInterceptor],
  exports: [AuditService, UsageEventLog, IdempotencyStore, IdempotencyInterceptor],
})
export class PlatformModule {}
