import { ApiProperty } from '@nestjs/swagger';

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The OPD the attendee belonged to on the meeting date' })
  opdCode: string;
}
