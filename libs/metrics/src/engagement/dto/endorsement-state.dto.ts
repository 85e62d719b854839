import { ApiProperty } from '@nestjs/swagger';

export class EndorsementStateDto {
  @ApiProperty() endorsed!: boolean;
  @ApiProperty({ description: 'People who find it useful ("bermanfaat")' }) endorsements!: number;
}
