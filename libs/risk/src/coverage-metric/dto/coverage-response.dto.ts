import { ApiProperty } from '@nestjs/swagger';
import { CoverageSummaryDto } from '../../register/dto/coverage-summary.dto';
import { CoveragePersonDto } from './coverage-person.dto';

export class CoverageResponseDto extends CoverageSummaryDto {
  @ApiProperty() opdCode: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date', description: 'The WIB day it was computed on' }) asOf: string;
  @ApiProperty({ type: [CoveragePersonDto] }) people: CoveragePersonDto[];
}
