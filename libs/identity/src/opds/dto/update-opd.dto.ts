import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class UpdateOpdDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  name?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 200000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200_000)
  headcount?: number;
}
