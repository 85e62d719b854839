import { ApiProperty } from '@nestjs/swagger';

export class FinalizedDto {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) finalizedAt: string;
  @ApiProperty() rubricVersion: number;
}
