import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { COP_STATUSES } from './cop.shared';
import { CreateCopDto } from './create-cop.dto';

export class UpdateCopDto extends PartialType(CreateCopDto) {
  @ApiPropertyOptional({ enum: COP_STATUSES })
  @IsOptional()
  @IsIn(COP_STATUSES)
  status?: (typeof COP_STATUSES)[number];
}
