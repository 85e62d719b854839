import { ApiProperty } from '@nestjs/swagger';
import { AspectChangeDto } from './aspect-change.dto';
import { InputChangeDto } from './input-change.dto';
import { RankingPositionDto } from './ranking-position.dto';

export class RestatementChangeDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
  @ApiProperty({ type: RankingPositionDto, description: 'As finalised' })
  before: RankingPositionDto;
  @ApiProperty({ type: RankingPositionDto, description: 'Recomputed from today’s data' })
  after: RankingPositionDto;
  @ApiProperty({ type: [AspectChangeDto] }) aspects: AspectChangeDto[];
  @ApiProperty({ type: [InputChangeDto] }) inputs: InputChangeDto[];
}
