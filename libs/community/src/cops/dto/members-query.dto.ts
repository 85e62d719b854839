import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '@lumbung/platform';

export class MembersQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Include past members (with left dates)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  history?: boolean;
}
