import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/** NIP is the identity and never changes; everything else may. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['nip'] as const)) {
  @ApiPropertyOptional({ description: 'false deactivates: every session ends at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description:
      'First password of an account that has none (imported users), 12–128 characters. A ' +
      'working password is never replaced (409 PASSWORD_ALREADY_SET): start a password reset.',
  })
  @IsOptional()
  @IsString()
  @Length(12, 128)
  override password?: string;
}
