import { ApiProperty } from '@nestjs/swagger';
import { SessionUserDto } from './session-user.dto';

export class LoginResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;
}
