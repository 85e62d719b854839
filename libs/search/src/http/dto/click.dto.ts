import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class SearchClickDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  assetId: string;

  @ApiProperty({ minimum: 1, maximum: 1000, description: '1-based rank of the clicked hit' })
  @IsInt()
  @Min(1)
  @Max(1000)
  position: number;
}
