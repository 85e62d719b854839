import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '@lumbung/knowledge';

export class CriticalityEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null: the override was removed' })
  value: number | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: PersonRefDto }) setBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}
