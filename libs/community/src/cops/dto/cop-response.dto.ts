import { ApiProperty } from '@nestjs/swagger';
import { COP_STATUSES } from './cop.shared';

export class CopResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() theme: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: COP_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) skReference: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) leadIds: string[];
  @ApiProperty() memberCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
