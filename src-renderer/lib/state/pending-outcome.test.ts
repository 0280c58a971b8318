import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/domain/notification';
import type { PendingApply } from '../../../shared/ipc/features/admin.contract';
import { isQueuedApplyOutcome, queuedAtLabel } from './pending-outcome';

const item: PendingApply = {
  destinationId: 'twitch',
  destinationName: 'Twitch',
  presetId: 'preset_twitch_720p_standard',
  presetName: 'Twitch 720p Standard',
  requestedAt: 1_000,
};

const note = (over: Partial<Notification>): Notification => ({
  id: 'n1',
  at: 2_000,
  level: 'success',
  kind: 'action',
  title: 'Twitch: preset applied',
  message: '"Twitch 720p Standard" was applied at the stop.',
  destinationId: 'twitch',
  ...over,
});

describe('isQueuedApplyOutcome', () => {
  it('recognises the applied and the refused outcome for the same destination and preset', () => {
    expect(isQueuedApplyOutcome(note({}), item)).toBe(true);
    expect(
      isQueuedApplyOutcome(
        note({
          level: 'error',
          title: 'Twitch: queued preset not applied',
          message: '"Twitch 720p Standard" was not applied: Twitch is RUNNING',
        }),
        item,
      ),
    ).toBe(true);
    // The apply threw: no preset name in the message, but the title says what it was about.
    expect(
      isQueuedApplyOutcome(
        note({ level: 'error', title: 'Twitch: queued preset not applied', message: 'timeout' }),
        item,
      ),
    ).toBe(true);
  });

  it("ignores the operator's start/stop outcomes, state changes and other destinations", () => {
    expect(
      isQueuedApplyOutcome(
        note({
          title: 'Twitch: stop requested',
          message: 'AWS accepted the stop; the channel bills until it is IDLE.',
        }),
        item,
      ),
    ).toBe(false);
    expect(isQueuedApplyOutcome(note({ kind: 'state' }), item)).toBe(false);
    expect(isQueuedApplyOutcome(note({ destinationId: 'youtube' }), item)).toBe(false);
    expect(isQueuedApplyOutcome(note({ message: '"Twitch 1080p 60fps" was applied at the stop.' }), item)).toBe(false);
  });
});

describe('queuedAtLabel', () => {
  it('gives the time today and the day as well otherwise', () => {
    const at = new Date(2025, 4, 3, 14, 2).getTime();
    expect(queuedAtLabel(at, new Date(2025, 4, 3, 18, 0).getTime())).toBe('queued 14:02');
    expect(queuedAtLabel(at, new Date(2025, 4, 4, 9, 0).getTime())).toBe('queued 3 May 14:02');
  });
});
