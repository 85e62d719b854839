import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** NIP is the identity and never changes; everything else may. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['nip'] as const)) {
  @ApiPropertyOptional({ description: 'false deactivates: every session ends at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
