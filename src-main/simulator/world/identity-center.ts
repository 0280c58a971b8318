import { randomBytes } from 'node:crypto';
import { AwsError } from '../errors';

/**
 * IAM Identity Center as the console meets it: a public-client registration, the device authorization grant
 * and the access portal that exchanges the access token for role credentials. Each behaviour follows an AWS
 * document (or the OAuth RFC AWS implements) and is cited where it is reproduced.
 */

/**
 * Lifetimes the simulator chooses where AWS leaves them to the service (RegisterClient clientSecretExpiresAt,
 * StartDeviceAuthorization expiresIn and interval, CreateToken expiresIn: the console must honour whatever AWS
 * answers, so these are only plausible values).
 */
const CLIENT_SECRET_LIFETIME_S = 90 * 86_400;
const DEVICE_POLL_INTERVAL_S = 1;
const ACCESS_TOKEN_LIFETIME_S = 3_600;
/**
 * The default AWS access portal session: "The default session duration is 8 hours" (IAM Identity Center User Guide,
 * "Configure the session duration of the AWS access portal and IAM Identity Center integrated applications",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/configure-user-session.html).
 */
const DEFAULT_PORTAL_SESSION_MS = 8 * 3_600_000;
/** Role credentials last the permission set's session duration; the simulator's is one hour. */
const ROLE_CREDENTIAL_LIFETIME_MS = 3_600_000;
const SIM_ROLE_NAME = 'LunoraOperator';

type AuthorizationState = 'pending' | 'approved' | 'denied';

interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number;
  state: AuthorizationState;
  lastPollAt: number | null;
  /** Set once CreateToken has answered the token: a device code is used once. */
  redeemed: boolean;
}

interface PortalSession {
  id: string;
  startedAt: number;
  endsAt: number;
  ended: boolean;
}

/** What the control API shows: user codes and states, never a token or secret. */
export interface IdentityCenterState {
  authorizations: Array<{ userCode: string; state: AuthorizationState; expiresAt: number; redeemed: boolean }>;
  sessions: Array<{ id: string; startedAt: number; endsAt: number; ended: boolean }>;
  sessionLengthMs: number;
  deviceCodeSeconds: number;
}

