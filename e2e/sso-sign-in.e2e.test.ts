import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, overlappingStatusCells, startBooth, type BoothHarness } from './support/harness';

/**
 * Signing in to IAM Identity Center from the operator window, against the simulator's identity center
 * (LUNORA_SIM_SSO=1): approve through the control API, take two channels live, let the session end mid-show,
 * sign in again; plus a denied sign-in and a user code that expires. Every frame the socket carried to the
 * window and the stored settings are checked for the secrets the simulator issues.
 */

/** Every secret the simulated IAM Identity Center issues starts with one of these. */
const SECRET_PREFIXES = /SIMACCESS-|SIMREFRESH-|SIMCLIENTSECRET-|SIMDEVICE-|SIMROLESECRET|SIMROLESESSION/;

let booth: BoothHarness;
let page: Page;
/** Every frame the web preview's socket sent to the operator window. */
const frames: string[] = [];

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The simulator's HTTP control API, as a tester at the booth would drive it. */
async function control(route: string, body: unknown = {}): Promise<unknown> {
  const answer = await fetch(`${booth.simulator.endpoint}/_sim/sso/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sim-token': booth.simulator.controlToken },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBe(200);
  return answer.json();
}

const stops = () => booth.simulator.control.requests({ operation: 'StopChannel' }).length;

/** Presses the banner's Sign in and answers the user code it shows, large. */
async function signInFromBanner(): Promise<string> {
  const banner = page.getByTestId('sign-in-banner');
  await banner.waitFor();
  const start = banner.getByTestId('sign-in-banner-start');
  if (await start.count()) await start.click();
  else await banner.getByTestId('sign-in-start').click();
  const code = banner.getByTestId('sign-in-code');
  await code.waitFor();
  const userCode = await text(code);
  expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  return userCode;
}

beforeAll(async () => {
  booth = await startBooth({
    window: 'operator',
    viewport: { width: 1366, height: 768 },
    simulatorSignIn: true,
    settings: { connection: { profile: null, stackName: 'lunora-booth' } },
  });
  page = booth.page;
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  // Again, now that the socket is watched from its first frame.
  await page.reload();
}, 60_000);

afterAll(async () => {
  await booth?.close();
});

describe('IAM Identity Center sign-in from the operator window (simulation)', () => {
  it('signs in, loses the session mid-show with two channels live, and signs in again without stopping them', async () => {
    // Not signed in: no tiles, and the banner offers Sign in.
    await page.getByTestId('sign-in-banner').waitFor();
    expect(await text(page.getByTestId('sign-in-banner-title'))).toMatch(/Not signed in to AWS/);
    const userCode = await signInFromBanner();
    await booth.screenshot('sso-sign-in-code-1366x768.png');
    await control('approve', { userCode });

    await eventually(
      async () => (await page.locator('[data-testid="destination-tile"][data-state="IDLE"]').count()) === 5,
      'five IDLE tiles after signing in',
      20_000,
    );
    await eventually(async () => (await page.getByTestId('sign-in-banner').count()) === 0, 'the banner gone');
    expect(await text(page.getByTestId('credentials-expiry'))).toMatch(/^SIGN-IN ENDS \d\d:\d\d:\d\d$/);

    // Two channels live, each by the two-step take.
    const [first, second] = booth.simulator.topology.destinations;
    for (const key of ['1', '2']) {
      await page.keyboard.press(key);
      await eventually(async () => (await page.locator('[data-armed="start"]').count()) === 1, `armed ${key}`);
      await page.keyboard.press('Enter');
    }
    for (const d of [first!, second!])
      await page.waitForSelector(
        `[data-testid="destination-tile"][data-destination-id="${d.id}"][data-state="RUNNING"]:not([data-unconfirmed])`,
        { timeout: 20_000 },
      );

    // The session ends mid-show: on air, unconfirmed (never IDLE), and the banner asks to sign in again.
    await control('expire-session');
    for (const d of [first!, second!])
      await page.waitForSelector(
        `[data-testid="destination-tile"][data-destination-id="${d.id}"][data-state="RUNNING"][data-unconfirmed="true"]`,
        { timeout: 20_000 },
      );
    await page.getByTestId('sign-in-banner').waitFor();
    expect(await text(page.getByTestId('sign-in-banner-title'))).toMatch(/sign in again/);
    expect(
      await page.locator('[data-testid="destination-tile"][data-state="IDLE"]:not([data-unconfirmed])').count(),
    ).toBe(0);
    // The cache still dates the session hours ahead, but AWS refused it: the status bar says control has ended.
    await eventually(
      async () => (await page.getByTestId('credentials-expiry').getAttribute('data-tone')) === 'ended',
      'the status bar to say the sign-in ended',
    );
    expect(await text(page.getByTestId('credentials-expiry'))).toBe('SIGN-IN ENDED');
    // The readiness panel open beside the tiles checks again when the connection changes: no stale verdict.
    await page.waitForSelector('[data-testid="readiness-item"][data-check-id="credentials"][data-status="fail"]');
    await eventually(
      async () =>
        /The sign-in ended at \d\d:\d\d:\d\d/.test(
          await text(page.locator('[data-testid="readiness-item"][data-check-id="credentials"]')),
        ),
      'readiness to say the sign-in ended',
    );
    await booth.screenshot('sso-session-ended-1366x768.png');
    expect(await overlappingStatusCells(page)).toEqual([]);

    // No action goes out with dead credentials: an end taken now sends nothing.
    const stopsBefore = stops();
    await page.keyboard.press('1');
    await eventually(async () => (await tile(first!.id).getAttribute('data-armed')) === 'stop', 'armed to end');
    await page.keyboard.press('Enter');
    await eventually(async () => (await tile(first!.id).getAttribute('data-armed')) === null, 'the take answered');
    expect(stops()).toBe(stopsBefore);

    // Sign in again: the same tiles confirm, still on air; nothing was ever stopped.
    const again = await signInFromBanner();
    await control('approve', { userCode: again });
    for (const d of [first!, second!])
      await page.waitForSelector(
        `[data-testid="destination-tile"][data-destination-id="${d.id}"][data-state="RUNNING"]:not([data-unconfirmed])`,
        { timeout: 20_000 },
      );
    for (const d of [first!, second!]) expect(booth.simulator.control.channelState(d.channelId)).toBe('RUNNING');
    expect(booth.simulator.control.requests({ operation: 'StopChannel' })).toHaveLength(0);
    await eventually(async () => (await page.getByTestId('sign-in-banner').count()) === 0, 'the banner gone again');
    expect(await text(page.getByTestId('credentials-expiry'))).toMatch(/^SIGN-IN ENDS \d\d:\d\d:\d\d$/);

    // Nothing secret reached the window or the settings.
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.join('\n')).not.toMatch(SECRET_PREFIXES);
    expect(JSON.stringify(booth.storedSettings())).not.toMatch(SECRET_PREFIXES);
  }, 120_000);

  it('a denied sign-in and an expired user code each end with a message and can be retried', async () => {
    await control('expire-session');
    await page.getByTestId('sign-in-banner').waitFor({ timeout: 20_000 });

    const denied = await signInFromBanner();
    await control('deny', { userCode: denied });
    const failed = page.getByTestId('sign-in-failed');
    await failed.waitFor({ timeout: 15_000 });
    expect(await text(failed)).toMatch(/denied in the browser/);
    expect(await text(failed)).not.toMatch(/Exception/);
    await booth.screenshot('sso-sign-in-denied-1366x768.png');

    // A code that expires before anyone approves it.
    await control('timings', { deviceCodeSeconds: 2 });
    await signInFromBanner();
    await eventually(
      async () => (await page.getByTestId('sign-in').getAttribute('data-state')) === 'failed',
      'the expired code to end the sign-in',
      15_000,
    );
    expect(await text(page.getByTestId('sign-in-failed'))).not.toMatch(/Exception/);
    await booth.screenshot('sso-sign-in-code-expired-1366x768.png');

    // And a retry signs in.
    await control('timings', { deviceCodeSeconds: 600 });
    const retry = await signInFromBanner();
    await control('approve', { userCode: retry });
    await eventually(
      async () => (await page.getByTestId('sign-in-banner').count()) === 0,
      'signed in on retry',
      20_000,
    );
    expect(frames.join('\n')).not.toMatch(SECRET_PREFIXES);
    expect(JSON.stringify(booth.storedSettings())).not.toMatch(SECRET_PREFIXES);
    await booth.assertNoPageProblems();
  }, 120_000);
});
