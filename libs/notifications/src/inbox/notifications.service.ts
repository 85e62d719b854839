import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CommonErrors } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { NotificationsRepository } from '../notifications.repository';
import { NotificationErrors } from '../notifications.errors';
import { effectivePreferences } from '../preferences/preferences';
import type { NotificationPageDto } from './dto/notification-page.dto';
import type { NotificationDto } from './dto/notification.dto';
import type { PreferencesDto } from './dto/preferences.dto';
import type { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { presentNotification } from './notification.presenter';

const NUMERIC_ID = /^[1-9]\d{0,17}$/;

/**
 * A person's own notifications and preferences. Every query is scoped to the caller in SQL:
 * someone else's notification id answers like a missing one.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    p: Principal,
    q: { page: number; limit: number; unread?: boolean },
  ): Promise<NotificationPageDto> {
    const found = await this.repo.page(p.userId, q.unread ?? false, q.page, q.limit);
    return {
      items: found.items.map(presentNotification),
      total: found.total,
      page: q.page,
      limit: q.limit,
      unread: found.unread,
    };
  }

  async unreadCount(p: Principal): Promise<{ unread: number }> {
    return { unread: await this.repo.unreadCount(p.userId) };
  }

  async markRead(p: Principal, id: string): Promise<NotificationDto> {
    const row = NUMERIC_ID.test(id) ? await this.repo.markRead(p.userId, id) : null;
    if (!row) throw CommonErrors.notFound();
    return presentNotification(row);
  }

  async markAllRead(p: Principal): Promise<{ unread: number }> {
    await this.repo.markAllRead(p.userId);
    return { unread: 0 };
  }

  async preferences(p: Principal): Promise<PreferencesDto> {
    const stored = await this.repo.preferences(undefined, [p.userId]);
    return { mailEnabled: Boolean(this.config.mail.smtpUrl), items: effectivePreferences(stored) };
  }

  async updatePreferences(p: Principal, dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    const seen = new Set<string>();
    const repeated = dto.items
      .filter((i) => seen.size === seen.add(i.type).size)
      .map((i) => i.type);
    if (repeated.length > 0) throw NotificationErrors.duplicateType([...new Set(repeated)]);
    await this.repo.savePreferences(p.userId, dto.items);
    return this.preferences(p);
  }
}
