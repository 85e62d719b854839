import { currentLanguage } from '@/i18n';
import { session } from '@/lib/auth/session';

/**
 * fetch for the API: sends the in-memory access token and the portal's language, and after a 401
 * renews the token once (a silent refresh, or the sign-in modal when the session expired) and
 * retries the request once with it. Use it for any API call the typed client cannot make (for
 * example uploads); the typed client (client.ts) uses it for everything else.
 */
export async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const sent = session.accessToken();
  const response = await fetch(withHeaders(request, sent));
  if (response.status !== 401) return response;
  const renewed = await session.renewAfterUnauthorized(sent);
  if (!renewed) return response;
  return fetch(withHeaders(retry, renewed));
}

function withHeaders(request: Request, token: string | undefined): Request {
  const headers = new Headers(request.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', currentLanguage());
  return new Request(request, { headers });
}
