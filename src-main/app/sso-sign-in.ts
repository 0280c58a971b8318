import { stat } from 'node:fs/promises';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { SignInStatus } from '../../shared/domain/sign-in';
import { deviceSignIn, SignInFailed } from '../aws/sso/device-sign-in';
import type { SsoProfile } from '../aws/sso/sso-profile';
import { CacheFileRefused, writeTokenCache } from '../aws/sso/token-cache';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { SettingsStore } from '../core/settings';

/** The IAM Identity Center profile in use now, with the SSO OIDC client of its sso_region. */
export interface SignInTarget {
  profile: SsoProfile;
  oidc: Pick<SSOOIDCClient, 'send'>;
}

export interface SignInDeps {
  target: () => SignInTarget | null;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  publish: (status: SignInStatus) => void;
  /** Opens the verification page in the system browser; false when this console cannot (the web preview). */
  openExternal?: (url: string) => Promise<boolean>;
  /** The new sign-in is in the cache: swap the credentials (or connect, when the console could not). */
  onSignedIn: () => Promise<void>;
}

export interface SignInService {
  status(): SignInStatus;
  /** Starts a sign-in for the profile in use (or answers the one under way). */
  start(): SignInStatus;
  cancel(): SignInStatus;
}

/** Remembers when this console signed in to a cache file, so the deadline counts from then (no token kept). */
async function recordSignIn(settings: SettingsStore, file: string, startedAt: number): Promise<void> {
  const writtenAt = (await stat(file)).mtimeMs;
  settings.update((current) => ({
    ...current,
    ssoSignIns: [
      ...current.ssoSignIns.filter((r) => r.cacheFile !== file),
      { cacheFile: file, startedAt, writtenAt },
    ].slice(-20),
  }));
}

/**
 * The console's own sign-in, one at a time: the device authorization flow (aws/sso/device-sign-in.ts), the
 * verification page opened in the system browser, the token written to the CLI's cache, then the credentials
 * swapped under the running monitors. Every outcome is a status the windows show; nothing secret is in one.
 */
export function createSignInService(deps: SignInDeps): SignInService {
  let status: SignInStatus = { state: 'idle' };
  let running: AbortController | null = null;
  const set = (next: SignInStatus) => {
    status = next;
    deps.publish(next);
  };

  async function run(target: SignInTarget, controller: AbortController): Promise<void> {
    const { profile } = target;
    try {
      const startedAt = deps.clock.now();
      const token = await deviceSignIn({
        profile,
        oidc: target.oidc,
        clock: deps.clock,
        clientName: 'Lunora Booth',
        signal: controller.signal,
        onCode: (code) => {
          const url = code.verificationUriComplete ?? code.verificationUri;
          set({
            state: 'waiting',
            profile: profile.profile,
            userCode: code.userCode,
            verificationUri: url,
            expiresAt: code.expiresAt,
            browserOpened: false,
          });
          void (deps.openExternal?.(url) ?? Promise.resolve(false)).then((opened) => {
            if (opened && status.state === 'waiting' && status.userCode === code.userCode)
              set({ ...status, browserOpened: true });
          });
        },
      });
      const file = await writeTokenCache(profile, token);
      await recordSignIn(deps.settings, file, startedAt);
      deps.logger.info('sign-in: signed in to IAM Identity Center', { profile: profile.profile });
      set({ state: 'signed-in', profile: profile.profile, at: deps.clock.now() });
      await deps.onSignedIn();
    } catch (error) {
      const reason = error instanceof SignInFailed ? error.reason : 'refused';
      const message =
        error instanceof SignInFailed || error instanceof CacheFileRefused
          ? error.message
          : 'The sign-in could not be completed; sign in again.';
      deps.logger.warn('sign-in: ended without signing in', { profile: profile.profile, reason });
      set({ state: 'failed', profile: profile.profile, reason, message });
    } finally {
      if (running === controller) running = null;
    }
  }

  return {
    status: () => status,
    start() {
      if (running) return status;
      const target = deps.target();
      if (!target) {
        set({
          state: 'failed',
          profile: '',
          reason: 'config',
          message: 'The profile in use does not sign in through IAM Identity Center; choose one that does.',
        });
        return status;
      }
      const controller = new AbortController();
      running = controller;
      set({ state: 'starting', profile: target.profile.profile });
      void run(target, controller);
      return status;
    },
    cancel() {
      running?.abort();
      return status;
    },
  };
}
