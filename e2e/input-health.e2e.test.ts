import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { eventually, FAST_FLOW_OPERATOR, startBooth, type BoothHarness } from './support/harness';

/**
 * SRT input health and the backup switch, driven by simulator scenarios: the real core (flow
 * monitor against the simulated MediaConnect and CloudWatch), the built renderer in Chromium.
 * Faster polling and 1 s CloudWatch periods so that seconds of simulated trouble show.
 */
let booth: BoothHarness;
let page: Page;

const card = (role: 'main' | 'backup'): Locator => page.locator(`[data-testid="source-card"][data-role="${role}"]`);
const gradeOf = (role: 'main' | 'backup') => card(role).getAttribute('data-grade');
const control = () => booth.simulator.control;

/** Every card's and tile's box: nothing may move under the pointer when states change. */
async function boxes(): Promise<string> {
  return page
    .locator(
      '[data-testid="source-card"], [data-testid="destination-tile"], [data-testid="switch-source"], [data-testid="test-backup"], [data-testid="flow-state"], [data-testid="input-health"]',
    )
    .evaluateAll((els) =>
      els
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.getAttribute('data-testid')}:${r.x},${r.y},${r.width},${r.height}`;
        })
        .join(' '),
    );
}

async function waitHealthyBoth(timeout = 15_000) {
  await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="healthy"]', { timeout });
  await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="healthy"]', { timeout });
}

async function switchVia(target: 'main' | 'backup') {
  await page.click(`[data-testid="switch-source"][data-target="${target}"]`);
  await page.waitForSelector('[data-testid="switch-dialog"]');
  await page.click('[data-testid="switch-confirm"]:not([disabled])');
}

beforeAll(async () => {
  booth = await startBooth(FAST_FLOW_OPERATOR);
  page = booth.page;
  await page.waitForSelector('[data-testid="destination-tile"]');
  await waitHealthyBoth();
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  await booth?.close();
});

describe('SRT input health (web preview, simulation)', () => {
  let initial = '';

  it('shows both sources CONNECTED with endpoint, CIDR and figures, MAIN on air (inferred), and the flow ACTIVE', async () => {
    await expect.poll(() => card('main').locator('[data-testid="source-state"]').textContent()).toBe('CONNECTED');
    expect(await card('backup').locator('[data-testid="source-state"]').textContent()).toBe('CONNECTED');
    expect(await card('main').getAttribute('data-feeding')).toBe('true');
    expect(await card('main').locator('[data-testid="source-feeding"]').textContent()).toContain('FEEDING');
    expect(await card('backup').locator('[data-testid="source-feeding"]').textContent()).toContain('STANDBY');
    expect(await card('main').textContent()).toContain('feeding: inferred');
    expect(await card('main').locator('[data-testid="source-feeding-signal"]').getAttribute('title')).toContain(
      'feeding: inferred from SourceConnected and the primary source',
    );
    const flow = control().state().flow;
    expect(await card('main').locator('[data-testid="source-endpoint"]').textContent()).toMatch(/^srt:\/\/[\d.]+:\d+$/);
    expect(await card('main').locator('[data-testid="source-cidr"]').textContent()).toMatch(/\/\d+$/);
    expect(flow.failover.primarySource).toBe('main');
    // Figures are figures: a bitrate in Mbps, not a dash.
    await expect
      .poll(() => card('main').locator('[data-testid="fig-bitrate"] .value').textContent())
      .toMatch(/^\d+\.\d+Mbps$/);
    await page.waitForSelector('[data-testid="flow-state"][data-status="ACTIVE"]');
    expect(await page.locator('[data-testid="input-health"]').textContent()).toContain('MAIN healthy');
    // Charts drawn from the history (uPlot canvases), with points.
    await eventually(
      async () => Number(await card('main').locator('[data-testid="chart-bitrate"]').getAttribute('data-points')) >= 3,
      'bitrate history',
    );
    expect(await card('main').locator('[data-testid="chart-bitrate"] canvas').count()).toBe(1);
    // No switch button on the primary's card; one on the other.
    expect(await card('main').locator('[data-testid="switch-source"]').count()).toBe(0);
    expect(await card('backup').locator('[data-testid="switch-source"]').textContent()).toContain('Switch to BACKUP');
    initial = await boxes();
    await booth.screenshot('input-health-1600x900-healthy.png');
  });

  it('shows the flow details: ARN, availability zone, failover mode and window, primary, metadata', async () => {
    await page.click('[data-testid="open-flow-details"]');
    const details = page.locator('[data-testid="flow-details"]');
    await details.waitFor();
    expect(await details.locator('[data-testid="details-arn"]').textContent()).toContain('arn:aws:mediaconnect:');
    expect(await details.locator('[data-testid="details-az"]').textContent()).toMatch(/[a-z]{2}-[a-z]+-\d[a-z]/);
    expect(await details.locator('[data-testid="details-failover"]').textContent()).toMatch(
      /FAILOVER · switches source after about 500 ms without data$/,
    );
    expect(await details.locator('[data-testid="details-primary"]').textContent()).toBe('main');
    expect(await details.locator('[data-testid="details-dimensions"]').innerText()).toBe(
      'per source by SourceARN (as ListMetrics shows them)',
    );
    await eventually(
      async () => /1920x1080/.test((await details.locator('[data-testid="details-metadata"]').textContent()) ?? ''),
      'metadata',
    );
    expect(await details.locator('[data-testid="details-metadata"]').textContent()).toMatch(/h264.*30 fps/);
    await booth.screenshot('input-health-details.png');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  it('test backup gives the verdict with its reasons and figures, without switching', async () => {
    const before = control().state().flow.failover.primarySource;
    await page.click('[data-testid="test-backup"]');
    const verdict = page.locator('[data-testid="backup-test-verdict"]');
    await page.waitForSelector(
      '[data-testid="backup-test-verdict"][data-ready="true"], [data-testid="backup-test-verdict"][data-ready="false"]',
    );
    // With a minute of history not yet there, "not ready: only N s of data" is the honest verdict; either way every reason is listed.
    const text = await verdict.textContent();
    expect(text).toMatch(/BACKUP (NOT )?READY/);
    expect(await page.locator('[data-testid="backup-test-reasons"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="backup-test-figures"]').textContent()).toContain('Data covered');
    expect(control().state().flow.failover.primarySource).toBe(before);
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(0);
    await booth.screenshot('input-health-backup-test.png');
    await page.click('[data-testid="backup-test-close"]');
  });

  it('main lost: the main card shows LOST within a few seconds, the alert appears on the card and in the tray', async () => {
    const t0 = Date.now();
    control().loseSource('main');
    await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="lost"]', { timeout: 8_000 });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(8_000);
    expect(await card('main').locator('[data-testid="source-state"]').textContent()).toBe('LOST');
    await expect
      .poll(() => card('main').locator('[data-testid="source-alert"]').textContent(), { timeout: 5_000 })
      .toMatch(/ALERT MAIN LOST/);
    // The flow fails over by itself: backup feeds (inferred), main is still the primary.
    await expect.poll(() => card('backup').getAttribute('data-feeding'), { timeout: 5_000 }).toBe('true');
    expect(await page.locator('[data-testid="input-health"]').textContent()).toContain('BACKUP');
    await booth.screenshot('input-health-main-lost.png');
    // In the tray, as a notification.
    await page.click('[data-testid="open-notifications"]');
    await expect
      .poll(() => page.locator('[data-testid="notification"][data-kind="alert"]').allTextContents())
      .toContainEqual(expect.stringMatching(/Main SRT source lost/));
    // The tray is a drawer beside the tiles: closed, the tiles are back where they were.
    await page.keyboard.press('Escape');
    await page.getByTestId('notification-tray').waitFor({ state: 'detached' });
    expect(await boxes()).toBe(initial);
  });

  it('make backup preferred via the UI after the failover: the dialog says backup feeds already, the primary changes, the cards follow', async () => {
    expect(await card('backup').locator('[data-testid="switch-source"]').textContent()).toContain(
      'Make BACKUP preferred',
    );
    await page.click('[data-testid="switch-source"][data-target="backup"]');
    const dialog = page.locator('[data-testid="switch-dialog"]');
    await dialog.waitFor();
    // innerText is the text as shown: markup line breaks collapse to spaces, as on screen.
    const what = await dialog.locator('[data-testid="switch-what"]').innerText();
    expect(what).toMatch(/^BACKUP already feeds the flow since \d\d:\d\d:\d\d, after an automatic failover\./);
    expect(what).toMatch(/keeps the flow on BACKUP when MAIN comes back/);
    await page.click('[data-testid="switch-confirm"]:not([disabled])');
    await page.waitForSelector('[data-testid="switch-result"][data-outcome="switched"]', { timeout: 15_000 });
    expect(control().state().flow.failover.primarySource).toBe('backup');
    const updates = control().requests({ operation: 'UpdateFlow' });
    expect(updates).toHaveLength(1);
    await booth.screenshot('input-health-switched.png');
    await page.click('[data-testid="switch-close"]');
    // The cards follow: backup is the primary now, so the offer moved to main, which is still lost: force only.
    await expect
      .poll(() => card('main').locator('[data-testid="switch-source"]').textContent(), { timeout: 5_000 })
      .toContain('Force MAIN…');
    expect(await card('backup').locator('[data-testid="switch-source"]').count()).toBe(0);
    expect(await page.locator('[data-testid="flow-line"]').textContent()).toMatch(/switch to backup: switched/);
  });

  it('main back and back to main; then a packet-loss ramp moves main healthy -> degraded', async () => {
    control().restoreSource('main');
    await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="healthy"]', {
      timeout: 10_000,
    });
    await switchVia('main');
    await page.waitForSelector('[data-testid="switch-result"][data-outcome="switched"]', { timeout: 15_000 });
    await page.click('[data-testid="switch-close"]');
    expect(control().state().flow.failover.primarySource).toBe('main');
    await expect.poll(() => card('main').getAttribute('data-feeding'), { timeout: 5_000 }).toBe('true');
    // Let the loss window forget the reconnection.
    await waitHealthyBoth();
    const seen: string[] = [];
    const watch = setInterval(() => void gradeOf('main').then((g) => g && seen.at(-1) !== g && seen.push(g)), 50);
    control().rampPacketLoss('main', { toPercent: 2, overMs: 1_500 });
    await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="degraded"]', {
      timeout: 10_000,
    });
    clearInterval(watch);
    // The watcher may not have read the last change yet: the card's grade now is part of the sequence.
    const last = await gradeOf('main');
    if (last && seen.at(-1) !== last) seen.push(last);
    expect(seen[0]).toBe('healthy');
    expect(seen).toContain('degraded');
    expect(await card('main').locator('[data-testid="source-state"]').textContent()).toBe('DEGRADED');
    expect(await card('main').locator('[data-testid="source-reason"]').textContent()).toMatch(/loss/i);
    await expect
      .poll(() => card('main').locator('[data-testid="source-alert"]').textContent(), { timeout: 5_000 })
      .toMatch(/WARNING|ALERT/);
    await booth.screenshot('input-health-degraded.png');
    control().rampPacketLoss('main', { toPercent: 0, overMs: 0 });
    await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="healthy"]', {
      timeout: 10_000,
    });
  });

  it('backup disconnected: no plain switch is offered, only "Force…" behind its own confirmation, which works', async () => {
    control().loseSource('backup');
    await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="lost"]', {
      timeout: 10_000,
    });
    const before = control().requests({ operation: 'UpdateFlow' }).length;
    const offer = card('backup').locator('[data-testid="switch-source"]');
    await expect.poll(() => offer.getAttribute('data-force')).toBe('true');
    expect(await offer.textContent()).toContain('Force BACKUP…');
    await offer.click();
    await page.locator('[data-testid="switch-force-what"]').waitFor();
    expect(await page.locator('[data-testid="switch-confirm"]').count()).toBe(0);
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(before);
    expect(control().state().flow.failover.primarySource).toBe('main');
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(before);
    await booth.screenshot('input-health-force-confirm.png');
    await page.click('[data-testid="switch-force-confirm"]:not([disabled])');
    await page.waitForSelector('[data-testid="switch-result"]', { timeout: 15_000 });
    expect(control().state().flow.failover.primarySource).toBe('backup');
    expect(control().requests({ operation: 'UpdateFlow' })).toHaveLength(before + 1);
    await page.click('[data-testid="switch-close"]');
    await expect
      .poll(() => page.locator('[data-testid="flow-line"]').textContent(), { timeout: 5_000 })
      .toMatch(/switch to backup \(forced\)/);
    // Restore: backup back, main primary again.
    control().restoreSource('backup');
    await page.waitForSelector('[data-testid="source-card"][data-role="backup"][data-grade="healthy"]', {
      timeout: 10_000,
    });
    await switchVia('main');
    await page.waitForSelector('[data-testid="switch-result"]', { timeout: 15_000 });
    await page.click('[data-testid="switch-close"]');
    expect(control().state().flow.failover.primarySource).toBe('main');
  });

  it('CloudWatch throttled: the cards say so, then NO DATA with dashes — never a healthy zero', async () => {
    control().rampPacketLoss('main', { toPercent: 0, overMs: 0 });
    await waitHealthyBoth();
    const fault = control().addFault({ service: 'cloudwatch', kind: 'throttle' });
    try {
      await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-metrics="throttled"]', {
        timeout: 10_000,
      });
      // The view is the last confirmed one, and says so with its time: hatched, "?" after the state.
      expect(await card('main').getAttribute('data-unconfirmed')).toBe('true');
      expect(await card('main').locator('[data-testid="source-unconfirmed"]').textContent()).toMatch(
        /^Not confirmed since \d\d:\d\d:\d\d: CloudWatch is throttling the source metric reads\.$/,
      );
      expect(await card('main').locator('[data-testid="source-state"]').textContent()).toMatch(/\?$/);
      // Once the last figures are older than the staleness threshold: NO DATA, figures as "—" and "no data".
      await page.waitForSelector('[data-testid="source-card"][data-role="main"][data-grade="no-data"]', {
        timeout: 15_000,
      });
      for (const role of ['main', 'backup'] as const) {
        expect(await card(role).locator('[data-testid="source-state"]').textContent()).toBe('NO DATA?');
        expect(await card(role).getAttribute('data-cause')).toBe('metrics-throttled');
        const bitrate = await card(role).locator('[data-testid="fig-bitrate"] .value').textContent();
        expect(bitrate).toBe('—no data');
        expect(await card(role).locator('[data-testid="fig-loss"] .value').textContent()).toBe('—no data');
        expect(await card(role).locator('[data-testid="source-reason"]').textContent()).toMatch(/throttl/i);
      }
      expect(await page.locator('[data-testid="input-health"]').textContent()).not.toContain('healthy');
      await booth.screenshot('input-health-throttled.png');
    } finally {
      control().removeFault(fault.id);
    }
    await waitHealthyBoth();
    expect(await boxes()).toBe(initial);
  });
});
