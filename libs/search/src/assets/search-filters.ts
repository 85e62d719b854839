import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { OpdsService } from '@lumbung/identity';
import { type AppError, CommonErrorCode, CommonErrors, eq, isUuid } from '@lumbung/platform';
import { ASSET_TYPES, normalizeTags, type Reader, readablePredicate } from '@lumbung/knowledge';
import { MeetingSearchReader } from '../meetings/meeting-search.reader';

/** Types a search may filter by: asset types, and meeting minutes (their own hit kind). */
export const SEARCH_TYPES = [...ASSET_TYPES, 'meeting'] as const;

/** A search's own filters, checked and resolved to ids (never user text in a filter). */
export interface SearchFilters {
  type?: string;
  opdCode?: string;
  opdId?: string;
  /** Normalised as tags are stored; a tag that normalises to nothing matches nothing. */
  tag?: string;
  copId?: string;
}

/** Filter values as they come in the query string. */
export interface RawFilters {
  type?: string;
  opd?: string;
  tag?: string;
  cop?: string;
}

/** 400 naming the filter and the values it takes (never a silent empty result). */
function unknownValue(field: string, value: string, allowed: readonly string[]): AppError {
  const listed = allowed.length <= 12 ? allowed.join(', ') : `${allowed.length}`;
  const text =
    allowed.length <= 12
      ? {
          id: `Nilai filter ${field} "${value}" tidak dikenal. Pilihan: ${listed}.`,
          en: `Unknown ${field} filter "${value}". Allowed: ${listed}.`,
        }
      : {
          id: `Nilai filter ${field} "${value}" tidak dikenal (lihat ${listed} pilihan di details).`,
          en: `Unknown ${field} filter "${value}" (see the ${listed} allowed values in details).`,
        };
  return CommonErrors.badRequest(CommonErrorCode.VALIDATION_FAILED, text, [
    { field, problems: ['unknown_value'], messages: [text.id], details: { allowed } },
  ]);
}

/**
 * Checks a search's filters: codes and types match whatever their case; an unknown OPD code,
 * type or CoP is a 400 that names the field and lists the allowed values.
 */
@Injectable()
export class SearchFilterResolver {
  constructor(
    private readonly opds: OpdsService,
    private readonly community: MeetingSearchReader,
  ) {}

  async resolve(principal: Principal | undefined, raw: RawFilters): Promise<SearchFilters> {
    const out: SearchFilters = {};
    if (raw.type !== undefined) {
      const type = raw.type.trim().toLowerCase();
      if (!(SEARCH_TYPES as readonly string[]).includes(type))
        throw unknownValue('type', raw.type, SEARCH_TYPES);
      out.type = type;
    }
    if (raw.opd !== undefined) {
      const code = raw.opd.trim().toUpperCase();
      const id = /^[A-Z][A-Z0-9]{1,15}$/.test(code)
        ? (await this.opds.idsByCode([code])).get(code)
        : undefined;
      if (!id) {
        const all = (await this.opds.list()).map((o) => o.code);
        throw unknownValue('opd', raw.opd, all);
      }
      out.opdCode = code;
      out.opdId = id;
    }
    if (raw.tag !== undefined) out.tag = normalizeTags([raw.tag])[0] ?? '-';
    if (raw.cop !== undefined) {
      const cops = await this.community.allCops();
      const id = raw.cop.trim().toLowerCase();
      if (!isUuid(id) || !cops.some((c) => c.id === id)) {
        // The CoP directory is for signed-in users; anonymous callers learn only that it is unknown.
        throw unknownValue('cop', raw.cop, principal ? cops.map((c) => c.id) : []);
      }
      out.copId = id;
    }
    return out;
  }
}

/** The filters as Meilisearch filter expressions (values quoted; AND-ed to the access filter). */
export function meiliFilters(f: SearchFilters): string[] {
  const out: string[] = [];
  if (f.type) out.push(eq('type', f.type));
  if (f.opdId) out.push(eq('opdId', f.opdId));
  if (f.tag) out.push(eq('tags', f.tag));
  if (f.copId) out.push(eq('copId', f.copId));
  return out;
}

/** The access predicate every read path uses and the search's filters, over `assets a`. */
export function assetWhere(
  reader: Reader | undefined,
  f: SearchFilters,
): { sql: string; params: Record<string, unknown> } {
  const pred = readablePredicate('a', reader);
  return {
    sql: `${pred.sql}
         AND (:type::text IS NULL OR a.type = :type)
         AND (:opd::uuid IS NULL OR a.opd_id = :opd)
         AND (:tag::text IS NULL OR :tag = ANY(a.tags))
         AND (:cop::uuid IS NULL OR a.cop_id = :cop)`,
    params: {
      ...pred.params,
      type: f.type ?? null,
      opd: f.opdId ?? null,
      tag: f.tag ?? null,
      cop: f.copId ?? null,
    },
  };
}

/** Whether meeting minutes can match these filters at all (they have no tags and no asset type). */
export function meetingsMayMatch(f: SearchFilters): boolean {
  return !f.tag && (!f.type || f.type === 'meeting');
}
