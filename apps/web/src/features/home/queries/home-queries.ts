import { $api } from '@/lib/api/client';
import type { SessionUser } from '@/lib/api/types';

const SECTION_SIZE = 5;

/** "Lanjutkan menulis": the caller's own drafts, with a verifier's comment when sent back. */
export function useMyDraftsQuery(user: SessionUser | undefined) {
  return $api.useQuery(
    'get',
    '/api/v1/assets',
    { params: { query: { mine: true, status: 'draft', limit: SECTION_SIZE } } },
    { enabled: !!user },
  );
}

/** "Baru di OPD saya": the newest published assets of the caller's OPD. */
export function useNewInOpdQuery(user: SessionUser | undefined) {
  return $api.useQuery(
    'get',
    '/api/v1/assets',
    { params: { query: { opd: user?.opdCode, limit: SECTION_SIZE } } },
    { enabled: !!user },
  );
}

/** For visitors who are not signed in: the newest assets they may read (publik). */
export function useLatestQuery(enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/assets',
    { params: { query: { limit: SECTION_SIZE } } },
    { enabled },
  );
}

/** "Menunggu tinjauan Anda" (verifiers): the review queue's first entries, oldest first. */
export function useAwaitingReviewQuery(enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/review/queue',
    { params: { query: { limit: SECTION_SIZE } } },
    { enabled },
  );
}

/** "Paling banyak dipakai Triwulan ini": readable assets used most this Triwulan. */
export function usePopularQuery(enabled: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/metrics/popular-assets',
    { params: { query: { limit: SECTION_SIZE } } },
    { enabled },
  );
}
