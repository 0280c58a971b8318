import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConnectionInfo } from '../shared/domain/connection';
import type { CostSnapshot } from '../shared/domain/cost';
import type { DestinationStatus } from '../shared/domain/destination';
import type { FlowSnapshot } from '../shared/domain/flow';
import type { ShowSnapshot } from '../shared/domain/show-time';
import type { LinkStatus } from '../src-renderer/lib/web-bridge';
import { sampleFlowSnapshot } from '../src-renderer/lib/test-support/flow-snapshot';
import { newWatchedPage } from './support/browser';
import { useFakeBoothPreview } from './support/fake-booth-preview';
import { fakeBoothScript, manyDestinations, SIMULATED_CONNECTION } from './support/fake-booth';
import { ARTIFACTS } from './support/harness';

/**
 * The status bar in every state it must hold, shown by the operator window on a fake `window.booth` (the AWS-mode
 * labels, a link down and a core restart cannot be had from the simulator-backed harness): every cell measured.
 */
const NOW = Date.now();

const COSTS: CostSnapshot = {
  at: NOW,
  sessionStartedAt: NOW - 12 * 3_600_000 - 34 * 60_000,
  destinations: [],
  flowUsd: 8.35,
  split: { channelsUsd: 120.5, flowHoursUsd: 1.6, flowDataUsd: 6.75, idleUsd: 0.8, monitoringUsd: 0.14 },
  flow: { activeMs: 3_600_000, dataGb: 13.5, channelInputs: 5, dataBps: 30_000_000, basis: 'presets' },
  metricsRequested: 1440,
  totalUsd: 1_234.56,
  usdPerHour: 9.52,
  monthToDateUsd: 4_321,
  projectedMonthUsd: 5_380,
  budgetUsd: 4_000,
  rateSource: 'Default rate card',
};

const AWS_LONG_PROFILE: ConnectionInfo = {
  mode: 'aws',
  profile: 'lunora-production-broadcast-operations-eu-west-booth-02',
  region: 'ap-southeast-2',
  regionSource: 'from profile lunora-production-broadcast-operations-eu-west-booth-02',
  accountId: '123456789012',
  stackName: 'lunora-booth',
  customEndpoint: true,
  endpointSources: ['AWS_ENDPOINT_URL'],
  credentialsExpireAt: NOW + 2 * 3_600_000,
  deadline: null,
  canSignIn: true,
  status: 'failed',
  problem: { kind: 'network', message: 'AWS cannot be reached.', fix: 'Check the network.' },
};

/** Five destinations, the first `onAir` RUNNING at 6.15 Mbps each; `unconfirmed` of those last seen so. */
function destinations(onAir: number, unconfirmed = 0, bitrateBps = 6_150_000): DestinationStatus[] {
  return manyDestinations(5, NOW).map((d, i) => ({
    ...d,
    state: i < onAir ? 'RUNNING' : 'IDLE',
    runningSince: i < onAir ? NOW - 600_000 : null,
    problem: null,
    lastError: null,
    pending: null,
    bitrateBps,
    unconfirmed:
      i < unconfirmed
        ? { since: NOW - 30_000, lastConfirmedAt: NOW - 40_000, code: 'throttled', reason: 'AWS is limiting requests.' }
        : null,
  }));
}

function flowWith(edit: (flow: FlowSnapshot['flow']) => void): FlowSnapshot {
  const snapshot = sampleFlowSnapshot(NOW);
  edit(snapshot.flow);
  return snapshot;
}

function grade(flow: FlowSnapshot['flow'], role: 'main' | 'backup', to: 'lost' | 'degraded'): void {
  const source = flow.sources.find((s) => s.role === role)!;
  source.grade = to;
  source.connected = to !== 'lost';
}

const MAIN_LOST = flowWith((flow) => {
  grade(flow, 'main', 'lost');
  flow.feeding = { ...flow.feeding, source: 'backup', role: 'backup' };
});
const MAIN_DEGRADED_UNCONFIRMED = flowWith((flow) => {
  grade(flow, 'main', 'degraded');
  flow.feeding = { ...flow.feeding, source: 'backup', role: 'backup' };
  flow.status = 'UPDATING';
  flow.unconfirmed = { since: NOW - 20_000, reason: 'AWS is limiting requests.' };
});
const NO_SOURCE = flowWith((flow) => {
  grade(flow, 'main', 'lost');
  grade(flow, 'backup', 'lost');
  flow.feeding = { ...flow.feeding, source: null, role: null };
});

