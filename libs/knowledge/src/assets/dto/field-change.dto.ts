import { ApiProperty } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({
    enum: ['title', 'summary', 'body', 'tags', 'visibility', 'seciMode', 'narasumberId', 'copId'],
  })
  field: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tags joined by ", "' })
  before: string | null;
  @ApiProperty({ type: String, nullable: true }) after: string | null;
}
