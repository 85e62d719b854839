/**
 * Why a single sign-on ended without a session. The callback sends the browser to
 * `/masuk?sso=<code>`, where the portal says it in Bahasa Indonesia (or English); each refusal is
 * also in the audit log as `authn_login_fail` with `method: oidc` and the precise reason.
 */
export const SSO_REFUSALS = [
  /** SSO is not configured on this installation. */
  'SSO_DISABLED',
  /** The provider could not be reached (discovery or token endpoint). */
  'SSO_UNAVAILABLE',
  /** The person (or the provider) cancelled at the provider. */
  'SSO_CANCELLED',
  /** No sign-in started in this browser, or it took longer than 10 minutes. */
  'SSO_EXPIRED',
  /** A check failed: state, nonce, PKCE, a used code, audience, issuer, signature. */
  'SSO_FAILED',
  /** Nobody in Lumbung has this NIP or email (and JIT provisioning is off). */
  'SSO_UNKNOWN_USER',
  /** The provider's NIP and email name two different people here. */
  'SSO_IDENTITY_CONFLICT',
  /** The account is deactivated (or a service account). */
  'SSO_ACCOUNT_INACTIVE',
  /** JIT provisioning lacked a valid NIP, email or known OPD in the claims. */
  'SSO_PROVISIONING_FAILED',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export class SsoRefused extends Error {
  constructor(
    readonly code: SsoRefusal,
    /** The precise reason, for the audit log. */
    readonly reason: string,
    readonly userId?: string,
  ) {
    super(`${code}: ${reason}`);
  }
}
