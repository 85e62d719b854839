import { ApiProperty } from '@nestjs/swagger';
import { RubricVersionDto } from './rubric-version.dto';
import { TieRuleDto } from './tie-rule.dto';

export class AwardYearDto {
  @ApiProperty() year: number;
  @ApiProperty() rubricVersion: number;
  @ApiProperty({ type: RubricVersionDto, description: 'The current rubric' })
  rubric: RubricVersionDto;
  @ApiProperty({ type: [RubricVersionDto], description: 'Every version, oldest first' })
  rubricHistory: RubricVersionDto[];
  @ApiProperty() finalized: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalizedAt: string | null;
  @ApiProperty({ type: TieRuleDto, description: 'The tie rule published with the results' })
  tieRule: TieRuleDto;
}
