import { ApiProperty } from '@nestjs/swagger';
import { PersonRefDto } from '@lumbung/knowledge';

export class CriticalityOverrideDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) value: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: PersonRefDto }) setBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}
