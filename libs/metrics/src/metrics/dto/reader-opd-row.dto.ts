import { ApiProperty } from '@nestjs/swagger';

/** Distinct readers of the OPD's assets from one reader OPD, in the year and each Triwulan. */
export class ReaderOpdRowDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty() opdName!: string;
  @ApiProperty({ description: 'Distinct readers from this OPD in the year' }) readers!: number;
  @ApiProperty({
    type: [Number],
    minItems: 4,
    maxItems: 4,
    description: 'Distinct readers from this OPD in Triwulan I–IV',
  })
  quarters!: number[];
}
