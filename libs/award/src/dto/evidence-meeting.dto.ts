import { ApiProperty } from '@nestjs/swagger';

export class EvidenceMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'CoP name' }) cop: string;
  @ApiProperty({ format: 'date' }) heldDate: string;
  @ApiProperty() quarter: number;
  @ApiProperty() topic: string;
  @ApiProperty() attendees: number;
  @ApiProperty({ description: 'Minutes or an output asset within 14 days' }) documented: boolean;
  @ApiProperty({ example: '/api/v1/meetings/…' }) href: string;
}
