import type { EndorsementStateDto } from './dto/endorsement-state.dto';
import type { ReuseReportResponseDto } from './dto/reuse-report-response.dto';

/** How many endorse an asset and whether the caller is one of them. */
export interface EndorsementStateRow {
  n: number;
  mine: boolean;
}

/** A reuse report with its reporter's name and OPD code. */
export interface ReuseReportRow {
  id: string;
  story: string;
  createdAt: Date;
  name: string;
  code: string;
}

/** Endorsements and reuse reports as the API answers them: pure, no reads. */
export function presentEndorsementState(row: EndorsementStateRow): EndorsementStateDto {
  return { endorsed: row.mine, endorsements: row.n };
}

export function presentReuseReport(r: ReuseReportRow): ReuseReportResponseDto {
  return {
    id: r.id,
    story: r.story,
    createdAt: r.createdAt.toISOString(),
    reporter: { name: r.name, opdCode: r.code },
  };
}
