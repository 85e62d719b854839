import { ApiProperty } from '@nestjs/swagger';

export class PlanCountsDto {
  @ApiProperty() direncanakan: number;
  @ApiProperty() diwawancarai: number;
  @ApiProperty() aset_terbit: number;
  @ApiProperty() dibatalkan: number;
}
