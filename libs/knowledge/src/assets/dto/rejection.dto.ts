import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from './person-ref.dto';

/** Why a verifier sent a submission back: shown to its authors until they submit it again. */
export class RejectionDto {
  @ApiProperty({ description: 'What the authors should change' }) comment: string;
  @ApiProperty({ type: PersonRefDto }) by: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
}
