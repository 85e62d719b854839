import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AccountEvidenceDto } from './account-evidence.dto';
import { LocalizedMessageDto } from './localized-message.dto';
import { SpikeEvidenceDto } from './spike-evidence.dto';

export class AnomalyFlagDto {
  @ApiProperty({ description: 'Stable id of the cause' }) id!: string;
  @ApiProperty({ enum: ['spike', 'concentration', 'burst'] }) kind!: string;
  @ApiProperty({
    enum: ['high', 'medium', 'low'],
    description: 'The list is sorted by severity, most severe first',
  })
  severity!: string;
  @ApiProperty() opdCode!: string;
  @ApiProperty({
    description: 'YYYY-MM (first spiking month) for spikes, the first WIB day otherwise',
    example: '2025-08',
  })
  period!: string;
  @ApiProperty({ type: LocalizedMessageDto, description: 'What happened, with its numbers' })
  message!: LocalizedMessageDto;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(SpikeEvidenceDto) }, { $ref: getSchemaPath(AccountEvidenceDto) }],
  })
  evidence!: SpikeEvidenceDto | AccountEvidenceDto;
}
