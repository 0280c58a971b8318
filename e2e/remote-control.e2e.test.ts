import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { FlowSnapshot } from '../shared/domain/flow';
import { controlClient } from '../src-main/remote/test-support/control-client';
import { ARTIFACTS, eventually, startOperatorBooth, type BoothHarness } from './support/harness';

/**
 * A Stream Deck (the control API, as Companion calls it) and the operator's keyboard on one console: one arm shown
 * on the operator's screen, exactly one StartChannel per take whoever takes, every remote action in the incident
 * log with the token's name; the admin makes and revokes tokens and opens the API to the LAN.
 */

let booth: BoothHarness;
let page: Page;
let deck: ReturnType<typeof controlClient>;

const tile = (id: string): Locator => page.locator(`[data-testid="destination-tile"][data-destination-id="${id}"]`);
const keyOf = async (id: string) => ((await tile(id).locator('kbd').first().textContent()) ?? '').trim();
const waitForState = (id: string, states: string) =>
  eventually(
    async () => states.split('|').includes((await tile(id).getAttribute('data-state')) ?? ''),
    `${id} ${states}`,
    15_000,
  );

function startsFor(id: string, since: number) {
  const channelId = booth.simulator.topology.destinations.find((d) => d.id === id)!.channelId;
  return booth.simulator.control
    .requests({ operation: 'StartChannel' })
    .filter((r) => r.at >= since && JSON.stringify(r).includes(channelId));
}

async function makeToken(name: string, role: 'remote-operator' | 'remote-viewer') {
  const made = await booth.core.router.invoke('remote.createToken', { name, role }, { role: 'admin' });
  if (!made.ok) throw new Error(made.message);
  return made.data as { secret: string; token: { id: string } };
}

async function shot(target: Page, name: string, size: { width: number; height: number }, mask: Locator[] = []) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await target.setViewportSize(size);
  // The secret is masked: a screenshot is an artifact, and a token in it would be a token on disk.
  await target.screenshot({ path: path.join(ARTIFACTS, name), mask });
}

/** The switch arm main holds now, as a Stream Deck reads it (`remote.armed`). */
const heldSwitch = async () =>
  ((await deck.call('remote.armed')).body.data as { switchArmed?: { surface: string; target: string } | null })
    ?.switchArmed ?? null;

/** The flow line's arm, or '' when nothing is armed (a locator's textContent would wait for it to appear). */
const flowLine = async () => (await page.getByTestId('flow-armed').allTextContents()).join('');

/** Every text the event line shows from now on (it shows only the latest, and a switch's own notices follow fast). */
async function watchEventLine(): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenEvents: string[] }).seenEvents = seen;
    const observer = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="event-text"]')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenEvents: string[] }).seenEvents);
}

/** Until the simulator's flow is ACTIVE again after an update (UpdateFlow takes it through UPDATING). */
const flowSettled = () =>
  eventually(async () => booth.simulator.control.state().flow.status === 'ACTIVE', 'the flow ACTIVE');

/** S arms the switch once the flow takes one again (MediaConnect refuses a new primary while the flow is UPDATING). */
const armSwitchKey = (expected: RegExp) =>
  eventually(async () => {
    if ((await flowLine()) === '') await page.keyboard.press('s');
    return expected.test(await flowLine());
  }, `the switch key arm ${expected}`);

/** The switch dialog a take opened shows AWS's answer; closed before the next step (or already closed by a second Enter). */
async function closeSwitchDialog() {
  const dialog = page.getByTestId('switch-dialog');
  if ((await dialog.count()) === 0) return;
  await page.getByTestId('switch-close').click({ timeout: 15_000 });
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  booth = await startOperatorBooth();
  page = booth.page;
  const { secret } = await makeToken('Deck A', 'remote-operator');
  deck = controlClient(booth.core.controlApi.address!, secret);
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  deck?.close();
  await booth?.close();
});

