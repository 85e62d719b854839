import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class RejectAssetDto {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'What the authors should change' })
  @IsString()
  @Length(10, 2000)
  comment: string;
}

export class TransitionCommentDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}
