import { ApiProperty } from '@nestjs/swagger';

export class TieRuleDto {
  @ApiProperty() id: string;
  @ApiProperty() en: string;
}
