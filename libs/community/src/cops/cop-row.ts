/** A CoP as `CopsService` reads it (SELECT_COP), before it is presented. */
export interface CopRow {
  id: string;
  name: string;
  theme: string;
  opd_id: string;
  opd_code: string;
  description: string;
  status: string;
  sk_reference: string | null;
  created_at: Date;
  updated_at: Date;
  lead_ids: string[];
  member_count: number;
}
