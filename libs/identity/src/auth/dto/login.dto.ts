import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'NIP (18 digits) or email', example: 'asn.bpsdm@lumbung.test' })
  @IsString()
  @Length(1, 254)
  username: string;

  @ApiProperty({ example: 'Lumbung#2025' })
  @IsString()
  @Length(1, 256)
  password: string;
}
