import { ApiProperty } from '@nestjs/swagger';
import { RegisterItemDto } from './register-item.dto';

export class OwnRiskResponseDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ example: 15 }) highThreshold: number;
  @ApiProperty({ type: RegisterItemDto, nullable: true, description: 'Null for service accounts' })
  item: RegisterItemDto | null;
}
