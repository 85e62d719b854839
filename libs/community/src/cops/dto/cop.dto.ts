import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto, QueryBoolean } from '@lumbung/platform';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.toUpperCase() : value;

export const COP_STATUSES = ['aktif', 'tidak_aktif'] as const;

export class CreateCopDto {
  @ApiProperty({ example: 'Komunitas Perencana Anggaran' })
  @Transform(trim)
  @IsString()
  @Length(3, 200)
  name: string;

  @ApiProperty({ example: 'Perencanaan dan penganggaran berbasis kinerja' })
  @Transform(trim)
  @IsString()
  @Length(3, 200)
  theme: string;

  @ApiPropertyOptional({
    description: "Host OPD code (default: the creator's OPD)",
    pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$',
  })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opdCode?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: 'Founding decree (SK) reference', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  skReference?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'User ids of the leads (they become members)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  leadIds?: string[];
}

export class UpdateCopDto extends PartialType(CreateCopDto) {
  @ApiPropertyOptional({ enum: COP_STATUSES })
  @IsOptional()
  @IsIn(COP_STATUSES)
  status?: (typeof COP_STATUSES)[number];
}

export class ListCopsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Host OPD code', pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;

  @ApiPropertyOptional({ enum: COP_STATUSES })
  @IsOptional()
  @IsIn(COP_STATUSES)
  status?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Matches name or theme' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only CoPs the caller belongs to now or leads (where they may file an asset)',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;
}

export class AddMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class MembersQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Include past members (with left dates)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  history?: boolean;
}

export class CopResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() theme: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: COP_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) skReference: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) leadIds: string[];
  @ApiProperty() memberCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CopPageDto {
  @ApiProperty({ type: [CopResponseDto] }) items: CopResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leftAt: string | null;
  @ApiProperty() isLead: boolean;
}

export class AddedMembersDto {
  @ApiProperty({
    description: 'How many became members now (existing members are left as they are)',
  })
  added: number;
}
