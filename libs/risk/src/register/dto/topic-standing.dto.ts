import { ApiProperty } from '@nestjs/swagger';

export class TopicStandingDto {
  @ApiProperty({ description: 'A normalised tag or CoP theme' }) topic: string;
  @ApiProperty({ description: 'Evidence score from what the caller may read' }) score: number;
  @ApiProperty({ description: 'Other active people of the OPD who hold the topic' })
  othersInOpd: number;
  @ApiProperty({
    description: "Published assets of the OPD on the topic (the person's own interviews excluded)",
  })
  publishedAssets: number;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 + rarity points + documentation gap' })
  criticality: number;
}
