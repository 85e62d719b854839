import { ApiProperty } from '@nestjs/swagger';

export class ReadersByOpdDto {
  @ApiProperty() opdCode!: string;
  @ApiProperty({ description: 'Sum of daily unique readers from this OPD' }) readers!: number;
}
