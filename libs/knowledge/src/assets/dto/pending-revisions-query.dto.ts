import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto, UpperCase } from '@lumbung/platform';

export class PendingRevisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only this OPD (one the caller verifies; any other gives an empty page)',
    pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$',
  })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opd?: string;
}
