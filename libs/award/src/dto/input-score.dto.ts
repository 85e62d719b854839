import { ApiProperty } from '@nestjs/swagger';

export class InputScoreDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: Number, nullable: true, description: 'As computed (null: not available)' })
  raw: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'After per-100-ASN, log or clamping' })
  transformed: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '0–100 across the OPD of the run' })
  normalised: number | null;
  @ApiProperty({ description: 'Nominal weight within the aspect' }) weight: number;
  @ApiProperty({ description: 'The formula, in Indonesian' }) formula: string;
  @ApiProperty({ description: 'The formula, in English' }) formulaEn: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The number the label names, in `unit` (2 decimals): the rate per 100 ASN, a percentage, active quarters of 4, or the value itself',
  })
  value: number | null;
  @ApiProperty({ enum: ['per100Asn', 'percent', 'quarters', 'number'] }) unit: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The count behind a per-100-ASN rate, shown beside it; null for other units',
  })
  count: number | null;
}
