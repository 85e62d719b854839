import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class RejectAssetDto {
  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    description: 'What the authors should change (spaces around it do not count)',
  })
  // Ten spaces are no comment: the length is that of the trimmed text.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(10, 2000)
  comment: string;
}
