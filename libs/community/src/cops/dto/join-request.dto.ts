import { ApiProperty } from '@nestjs/swagger';

export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;

export class JoinRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) copId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() nip: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: JOIN_REQUEST_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}
