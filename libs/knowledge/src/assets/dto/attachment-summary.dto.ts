import { ApiProperty } from '@nestjs/swagger';

export class AttachmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Sanitised display name' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) mime: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: ['pending', 'extracted', 'unreadable', 'not_applicable'] })
  textStatus: string;
  @ApiProperty({ enum: ['not_scanned', 'clean', 'pending_scan'] }) scanStatus: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
