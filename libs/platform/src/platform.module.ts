import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { UsageEventLog } from './usage/usage-events';

/** Shared infrastructure services that need the database connection. */
@Global()
@Module({ providers: [AuditService, UsageEventLog], exports: [AuditService, UsageEventLog] })
export class PlatformModule {}
