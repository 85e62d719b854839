import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import { OpdsService, type Principal, UserDirectory } from '@lumbung/identity';
import { recordCurrentRevisions } from '../assets/asset-revisions';
import { reviewDueFrom } from '../assets/asset-workflow.service';
import { computeCompleteness } from '../assets/completeness';
import { touchSearch } from '../assets/search-sync';
import { isProblem, parseImportLine, type ValidLine } from './import-line';

export const IMPORT_MAX_LINES = 50_000;
const CHUNK = 2_000;

export type ImportLineStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportLineReport {
  line: number;
  externalId?: string;
  status: ImportLineStatus;
  assetId?: string;
  code?: string;
  message?: string;
}

export interface AssetImportReport {
  dryRun: boolean;
  summary: Record<ImportLineStatus, number> & { total: number };
  lines: ImportLineReport[];
}

interface Existing {
  id: string;
  externalId: string;
  type: string;
  title: string;
  summary: string;
  sections: Record<string, string>;
  body: string;
  tags: string[];
  visibility: string;
  opdId: string;
  authorIds: string[];
  status: string;
  attachments: number;
}

interface Planned {
  report: ImportLineReport;
  line: ValidLine;
  opdId: string;
  authorIds: string[];
  completeness: number;
  existing?: Existing;
}

