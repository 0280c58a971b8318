import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, FAST_FLOW_OPERATOR, startBooth, type BoothHarness } from './support/harness';
import { boothScreenshots, goLive as goLiveWith, sourceCardOf, tileOf } from './support/operator-screen';

/**
 * An input failure reaches every on-air tile: two channels live, then both SRT sources lost in the
 * simulator (NO INPUT on both tiles, the screen-wide input alarm), then main lost alone (the flow fails
 * over by itself: the backup card says since when and why, the tiles read ON BACKUP), every step in
 * the incident log and in its CSV export. The real core against the simulator, the built renderer in
 * Chromium; faster polling and 1 s CloudWatch periods so that seconds of trouble show.
 */
let booth: BoothHarness;
let page: Page;

/** The same screen at the two sizes the booth runs at and at 1600x900, for a look. */
async function shots(name: string) {
  await booth.screenshot(`${name}-1600x900.png`);
  await boothScreenshots(booth, name);
}

const LIVE = ['youtube', 'twitch'] as const;
const tile = (id: string): Locator => tileOf(page, id);
const card = (role: 'main' | 'backup'): Locator => sourceCardOf(page, role);
const control = () => booth.simulator.control;
/** Armed and taken; the test waits for RUNNING itself (both tiles at once). */
const goLive = (id: string) => goLiveWith(page, id, { waitRunning: false });

