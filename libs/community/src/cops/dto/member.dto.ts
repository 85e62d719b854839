import { ApiProperty } from '@nestjs/swagger';

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) leftAt: string | null;
  @ApiProperty() isLead: boolean;
}
