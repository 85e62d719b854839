export const GONE =
  'null when the caller may no longer read the asset (moved OPD, left the CoP…): it is never named';
