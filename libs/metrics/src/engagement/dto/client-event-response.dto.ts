import { ApiProperty } from '@nestjs/swagger';

export class ClientEventResponseDto {
  @ApiProperty({ description: 'false when this Idempotency-Key was already recorded' })
  recorded!: boolean;
}
