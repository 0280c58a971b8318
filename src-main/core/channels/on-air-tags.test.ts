import type { MediaLiveClient } from '@aws-sdk/client-medialive';
import { describe, expect, it, vi } from 'vitest';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import { silentLogger } from '../logger';
import { createNotifier } from '../notifications/notifier';
import { ON_AIR_TAG, OnAirTagWriter, readOnAirTags, tagValue } from './on-air-tags';

describe('on-air tags', () => {
  it('reads who started the run, when, and when it went on air', () => {
    const tags = readOnAirTags({
      Project: 'lunora-booth',
      [ON_AIR_TAG.startedAt]: '2026-12-01T15:00:00.000Z',
      [ON_AIR_TAG.console]: 'booth-a',
      [ON_AIR_TAG.operator]: 'alice via profile:booth',
      [ON_AIR_TAG.session]: 's-1',
      [ON_AIR_TAG.onAirSince]: '2026-12-01T15:01:10.250Z',
    });
    expect(tags).toEqual({
      origin: {
        startedAt: Date.parse('2026-12-01T15:00:00.000Z'),
        console: 'booth-a',
        operator: 'alice via profile:booth',
        session: 's-1',
      },
      onAirSince: Date.parse('2026-12-01T15:01:10.250Z'),
      present: true,
    });
  });

  it('ignores an on-air time older than the recorded start (left by an earlier run) and unreadable times', () => {
    const stale = readOnAirTags({
      [ON_AIR_TAG.startedAt]: '2026-12-01T15:00:00.000Z',
      [ON_AIR_TAG.onAirSince]: '2026-12-01T14:00:00.000Z',
    });
    expect(stale.onAirSince).toBeNull();
    expect(readOnAirTags({ [ON_AIR_TAG.startedAt]: 'yesterday' }).origin).toBeNull();
    expect(readOnAirTags(undefined)).toEqual({ origin: null, onAirSince: null, present: false });
  });

  it('keeps tag values within the characters and length AWS allows', () => {
    expect(tagValue('alice (ops) #1')).toBe('alice -ops- -1');
    expect(tagValue('x'.repeat(300))).toHaveLength(256);
    expect(tagValue('')).toBe('-');
  });

  it('says once, in words, when the operator role may not tag channels, and keeps working', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: medialive:CreateTags'), {
      name: 'ForbiddenException',
      $metadata: { httpStatusCode: 403 },
    });
    const send = vi.fn().mockRejectedValue(denied);
    const notes: string[] = [];
    const writer = new OnAirTagWriter({
      medialive: { send } as unknown as MediaLiveClient,
      channelTags: () => ({ arn: 'arn:aws:medialive:us-east-1:1:channel:1', tags: readOnAirTags({}) }),
      identity: { console: 'booth-a', operator: 'alice' },
      sessionId: () => 's-1',
      notifier: createNotifier((n) => notes.push(`${n.title}: ${n.message}`)),
      logger: silentLogger,
    });
    await writer.recordStart('youtube', undefined, Date.UTC(2026, 11, 1, 15));
    await writer.recordStart('twitch', undefined, Date.UTC(2026, 11, 1, 15));
    expect(send).toHaveBeenCalledTimes(2);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^On-air times kept only in this console: The operator role may not tag/);
    expect(notes[0]).not.toMatch(/ForbiddenException|arn:/);
  });

  it('writes the on-air time of a run first seen on air, and clears the tags of an IDLE channel', async () => {
    const send = vi.fn().mockResolvedValue({});
    let tags = readOnAirTags({ [ON_AIR_TAG.startedAt]: '2026-12-01T15:00:00.000Z' });
    const writer = new OnAirTagWriter({
      medialive: { send } as unknown as MediaLiveClient,
      channelTags: () => ({ arn: 'arn:aws:medialive:us-east-1:1:channel:1', tags }),
      identity: { console: 'booth-a', operator: 'alice' },
      sessionId: () => 's-1',
      notifier: createNotifier(() => {}),
      logger: silentLogger,
    });
    const onAir = Date.UTC(2026, 11, 1, 15, 1);
    writer.observe([destinationStatus('youtube', 'RUNNING', { runningSince: onAir })]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0].input).toEqual({
      ResourceArn: 'arn:aws:medialive:us-east-1:1:channel:1',
      Tags: { [ON_AIR_TAG.onAirSince]: new Date(onAir).toISOString() },
    });
    // An unconfirmed state is not acted on.
    tags = readOnAirTags({ [ON_AIR_TAG.startedAt]: '2026-12-01T15:00:00.000Z' });
    writer.observe([
      destinationStatus('youtube', 'IDLE', {
        unconfirmed: { since: onAir, lastConfirmedAt: onAir, code: 'network', reason: 'AWS cannot be reached.' },
      }),
    ]);
    expect(send).toHaveBeenCalledTimes(1);
    writer.observe([destinationStatus('youtube', 'IDLE')]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]?.[0].input).toEqual({
      ResourceArn: 'arn:aws:medialive:us-east-1:1:channel:1',
      TagKeys: Object.values(ON_AIR_TAG),
    });
  });
});
