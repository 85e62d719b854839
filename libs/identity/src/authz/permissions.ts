/**
 * The one permission vocabulary. Routes declare the coarse permission they need; services then
 * decide which rows the caller may touch (scope: own OPD, own CoP, own asset…).
 */
export enum Permission {
  /** Own session and profile: me, logout, password change. */
  SessionManage = 'session:manage',
  /** Edit the OPD directory (names, headcount). */
  OpdManage = 'opd:manage',
  /** Read user records (admins: all OPDs; OPD admins: their OPD). */
  UserRead = 'user:read',
  /** Create, update, deactivate users and import them from CSV (scoped as above). */
  UserManage = 'user:manage',
  /** Draft, edit, submit, attach to and archive one's own knowledge assets. */
  AssetContribute = 'asset:contribute',
  /** Approve, reject and re-verify assets of one's OPD (checked per asset). */
  AssetVerify = 'asset:verify',
  /** Bulk-import existing knowledge as published assets. */
  AssetImport = 'asset:import',
  /** Search insights (top and zero-result queries): all OPDs, or the own OPD for OPD admins. */
  SearchInsightsRead = 'search:insights',
  /** Edit search settings that need no deploy (synonym sets). */
  SearchSettingsManage = 'search:settings',
  /** See background jobs (dead ones included) and retry them. */
  JobsManage = 'jobs:manage',
  /** Read the security audit log (system admins). */
  AuditRead = 'audit:read',
  /** See communities of practice, their members, meetings and activity (scoped per CoP/OPD). */
  CopRead = 'cop:read',
  /** Take part: log meetings and manage members where one leads a CoP (checked per CoP). */
  CopParticipate = 'cop:participate',
  /** Create CoPs and set their leads (OPD admins for their OPD, admins for all). */
  CopManage = 'cop:manage',
  /** Endorse ("bermanfaat"), report reuse ("saya terapkan") and share readable assets. */
  AssetEngage = 'asset:engage',
  /** Usage metrics: one's own OPD (and one's own assets); all OPD with MetricsReadAll. */
  MetricsRead = 'metrics:read',
  /** Usage metrics and anomaly flags of every OPD (assessors, admins). */
  MetricsReadAll = 'metrics:read_all',
  /** Open award years, change their rubric, finalise them (admins). */
  AwardManage = 'award:manage',
  /** Score award aspects with a written justification (assessors). */
  AwardAssess = 'award:assess',
  /** An OPD's knowledge-at-risk register: departures, risk, plans, coverage (checked per OPD). */
  RiskRead = 'risk:read',
  /** Retention plans and criticality overrides in an OPD's register (checked per OPD). */
  RiskManage = 'risk:manage',
}

export const ROLES = ['asn', 'verifier', 'cop_lead', 'opd_admin', 'assessor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles scoped to an OPD, to a CoP, or global. */
export const OPD_SCOPED_ROLES: readonly Role[] = ['verifier', 'opd_admin'];
export const COP_SCOPED_ROLES: readonly Role[] = ['cop_lead'];
export const GLOBAL_ROLES: readonly Role[] = ['asn', 'assessor', 'admin'];

const BASE: readonly Permission[] = [Permission.SessionManage];
const CONTRIBUTOR: readonly Permission[] = [
  ...BASE,
  Permission.AssetContribute,
  Permission.CopRead,
  Permission.CopParticipate,
  Permission.AssetEngage,
  Permission.MetricsRead,
];

/**
 * What each role may do at all; scope is checked in the services. Assessors read and score but
 * write nothing else, so the assessor role alone carries no contributor permission.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  asn: CONTRIBUTOR,
  verifier: [...CONTRIBUTOR, Permission.AssetVerify, Permission.RiskRead],
  cop_lead: CONTRIBUTOR,
  opd_admin: [
    ...CONTRIBUTOR,
    Permission.CopManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.SearchInsightsRead,
    Permission.RiskRead,
    Permission.RiskManage,
  ],
  assessor: [
    ...BASE,
    Permission.SearchInsightsRead,
    Permission.CopRead,
    Permission.MetricsRead,
    Permission.MetricsReadAll,
    Permission.AwardAssess,
    Permission.RiskRead,
  ],
  admin: [
    ...CONTRIBUTOR,
    Permission.OpdManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.AssetImport,
    Permission.SearchInsightsRead,
    Permission.SearchSettingsManage,
    Permission.JobsManage,
    Permission.AuditRead,
    Permission.CopManage,
    Permission.MetricsReadAll,
    Permission.AwardManage,
    Permission.RiskRead,
    Permission.RiskManage,
  ],
};

/**
 * Rank used for "nobody grants a role above their own": a grantor may grant roles whose rank is
 * at most their own highest rank (and, for scoped roles, only within their scope).
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  asn: 0,
  cop_lead: 1,
  verifier: 1,
  opd_admin: 2,
  assessor: 3,
  admin: 4,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
