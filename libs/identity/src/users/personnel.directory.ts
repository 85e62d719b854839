import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartureReason, JabatanCategory } from './user.entity';

/**
 * What the knowledge-at-risk register needs to know about a civil servant. Carries the birth
 * date (from the NIP) and a planned departure: personal data for computing the departure month,
 * never to be presented as such.
 */
export interface Personnel {
  id: string;
  name: string;
  jabatan: string;
  jabatanKategori: JabatanCategory;
  opdId: string;
  active: boolean;
  /** YYYY-MM-DD, digits 1–8 of the NIP. */
  birthDate: string;
  plannedDeparture: { date: string; reason: DepartureReason } | null;
}

interface Row {
  id: string;
  name: string;
  jabatan: string;
  jabatanKategori: JabatanCategory;
  opdId: string;
  active: boolean;
  birthDate: string;
  plannedDepartureOn: string | null;
  plannedDepartureReason: DepartureReason | null;
}

const SELECT = `SELECT u.id, u.name, u.jabatan, u.jabatan_kategori AS "jabatanKategori",
                       u.opd_id AS "opdId", u.active, u.birth_date::text AS "birthDate",
                       u.planned_departure_on::text AS "plannedDepartureOn",
                       u.planned_departure_reason AS "plannedDepartureReason"
                  FROM users u WHERE NOT u.service_account`;

/** Read service for the register: the staff of an OPD with what their departure depends on. */
@Injectable()
export class PersonnelDirectory {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Staff of one OPD (or of every OPD), active only unless `withInactive`. */
  async staff(opdId: string | undefined, withInactive = false): Promise<Personnel[]> {
    const rows = await this.ds.query<Row[]>(
      `${SELECT} AND ($1::uuid IS NULL OR u.opd_id = $1) AND ($2 OR u.active) ORDER BY u.name, u.id`,
      [opdId ?? null, withInactive],
    );
    return rows.map(toPersonnel);
  }

  async byId(id: string): Promise<Personnel | undefined> {
    return (await this.byIds([id])).get(id);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, Personnel>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ds.query<Row[]>(`${SELECT} AND u.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, toPersonnel(r)]));
  }
}

function toPersonnel({ plannedDepartureOn, plannedDepartureReason, ...person }: Row): Personnel {
  return {
    ...person,
    plannedDeparture:
      plannedDepartureOn && plannedDepartureReason
        ? { date: plannedDepartureOn, reason: plannedDepartureReason }
        : null,
  };
}
