import { ApiProperty } from '@nestjs/swagger';
import { RetentionPlanDto } from './retention-plan.dto';

export class RetentionPlanListDto {
  @ApiProperty() opdCode: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: [RetentionPlanDto] }) items: RetentionPlanDto[];
}
