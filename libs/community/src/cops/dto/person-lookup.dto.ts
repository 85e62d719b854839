import { ApiProperty } from '@nestjs/swagger';

export class PersonLookupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ pattern: '^\\d{18}$' }) nip: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() opdName: string;
}
