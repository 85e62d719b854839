import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { UpperCase } from '@lumbung/platform';

export class ExpertsQueryDto {
  @ApiProperty({ minLength: 2, maxLength: 60, description: 'A topic, or part of one' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 60)
  topic: string;

  @ApiPropertyOptional({ description: 'Only people of this OPD' })
  @IsOptional()
  @UpperCase()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}
