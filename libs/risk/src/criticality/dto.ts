import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PersonRefDto } from '@lumbung/knowledge';
import { CriticalityOverrideDto } from '../register/dto/register-response.dto';

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

export class CriticalityEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null: the override was removed' })
  value: number | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: PersonRefDto }) setBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}

export class CriticalityResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) criticalityComputed: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) criticality: number;
  @ApiProperty({ type: CriticalityOverrideDto, nullable: true })
  override: CriticalityOverrideDto | null;
  @ApiProperty({ type: [CriticalityEntryDto], description: 'Every override, newest first' })
  history: CriticalityEntryDto[];
}
