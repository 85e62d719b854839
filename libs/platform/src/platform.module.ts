import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { RateLimiter } from './http/rate-limiter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';

/** Shared infrastructure services that need the database connection. */
@Global()
@Module({
  providers: [AuditService, RateLimiter, IdempotencyStore, IdempotencyInterceptor],
  exports: [AuditService, RateLimiter, IdempotencyStore, IdempotencyInterceptor],
})
export class PlatformModule {}
