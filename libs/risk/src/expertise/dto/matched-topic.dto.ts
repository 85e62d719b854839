import { ApiProperty } from '@nestjs/swagger';

export class MatchedTopicDto {
  @ApiProperty() topic: string;
  @ApiProperty() score: number;
}
