import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { ASSET_TYPES } from '../asset-types';
import type { AssetType } from '../asset-types';
import { UpperCase } from '@lumbung/platform';
import { AssetContentDto } from './asset-content.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateAssetDto extends AssetContentDto {
  @ApiProperty({ enum: ASSET_TYPES })
  @IsIn(ASSET_TYPES)
  type: AssetType;

  @ApiProperty({ minLength: 3, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(3, 300)
  declare title: string;

  @ApiPropertyOptional({ description: "Owning OPD; defaults to the author's (admins may choose)" })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opdCode?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Co-authors (user ids); the creator is always an author',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  coAuthorIds?: string[];
}
