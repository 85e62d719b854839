/** A CoP as `CopsService` reads it (SELECT_COP), before it is presented. */
export interface CopRow {
  id: string;
  name: string;
  theme: string;
  opdId: string;
  opdCode: string;
  description: string;
  status: string;
  skReference: string | null;
  createdAt: Date;
  updatedAt: Date;
  leadIds: string[];
  memberCount: number;
}
