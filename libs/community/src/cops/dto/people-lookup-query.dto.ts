import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trim } from './cop.shared';

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