beforeAll(async () => {
  booth = await startBooth(FAST_FLOW_OPERATOR);
  page = booth.page;
  await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="healthy"]', {
    timeout: 15_000,
  });
  await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="healthy"]');
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('input failure on air (web preview, simulation)', () => {
  it('two channels on air on a healthy input: no strip, no alarm, the feeding source in green words', async () => {
    for (const id of LIVE) await goLive(id);
    for (const id of LIVE)
      await page.waitForSelector(
        `[data-testid="destination-tile"][data-destination-id="${id}"][data-state="RUNNING"]`,
        {
          timeout: 15_000,
        },
      );
    expect(await page.locator('[data-testid="tile-input-strip"]').count()).toBe(0);
    expect(await page.locator('[data-testid="input-alarm"]').count()).toBe(0);
    expect(await card('main').locator('[data-testid="source-feeding"]').textContent()).toContain('FEEDING');
    // Not the on-air red of the tiles.
    const [badge, tally] = await Promise.all([
      card('main')
        .locator('[data-testid="source-feeding"]')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
      tile('youtube')
        .locator('[data-testid="tile-state"]')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ]);
    expect(badge).not.toBe(tally);
  });

  it('both sources lost: NO INPUT on both on-air tiles, the screen-wide alarm', async () => {
    control().loseSource('main');
    control().loseSource('backup');
    await page.waitForSelector('[data-testid="input-alarm"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid="input-alarm"]').innerText()).toMatch(
      /INPUT ALARM\s+NO INPUT: nothing feeds the flow since \d\d:\d\d:\d\d\. 2 channels are live with no picture\./,
    );
    for (const id of LIVE) {
      await expect.poll(() => tile(id).getAttribute('data-input')).toBe('no-input');
      expect(await tile(id).locator('[data-testid="tile-input-strip"]').textContent()).toBe('NO INPUT');
    }
    // Tiles that are not on air wear no strip: there is nothing of theirs to lose.
    expect(await tile('linkedin').locator('[data-testid="tile-input-strip"]').count()).toBe(0);
    expect(await card('main').getAttribute('data-feeding')).toBe('false');
    await shots('input-failure-both-lost');
  });

  it('main lost alone: automatic failover, the backup card says so and offers return or prefer, tiles ON BACKUP', async () => {
    control().restoreSource('main');
    control().restoreSource('backup');
    await page.waitForSelector('[data-testid="input-alarm"]', { state: 'detached', timeout: 10_000 });
    await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="healthy"]', {
      timeout: 10_000,
    });
    await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="healthy"]', {
      timeout: 10_000,
    });
    expect(await page.locator('[data-testid="tile-input-strip"]').count()).toBe(0);

    control().loseSource('main');
    await expect.poll(() => card('backup').getAttribute('data-feeding'), { timeout: 10_000 }).toBe('true');
    await expect
      .poll(() => card('backup').locator('[data-testid="source-feeding-since"]').textContent(), { timeout: 5_000 })
      .toMatch(/^Feeding since \d\d:\d\d:\d\d \(automatic failover\)\.$/);
    expect(await card('backup').locator('[data-testid="return-to-primary"]').textContent()).toContain(
      'Return to MAIN when healthy',
    );
    expect(await card('backup').locator('[data-testid="switch-source"]').textContent()).toContain(
      'Make BACKUP preferred',
    );
    expect(await card('backup').textContent()).not.toContain('Switch to BACKUP');
    for (const id of LIVE) {
      await expect.poll(() => tile(id).getAttribute('data-input')).toBe('on-backup');
      expect(await tile(id).locator('[data-testid="tile-input-strip"]').textContent()).toBe('ON BACKUP');
    }
    expect(await page.locator('[data-testid="input-alarm"]').count()).toBe(0);
    // The dialog says what is true: backup feeds already; preferring it only changes what happens when main is back.
    await card('backup').locator('[data-testid="switch-source"]').click();
    const what = await page.locator('[data-testid="switch-what"]').innerText();
    expect(what).toMatch(/^BACKUP already feeds the flow since \d\d:\d\d:\d\d, after an automatic failover\./);
    expect(what).not.toMatch(/will take its input/);
    await page.click('[data-testid="switch-cancel"]');
    // The switch key arms the same thing, in the same two steps; Esc cancels and nothing is sent.
    await page.keyboard.press('s');
    await expect
      .poll(() => page.locator('[data-testid="flow-armed"]').textContent())
      .toMatch(/^ARMED: MAKE BACKUP PREFERRED · \d+s · Enter = take$/);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="flow-armed"]').waitFor({ state: 'detached' });
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(0);
    await shots('input-failure-failover');
    // "Return to MAIN when healthy": MAIN stays the primary (no AWS call), the choice is recorded.
    await card('backup').locator('[data-testid="return-to-primary"]').click();
    await expect.poll(() => card('backup').locator('.action').getAttribute('data-offer')).toBe('prefer');
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(0);
    expect(control().state().flow.failover.primarySource).toBe('main');
  });

  it('the incident log holds the actions, the outage with its duration and the failover; its CSV too, without secrets', async () => {
    await page.click('[data-testid="open-incidents"]');
    const log = page.locator('[data-testid="incident-log"]');
    await log.waitFor();
    await eventually(
      async () => (await log.locator('[data-testid="incident"][data-kind="failover"]').allTextContents()).join('\n'),
      'the failover in the incident log',
    );
    const failovers = await log.locator('[data-testid="incident"][data-kind="failover"]').allTextContents();
    expect(failovers.some((t) => /Automatic failover/.test(t))).toBe(true);
    expect(await log.locator('[data-testid="incident-outage"]').first().textContent()).toMatch(
      /\d\d:\d\d:\d\d–\d\d:\d\d:\d\d, \d+ s/,
    );
    // The keys still work with the panel open: it is not a dialog.
    await page.keyboard.press('t');
    await expect.poll(() => page.locator('[data-testid="flow-armed"]').textContent()).toMatch(/ARMED: TEST BACKUP/);
    await page.keyboard.press('Escape');
    await shots('input-failure-incident-log');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="incident-export"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lunora-incidents-\d{8}-\d{6}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('time,kind,level,title,detail,destination,ended,duration_s');
    expect(lines.some((l) => /,outage,error,Input outage: nothing feeds the flow,.*,\d+$/.test(l))).toBe(true);
    expect(lines.some((l) => /,failover,warning,Automatic failover,/.test(l))).toBe(true);
    expect(lines.some((l) => /,action,/.test(l) && /YouTube/i.test(l))).toBe(true);
    // No stream key, passphrase reference or ARN.
    expect(csv).not.toMatch(/-key-[0-9a-f]{12}|SecretArn|arn:aws/);
    expect(lines.some((l) => /,acknowledgement,info,Operator: return to MAIN when healthy,/.test(l))).toBe(true);
    await page.click('[data-testid="incident-close"]');
    // The tray reports the outage and the recovery.
    await page.click('[data-testid="open-notifications"]');
    const tray = await page.locator('[data-testid="notification"]').allTextContents();
    expect(tray.some((t) => /Input outage/.test(t))).toBe(true);
    expect(tray.some((t) => /Input restored.*Input outage over after \d+ s/.test(t))).toBe(true);
    expect(tray.some((t) => /Automatic failover/.test(t))).toBe(true);
    await page.keyboard.press('Escape');
    control().restoreSource('main');
  });

  it('main back: the main card says automatic return; S then Enter switches to BACKUP with one UpdateFlow, like a take', async () => {
    await expect.poll(() => card('main').getAttribute('data-feeding'), { timeout: 10_000 }).toBe('true');
    await expect
      .poll(() => card('main').locator('[data-testid="source-feeding-since"]').textContent(), { timeout: 5_000 })
      .toMatch(/\(automatic return\)/);
    await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="healthy"]');
    await page.keyboard.press('s');
    await expect
      .poll(() => page.locator('[data-testid="flow-armed"]').textContent())
      .toMatch(/^ARMED: SWITCH TO BACKUP/);
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(0);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="switch-result"][data-outcome="switched"]', { timeout: 15_000 });
    // Answered, the dialog says what is now true, no longer the question it asked.
    expect(await page.locator('[data-testid="switch-dialog"] h2').textContent()).toBe('BACKUP is the primary source');
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(1);
    expect(control().state().flow.failover.primarySource).toBe('backup');
    await page.click('[data-testid="switch-close"]');
  });
});
