import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto, QueryBoolean, UpperCase } from '@lumbung/platform';
import { ASSET_STATUSES, ASSET_TYPES } from '../asset-types';

export class ListAssetsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Owning OPD code', pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$' })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  type?: string;

  @ApiPropertyOptional({
    enum: ASSET_STATUSES,
    description: 'Default: published (all statuses with mine=true)',
  })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 60 })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only assets filed under this CoP' })
  @IsOptional()
  @IsUUID('all')
  cop?: string;

  @ApiPropertyOptional({ description: 'Only assets the caller authored' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;
}
