import { ApiProperty } from '@nestjs/swagger';

/** A label shown to people: Bahasa Indonesia and English. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Latar belakang' }) id: string;
  @ApiProperty({ example: 'Background' }) en: string;
}
