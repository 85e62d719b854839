import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class SetCriticalityDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description:
      'The criticality to use instead of the computed one; left out, the override is removed (JSON null is never taken)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  value?: number;

  @ApiProperty({ minLength: 10, maxLength: 1000, description: 'Why (kept with who and when)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(10, 1000)
  reason: string;
}
