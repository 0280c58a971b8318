import { describe, expect, it } from 'vitest';
import { BoothError } from '../../../shared/domain/errors';
import type { DestinationRecord } from '../destinations/destination-store';
import { silentLogger } from '../logger';
import { applyPresetNow, type ApplyWorkflowDeps } from './apply-workflow';
import type { ApplyPreview, ApplyResult } from './preset-applier';
import { stackTopology, storedPreset } from '../test-support/fixtures';

const stack = stackTopology({ youtube: '1234567' });

const preset = storedPreset();

const youtube: DestinationRecord = { id: 'youtube', platform: 'youtube', name: 'YouTube', preset_id: null, version: 4 };

/** A workflow over fakes: the channel is in `state`; every call is recorded. */
function fakes(state: string, over: Partial<ApplyWorkflowDeps> = {}, record: DestinationRecord = youtube) {
  const calls: string[] = [];
  const preview: ApplyPreview = { channelId: '1234567', channelState: state, canApply: state === 'IDLE', changes: [] };
  const result: ApplyResult = { applied: true, changes: [], channelState: 'UPDATING' };
  const deps: ApplyWorkflowDeps = {
    presets: { get: async (id) => (id === preset.preset_id ? preset : null) },
    destinations: {
      get: async (id) => (id === record.id ? record : null),
      update: async (id, changes, version) => {
        calls.push(`update ${id} ${JSON.stringify(changes)} v${version}`);
        return { ...record, version: version + 1 };
      },
    },
    applier: {
      preview: async () => {
        calls.push('preview');
        return preview;
      },
      apply: async () => {
        calls.push('apply');
        return result;
      },
    },
    stack,
    logger: silentLogger,
    onRecorded: (id) => calls.push(`recorded ${id}`),
    ...over,
  };
  return { deps, calls, result };
}

describe('applying a preset now', () => {
  it('reads, applies while IDLE and points the record at the preset', async () => {
    const { deps, calls, result } = fakes('IDLE');
    expect(await applyPresetNow(deps, 'youtube', preset.preset_id)).toEqual({ status: 'applied', result, note: null });
    expect(calls).toEqual([
      'preview',
      'apply',
      `update youtube {"preset_id":"${preset.preset_id}"} v4`,
      'recorded youtube',
    ]);
  });

  it('refuses a channel that is not IDLE without any write', async () => {
    const { deps, calls } = fakes('RUNNING');
    expect(await applyPresetNow(deps, 'youtube', preset.preset_id)).toEqual({
      status: 'refused',
      reason: 'YouTube is RUNNING.',
      channelState: 'RUNNING',
    });
    expect(calls).toEqual(['preview']);
  });

  it('refuses a destination without a channel, and throws for an unknown one or a deleted preset', async () => {
    const church = { id: 'church', platform: 'custom', name: 'Church', version: 1 };
    expect(await applyPresetNow(fakes('IDLE', {}, church).deps, 'church', preset.preset_id)).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/No MediaLive channel is mapped to Church/) as unknown,
    });
    await expect(applyPresetNow(fakes('IDLE').deps, 'nope', preset.preset_id)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(applyPresetNow(fakes('IDLE').deps, 'youtube', 'preset_gone')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('returns a failed channel step as data, for the caller to word, and leaves the record alone', async () => {
    const denied = new BoothError('access-denied', 'not allowed');
    const { deps, calls } = fakes('IDLE');
    deps.applier = { ...deps.applier, apply: () => Promise.reject(denied) };
    expect(await applyPresetNow(deps, 'youtube', preset.preset_id)).toEqual({ status: 'failed', error: denied });
    expect(calls).toEqual(['preview']);
  });

  it('still answers applied when the record cannot be updated, with a note the caller may word', async () => {
    const { deps, result } = fakes('IDLE', {
      destinations: {
        get: async () => youtube,
        update: () => Promise.reject(new BoothError('access-denied', 'not allowed')),
      },
      describeRecordFailure: (error) => `read-only (${(error as Error).message})`,
    });
    expect(await applyPresetNow(deps, 'youtube', preset.preset_id)).toEqual({
      status: 'applied',
      result,
      note: `The channel runs "${preset.name}" now, but YouTube's record still names its old preset: read-only (not allowed)`,
    });
    const unversioned = fakes('IDLE', {}, { ...youtube, version: undefined });
    expect(await applyPresetNow(unversioned.deps, 'youtube', preset.preset_id)).toMatchObject({
      status: 'applied',
      note: expect.stringMatching(/the record has no version \(migrate it first\)$/) as unknown,
    });
    expect(unversioned.calls).toEqual(['preview', 'apply']);
  });
});
