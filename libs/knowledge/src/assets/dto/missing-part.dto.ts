import { ApiProperty } from '@nestjs/swagger';

/** A required part still empty: stable key, and the label the write form shows. */
export class MissingPartDto {
  @ApiProperty({
    example: 'section:yang_terjadi',
    description: 'section:<key>, summary, tags, seciMode or attachment (stable)',
  })
  key: string;
  @ApiProperty({ example: 'Apa yang terjadi', description: 'Label, Indonesian' }) label: string;
  @ApiProperty({ example: 'What happened' }) labelEn: string;
}
