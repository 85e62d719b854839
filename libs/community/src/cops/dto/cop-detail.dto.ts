import { ApiProperty } from '@nestjs/swagger';
import { CopLeadDto } from './cop-lead.dto';
import { CopResponseDto } from './cop-response.dto';
import { CopViewerDto } from './cop-viewer.dto';

export class CopDetailDto extends CopResponseDto {
  @ApiProperty() opdName: string;
  @ApiProperty({ type: [CopLeadDto] }) leads: CopLeadDto[];
  @ApiProperty({ type: CopViewerDto, description: 'What the caller may do here' })
  viewer: CopViewerDto;
}
