import { ApiProperty } from '@nestjs/swagger';

export class DeclaredTopicsDto {
  @ApiProperty({ type: [String] }) self: string[];
  @ApiProperty({ type: [String] }) opdAdmin: string[];
}
