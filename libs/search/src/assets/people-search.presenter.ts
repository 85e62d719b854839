import type { PersonHitDto } from '../http/dto/search-response.dto';

/** What people search ranks a person by: the readable published assets the query finds. */
export interface PersonEvidence {
  authored: number;
  interviews: number;
  topTags: string[];
}

/** A person the directory found, with the evidence the query gave (none: found by name only). */
export interface FoundPersonRow {
  id: string;
  name: string;
  jabatan: string;
  opdCode: string;
  evidence: PersonEvidence | null;
}

/** A people-search hit as the API answers it: pure, no reads; never NIP or email. */
export function presentPersonHit(r: FoundPersonRow): PersonHitDto {
  return {
    id: r.id,
    name: r.name,
    opdCode: r.opdCode,
    jabatan: r.jabatan,
    authoredAssets: r.evidence?.authored ?? 0,
    interviewsGiven: r.evidence?.interviews ?? 0,
    topTags: r.evidence?.topTags ?? [],
  };
}
