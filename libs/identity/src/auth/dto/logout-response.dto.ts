import { ApiProperty } from '@nestjs/swagger';

export class LogoutResponseDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "For a single sign-on session whose provider has an end_session_endpoint: the provider's " +
      'logout URL to send the browser to (it ends the session there too). Otherwise null.',
  })
  endSessionUrl: string | null;
}