/** A show on air for 12 h 34 min, 3 min past its planned end: the widest countdown and show time. */
const OVER_RUN: ShowSnapshot = {
  at: NOW,
  plan: { startsAt: NOW - 12 * 3_600_000, endsAt: NOW - 3 * 60_000, setAt: NOW - 13 * 3_600_000, destinations: [] },
  timeline: {
    startedAt: NOW - 12 * 3_600_000 - 34 * 60_000,
    endedAt: null,
    endedBy: null,
    onAir: { ms: 0, since: NOW - 12 * 3_600_000 },
    standby: { ms: 0, since: null },
    destinations: [],
  },
  standbyOffer: null,
};

interface BarState {
  name: string;
  connection?: ConnectionInfo;
  destinations?: DestinationStatus[];
  flow?: FlowSnapshot;
  link?: LinkStatus;
  show?: ShowSnapshot;
  /** Texts the bar must show in full. */
  shows: string[];
}

const STATES: BarState[] = [
  {
    name: 'healthy',
    destinations: destinations(2),
    shows: ['MAIN healthy', '2/5', '12.3 Mbps', 'LINK OK', 'SESSION $1,235', 'NOW $9.52/h', 'PLAN not set'],
  },
  { name: 'main-lost', destinations: destinations(2), flow: MAIN_LOST, shows: ['MAIN lost · on BACKUP'] },
  { name: 'no-source', flow: NO_SOURCE, shows: ['NO SOURCE feeding'] },
  {
    name: 'unconfirmed',
    destinations: destinations(2, 1),
    flow: MAIN_DEGRADED_UNCONFIRMED,
    shows: ['≥2/5', 'unconfirmed', '~12.3 Mbps', 'est.', 'MAIN degraded · on BACKUP?', 'UPDATING'],
  },
  { name: 'link-down', destinations: destinations(2), link: 'disconnected', shows: ['LINK DOWN'] },
  { name: 'restarted', destinations: destinations(2), link: 'restarted', shows: ['RESTARTED'] },
  {
    name: 'not-connected',
    connection: { ...SIMULATED_CONNECTION, status: 'failed', problem: AWS_LONG_PROFILE.problem },
    shows: ['SIMULATION', 'NOT CONNECTED'],
  },
  {
    name: 'aws-long-profile',
    connection: AWS_LONG_PROFILE,
    destinations: destinations(2, 2),
    flow: MAIN_DEGRADED_UNCONFIRMED,
    link: 'disconnected',
    show: OVER_RUN,
    shows: [
      'AWS',
      'CUSTOM ENDPOINT',
      'NOT CONNECTED',
      'KEYS EXPIRE',
      'MAIN degraded · on BACKUP?',
      'LINK DOWN',
      'SHOW 12:',
      'OVER-RUN +00:',
      'SESSION $1,235',
      'NOW $9.52/h',
    ],
  },
];

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Cells whose text must never be cut; only the mode badge's detail (profile · account · region) may give way. */
const PRIORITY = [
  'flow',
  'input',
  'live',
  'outbound',
  'show',
  'countdown',
  'session',
  'rate',
  'month',
  'keys',
  'link',
  'clock',
];

const booth = useFakeBoothPreview();

async function openBar(state: BarState, screen: { width: number; height: number }) {
  const { context, page, problems } = await newWatchedPage(booth.browser, screen);
  await context.addInitScript({
    content: fakeBoothScript({
      destinations: state.destinations ?? destinations(0),
      connection: state.connection ?? SIMULATED_CONNECTION,
      flow: state.flow ?? sampleFlowSnapshot(NOW),
      costs: COSTS,
      ...(state.link ? { link: state.link } : {}),
      ...(state.show ? { show: state.show } : {}),
    }),
  });
  await page.goto(`${booth.preview.origin}/operator/`);
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="input-health"]')?.textContent ?? '';
    return text.length > 0 && !text.includes('—') && !text.includes('not read yet');
  });
  await page.waitForSelector('[data-testid="session-cost"]:not([disabled])');
  return { context, page, problems };
}

interface Measured {
  cell: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  clipped: boolean;
  text: string;
}

