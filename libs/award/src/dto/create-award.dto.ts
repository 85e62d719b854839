import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RubricChangeDto } from './rubric-change.dto';

export class CreateAwardDto extends RubricChangeDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
