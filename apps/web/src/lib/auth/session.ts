import { apiErrorFrom, networkError } from '@/lib/api/errors';
import type { LoginResponse, LogoutResponse, SessionUser } from '@/lib/api/types';
import { currentLanguage } from '@/i18n';

/**
 * The signed-in session. The access token lives in this module's memory only; the HttpOnly
 * refresh cookie renews it (at load, shortly before it expires, and after a 401).
 *
 * Tabs of one browser share the cookie, and the API rotates it on every refresh, so tabs must not
 * refresh at the same time: each refresh runs under a Web Lock held across tabs, and the tab that
 * refreshed shares the new token with the others on a BroadcastChannel (they adopt it instead of
 * refreshing again). Sign-in and sign-out are shared the same way.
 *
 * When a refresh is refused while someone is signed in, the state becomes `expired`: the shell
 * shows a sign-in modal over the current page (nothing unmounts) and requests that got a 401 wait
 * for it, then retry with the new token.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signedIn'; user: SessionUser }
  | { status: 'expired'; user: SessionUser };

type Message =
  { type: 'session'; response: LoginResponse; at: number } | { type: 'signedOut'; at: number };

const API = '/api/v1/auth';
const LOCK = 'lumbung-auth-refresh';
const CHANNEL = 'lumbung-auth';
/** Not a secret: tells a new tab whether a refresh cookie is worth trying (saves a 401). */
const HINT_KEY = 'lumbung.signedIn';
const RETRY_LATER_MS = 30_000;

type RefreshOutcome = 'renewed' | 'refused' | 'unreachable';

class Session {
  private state: SessionState = { status: 'loading' };
  private token: string | undefined;
  /** When this tab last adopted a token (its own refresh, a sign-in, or another tab's). */
  private adoptedAt = 0;
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<RefreshOutcome> | undefined;
  private waiters: ((token: string | undefined) => void)[] = [];
  private readonly listeners = new Set<() => void>();
  private channel: BroadcastChannel | undefined;

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  /** The token to send now (undefined when anonymous). */
  accessToken(): string | undefined {
    return this.token;
  }

  /** Restores a session from the refresh cookie, once, before the first route renders. */
  async init(): Promise<void> {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    }
    document.addEventListener('visibilitychange', () => {
      // Timers sleep in background tabs: renew at once if the token ran out meanwhile.
      if (document.visibilityState === 'visible' && this.state.status === 'signedIn') {
        if (Date.now() >= this.expiresAt) void this.refresh();
      }
    });
    if (!readHint()) {
      this.set({ status: 'anonymous' });
      return;
    }
    const outcome = await this.refresh();
    if (outcome !== 'renewed' && this.state.status === 'loading') {
      if (outcome === 'refused') writeHint(false);
      this.set({ status: 'anonymous' });
    }
  }

  /** Signs in with email or NIP; throws the API's error (wrong password, 429 with retry time). */
  async signIn(username: string, password: string): Promise<SessionUser> {
    let response: Response;
    try {
      response = await fetch(`${API}/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage() },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw networkError();
    }
    if (!response.ok) throw await apiErrorFrom(response);
    const body = (await response.json()) as LoginResponse;
    this.adopt(body);
    this.broadcast({ type: 'session', response: body, at: Date.now() });
    return body.user;
  }

  /**
   * Ends the session here and in every other tab. For a single sign-on session, resolves with the
   * provider's logout URL (the caller sends the browser there to end that session too).
   */
  async signOut(): Promise<string | null> {
    const token = this.token;
    this.clear();
    this.broadcast({ type: 'signedOut', at: Date.now() });
    if (!token) return null;
    try {
      const response = await fetch(`${API}/logout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) return null;
      const body = (await response.json()) as LogoutResponse;
      return body.endSessionUrl;
    } catch {
      return null;
    }
  }

  /** Gives up signing in again after expiry: waiting requests fail, the portal goes anonymous. */
  cancelReauth(): void {
    if (this.state.status !== 'expired') return;
    this.clear();
  }

  /**
   * After a 401 for a request sent with `sentToken`: the token to retry with, or undefined when
   * there is none (anonymous, or the person chose not to sign in again).
   */
  async renewAfterUnauthorized(sentToken: string | undefined): Promise<string | undefined> {
    if (this.token && this.token !== sentToken) return this.token;
    if (this.state.status === 'anonymous' || this.state.status === 'loading') return undefined;
    if (this.state.status === 'signedIn') {
      const outcome = await this.refresh();
      if (outcome === 'renewed') return this.token;
      if (outcome === 'unreachable') return undefined;
    }
    // Refused, or already expired: wait for the sign-in modal (or its cancel).
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** One refresh at a time in this tab, and across tabs through the Web Lock. */
  refresh(): Promise<RefreshOutcome> {
    this.inflight ??= this.refreshAcrossTabs().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async refreshAcrossTabs(): Promise<RefreshOutcome> {
    const askedAt = Date.now();
    const run = async (): Promise<RefreshOutcome> => {
      // Another tab refreshed while this one waited for the lock and shared its token.
      if (this.token && this.adoptedAt > askedAt) return 'renewed';
      return this.refreshNow();
    };
    return navigator.locks ? navigator.locks.request(LOCK, run) : run();
  }

  private async refreshNow(): Promise<RefreshOutcome> {
    let response: Response;
    try {
      response = await fetch(`${API}/refresh`, {
        method: 'POST',
        headers: { 'Accept-Language': currentLanguage() },
      });
    } catch {
      this.retryLater();
      return 'unreachable';
    }
    if (response.ok) {
      const body = (await response.json()) as LoginResponse;
      this.adopt(body);
      this.broadcast({ type: 'session', response: body, at: Date.now() });
      return 'renewed';
    }
    if (response.status === 401) {
      this.expire();
      return 'refused';
    }
    this.retryLater();
    return 'unreachable';
  }

  private adopt(body: LoginResponse): void {
    this.token = body.accessToken;
    this.adoptedAt = Date.now();
    this.expiresAt = this.adoptedAt + body.expiresIn * 1000;
    writeHint(true);
    this.schedule(Math.max(body.expiresIn - 60, body.expiresIn * 0.75) * 1000);
    this.set({ status: 'signedIn', user: body.user });
    this.release(this.token);
  }

  /** The refresh cookie was refused: ask the person to sign in again (or go anonymous). */
  private expire(): void {
    this.token = undefined;
    this.stopTimer();
    writeHint(false);
    if (this.state.status === 'signedIn' || this.state.status === 'expired') {
      this.set({ status: 'expired', user: this.state.user });
    }
  }

  private clear(): void {
    this.token = undefined;
    this.stopTimer();
    writeHint(false);
    this.set({ status: 'anonymous' });
    this.release(undefined);
  }

  private receive(message: Message): void {
    if (message.type === 'session') this.adopt(message.response);
    else if (this.state.status !== 'anonymous') this.clear();
  }

  private broadcast(message: Message): void {
    this.channel?.postMessage(message);
  }

  private release(token: string | undefined): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(token);
  }

  private schedule(ms: number): void {
    this.stopTimer();
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private retryLater(): void {
    if (this.state.status === 'signedIn') this.schedule(RETRY_LATER_MS);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function readHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage unavailable: every load tries the cookie
  }
}

/** The portal's one session. */
export const session = new Session();
