import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeclaredAs } from './expertise-scoring';

export interface Declaration {
  userId: string;
  topic: string;
  as: DeclaredAs;
  declaredAt: Date;
}

/** Expertise topics people declared themselves or their OPD admin declared for them. */
@Injectable()
export class DeclarationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async byUsers(userIds: readonly string[]): Promise<Declaration[]> {
    if (userIds.length === 0) return [];
    const rows = await this.ds.query<
      { user_id: string; topic: string; declared_as: DeclaredAs; declared_at: Date }[]
    >(
      `SELECT user_id, topic, declared_as, declared_at FROM expertise_declarations
        WHERE user_id = ANY($1::uuid[]) ORDER BY user_id, declared_as, topic`,
      [userIds],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      topic: r.topic,
      as: r.declared_as,
      declaredAt: r.declared_at,
    }));
  }

  /** People who declared (or had declared for them) a topic containing `fragment`. */
  async usersWithTopicLike(fragment: string, limit: number): Promise<string[]> {
    const pattern = `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.ds.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM expertise_declarations WHERE topic LIKE $1 LIMIT $2`,
      [pattern, limit],
    );
    return rows.map((r) => r.user_id);
  }

  /** Replaces one declarer's list of topics for a person. */
  async replace(
    tx: EntityManager,
    userId: string,
    as: DeclaredAs,
    topics: readonly string[],
    by: string,
  ): Promise<void> {
    await tx.query(
      `DELETE FROM expertise_declarations
        WHERE user_id = $1 AND declared_as = $2 AND NOT (topic = ANY($3::text[]))`,
      [userId, as, topics],
    );
    await tx.query(
      `INSERT INTO expertise_declarations (user_id, declared_as, topic, declared_by)
       SELECT $1, $2, t, $4 FROM unnest($3::text[]) t ON CONFLICT DO NOTHING`,
      [userId, as, topics, by],
    );
  }
}
