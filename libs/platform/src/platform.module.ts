import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { RateLimiter } from './http/rate-limiter';
import { UsageEventLog } from './usage/usage-events';

/** Shared infrastructure services that need the database connection. */
@Global()
@Module({
  providers: [AuditService, UsageEventLog, RateLimiter],
  exports: [AuditService, UsageEventLog, RateLimiter],
})
export class PlatformModule {}
