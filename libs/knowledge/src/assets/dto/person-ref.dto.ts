import { ApiProperty } from '@nestjs/swagger';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
}
