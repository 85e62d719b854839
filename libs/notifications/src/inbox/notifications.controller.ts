import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@lumbung/platform';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ListNotificationsQueryDto } from './dto/list-notifications-query.dto';
import { NotificationPageDto } from './dto/notification-page.dto';
import { NotificationDto } from './dto/notification.dto';
import { UnreadCountDto } from './dto/unread-count.dto';
import { PreferencesDto } from './dto/preferences.dto';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { NotificationsService } from './notifications.service';

/** The caller's own notifications (the bell) and how they want to receive them. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
@RequirePermission(Permission.SessionManage)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first, with the unread count" })
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() q: ListNotificationsQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(p, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the caller's notifications are unread (the bell)" })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(p);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks every one of the caller's notifications read" })
  @ApiOkResponse({ type: UnreadCountDto })
  markAllRead(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    return this.notifications.markAllRead(p);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Per type: in the portal on/off, email off / instant / daily digest' })
  @ApiOkResponse({ type: PreferencesDto })
  preferences(@CurrentPrincipal() p: Principal): Promise<PreferencesDto> {
    return this.notifications.preferences(p);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Changes the preferences of the types given (the others stay)' })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED; NOTIFICATION_TYPE_REPEATED (details[0].details.types)' })
  updatePreferences(
    @CurrentPrincipal() p: Principal,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesDto> {
    return this.notifications.updatePreferences(p, dto);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of the caller’s notifications read' })
  @ApiParam({ name: 'id', description: 'Numeric notification id' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors({ 404: "NOT_FOUND: no such notification, or someone else's" })
  markRead(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<NotificationDto> {
    return this.notifications.markRead(p, id);
  }
}
