import { ApiProperty } from '@nestjs/swagger';

export class AddedMembersDto {
  @ApiProperty({
    description: 'How many became members now (existing members are left as they are)',
  })
  added: number;
}
