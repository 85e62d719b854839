import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class SetAuthorsDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 11 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @IsUUID('all', { each: true })
  authorIds: string[];
}
