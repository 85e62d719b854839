import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { trim, upper } from './cop.shared';

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
