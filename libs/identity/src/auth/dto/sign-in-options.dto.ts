import { ApiProperty } from '@nestjs/swagger';

/** How people may sign in here (public: the sign-in page asks before showing anything). */
export class SignInOptionsDto {
  @ApiProperty({ description: 'Password sign-in (`POST /auth/login`) is on' })
  localLogin: boolean;

  @ApiProperty({ description: 'Single sign-on is configured: `GET /auth/oidc/login` starts it' })
  sso: boolean;
}
