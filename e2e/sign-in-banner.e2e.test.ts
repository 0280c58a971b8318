import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../shared/domain/connection';
import type { DestinationStatus } from '../shared/domain/destination';
import type { SignInStatus } from '../shared/domain/sign-in';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS } from './support/harness';

/**
 * The operator window's sign-in banner and the status bar's sign-in deadline, on a fake `window.booth` (an AWS
 * IAM Identity Center connection cannot be had from the simulator-backed harness): seen at both booth screens.
 */
const NOW = Date.now();

const SSO: ConnectionInfo = {
  ...SIMULATED_CONNECTION,
  mode: 'aws',
  profile: 'booth-sso',
  region: 'eu-west-1',
  regionSource: 'from profile booth-sso',
  accountId: '123456789012',
  customEndpoint: false,
  endpointSources: [],
  canSignIn: true,
  status: 'connected',
  problem: null,
};

const deadline = (endsAt: number) => ({
  endsAt,
  bound: 'portal-session' as const,
  startedAt: endsAt - 8 * 3_600_000,
  startSource: 'console-sign-in' as const,
  sessionMinutes: 480,
});

/** Two channels on air, unconfirmed because the credentials expired: what a session ending mid-show leaves. */
function expiredTiles(): DestinationStatus[] {
  return manyDestinations(5, NOW).map((d, i) => ({
    ...d,
    state: i < 2 ? 'RUNNING' : 'IDLE',
    runningSince: i < 2 ? NOW - 600_000 : null,
    problem: null,
    lastError: null,
    pending: null,
    unconfirmed: {
      since: NOW - 30_000,
      lastConfirmedAt: NOW - 40_000,
      code: 'expired-credentials',
      reason: 'Read channel states failed: The AWS credentials have expired or could not be loaded.',
    },
  }));
}

const WAITING: SignInStatus = {
  state: 'waiting',
  profile: 'booth-sso',
  userCode: 'WDJB-MJHT',
  verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=WDJB-MJHT',
  expiresAt: NOW + 600_000,
  browserOpened: true,
};

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const booth = useFakeBoothPreview();

async function open(screen: { width: number; height: number }, connection: ConnectionInfo, list: DestinationStatus[]) {
  const { context, page, problems } = await newWatchedPage(booth.browser, screen);
  await context.addInitScript({ content: fakeBoothScript({ destinations: list, connection, signIn: WAITING }) });
  await page.goto(`${booth.preview.origin}/operator/`);
  return { context, page, problems };
}

describe('sign-in banner and deadline (fake window.booth)', () => {
  for (const screen of SCREENS) {
    const size = `${screen.width}x${screen.height}`;

    it(`the session ended mid-show: tiles stay on air unconfirmed, the banner offers Sign in and shows the code (${size})`, async () => {
      const { context, page, problems } = await open(
        screen,
        { ...SSO, deadline: deadline(NOW - 60_000), credentialsExpireAt: NOW - 60_000 },
        expiredTiles(),
      );
      try {
        const banner = page.getByTestId('sign-in-banner');
        await banner.waitFor();
        expect(await banner.getByTestId('sign-in-banner-title').textContent()).toMatch(/AWS sign-in ended at/);
        expect(await page.getByTestId('unconfirmed-advice').textContent()).toMatch(/Press Sign in/);
        expect(await page.getByTestId('credentials-expiry').getAttribute('data-tone')).toBe('ended');
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `sign-in-banner-${size}.png`) });

        await banner.getByTestId('sign-in-banner-start').click();
        const code = page.getByTestId('sign-in-code');
        await code.waitFor();
        expect(await code.textContent()).toBe('WDJB-MJHT');
        // Read from across the booth: the code is large, and nothing of the banner is cut or pushes the tiles off.
        const fontPx = await code.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(fontPx).toBeGreaterThanOrEqual(48);
        const cut = await banner.evaluate((e) =>
          [...e.querySelectorAll<HTMLElement>('.code, .btn, .tag')].some((c) => c.scrollWidth > c.clientWidth + 1),
        );
        expect(cut).toBe(false);
        await page.screenshot({ path: path.join(ARTIFACTS, `sign-in-banner-code-${size}.png`) });
        expect(await page.getByTestId('destination-tile').count()).toBeGreaterThan(0);
        await problems.collectCsp(page);
        expect(problems.take()).toEqual([]);
      } finally {
        await context.close();
      }
    });

    for (const [tone, minutes] of [
      ['calm', 200],
      ['hour', 50],
      ['quarter', 12],
      ['last', 4],
    ] as const)
      it(`the status bar says when the sign-in ends, warning ${tone} (${minutes} min left) (${size})`, async () => {
        const endsAt = NOW + minutes * 60_000;
        const { context, page, problems } = await open(
          screen,
          { ...SSO, deadline: deadline(endsAt), credentialsExpireAt: endsAt },
          [],
        );
        try {
          const cell = page.getByTestId('credentials-expiry');
          await cell.waitFor();
          expect(await cell.getAttribute('data-tone')).toBe(tone);
          expect((await cell.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
            tone === 'calm' ? /^SIGN-IN ENDS \d\d:\d\d:\d\d$/ : /^SIGN-IN ENDS in \d+ min$/,
          );
          const cut = await cell.evaluate((e) =>
            [e, ...e.querySelectorAll<HTMLElement>('*')].some((c) => c.scrollWidth > c.clientWidth + 1),
          );
          expect(cut).toBe(false);
          expect(await page.getByTestId('sign-in-banner').count()).toBe(0);
          await page.screenshot({
            path: path.join(ARTIFACTS, `status-bar-sign-in-${tone}-${size}.png`),
            clip: { x: 0, y: 0, width: screen.width, height: 64 },
          });
          await problems.collectCsp(page);
          expect(problems.take()).toEqual([]);
        } finally {
          await context.close();
        }
      });
  }
});
