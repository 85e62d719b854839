import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto, QueryBoolean } from '@lumbung/platform';
import { NOTIFICATION_TYPES, type NotificationType } from '../../notification-types';

/** What a notification is about: only the fields its type uses are present. */
export class NotificationParamsDto {
  @ApiPropertyOptional() assetTitle?: string;
  @ApiPropertyOptional({ enum: ['approved', 'rejected'] }) decision?: 'approved' | 'rejected';
  @ApiPropertyOptional({ description: "The verifier's comment" }) comment?: string;
  @ApiPropertyOptional({ description: 'An edit of a published asset, not a new submission' })
  revision?: boolean;
  @ApiPropertyOptional({ enum: ['author', 'narasumber'] }) role?: 'author' | 'narasumber';
  @ApiPropertyOptional() copName?: string;
  @ApiPropertyOptional() meetingTopic?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'YYYY-MM-DD (WIB)' })
  dueDate?: string;
  @ApiPropertyOptional() personName?: string;
}

export class NotificationDto {
  @ApiProperty({ description: 'Numeric id' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ type: NotificationParamsDto }) params: NotificationParamsDto;
  @ApiProperty({ description: 'Portal path of the thing it is about', example: '/aset/…' })
  link: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'Unread notifications in all (not only this page)' })
  unread: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread ones' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;
}
