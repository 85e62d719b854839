import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SYNONYM_SETS } from './search-vocabulary';

/** Synonym sets: code defaults until an admin saves their own; stored one set per row. */
@Injectable()
export class SynonymsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async sets(): Promise<string[][]> {
    const rows = await this.ds.query<{ term: string; synonyms: string[] }[]>(
      `SELECT term, synonyms FROM search_synonyms ORDER BY term`,
    );
    if (rows.length === 0) return DEFAULT_SYNONYM_SETS.map((s) => [...s]);
    return rows.map((r) => [r.term, ...r.synonyms]);
  }

  /** Replaces every set (in the caller's transaction). */
  async replace(m: EntityManager, sets: string[][], actorId: string): Promise<void> {
    await m.query(`DELETE FROM search_synonyms`);
    for (const set of sets) {
      const [term, ...rest] = set;
      await m.query(
        `INSERT INTO search_synonyms (term, synonyms, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (term) DO UPDATE SET synonyms = EXCLUDED.synonyms, updated_by = $3, updated_at = now()`,
        [term, rest, actorId],
      );
    }
  }
}
