import { ApiProperty } from '@nestjs/swagger';

export class CopEvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['lead', 'member', 'attendee'] }) role: string;
  @ApiProperty() meetingsAttended: number;
  @ApiProperty({ example: '/api/v1/cops/…' }) href: string;
}
