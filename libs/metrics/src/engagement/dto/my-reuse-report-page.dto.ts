import { ApiProperty } from '@nestjs/swagger';
import { MyReuseReportDto } from './my-reuse-report.dto';

export class MyReuseReportPageDto {
  @ApiProperty({ type: [MyReuseReportDto] }) items!: MyReuseReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
