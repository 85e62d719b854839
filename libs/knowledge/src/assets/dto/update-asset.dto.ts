import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { AssetContentDto } from './create-asset.dto';

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
  expectedVersion?: number;
}
