import { ApiProperty } from '@nestjs/swagger';
import { CriticalityOverrideDto } from '../../register/dto/criticality-override.dto';
import { CriticalityEntryDto } from './criticality-entry.dto';

export class CriticalityResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) criticalityComputed: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) criticality: number;
  @ApiProperty({ type: CriticalityOverrideDto, nullable: true })
  override: CriticalityOverrideDto | null;
  @ApiProperty({ type: [CriticalityEntryDto], description: 'Every override, newest first' })
  history: CriticalityEntryDto[];
}
