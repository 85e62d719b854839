import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ReuseReportDto {
  @ApiProperty({ minLength: 30, maxLength: 4000, description: 'How the asset was applied' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(30)
  @MaxLength(4000)
  story!: string;
}
