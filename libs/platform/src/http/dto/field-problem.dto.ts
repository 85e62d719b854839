import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problems: the `details` of every 400 answer, whatever its code. */
export class FieldProblemDto {
  @ApiProperty({ example: 'title', description: 'Dotted path of the field (or the parameter)' })
  field: string;

  @ApiProperty({ type: [String], example: ['isLength'], description: 'Problem codes' })
  problems: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Judul paling banyak 200 karakter.'],
    description: 'The problems in words for people (Bahasa Indonesia), where the API has them',
  })
  messages?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts about the problem where a code alone is not enough (e.g. missing columns)',
  })
  details?: Record<string, unknown>;
}
