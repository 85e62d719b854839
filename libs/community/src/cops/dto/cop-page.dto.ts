import { ApiProperty } from '@nestjs/swagger';
import { CopResponseDto } from './cop-response.dto';

export class CopPageDto {
  @ApiProperty({ type: [CopResponseDto] }) items: CopResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({
    type: [String],
    description: 'Every theme in the directory (for the theme filter), alphabetical',
  })
  themes: string[];
}
