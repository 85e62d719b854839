import { ApiProperty } from '@nestjs/swagger';

export class CoveragePersonDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-05' }) departureMonth: string;
  @ApiProperty({ enum: ['bup', 'rencana'] }) departureKind: string;
  @ApiProperty({ description: 'Risk as judged for the period (≥ 15)' }) risk: number;
  @ApiProperty({ description: 'Interview published before the departure and by the period end' })
  covered: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The earliest published interview, when the caller may read it',
  })
  interviewAssetId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'WIB day' })
  interviewPublishedOn: string | null;
}
