import { ApiProperty } from '@nestjs/swagger';

export class ReuseReporterDto {
  @ApiProperty() name!: string;
  @ApiProperty() opdCode!: string;
}
