import { ApiProperty } from '@nestjs/swagger';
import { AspectScoreDto } from './aspect-score.dto';
import { AssessmentEntryDto } from './assessment-entry.dto';
import { InputScoreDto } from './input-score.dto';

export class AspectDrillDownDto extends AspectScoreDto {
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: [InputScoreDto] }) inputs: InputScoreDto[];
  @ApiProperty({ type: [AssessmentEntryDto], description: 'Newest first' })
  assessments: AssessmentEntryDto[];
}
