import type { DestinationStatus } from '../../shared/domain/destination';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { DestinationState } from '../../shared/domain/channel';
import type { FlowSnapshot } from '../../shared/domain/flow';
import type { CostSnapshot } from '../../shared/domain/cost';
import type { ShowSnapshot } from '../../shared/domain/show-time';
import type { LinkStatus } from '../../src-renderer/lib/web-bridge';
import type { SignInStatus } from '../../shared/domain/sign-in';

/**
 * A stand-in for the Electron preload's `window.booth`, installed by an init script: the
 * renderer prefers `window.booth` over the socket, so a page can be shown any set of
 * destinations without a core (layout checks for 20 destinations; MediaLive allows 5 a
 * region by default, so the simulator cannot be asked for 20).
 */
export function fakeBoothScript(snapshot: {
  destinations: DestinationStatus[];
  connection: ConnectionInfo;
  flow?: FlowSnapshot;
  costs?: CostSnapshot;
  /** The show plan and timeline (the countdown and SHOW cells). */
  show?: ShowSnapshot;
  /** The link to the core as the web preview's socket would report it; 'connected' (as under Electron) when left out. */
  link?: LinkStatus;
  /** What the in-app sign-in answers (status, start); unanswered when left out. */
  signIn?: SignInStatus;
}): string {
  return `
    (() => {
      const data = ${JSON.stringify(snapshot)};
      const answer = (channel) => {
        if (channel === 'connection.describe') return { ok: true, data: data.connection };
        if (channel === 'destinations.snapshot') return { ok: true, data: { kind: 'snapshot', seq: 1, at: Date.now(), destinations: data.destinations } };
        if (channel === 'flow.snapshot' && data.flow) return { ok: true, data: data.flow };
        if (channel === 'flow.alerts' && data.flow) return { ok: true, data: { alerts: [] } };
        if (channel === 'costs.snapshot' && data.costs) return { ok: true, data: data.costs };
        if (channel === 'show.snapshot' && data.show) return { ok: true, data: data.show };
        // Main holds the one arm: this fake holds every arm the window makes (and lets go of it).
        if (channel === 'arming.arm' || channel === 'arming.armSwitch' || channel === 'arming.disarm') return { ok: true, data: { armed: null, switchArmed: null } };
        if ((channel === 'connection.signInStatus' || channel === 'connection.signIn') && data.signIn) return { ok: true, data: data.signIn };
        return { ok: false, code: 'unavailable', message: 'not in this fake' };
      };
      Object.defineProperty(window, 'booth', {
        value: Object.freeze({
          role: 'operator',
          invoke: (channel) => Promise.resolve(answer(channel)),
          on: () => () => {},
          ...(data.link ? { status: data.link, onStatus: () => () => {}, close: () => {} } : {}),
        }),
      });
    })();
  `;
}

const PLATFORMS = ['hls', 'youtube', 'twitch', 'linkedin', 'custom'];
const STATES: DestinationState[] = [
  'RUNNING',
  'IDLE',
  'STARTING',
  'IDLE',
  'MISSING',
  'RUNNING',
  'STOPPING',
  'IDLE',
  'UPDATE_FAILED',
  'RECOVERING',
];

/** n destinations in a mix of states, with long names, problems and errors: the worst a tile must hold. */
export function manyDestinations(n: number, now = Date.now()): DestinationStatus[] {
  return Array.from({ length: n }, (_, i) => {
    const state = STATES[i % STATES.length]!;
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    return {
      id: `dest-${i + 1}`,
      platform,
      name: i % 4 === 3 ? `Regional simulcast partner number ${i + 1} with a very long name` : `Destination ${i + 1}`,
      channelId: state === 'MISSING' ? `99${i}` : `10${i}`,
      state,
      stateSince: now - 20_000 - i * 1_000,
      runningSince: state === 'RUNNING' ? now - 3_600_000 - i * 61_000 : null,
      unconfirmed: null,
      alarm: null,
      presetSummary: i % 7 === 6 ? null : i % 2 ? '1080p30 6 Mbps' : '720p30 2.5 Mbps',
      problem:
        state === 'MISSING'
          ? `MediaLive channel 99${i} does not exist in this account and region (deleted, or the stack mapping is out of date).`
          : null,
      lastError:
        state === 'UPDATE_FAILED' || state === 'RECOVERING' || (state === 'MISSING' && i % 2 === 0)
          ? { code: 'conflict', message: 'MediaLive refused the update: the channel is not IDLE.', at: now - 60_000 }
          : null,
      pending:
        state === 'STARTING' && i % 3 === 0
          ? { action: 'start', since: now - 5_000, attempt: 3, note: 'AWS is throttling requests; retrying' }
          : null,
      bitrateBps: 6_128_000,
      startedBy: null,
    };
  });
}

export { SIMULATED_CONNECTION } from '../../shared/domain/test-support/connection';
