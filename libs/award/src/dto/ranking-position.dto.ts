import { ApiProperty } from '@nestjs/swagger';

export class RankingPositionDto {
  @ApiProperty() total: number;
  @ApiProperty() rank: number;
  @ApiProperty() winner: boolean;
}
