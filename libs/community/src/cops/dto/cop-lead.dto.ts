import { ApiProperty } from '@nestjs/swagger';

export class CopLeadDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
}
