import { ApiProperty } from '@nestjs/swagger';
import { ASPECT_KEYS, type AspectKey } from '../scoring';

export class AssessmentEntryDto {
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty() justification: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Assessor name (null for callers who see every OPD’s metrics but not who scored)',
  })
  assessor: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
