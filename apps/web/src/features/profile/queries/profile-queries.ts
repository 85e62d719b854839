import { $api } from '@/lib/api/client';

export const PROFILE_PAGE_SIZE = 10;

export const MY_ASSET_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
export type MyAssetStatus = (typeof MY_ASSET_STATUSES)[number];

/** The signed-in user as the API knows them now (roles and OPD may have changed since sign-in). */
export function useMeQuery() {
  return $api.useQuery('get', '/api/v1/auth/me');
}

/** One page of the caller's own assets in one status. */
export function useMyAssetsQuery(status: MyAssetStatus, page: number, enabled = true) {
  return $api.useQuery(
    'get',
    '/api/v1/assets',
    { params: { query: { mine: true, status, page, limit: PROFILE_PAGE_SIZE } } },
    { enabled },
  );
}

export function useMyEndorsementsQuery(page: number) {
  return $api.useQuery('get', '/api/v1/me/endorsements', {
    params: { query: { page, limit: PROFILE_PAGE_SIZE } },
  });
}

export function useMyReuseReportsQuery(page: number) {
  return $api.useQuery('get', '/api/v1/me/reuse-reports', {
    params: { query: { page, limit: PROFILE_PAGE_SIZE } },
  });
}

/** Changes the caller's password (the API ends their other sessions). */
export function useChangePasswordMutation() {
  return $api.useMutation('post', '/api/v1/auth/password');
}
