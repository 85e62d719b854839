export const ASSET_TYPES = [
  'praktik_baik',
  'pelajaran',
  'panduan',
  'wawancara_pengetahuan',
  'inovasi',
  'dokumen',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const VISIBILITIES = ['publik', 'internal', 'opd', 'cop'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ASSET_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const SECI_MODES = ['sosialisasi', 'eksternalisasi', 'kombinasi', 'internalisasi'] as const;
export type SeciMode = (typeof SECI_MODES)[number];

/** Tacit-capture types (the award's "share of tacit types"). */
export const TACIT_TYPES: readonly AssetType[] = [
  'pelajaran',
  'wawancara_pengetahuan',
  'praktik_baik',
];
