import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

export class DeclareTopicsDto {
  @ApiProperty({
    type: [String],
    maxItems: 20,
    description:
      'The whole list of topics the caller declares for the person (themselves, or as their OPD admin); normalised like tags',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  topics: string[];
}
