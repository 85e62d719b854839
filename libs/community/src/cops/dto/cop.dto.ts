import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
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
    minLength: 1,
    maxLength: 200,
    description: 'Exactly this theme (case-insensitive); the page lists them in `themes`',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  theme?: string;

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
  @ApiProperty({
    type: [String],
    description: 'Every theme in the directory (for the theme filter), alphabetical',
  })
  themes: string[];
}

export class CopLeadDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
}

export class CopViewerDto {
  @ApiProperty({ description: 'The caller is a member now' }) member: boolean;
  @ApiProperty({ description: 'The caller leads this CoP' }) lead: boolean;
  @ApiProperty({
    description: "The caller logs meetings and manages members (a lead or the host OPD's admin)",
  })
  runs: boolean;
  @ApiProperty({ description: 'The caller sees the meetings and activity' }) seesActivity: boolean;
  @ApiProperty({ description: 'The caller has asked to join and is waiting for a lead' })
  joinRequested: boolean;
  @ApiProperty({ description: 'The caller may ask to join (a contributor who is not a member)' })
  mayRequestJoin: boolean;
}

export class CopDetailDto extends CopResponseDto {
  @ApiProperty() opdName: string;
  @ApiProperty({ type: [CopLeadDto] }) leads: CopLeadDto[];
  @ApiProperty({ type: CopViewerDto, description: 'What the caller may do here' })
  viewer: CopViewerDto;
}

export class PeopleLookupQueryDto {
  @ApiProperty({
    minLength: 2,
    maxLength: 100,
    description: 'A name (word start) or the first digits of a NIP',
  })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  q: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 20, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit: number = 10;
}

export class PersonLookupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ pattern: '^\\d{18}$' }) nip: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
}

export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;

export class JoinRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) copId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() nip: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: JOIN_REQUEST_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
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
