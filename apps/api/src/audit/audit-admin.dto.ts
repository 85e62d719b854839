import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsReportDay, PageQueryDto } from '@lumbung/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Who acted: an 18-digit NIP or a user id',
    pattern: '^(\\d{18}|[0-9a-fA-F-]{36})$',
  })
  @IsOptional()
  @Matches(/^(\d{18}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  actor?: string;

  @ApiPropertyOptional({ pattern: '^[a-z_]{2,64}$', example: 'authn_password_reset_start' })
  @IsOptional()
  @Matches(/^[a-z_]{2,64}$/)
  action?: string;

  @ApiPropertyOptional({ pattern: '^[a-z_]{2,32}$', example: 'user', description: 'Entity type' })
  @IsOptional()
  @Matches(/^[a-z_]{2,32}$/)
  entity?: string;

  @ApiPropertyOptional({
    pattern: '^[A-Za-z0-9_.:-]{1,64}$',
    description: 'Entity id (with entity)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  entityId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First WIB day (YYYY-MM-DD), inclusive' })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last WIB day (YYYY-MM-DD), inclusive' })
  @IsOptional()
  @IsReportDay()
  to?: string;
}

export const isUserId = (value: string): boolean => UUID.test(value);

class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once the user is gone' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true }) opdCode: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ pattern: '^\\d+$' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null for the system' })
  actor: AuditActorDto | null;
  @ApiProperty({ example: 'user_updated' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) entity: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As the action records it (never secrets)',
  })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
