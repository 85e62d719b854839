import { ApiProperty } from '@nestjs/swagger';

export class AspectScoreDto {
  @ApiProperty({ description: 'Data score D, 0–100' }) data: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Assessor score A (null: none yet)' })
  assessor: number | null;
  @ApiProperty({ description: 'w·D + (1−w)·A, or D while provisional; 2 decimals' })
  score: number;
  @ApiProperty({ description: 'The data weight w' }) weight: number;
  @ApiProperty({ description: 'No assessor has scored the aspect yet' }) provisional: boolean;
}