async function measure(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('[data-testid="status-bar"]')!;
    const box = (e: Element) => e.getBoundingClientRect();
    const visible = (e: Element) => {
      const r = box(e);
      return r.width > 0 && r.height > 0 && getComputedStyle(e).display !== 'none';
    };
    const cells: Measured[] = [...bar.querySelectorAll<HTMLElement>('[data-cell]')].filter(visible).map((e) => {
      const r = box(e);
      return {
        cell: e.dataset['cell']!,
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        // Text cut inside the cell: wider content than the box (or than a box within it, an ellipsis), or a child
        // pushed past the box's edge.
        clipped:
          [e, ...e.querySelectorAll<HTMLElement>('*')].some(
            (c) => c.clientWidth > 0 && c.scrollWidth > c.clientWidth + 1,
          ) || [...e.querySelectorAll('*')].filter(visible).some((c) => box(c).right > r.right + 0.5),
        text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    });
    const badge = bar.querySelector('[data-cell="mode"]');
    const flagsCut = badge
      ? [...badge.querySelectorAll('[data-part="mode-flag"]')]
          .filter((f) => box(f).right > box(badge).right + 0.5 || box(f).left < box(badge).left - 0.5)
          .map((f) => f.textContent)
      : [];
    const barBox = box(bar);
    const month = bar.querySelector('[data-testid="month-budget"]');
    return { cells, flagsCut, bar: { left: barBox.left, right: barBox.right }, monthShown: !!month && visible(month) };
  });
}

function overlaps(cells: Measured[]): string[] {
  const found: string[] = [];
  for (const [i, a] of cells.entries())
    for (const b of cells.slice(i + 1)) {
      const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top || b.bottom <= a.top;
      if (!apart) found.push(`${a.cell} [${a.left}-${a.right}] overlaps ${b.cell} [${b.left}-${b.right}]`);
    }
  return found;
}

const MIDDLE = ['live', 'outbound', 'show', 'countdown', 'session', 'rate', 'month'];

describe('status bar: cells never overlap, priority cells are never cut (fake window.booth)', () => {
  for (const screen of SCREENS)
    for (const state of STATES)
      it(`${state.name} at ${screen.width}x${screen.height}`, async () => {
        const { context, page, problems } = await openBar(state, screen);
        try {
          for (const text of state.shows)
            await page.waitForFunction(
              (t) =>
                (document.querySelector('[data-testid="status-bar"]')!.textContent ?? '')
                  .replace(/\s+/g, ' ')
                  .includes(t),
              text,
            );
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({
            path: path.join(ARTIFACTS, `status-bar-${state.name}-${screen.width}x${screen.height}.png`),
            clip: { x: 0, y: 0, width: screen.width, height: 64 },
          });
          const { cells, flagsCut, bar, monthShown } = await measure(page);
          const names = cells.map((c) => c.cell);
          for (const cell of [
            'mode',
            'flow',
            'input',
            'live',
            'outbound',
            'show',
            'countdown',
            'session',
            'rate',
            'link',
            'clock',
          ])
            expect(names, `${cell} shown`).toContain(cell);
          expect(overlaps(cells)).toEqual([]);
          const outside = cells.filter((c) => c.left < bar.left - 0.5 || c.right > bar.right + 0.5).map((c) => c.cell);
          expect(outside, 'cells outside the bar').toEqual([]);
          const cut = cells.filter((c) => PRIORITY.includes(c.cell) && c.clipped).map((c) => `${c.cell}: ${c.text}`);
          expect(cut, 'priority cells with cut text').toEqual([]);
          expect(flagsCut, 'mode badge flags cut').toEqual([]);
          // Low priority first: the month against the budget shows only where there is room.
          expect(monthShown, 'month against the budget shown').toBe(screen.width >= 1920);
          if (monthShown) expect(cells.find((c) => c.cell === 'month')?.text).toBe('MONTH $4,321 of $4,000 budget');
          expect(problems.take()).toEqual([]);
        } finally {
          await context.close();
        }
      });

  for (const screen of SCREENS)
    it(`the middle group stays put when the OUT figure changes width at ${screen.width}x${screen.height}`, async () => {
      const positions: { cell: string; left: number; right: number }[][] = [];
      // 0.0 Mbps, 6.2 Mbps, ~123.0 Mbps est.: the figure grows from 8 to 11 characters.
      for (const state of [destinations(0), destinations(1, 0, 6_150_000), destinations(5, 1, 24_600_000)]) {
        const { context, page } = await openBar({ name: 'out', destinations: state, shows: [] }, screen);
        try {
          await page.waitForFunction(
            (n) => document.querySelector('[data-testid="live-count"]')?.textContent?.includes(`${n}/5`),
            state.filter((d) => d.state === 'RUNNING').length,
          );
          const { cells } = await measure(page);
          positions.push(
            cells.filter((c) => MIDDLE.includes(c.cell)).map(({ cell, left, right }) => ({ cell, left, right })),
          );
        } finally {
          await context.close();
        }
      }
      expect(positions[0]!.map((p) => p.cell)).toEqual(MIDDLE.filter((c) => c !== 'month' || screen.width >= 1920));
      expect(positions[1]).toEqual(positions[0]);
      expect(positions[2]).toEqual(positions[0]);
    });
});
