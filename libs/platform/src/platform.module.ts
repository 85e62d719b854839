import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';

/** Shared infrastructure services that need the database connection. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class PlatformModule {}
