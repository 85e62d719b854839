import { ApiProperty } from '@nestjs/swagger';

export class LocalizedMessageDto {
  @ApiProperty() id!: string;
  @ApiProperty() en!: string;
}
