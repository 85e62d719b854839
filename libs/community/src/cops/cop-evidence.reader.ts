import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One person's part in one CoP: lead, current member, meetings attended (ever). */
export interface CopInvolvement {
  userId: string;
  copId: string;
  copName: string;
  theme: string;
  opdId: string;
  lead: boolean;
  member: boolean;
  meetingsAttended: number;
}

interface Row {
  user_id: string;
  cop_id: string;
  name: string;
  theme: string;
  opd_id: string;
  lead: boolean;
  member: boolean;
  attended: number;
}

/** Read service for other contexts (the expertise map): who leads, belongs to and attends which CoP. */
@Injectable()
export class CopEvidenceReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Every CoP the given people lead, belong to now, or attended a meeting of. */
  async involvementOf(userIds: readonly string[]): Promise<CopInvolvement[]> {
    if (userIds.length === 0) return [];
    const rows = await this.ds.query<Row[]>(
      `WITH people AS (SELECT unnest($1::uuid[]) AS user_id),
       leads AS (SELECT r.user_id, r.cop_id FROM identity_role_grants r JOIN people p ON p.user_id = r.user_id
                  WHERE r.role = 'cop_lead'),
       members AS (SELECT m.user_id, m.cop_id FROM cop_memberships m JOIN people p ON p.user_id = m.user_id
                    WHERE m.left_at IS NULL),
       attended AS (SELECT t.user_id, mt.cop_id, count(*)::int AS n
                      FROM meeting_attendees t JOIN people p ON p.user_id = t.user_id
                      JOIN meetings mt ON mt.id = t.meeting_id GROUP BY t.user_id, mt.cop_id),
       pairs AS (SELECT user_id, cop_id FROM leads UNION SELECT user_id, cop_id FROM members
                 UNION SELECT user_id, cop_id FROM attended)
       SELECT x.user_id, c.id AS cop_id, c.name, c.theme, c.opd_id,
              EXISTS (SELECT 1 FROM leads l WHERE l.user_id = x.user_id AND l.cop_id = c.id) AS lead,
              EXISTS (SELECT 1 FROM members m WHERE m.user_id = x.user_id AND m.cop_id = c.id) AS member,
              coalesce((SELECT a.n FROM attended a WHERE a.user_id = x.user_id AND a.cop_id = c.id), 0) AS attended
         FROM pairs x JOIN cops c ON c.id = x.cop_id
        ORDER BY x.user_id, c.name, c.id`,
      [userIds],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      copId: r.cop_id,
      copName: r.name,
      theme: r.theme,
      opdId: r.opd_id,
      lead: r.lead,
      member: r.member,
      meetingsAttended: r.attended,
    }));
  }

  /** People involved in CoPs whose theme contains `text` (case-insensitive). */
  async peopleOfThemes(text: string, limit: number): Promise<string[]> {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.ds.query<{ user_id: string }[]>(
      `WITH c AS (SELECT id FROM cops WHERE lower(theme) LIKE $1 OR lower(name) LIKE $1)
       SELECT DISTINCT user_id FROM (
         SELECT r.user_id FROM identity_role_grants r JOIN c ON c.id = r.cop_id WHERE r.role = 'cop_lead'
         UNION SELECT m.user_id FROM cop_memberships m JOIN c ON c.id = m.cop_id WHERE m.left_at IS NULL
       ) x LIMIT $2`,
      [pattern, limit],
    );
    return rows.map((r) => r.user_id);
  }
}
