import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupCommit, preparedQuery, type UsageEvent, UsageEventLog } from '@lumbung/platform';

/**
 * The raw usage log in `usage_events` (this lib's table), behind platform's `UsageEventLog` port.
 * Time is the database's clock (never the client's), and the WIB day is derived by the database
 * too, so every node assigns the same period.
 */
@Injectable()
export class UsageEventStore extends UsageEventLog {
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async record(tx: EntityManager | undefined, event: UsageEvent): Promise<boolean> {
    const rows = await (tx ?? this.ds.manager).query<unknown[]>(
      `INSERT INTO usage_events (type, actor_user_id, actor_key, actor_opd_id, asset_id, asset_opd_id,
                                 asset_cop_id, object_id, position, excluded, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (actor_key, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        event.type,
        event.actor.userId ?? null,
        event.actor.key,
        event.actor.opdId ?? null,
        event.asset?.id ?? null,
        event.asset?.opdId ?? null,
        event.asset?.copId ?? null,
        event.objectId ?? null,
        event.position ?? null,
        event.excluded ?? null,
        event.idempotencyKey ?? null,
      ],
    );
    return rows.length === 1;
  }

  append(event: UsageEvent): Promise<void> {
    return this.appends.add(event);
  }

  private readonly appends = new GroupCommit<UsageEvent>(async (group) => {
    const col = <T>(f: (e: UsageEvent) => T): T[] => group.map(f);
    await preparedQuery(
      this.ds,
      `INSERT INTO usage_events (type, actor_user_id, actor_key, actor_opd_id, asset_id, asset_opd_id,
                                 asset_cop_id, object_id, position, excluded)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
                            $7::uuid[], $8::uuid[], $9::int[], $10::text[])`,
      [
        col((e) => e.type),
        col((e) => e.actor.userId ?? null),
        col((e) => e.actor.key),
        col((e) => e.actor.opdId ?? null),
        col((e) => e.asset?.id ?? null),
        col((e) => e.asset?.opdId ?? null),
        col((e) => e.asset?.copId ?? null),
        col((e) => e.objectId ?? null),
        col((e) => e.position ?? null),
        col((e) => e.excluded ?? null),
      ],
    );
  });
}