describe('remote control and the operator window (web preview, simulation)', () => {
  it('a Stream Deck arm shows on the tile as armed from Stream Deck (Deck A); Enter takes it: one StartChannel', async () => {
    const since = Date.now();
    const armed = await deck.call('remote.arm', { destinationId: 'youtube' });
    expect(armed).toMatchObject({ status: 200, body: { ok: true, data: { armed: { by: 'Deck A' } } } });
    await eventually(
      async () => (await tile('youtube').getAttribute('data-armed-by')) === 'Deck A',
      'remote arm shown',
    );
    expect(await tile('youtube').getAttribute('data-armed')).toBe('start');
    expect(await tile('youtube').textContent()).toContain('from Stream Deck (Deck A)');
    expect(startsFor('youtube', since)).toHaveLength(0);
    await shot(page, 'remote-armed-1366.png', { width: 1366, height: 768 });
    await shot(page, 'remote-armed-1920.png', { width: 1920, height: 1080 });
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.keyboard.press('Enter');
    await waitForState('youtube', 'STARTING|RUNNING');
    // The take went through main: the Stream Deck's take right after finds nothing armed.
    expect(await deck.call('remote.take')).toMatchObject({ status: 409, body: { ok: false, code: 'invalid-state' } });
    expect(startsFor('youtube', since)).toHaveLength(1);
    expect(await tile('youtube').getAttribute('data-armed')).toBeNull();
  });

  it('interleaved keyboard and API takes: exactly one StartChannel per take, none for a refused one', async () => {
    const since = Date.now();
    // 1. The window arms Twitch: main holds the arm, so the Stream Deck sees it and its take takes it, once; the
    //    tile says who took it, and Enter afterwards finds nothing armed.
    await page.keyboard.press(await keyOf('twitch'));
    await eventually(async () => (await tile('twitch').getAttribute('data-armed')) === 'start', 'twitch armed');
    await eventually(
      async () =>
        ((await deck.call('remote.armed')).body.data as { armed?: { destinationId: string } | null })?.armed
          ?.destinationId === 'twitch',
      'the console arm held in main',
    );
    expect(startsFor('twitch', since)).toHaveLength(0);
    expect(await deck.call('remote.take')).toMatchObject({ status: 200, body: { data: { destinationId: 'twitch' } } });
    await eventually(async () => (await tile('twitch').getAttribute('data-armed')) === null, 'taken from the deck');
    await page.keyboard.press('Enter');
    await waitForState('twitch', 'STARTING|RUNNING');
    expect((await deck.call('remote.take')).status).toBe(409);

    // 2. The Stream Deck arms and takes Facebook while the operator hammers Enter at the same moment.
    const other = (await booth.page
      .locator('[data-testid="destination-tile"][data-state="IDLE"]')
      .first()
      .getAttribute('data-destination-id'))!;
    expect((await deck.call('remote.arm', { destinationId: other })).status).toBe(200);
    await eventually(async () => (await tile(other).getAttribute('data-armed-by')) === 'Deck A', 'remote arm shown');
    const [apiTake] = await Promise.all([
      deck.call('remote.take'),
      page.keyboard.press('Enter'),
      page.keyboard.press('Enter'),
      deck.call('remote.take'),
    ]);
    expect([200, 409]).toContain(apiTake.status);
    await waitForState(other, 'STARTING|RUNNING');

    // 3. The window arms; Enter and the Stream Deck's take hammer it at the same moment: one StartChannel.
    const raced = (await booth.page
      .locator('[data-testid="destination-tile"][data-state="IDLE"]')
      .first()
      .getAttribute('data-destination-id'))!;
    await page.keyboard.press(await keyOf(raced));
    await eventually(
      async () =>
        ((await deck.call('remote.armed')).body.data as { armed?: { destinationId: string } | null })?.armed
          ?.destinationId === raced,
      'the console arm held in main',
    );
    const takes = await Promise.all([
      deck.call('remote.take'),
      page.keyboard.press('Enter'),
      deck.call('remote.take'),
      page.keyboard.press('Enter'),
    ]);
    expect(takes.filter((t) => t !== undefined && t.status === 200).length).toBeLessThanOrEqual(1);
    await waitForState(raced, 'STARTING|RUNNING');

    // 4. A Stream Deck arm replaced by the operator's own arm: the Stream Deck's take is refused, nothing sent.
    const last = (await booth.page
      .locator('[data-testid="destination-tile"][data-state="IDLE"]')
      .first()
      .getAttribute('data-destination-id'))!;
    expect((await deck.call('remote.arm', { destinationId: last })).status).toBe(200);
    await eventually(async () => (await tile(last).getAttribute('data-armed-by')) === 'Deck A', 'remote arm shown');
    await page.keyboard.press('Escape');
    await eventually(async () => (await tile(last).getAttribute('data-armed')) === null, 'disarmed');
    expect((await deck.call('remote.armed')).body.data).toEqual({ armed: null, switchArmed: null });
    expect((await deck.call('remote.take')).status).toBe(409);

    await eventually(async () => startsFor(other, since).length === 1, 'the remote take reached AWS');
    expect(startsFor('twitch', since)).toHaveLength(1);
    expect(startsFor(other, since)).toHaveLength(1);
    await eventually(async () => startsFor(raced, since).length === 1, 'the raced take reached AWS');
    expect(startsFor(raced, since)).toHaveLength(1);
    expect(startsFor(last, since)).toHaveLength(0);
  });

  it('a backup switch armed from the Stream Deck shows on the flow line; Enter takes it through main, once', async () => {
    const since = Date.now();
    const updates = () =>
      booth.simulator.control.requests({ operation: 'UpdateFlow' }).filter((r) => r.at >= since).length;
    expect((await deck.call('remote.armSwitch', { target: 'backup', force: true })).status).toBe(200);
    const line = page.getByTestId('flow-armed');
    await eventually(
      async () => ((await line.textContent()) ?? '').includes('ARMED: SWITCH TO BACKUP · Deck A · '),
      'the remote switch arm on the flow line',
    );
    await shot(page, 'remote-switch-armed-1366.png', { width: 1366, height: 768 });
    // At 1366 px the line keeps what a take does, who armed it and the countdown, uncut (the keys' hint gives way).
    const whole = async () =>
      page.getByTestId('flow-line').evaluate((line) => {
        const what = line.querySelector('.what');
        return what !== null && what.getBoundingClientRect().right <= line.getBoundingClientRect().right + 0.5;
      });
    expect(await whole()).toBe(true);
    await shot(page, 'remote-switch-armed-1920.png', { width: 1920, height: 1080 });
    expect(await whole()).toBe(true);
    expect(await page.locator('[data-testid="flow-line"] .hint').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1600, height: 900 });
    expect(updates()).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await eventually(async () => (await line.count()) === 0, 'the switch arm spent');
    // Main consumed it: the Stream Deck's take right after finds nothing armed.
    expect((await deck.call('remote.takeSwitch')).status).toBe(409);
    await eventually(async () => updates() === 1, 'one UpdateFlow');
    expect(updates()).toBe(1);
    await closeSwitchDialog();
  });

  it('the switch key’s arm is held in main: the Stream Deck takes it (one UpdateFlow) and the flow line says so', async () => {
    const since = Date.now();
    const updates = () =>
      booth.simulator.control.requests({ operation: 'UpdateFlow' }).filter((r) => r.at >= since).length;
    const line = page.getByTestId('flow-armed');
    // MediaConnect takes a new primary only when the flow is ACTIVE (the last switch's update over, whatever the
    // window last read), and the switch wants recent figures of its target: both sources connected.
    await flowSettled();
    await eventually(async () => {
      const read = await booth.core.router.invoke('flow.snapshot', {}, { role: 'operator' });
      return read.ok && (read.data as FlowSnapshot).flow.sources.every((s) => s.connected === true);
    }, 'both sources connected');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await armSwitchKey(/^ARMED: SWITCH TO MAIN/);
    await eventually(async () => (await heldSwitch())?.surface === 'console', 'the window’s switch arm held in main');
    expect(updates()).toBe(0);
    // The deck's take and the operator's Enter at the same moment: one UpdateFlow.
    const seen = await watchEventLine();
    const [deckTake] = await Promise.all([deck.call('remote.takeSwitch'), page.keyboard.press('Enter')]);
    expect([200, 409]).toContain(deckTake.status);
    await eventually(async () => (await line.count()) === 0, 'the switch arm spent');
    await eventually(async () => updates() === 1, 'one UpdateFlow').catch(async (e: Error) => {
      // Which surface took, and what each was told: the words that say why nothing went out.
      const dialog = await page.getByTestId('switch-dialog').allTextContents();
      throw new Error(
        `${e.message}; deck: ${JSON.stringify(deckTake.body)}; dialog: ${dialog.join(' ')}; events: ${(await seen()).join(' | ')}`,
      );
    });
    if (deckTake.status === 200) {
      await eventually(
        async () =>
          /Taken from Deck A: switch to main sent|Taken from Stream Deck \(Deck A\) first/.test(
            `${(await seen()).join('\n')}\n${await page.locator('body').textContent()}`,
          ),
        'the window told who took it (event line, or the switch dialog)',
      );
    }
    await shot(page, 'remote-took-console-switch-1366.png', { width: 1366, height: 768 });
    await page.setViewportSize({ width: 1600, height: 900 });
    await closeSwitchDialog();
    expect(updates()).toBe(1);

    // Armed at the console, then taken from the deck alone: the flow line lets go and names the deck.
    await flowSettled();
    await armSwitchKey(/^ARMED: SWITCH TO BACKUP/);
    await eventually(async () => (await heldSwitch())?.target === 'backup', 'held in main');
    const seenAlone = await watchEventLine();
    expect(await deck.call('remote.takeSwitch')).toMatchObject({ status: 200 });
    await eventually(async () => (await line.count()) === 0, 'the flow line let go');
    await eventually(
      async () => (await seenAlone()).includes('Taken from Deck A: switch to backup sent'),
      'the event line names the deck',
    );
    await eventually(async () => updates() === 2, 'the second UpdateFlow');
    // Enter now finds nothing armed: nothing more is sent.
    await page.keyboard.press('Enter');
    expect(updates()).toBe(2);
  });

  it('a switch take AWS refuses: the dialog says it was not switched and why, in words; one UpdateFlow tried', async () => {
    const since = Date.now();
    const updates = () =>
      booth.simulator.control.requests({ operation: 'UpdateFlow' }).filter((r) => r.at >= since).length;
    await flowSettled();
    const refusal = booth.simulator.control.addFault({
      service: 'mediaconnect',
      operation: 'UpdateFlow',
      kind: 'access-denied',
    });
    try {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await armSwitchKey(/^ARMED: SWITCH TO /);
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId('switch-dialog');
      await dialog.getByTestId('switch-error').waitFor({ timeout: 15_000 });
      expect(await dialog.locator('h2').textContent()).toMatch(/^(MAIN|BACKUP): not switched$/);
      const words = (await dialog.getByTestId('switch-error').textContent()) ?? '';
      expect(words).not.toMatch(/AccessDenied|arn:aws/);
      expect(updates()).toBeLessThanOrEqual(1);
      await shot(page, 'switch-take-refused-1366.png', { width: 1366, height: 768 });
      await shot(page, 'switch-take-refused-1920.png', { width: 1920, height: 1080 });
      await page.setViewportSize({ width: 1600, height: 900 });
      await closeSwitchDialog();
    } finally {
      booth.simulator.control.removeFault(refusal.id);
    }
  });

  it('the incident log has every remote action with the token name', async () => {
    const entriesNow = async () => {
      const result = await booth.core.router.invoke('incidents.list', {}, { role: 'operator' });
      if (!result.ok) throw new Error(result.message);
      return (result.data as { entries: { title: string; detail: string }[] }).entries;
    };
    // The switch's entry says what MediaConnect answered, so it is written once that answer is in.
    await eventually(
      async () => (await entriesNow()).some((e) => e.title === 'Backup switch at the console (armed from Deck A)'),
      'the switch taken at the console logged',
    );
    const entries = await entriesNow();
    const titles = entries.map((e) => e.title);
    // The Stream Deck's take of what the operator armed at the console is logged as such.
    expect(entries.map((e) => `${e.title}: ${e.detail}`)).toContain(
      'Take from remote (Deck A): twitch: go-live sent to AWS (armed by operator window).',
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        'Armed from remote (Deck A)',
        'Take at the console (armed from Deck A)',
        'Take from remote (Deck A)',
        'Disarmed at the console (armed from Deck A)',
        'Backup switch armed from remote (Deck A)',
        'Backup switch at the console (armed from Deck A)',
      ]),
    );
  });
});

