import createClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { authFetch } from './auth-fetch';
import { apiErrorFrom, networkError } from './errors';
import type { paths } from './schema';

/** Failed answers become thrown ApiError values, so queries and mutations see one error type. */
const throwApiErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await apiErrorFrom(response);
    return undefined;
  },
  onError() {
    return networkError();
  },
};

/**
 * The typed API client, generated from the API's OpenAPI document (schema.d.ts): paths, params
 * and bodies are checked against the API. Calls resolve with `{ data }` or reject with ApiError.
 *
 *   const { data } = await api.GET('/api/v1/assets/{id}', { params: { path: { id } } });
 */
export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });
api.use(throwApiErrors);

/**
 * TanStack Query hooks over the same client:
 *
 *   const assets = $api.useQuery('get', '/api/v1/assets', { params: { query: { mine: true } } });
 */
export const $api = createQueryHooks(api);
