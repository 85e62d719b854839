import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '../query-transforms';

/** `?dryRun=true`: validate and report without writing (every import endpoint). */
export class DryRunQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Validate and report without writing anything',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}
