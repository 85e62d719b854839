import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from './person-ref.dto';

export class PendingRevisionDto {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() n: number;
  @ApiProperty({ type: Number, nullable: true }) basedOn: number | null;
  @ApiProperty({ description: 'The proposed title' }) title: string;
  @ApiProperty({ description: 'The published title readers see' }) assetTitle: string;
  @ApiProperty() type: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'False when the caller is an author of the asset (self-review)' })
  canReview: boolean;
}
