import { ApiProperty } from '@nestjs/swagger';
import { ASSET_STATUSES } from '../asset-types';
import { PersonRefDto } from './person-ref.dto';

export class TransitionDto {
  @ApiProperty({
    enum: [
      'create',
      'submit',
      'approve',
      'reject',
      'archive',
      'reverify',
      'import',
      'approve_revision',
      'revise',
    ],
    description:
      'approve_revision: a verifier published an author’s edit; revise: a verifier’s own edit, published at once',
  })
  action: string;
  @ApiProperty({ enum: ASSET_STATUSES, nullable: true, description: 'null when created' })
  from: string | null;
  @ApiProperty({ enum: ASSET_STATUSES }) to: string;
  @ApiProperty({ type: PersonRefDto }) actor: PersonRefDto;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}
