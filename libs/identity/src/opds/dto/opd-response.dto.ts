import { ApiProperty } from '@nestjs/swagger';

export class OpdResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'BPSDM' })
  code: string;

  @ApiProperty({ example: 'Badan Pengembangan Sumber Daya Manusia' })
  name: string;

  @ApiProperty({ description: 'Number of ASN in the OPD (base of per-100-ASN rates)' })
  headcount: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
