import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CompletePasswordResetDto {
  @ApiProperty({
    description: 'The one-time code the admin handed over (case, spaces and dashes ignored)',
    example: '7KQ2-M9XD-4HTB-0WCE-QJ5R-ZN8P',
  })
  @IsString()
  @Length(1, 64)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @Length(1, 256)
  newPassword: string;
}
