import { ApiProperty } from '@nestjs/swagger';
import { ASPECT_KEYS, type AspectKey } from '../scoring';
import { AssessmentEntryDto } from './assessment-entry.dto';

export class AssessmentResultDto {
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: ASPECT_KEYS }) aspect: AspectKey;
  @ApiProperty({ type: AssessmentEntryDto, description: 'The score now in force' })
  current: AssessmentEntryDto;
  @ApiProperty({
    type: [AssessmentEntryDto],
    description: 'Every score of the aspect, newest first',
  })
  history: AssessmentEntryDto[];
}