/** Columns shared by the insert and update statements, as one JSON record per asset. */
function record(p: Planned, now: Date) {
  return {
    external_id: p.line.externalId,
    type: p.line.type,
    title: p.line.title,
    summary: p.line.summary,
    sections: p.line.sections,
    body: p.line.body,
    tags: p.line.tags,
    opd_id: p.opdId,
    author_ids: p.authorIds,
    visibility: p.line.visibility,
    completeness: p.completeness,
    published_at: (p.line.publishedAt ?? now).toISOString(),
  };
}

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(
  external_id text, type text, title text, summary text, sections jsonb, body text, tags jsonb,
  opd_id uuid, author_ids jsonb, visibility text, completeness numeric, published_at timestamptz)`;

/**
 * Bulk import of existing knowledge (JSON Lines): published assets verified by the importing
 * admin, idempotent by externalId, a report per line, good lines kept when others are bad.
 * Writes are set-based, in one transaction.
 */
@Injectable()
export class AssetImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  async import(principal: Principal, text: string, dryRun: boolean): Promise<AssetImportReport> {
    const now = new Date();
    const lines = text.split(/\r\n|\n|\r/);
    if (lines.filter((l) => l.trim()).length > IMPORT_MAX_LINES) {
      throw CommonErrors.validation([
        { field: 'file', problems: ['too_many_lines'], details: { max: IMPORT_MAX_LINES } },
      ]);
    }
    const reports: ImportLineReport[] = [];
    const valid: { report: ImportLineReport; line: ValidLine }[] = [];
    const seen = new Set<string>();
    lines.forEach((content, i) => {
      if (!content.trim()) return;
      const parsed = parseImportLine(content, now);
      const report: ImportLineReport = { line: i + 1, status: 'rejected' };
      reports.push(report);
      if (isProblem(parsed)) return Object.assign(report, parsed);
      report.externalId = parsed.externalId;
      if (seen.has(parsed.externalId)) {
        return Object.assign(report, {
          code: 'DUPLICATE_EXTERNAL_ID_IN_FILE',
          message: 'This externalId appears earlier in the file.',
        });
      }
      seen.add(parsed.externalId);
      valid.push({ report, line: parsed });
    });
    if (reports.length === 0)
      throw CommonErrors.validation([{ field: 'file', problems: ['empty'] }]);
    const planned = await this.plan(principal, valid);
    if (!dryRun && planned.length > 0) {
      await this.ds.transaction(async (tx) => {
        await this.write(tx, principal.userId, planned, now);
        await this.audit.record(tx, {
          actorId: principal.userId,
          action: 'assets_imported',
          targetType: 'asset',
          details: { lines: reports.length, written: planned.length },
        });
      });
    }
    const summary = { total: reports.length, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of reports) summary[r.status] += 1;
    return { dryRun, summary, lines: reports };
  }

  /** Resolves OPDs, authors and existing assets; returns what must be written. */
  private async plan(
    principal: Principal,
    valid: { report: ImportLineReport; line: ValidLine }[],
  ): Promise<Planned[]> {
    const opdIds = await this.opds.idsByCode([...new Set(valid.map((v) => v.line.opdCode))]);
    const people = await this.users.byNips([...new Set(valid.flatMap((v) => v.line.authorNips))]);
    const existing = await this.existing(valid.map((v) => v.line.externalId));
    const planned: Planned[] = [];
    for (const { report, line } of valid) {
      const opdId = opdIds.get(line.opdCode);
      if (!opdId) {
        Object.assign(report, reject('UNKNOWN_OPD', `No OPD with code ${line.opdCode}.`));
        continue;
      }
      const missing = line.authorNips.filter((nip) => !people.get(nip)?.active);
      if (missing.length > 0) {
        Object.assign(
          report,
          reject('UNKNOWN_AUTHOR', `No active ASN with NIP ${missing.join(', ')}.`),
        );
        continue;
      }
      const authorIds =
        line.authorNips.length > 0
          ? line.authorNips.map((nip) => people.get(nip)!.id)
          : [principal.userId];
      const ex = existing.get(line.externalId);
      const completeness = computeCompleteness({
        ...line,
        seciMode: null,
        narasumberId: null,
        attachmentCount: ex?.attachments ?? 0,
      }).score;
      const p: Planned = { report, line, opdId, authorIds, completeness, existing: ex };
      if (ex && isUnchanged(p, ex)) {
        Object.assign(report, { status: 'unchanged', assetId: ex.id });
        continue;
      }
      Object.assign(report, {
        status: ex ? 'updated' : 'created',
        ...(ex ? { assetId: ex.id } : {}),
      });
      planned.push(p);
    }
    return planned;
  }

  private async existing(externalIds: string[]): Promise<Map<string, Existing>> {
    const rows = await this.ds.query<Existing[]>(
      `SELECT a.id, a.external_id AS "externalId", a.type, a.title, a.summary, a.sections, a.body,
              a.tags, a.visibility, a.opd_id AS "opdId", a.author_ids AS "authorIds", a.status,
              (SELECT count(*)::int FROM attachments f WHERE f.asset_id = a.id) AS attachments
         FROM assets a WHERE a.external_id = ANY($1::text[])`,
      [externalIds],
    );
    return new Map(rows.map((r) => [r.externalId, r]));
  }

  private async write(
    tx: EntityManager,
    adminId: string,
    planned: Planned[],
    now: Date,
  ): Promise<void> {
    const due = reviewDueFrom(now).toISOString();
    for (let i = 0; i < planned.length; i += CHUNK) {
      const chunk = planned.slice(i, i + CHUNK);
      const created = chunk.filter((p) => !p.existing);
      const updated = chunk.filter((p) => p.existing);
      const ids: string[] = [];
      if (created.length > 0) {
        const rows = await tx.query<{ id: string; externalId: string }[]>(
          `INSERT INTO assets (external_id, type, title, summary, sections, body, tags, opd_id, author_ids,
                               visibility, status, completeness, revision, created_by, published_at,
                               verified_at, verified_by, review_due_at)
           SELECT r.external_id, r.type, r.title, r.summary, r.sections, r.body,
                  ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.opd_id,
                  ARRAY(SELECT jsonb_array_elements_text(r.author_ids))::uuid[],
                  r.visibility, 'published', r.completeness, 1, $2, r.published_at, now(), $2, $3
             FROM ${RECORDSET}
           RETURNING id, external_id AS "externalId"`,
          [JSON.stringify(created.map((p) => record(p, now))), adminId, due],
        );
        const idOf = new Map(rows.map((r) => [r.externalId, r.id]));
        for (const p of created) p.report.assetId = idOf.get(p.line.externalId);
        ids.push(...rows.map((r) => r.id));
        await this.transitions(
          tx,
          rows.map((r) => r.id),
          null,
          adminId,
        );
      }
      if (updated.length > 0) {
        await tx.query(
          `UPDATE assets a SET type = r.type, title = r.title, summary = r.summary, sections = r.sections,
                  body = r.body, tags = ARRAY(SELECT jsonb_array_elements_text(r.tags)), opd_id = r.opd_id,
                  author_ids = ARRAY(SELECT jsonb_array_elements_text(r.author_ids))::uuid[],
                  visibility = r.visibility, completeness = r.completeness, status = 'published',
                  archived_at = NULL, published_at = COALESCE(a.published_at, r.published_at),
                  verified_at = now(), verified_by = $2, review_due_at = $3,
                  revision = (SELECT coalesce(max(n), 0) + 1 FROM asset_revisions WHERE asset_id = a.id),
                  version = a.version + 1, updated_at = now()
             FROM ${RECORDSET}
            WHERE a.external_id = r.external_id`,
          [JSON.stringify(updated.map((p) => record(p, now))), adminId, due],
        );
        const updatedIds = updated.map((p) => p.existing!.id);
        ids.push(...updatedIds);
        await this.transitions(tx, updatedIds, 'published', adminId);
      }
      await touchSearch(tx, ids);
      // Every import is a revision, kept forever like any other edit.
      await recordCurrentRevisions(tx, ids);
    }
  }

  private async transitions(
    tx: EntityManager,
    ids: string[],
    from: string | null,
    adminId: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO asset_transitions (asset_id, action, from_status, to_status, actor_id)
       SELECT id, 'import', $2, 'published', $3 FROM unnest($1::uuid[]) AS id`,
      [ids, from, adminId],
    );
  }
}

function reject(code: string, message: string): Partial<ImportLineReport> {
  return { status: 'rejected', code, message };
}

function isUnchanged(p: Planned, ex: Existing): boolean {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  return (
    ex.status === 'published' &&
    ex.type === p.line.type &&
    ex.title === p.line.title &&
    ex.summary === p.line.summary &&
    ex.body === p.line.body &&
    ex.visibility === p.line.visibility &&
    ex.opdId === p.opdId &&
    same(ex.tags, p.line.tags) &&
    same(ex.authorIds, p.authorIds) &&
    same(sortKeys(ex.sections), sortKeys(p.line.sections))
  );
}

function sortKeys(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
}
