import { ApiProperty } from '@nestjs/swagger';

export class PasswordResetStartedDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({
    description:
      'One-time code for the user, shown only in this response: until Lumbung sends email, ' +
      'the admin hands it over. The user completes the reset at POST /auth/password-reset.',
    example: '7KQ2-M9XD-4HTB-0WCE-QJ5R-ZN8P',
  })
  token: string;

  @ApiProperty({ format: 'date-time', description: 'The code stops working then (24 hours)' })
  expiresAt: string;
}
