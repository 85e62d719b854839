/** The verifier's lists, as named in the URL (`/tinjauan?daftar=lewat-tenggat`). */
export const REVIEW_TABS = ['diajukan', 'lewat-tenggat', 'jatuh-tempo'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];