describe('remote control in the admin window', () => {
  it('makes a token (secret shown once), lists it, revokes it; LAN opt-in shows LAN in both status bars', async () => {
    const admin = await booth.context.newPage();
    try {
      await admin.setViewportSize({ width: 1366, height: 768 });
      await admin.goto(booth.preview.adminUrl);
      await admin.getByTestId('tab-remote').click();
      await eventually(
        async () => (await admin.getByTestId('admin-remote-status').getAttribute('data-listening')) === 'true',
        'the admin sees the API listening',
      );
      await admin.getByTestId('admin-remote-name').fill('Wall screen');
      await admin.getByTestId('admin-remote-role').selectOption('remote-viewer');
      await admin.getByTestId('admin-remote-create').click();
      const secret = (await admin.getByTestId('admin-remote-secret').textContent())!.trim();
      expect(secret).toMatch(/^lbr_/);
      const mask = [admin.getByTestId('admin-remote-secret')];
      await shot(admin, 'remote-admin-secret-1366.png', { width: 1366, height: 768 }, mask);
      await shot(admin, 'remote-admin-secret-1920.png', { width: 1920, height: 1080 }, mask);
      await admin.getByTestId('admin-remote-secret-done').click();
      expect(await admin.getByTestId('admin-remote-secret').count()).toBe(0);
      await eventually(async () => (await admin.locator('[data-name="Wall screen"]').count()) === 1, 'listed');
      // The list and the stored settings hold its name and role, never the secret.
      expect(await admin.getByTestId('admin-remote-tokens').textContent()).not.toContain(secret);
      expect(JSON.stringify(booth.storedSettings())).not.toContain(secret.split('.')[1]);

      const wall = controlClient(booth.core.controlApi.address!, secret);
      try {
        expect((await wall.call('destinations.snapshot')).status).toBe(200);
        expect(await wall.call('remote.arm', { destinationId: 'youtube' })).toMatchObject({
          status: 403,
          body: { code: 'forbidden' },
        });
        // A duplicate name is refused in words.
        await admin.getByTestId('admin-remote-name').fill('wall screen');
        await admin.getByTestId('admin-remote-create').click();
        await eventually(
          async () => /exists/.test((await admin.getByTestId('admin-remote-create-error').textContent()) ?? ''),
          'duplicate refused',
        );
        await admin.locator('[data-name="Wall screen"]').getByTestId('admin-remote-revoke').click();
        await eventually(async () => (await admin.locator('[data-name="Wall screen"]').count()) === 0, 'revoked');
        expect((await wall.call('destinations.snapshot')).status).toBe(401);
      } finally {
        wall.close();
      }

      // LAN: off by default, so no badge; the admin opens it on the port it listens on now.
      expect(await page.getByTestId('remote-lan').count()).toBe(0);
      const port = booth.core.controlApi.port;
      await admin.getByTestId('admin-remote-port').fill(String(port));
      await admin.getByTestId('admin-remote-lan-toggle').check();
      await admin.getByTestId('admin-remote-save').click();
      await eventually(async () => (await admin.getByTestId('admin-remote-lan').count()) === 1, 'admin says LAN');
      await eventually(async () => (await page.getByTestId('remote-lan').count()) === 1, 'operator bar says LAN');
      await eventually(async () => (await admin.getByTestId('remote-lan').count()) === 1, 'admin bar says LAN');
      await shot(admin, 'remote-admin-lan-1366.png', { width: 1366, height: 768 });
      await shot(page, 'remote-operator-lan-1366.png', { width: 1366, height: 768 });
      await shot(page, 'remote-operator-lan-1920.png', { width: 1920, height: 1080 });
      // The bar still fits at 1366: the LAN badge pushes nothing past its edge.
      const fits = await page.getByTestId('status-bar').evaluate((bar) => bar.scrollWidth <= bar.clientWidth + 1);
      expect(fits).toBe(true);
      await admin.getByTestId('admin-remote-lan-toggle').uncheck();
      await admin.getByTestId('admin-remote-save').click();
      await eventually(async () => (await page.getByTestId('remote-lan').count()) === 0, 'LAN closed');
      expect(booth.core.controlApi).toMatchObject({ listening: true, lan: false });
    } finally {
      await admin.close();
      await page.setViewportSize({ width: 1600, height: 900 });
    }
  });
});
