import { ApiProperty } from '@nestjs/swagger';

export class MetricDefinitionDto {
  @ApiProperty({ example: 'internalReachPercent' }) key!: string;
  @ApiProperty({ example: 'Jangkauan internal' }) label!: string;
  @ApiProperty({ example: 'Internal reach' }) labelEn!: string;
  @ApiProperty({ enum: ['count', 'share', 'percent', 'ratio'] }) unit!: string;
  @ApiProperty({ description: 'How it is counted, in Indonesian' }) definition!: string;
  @ApiProperty({ description: 'How it is counted, in English' }) definitionEn!: string;
}
