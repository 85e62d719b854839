import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto, QueryBoolean } from '@lumbung/platform';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread ones' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;
}
