import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission, UserDirectory } from '@lumbung/identity';
import { ApiErrors, AuditService, CommonErrors } from '@lumbung/platform';
import { AuditPageDto, isUserId, ListAuditQueryDto } from './audit-admin.dto';

/** The security audit log for system admins: who did what to which entity, when. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditAdminController {
  constructor(
    private readonly audit: AuditService,
    private readonly people: UserDirectory,
  ) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Audit log entries, newest first, filtered and paged (admins)' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED: from after to (details: from must_be_before_to)' })
  async list(@Query() q: ListAuditQueryDto): Promise<AuditPageDto> {
    if (q.from && q.to && q.from > q.to)
      throw CommonErrors.validation([{ field: 'from', problems: ['must_be_before_to'] }]);
    const empty = { items: [], total: 0, page: q.page, limit: q.limit };
    let actorId: string | undefined;
    if (q.actor) {
      actorId = isUserId(q.actor)
        ? q.actor
        : (await this.people.byNips([q.actor])).get(q.actor)?.id;
      if (!actorId) return empty;
    }
    const page = await this.audit.list(
      {
        actorId,
        action: q.action,
        targetType: q.entity,
        targetId: q.entityId,
        fromDay: q.from,
        toDay: q.to,
      },
      q.page,
      q.limit,
    );
    const actors = await this.people.byIds([
      ...new Set(page.items.flatMap((e) => (e.actorId ? [e.actorId] : []))),
    ]);
    return {
      total: page.total,
      page: q.page,
      limit: q.limit,
      items: page.items.map((e) => {
        const who = e.actorId ? actors.get(e.actorId) : undefined;
        return {
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actorId
            ? { id: e.actorId, name: who?.name ?? null, opdCode: who?.opdCode ?? null }
            : null,
          action: e.action,
          entity: e.targetType,
          entityId: e.targetId,
          details: e.details,
          ip: e.ip,
        };
      }),
    };
  }
}
