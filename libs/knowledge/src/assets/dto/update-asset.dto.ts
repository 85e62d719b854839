import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PG_INTEGER_MAX } from '@lumbung/platform';
import { AssetContentDto } from './asset-content.dto';

export class UpdateAssetDto extends AssetContentDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 300 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(3, 300)
  declare title?: string;

  @ApiPropertyOptional({ description: 'The version you edited; a newer one on the server → 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  expectedVersion?: number;
}