const secret = (prefix: string, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;

function userCode(): string {
  // RFC 8628 section 6.1: short, case-insensitive, from a reduced alphabet (no vowels, no look-alikes).
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ';
  const pick = () => alphabet[randomBytes(1)[0]! % alphabet.length];
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`;
}

/** An SSO OIDC error as the model shapes it: `error` (the OAuth code) and `error_description`. */
function oidcError(shape: string, status: number, code: string, description: string): AwsError {
  return new AwsError(shape, status, description, { error: code, error_description: description });
}

export class IdentityCenterWorld {
  private readonly clients = new Map<string, { secret: string; expiresAt: number }>();
  private readonly authorizations = new Map<string, DeviceAuthorization>();
  private readonly accessTokens = new Map<string, { session: string; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, { session: string; clientId: string }>();
  private readonly roleKeys = new Map<string, { session: string; expiresAt: number }>();
  private readonly sessions = new Map<string, PortalSession>();
  sessionLengthMs = DEFAULT_PORTAL_SESSION_MS;
  /** StartDeviceAuthorization `expiresIn`. */
  deviceCodeSeconds = 600;

  constructor(
    private readonly accountId: string,
    private readonly verificationBase: () => string,
    private readonly now: () => number,
  ) {}

  /** RegisterClient: "The service supports only public as a client type" (OIDC API Reference, RegisterClient). */
  registerClient(input: { clientName?: unknown; clientType?: unknown }) {
    if (typeof input.clientName !== 'string' || input.clientName === '')
      throw oidcError('InvalidRequestException', 400, 'invalid_request', 'clientName is required');
    if (input.clientType !== 'public')
      throw oidcError('InvalidClientMetadataException', 400, 'invalid_client_metadata', 'clientType must be public');
    const issuedAt = Math.floor(this.now() / 1000);
    const clientId = secret('simclient-', 12);
    const clientSecret = secret('SIMCLIENTSECRET-');
    this.clients.set(clientId, { secret: clientSecret, expiresAt: (issuedAt + CLIENT_SECRET_LIFETIME_S) * 1000 });
    return {
      clientId,
      clientSecret,
      clientIdIssuedAt: issuedAt,
      clientSecretExpiresAt: issuedAt + CLIENT_SECRET_LIFETIME_S,
    };
  }

  private client(clientId: unknown, clientSecret: unknown): string {
    const known = typeof clientId === 'string' ? this.clients.get(clientId) : undefined;
    // InvalidClientException (401): "the clientId or clientSecret in the request is invalid ... or an expired clientSecret".
    if (!known || known.secret !== clientSecret || known.expiresAt <= this.now())
      throw oidcError('InvalidClientException', 401, 'invalid_client', 'Invalid client credentials');
    return clientId as string;
  }

  startDeviceAuthorization(input: { clientId?: unknown; clientSecret?: unknown; startUrl?: unknown }) {
    const clientId = this.client(input.clientId, input.clientSecret);
    if (typeof input.startUrl !== 'string' || input.startUrl === '')
      throw oidcError('InvalidRequestException', 400, 'invalid_request', 'startUrl is required');
    const authorization: DeviceAuthorization = {
      deviceCode: secret('SIMDEVICE-'),
      userCode: userCode(),
      clientId,
      startUrl: input.startUrl,
      expiresAt: this.now() + this.deviceCodeSeconds * 1000,
      state: 'pending',
      lastPollAt: null,
      redeemed: false,
    };
    this.authorizations.set(authorization.deviceCode, authorization);
    const verificationUri = `${this.verificationBase()}/_sim/sso/device`;
    return {
      deviceCode: authorization.deviceCode,
      userCode: authorization.userCode,
      verificationUri,
      verificationUriComplete: `${verificationUri}?user_code=${authorization.userCode}`,
      expiresIn: this.deviceCodeSeconds,
      interval: DEVICE_POLL_INTERVAL_S,
    };
  }

  /** CreateToken with the device_code or refresh_token grant. */
  createToken(input: Record<string, unknown>) {
    const clientId = this.client(input['clientId'], input['clientSecret']);
    if (input['grantType'] === 'urn:ietf:params:oauth:grant-type:device_code')
      return this.redeemDeviceCode(clientId, input['deviceCode']);
    if (input['grantType'] === 'refresh_token') return this.refresh(clientId, input['refreshToken']);
    throw oidcError('UnsupportedGrantTypeException', 400, 'unsupported_grant_type', 'Unsupported grant type');
  }

  private redeemDeviceCode(clientId: string, deviceCode: unknown) {
    const authorization = typeof deviceCode === 'string' ? this.authorizations.get(deviceCode) : undefined;
    if (!authorization || authorization.clientId !== clientId || authorization.redeemed)
      throw oidcError('InvalidGrantException', 400, 'invalid_grant', 'Invalid device code provided');
    const now = this.now();
    // RFC 8628 section 3.5: expired_token once the device code has expired.
    if (now >= authorization.expiresAt)
      throw oidcError('ExpiredTokenException', 400, 'expired_token', 'Device code has expired');
    if (authorization.state === 'denied')
      throw oidcError('AccessDeniedException', 400, 'access_denied', 'The user denied the authorization');
    const tooSoon = authorization.lastPollAt !== null && now - authorization.lastPollAt < DEVICE_POLL_INTERVAL_S * 1000;
    authorization.lastPollAt = now;
    // SlowDownException: "the client is making the request too frequently" (polling faster than `interval`).
    if (tooSoon) throw oidcError('SlowDownException', 400, 'slow_down', 'Client is polling too frequently');
    if (authorization.state === 'pending')
      throw oidcError('AuthorizationPendingException', 400, 'authorization_pending', 'Authorization is still pending');
    authorization.redeemed = true;
    const session: PortalSession = {
      id: secret('session-', 6),
      startedAt: now,
      endsAt: now + this.sessionLengthMs,
      ended: false,
    };
    this.sessions.set(session.id, session);
    return this.issue(session, clientId);
  }

  private refresh(clientId: string, refreshToken: unknown) {
    const known = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    const session = known ? this.sessions.get(known.session) : undefined;
    // RFC 6749 section 5.2: invalid_grant for a refresh token that is "invalid, expired, revoked".
    if (!known || known.clientId !== clientId || !session || !this.live(session))
      throw oidcError('InvalidGrantException', 400, 'invalid_grant', 'Invalid refresh token provided');
    this.refreshTokens.delete(refreshToken as string);
    return this.issue(session, clientId);
  }

  private issue(session: PortalSession, clientId: string) {
    const accessToken = secret('SIMACCESS-', 32);
    const refreshToken = secret('SIMREFRESH-', 32);
    // An access token never outlives the portal session it belongs to.
    const expiresAt = Math.min(this.now() + ACCESS_TOKEN_LIFETIME_S * 1000, session.endsAt);
    this.accessTokens.set(accessToken, { session: session.id, expiresAt });
    this.refreshTokens.set(refreshToken, { session: session.id, clientId });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: Math.max(1, Math.floor((expiresAt - this.now()) / 1000)),
      refreshToken,
    };
  }

  private live(session: PortalSession): boolean {
    return !session.ended && this.now() < session.endsAt;
  }

  /** The portal session behind an access token; UnauthorizedException (401) when it is not valid (Portal API Reference). */
  private sessionOf(accessToken: unknown): PortalSession {
    const known = typeof accessToken === 'string' ? this.accessTokens.get(accessToken) : undefined;
    const session = known ? this.sessions.get(known.session) : undefined;
    if (!known || !session || !this.live(session) || known.expiresAt <= this.now())
      throw new AwsError('UnauthorizedException', 401, 'Session token not found or invalid');
    return session;
  }

  getRoleCredentials(accessToken: unknown, accountId: unknown, roleName: unknown) {
    const session = this.sessionOf(accessToken);
    if (accountId !== this.accountId || roleName !== SIM_ROLE_NAME)
      throw new AwsError('ResourceNotFoundException', 404, 'No access');
    const accessKeyId = `ASIASIM${randomBytes(8).toString('hex').toUpperCase()}`;
    const expiration = this.now() + ROLE_CREDENTIAL_LIFETIME_MS;
    this.roleKeys.set(accessKeyId, { session: session.id, expiresAt: expiration });
    return {
      roleCredentials: {
        accessKeyId,
        secretAccessKey: secret('SIMROLESECRET', 20),
        sessionToken: secret('SIMROLESESSION', 48),
        expiration,
      },
    };
  }

  listAccounts(accessToken: unknown) {
    this.sessionOf(accessToken);
    return {
      accountList: [
        { accountId: this.accountId, accountName: 'Lunora Booth (simulation)', emailAddress: 'booth@example.com' },
      ],
    };
  }

  listAccountRoles(accessToken: unknown, accountId: unknown) {
    this.sessionOf(accessToken);
    if (accountId !== this.accountId) return { roleList: [] };
    return { roleList: [{ roleName: SIM_ROLE_NAME, accountId: this.accountId }] };
  }

  logout(accessToken: unknown) {
    const session = this.sessionOf(accessToken);
    session.ended = true;
    return {};
  }

  /**
   * Whether credentials signed with this access key may still be used: keys issued by the portal stop with it when
   * the control API ends the session. Keys it did not issue (the simulator's static ones) are not its business.
   */
  roleKeyRefused(accessKeyId: string): boolean {
    const key = this.roleKeys.get(accessKeyId);
    if (!key) return false;
    const session = this.sessions.get(key.session);
    return !session || session.ended || key.expiresAt <= this.now();
  }

  // ---- control API ----

  /** Approves or denies the newest pending authorization, or the one with this user code. */
  decide(decision: 'approved' | 'denied', code?: string): { userCode: string; state: AuthorizationState } {
    const pending = [...this.authorizations.values()].filter(
      (a) => a.state === 'pending' && this.now() < a.expiresAt && (code === undefined || a.userCode === code),
    );
    const target = pending.at(-1);
    if (!target)
      throw new AwsError('NotFound', 404, code ? `No pending sign-in with code ${code}` : 'No pending sign-in');
    target.state = decision;
    return { userCode: target.userCode, state: target.state };
  }

  /** Ends every portal session now, as an administrator revoking them or the session duration running out would. */
  expireSessions(): number {
    let ended = 0;
    for (const session of this.sessions.values()) {
      if (!session.ended) ended += 1;
      session.ended = true;
    }
    return ended;
  }

  state(): IdentityCenterState {
    return {
      authorizations: [...this.authorizations.values()].map((a) => ({
        userCode: a.userCode,
        state: a.state,
        expiresAt: a.expiresAt,
        redeemed: a.redeemed,
      })),
      sessions: [...this.sessions.values()].map((s) => ({
        id: s.id,
        startedAt: s.startedAt,
        endsAt: s.endsAt,
        ended: s.ended,
      })),
      sessionLengthMs: this.sessionLengthMs,
      deviceCodeSeconds: this.deviceCodeSeconds,
    };
  }
}
