// What the demo year's parts share: the year, each OPD's activity profile, and the OPDs, assets
// and usage events they pass along (split out of demo-year.ts by what each part generates).
import { type AssetType } from '@lumbung/knowledge';
import { type Topic } from './demo-text';

export const DEMO_YEAR = 2025;
/** The rollups the demo year needs (2024-Q4 gives the spike check a history). */
export const DEMO_USAGE_RANGE = { from: '2024-10-01', to: '2025-12-31' } as const;

export type Profile = 'unggul' | 'aktif' | 'sedang' | 'pasif';
export const PROFILE_SHAPE: Record<
  Profile,
  { staff: number; assets: [number, number]; meetings: [number, number]; reach: number }
> = {
  unggul: { staff: 18, assets: [8, 12], meetings: [2, 3], reach: 1.6 },
  aktif: { staff: 14, assets: [4, 7], meetings: [1, 2], reach: 1 },
  sedang: { staff: 10, assets: [1, 3], meetings: [0, 1], reach: 0.5 },
  pasif: { staff: 6, assets: [0, 0], meetings: [0, 0], reach: 0 },
};

export interface Opd {
  id: string;
  code: string;
  name: string;
  profile: Profile;
  staff: string[];
  copId?: string;
  leadId?: string;
  /** Titles used so far (unique within the OPD). */
  titles?: Set<string>;
}

export interface Asset {
  id: string;
  opd: Opd;
  type: AssetType;
  visibility: string;
  authors: string[];
  publishedAt: Date;
  popularity: number;
  draft: Draft;
  narasumber: string | null;
}

export interface Ev {
  type: string;
  at: Date;
  user: string | null;
  key: string;
  userOpd: string | null;
  asset: Asset;
  object?: string;
  excluded?: string;
}

export interface Draft {
  type: AssetType;
  title: string;
  summary: string;
  sections: Record<string, string>;
  tags: string[];
  topic: Topic;
}
