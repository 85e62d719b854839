import { ApiProperty } from '@nestjs/swagger';
import { FieldChangeDto } from './field-change.dto';
import { SectionChangeDto } from './section-change.dto';

export class RevisionDiffDto {
  @ApiProperty() n: number;
  @ApiProperty({ enum: ['published', 'pending', 'rejected'] }) status: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The published revision compared with: the current one for a pending revision, else the one it was written against (null: compared with nothing)',
  })
  against: number | null;
  @ApiProperty({ type: [FieldChangeDto], description: 'Only the fields that differ' })
  fields: FieldChangeDto[];
  @ApiProperty({
    type: [SectionChangeDto],
    description: 'Every text section of the type’s template, in template order',
  })
  sections: SectionChangeDto[];
}
