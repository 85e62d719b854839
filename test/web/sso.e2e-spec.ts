import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { givenUser, type GivenUser, nextNip } from '../support/factories';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import {
  DESKTOP,
  expectAccessible,
  openPortal,
  PHONE,
  type Portal,
  type PortalTab,
  screenshot,
  startPortal,
  until,
  waitForPage,
} from './support/portal';

/** A loopback port free right now (the redirect URI registered at the provider names it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A provider and a portal that trusts it, on a port the registered redirect URI names. */
async function startSsoPortal(
  env: Record<string, string> = {},
): Promise<{ provider: TestOidcProvider; portal: Portal }> {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/v1/auth/oidc/callback`;
  const provider = await startOidcProvider({ redirectUri });
  const portal = await startPortal(
    {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      ...env,
    },
    port,
  );
  return { provider, portal };
}

describe('portal: single sign-on', () => {
  let provider: TestOidcProvider;
  let portal: Portal;
  let person: GivenUser;
  const tabs: PortalTab[] = [];

  /** A tab whose requests to the provider's web font (offline here) get an empty stylesheet. */
  const open = async (options?: Parameters<typeof openPortal>[1]) => {
    const tab = await openPortal(portal, options);
    await tab.context.route('https://fonts.googleapis.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
    );
    tabs.push(tab);
    return tab;
  };

  /** The provider's own sign-in page: login (the account) and any password. */
  const signInAtProvider = async (page: Page, account: string) => {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(account);
    await page.locator('input[name="password"]').fill('sandi-di-idp');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  };

  beforeAll(async () => {
    ({ provider, portal } = await startSsoPortal());
    person = await givenUser(portal.t.ds, { name: 'Ayu Pratiwi', opd: 'DINKES' });
    provider.account('ayu.pratiwi', { nip: person.nip, email: 'ayu@idp.jakarta.test' });
    provider.account('orang.asing', { nip: nextNip(), email: 'asing@idp.jakarta.test' });
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      tab.expectNoProblems();
      await tab.close();
    }
  });
  afterAll(async () => {
    await portal.close();
    await provider.close();
  });

  it('ASN masuk dengan SSO, kembali ke halaman yang dituju, lalu keluar juga dari SSO', async () => {
    const { page } = await open();
    await page.goto('/profil');
    // A page that needs a session sends the visitor to sign in first.
    await waitForPage(page, 'Masuk ke Lumbung');
    await page.getByRole('link', { name: 'Masuk dengan SSO' }).click();
    await signInAtProvider(page, 'ayu.pratiwi');
    await waitForPage(page, 'Profil saya');
    expect(new URL(page.url()).pathname).toBe('/profil');
    await expect(page.getByText('Ayu Pratiwi').first().isVisible()).resolves.toBe(true);
    const me = await until(
      () =>
        portal.t.ds.query<{ method: string }[]>(
          `SELECT method FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
          [person.id],
        ),
      (rows) => rows.length === 1,
    );
    expect(me).toEqual([{ method: 'oidc' }]);

    // Signing out ends the Lumbung session and goes to the provider to end that one too.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await waitForPage(page, 'Masuk ke Lumbung');
    await expect(page.getByRole('link', { name: 'Masuk dengan SSO' }).isVisible()).resolves.toBe(
      true,
    );
    const stillOpen = await portal.t.ds.query<unknown[]>(
      `SELECT 1 FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [person.id],
    );
    expect(stillOpen).toEqual([]);
  });

  it('seseorang yang belum terdaftar ditolak dengan alasan yang jelas', async () => {
    const { page } = await open();
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    await page.getByRole('link', { name: 'Masuk dengan SSO' }).click();
    await signInAtProvider(page, 'orang.asing');
    await waitForPage(page, 'Masuk ke Lumbung');
    const alert = page.getByRole('alert');
    await alert.getByText('Masuk dengan SSO tidak berhasil').waitFor();
    await expect(alert.textContent()).resolves.toContain(
      'Akun SSO Anda belum terdaftar di Lumbung.',
    );
    expect(new URL(page.url()).searchParams.get('sso')).toBe('SSO_UNKNOWN_USER');
    await expectAccessible(page);
    await screenshot(page, 'masuk-sso-ditolak');
  });

  it.each([DESKTOP, PHONE])('the sign-in page with SSO on, at %j', async (viewport) => {
    const { page } = await open({ viewport });
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    await expect(page.getByRole('link', { name: 'Masuk dengan SSO' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByLabel('Email atau NIP').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'masuk-sso');
  });
});

describe('portal: single sign-on only (LOCAL_LOGIN=false)', () => {
  let provider: TestOidcProvider;
  let portal: Portal;
  let tab: PortalTab | undefined;

  beforeAll(async () => {
    ({ provider, portal } = await startSsoPortal({ LOCAL_LOGIN: 'false' }));
  });
  afterEach(async () => {
    tab?.expectNoProblems();
    await tab?.close();
  });
  afterAll(async () => {
    await portal.close();
    await provider.close();
  });

  it.each([DESKTOP, PHONE])('the sign-in page offers SSO alone, at %j', async (viewport) => {
    tab = await openPortal(portal, { viewport });
    const { page } = tab;
    await page.goto('/masuk');
    await waitForPage(page, 'Masuk ke Lumbung');
    await expect(page.getByRole('link', { name: 'Masuk dengan SSO' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByLabel('Email atau NIP').count()).resolves.toBe(0);
    await expect(page.getByLabel('Kata sandi', { exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'masuk-sso-saja');
  });
});
