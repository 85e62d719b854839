import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';

export class SynonymSetsDto {
  @ApiProperty({
    type: 'array',
    maxItems: 500,
    items: {
      type: 'array',
      minItems: 2,
      maxItems: 10,
      items: { type: 'string', minLength: 1, maxLength: 60 },
    },
    example: [
      ['asn', 'pns', 'pegawai'],
      ['sop', 'prosedur'],
    ],
    description: 'Each set lists words that mean the same (2–10 words, each 1–60 characters)',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsArray({ each: true })
  @ArrayMinSize(2, { each: true })
  @ArrayMaxSize(10, { each: true })
  sets: string[][];
}

/** Checks every word of every set (class-validator cannot reach inside nested arrays). */
export function invalidWords(sets: string[][]): string[] {
  return sets.flat().filter((w) => typeof w !== 'string' || w.trim().length < 1 || w.length > 60);
}

export class SynonymSetsResponseDto {
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } })
  sets: string[][];
}
