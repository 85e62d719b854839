import { ApiProperty } from '@nestjs/swagger';

export class TagCountDto {
  @ApiProperty({ example: 'layanan-publik' }) tag: string;
  @ApiProperty({ description: 'Published assets the caller may read that carry it' })
  count: number;
}
