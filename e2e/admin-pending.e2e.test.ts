import { DescribeChannelCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { format } from 'date-fns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DestinationsSnapshot } from '../shared/domain/destination';
import type { PendingApply } from '../shared/ipc/features/admin.contract';
import { eventually, startBooth, type BoothHarness } from './support/harness';

/**
 * Presets queued "at the next stop", as the admin sees and cancels them: the channel is started
 * behind the console's back in the simulator, the preset is queued from the Apply tab, and what
 * MediaLive received when the channel stops is read from the simulator's request log.
 */
let booth: BoothHarness;
let page: Page;
let medialive: MediaLiveClient;
/** Every WebSocket frame the admin page sent, as text. */
const sent: string[] = [];

const PRESET_ID = 'preset_twitch_720p_standard';
const PRESET_NAME = 'Twitch 720p Standard';

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  // The harness opened the page before we could listen: listen, then reload so every frame is recorded.
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) =>
      sent.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')),
    );
  });
  await page.reload();
  await page.waitForSelector('[data-testid="preset-row"]');
  const sim = booth.simulator;
  medialive = new MediaLiveClient({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
});

afterEach(async () => {
  // Whatever a test left behind: nothing queued, every channel IDLE.
  await admin('presets.cancelPendingApply', { destinationId: 'twitch' });
  const control = booth.simulator.control;
  if (control.channelState(channelOf('twitch')) === 'STARTING')
    await control.waitForChannelState(channelOf('twitch'), 'RUNNING');
  if (control.channelState(channelOf('twitch')) === 'RUNNING') control.stopChannel(channelOf('twitch'));
  await control.waitForChannelState(channelOf('twitch'), 'IDLE');
  await consoleSees('twitch', 'IDLE');
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  medialive?.destroy();
  await booth?.close();
});

const channelOf = (id: string) => booth.simulator.topology.destinations.find((d) => d.id === id)!.channelId;
const describeChannel = (id: string) => medialive.send(new DescribeChannelCommand({ ChannelId: channelOf(id) }));
const updatesSent = () => booth.simulator.control.requests({ service: 'medialive', operation: 'UpdateChannel' });
const cancelRequests = () => sent.filter((frame) => frame.includes('"channel":"presets.cancelPendingApply"'));
const row = (id: string) => page.locator(`[data-testid="pending-row"][data-destination-id="${id}"]`);
const noteOf = (kind: string) => page.locator(`[data-testid="pending-note"][data-kind="${kind}"]`);
const text = async (testid: string) =>
  ((await page.getByTestId(testid).textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function admin(channel: string, payload: unknown): Promise<unknown> {
  return booth.core.router.invoke(channel, payload, { role: 'admin' });
}

async function queuedInMain(): Promise<PendingApply[]> {
  const result = (await admin('presets.pendingApplies', {})) as { ok: true; data: { pending: PendingApply[] } };
  return result.data.pending;
}

/** The console's own view of the channel (main queues only for a channel it sees running). */
async function consoleSees(id: string, state: string): Promise<void> {
  await eventually(async () => {
    const result = (await admin('destinations.snapshot', {})) as { ok: true; data: DestinationsSnapshot };
    return result.data.destinations.find((d) => d.id === id)?.state === state;
  }, `the console to see ${id} ${state}`);
}

/** Twitch on air without the console asking, then the preset queued from the Apply tab for its next stop. */
async function queueForRunningTwitch(): Promise<PendingApply> {
  const control = booth.simulator.control;
  control.startChannel(channelOf('twitch'));
  await control.waitForChannelState(channelOf('twitch'), 'RUNNING');
  await consoleSees('twitch', 'RUNNING');

  await page.getByTestId('tab-apply').click();
  await page.waitForSelector('[data-testid="tab-apply"][aria-selected="true"]');
  await page.getByTestId('apply-destination').selectOption('twitch');
  await page.getByTestId('apply-preset').selectOption(PRESET_ID);
  await page.getByTestId('apply-preview').click();
  await page.locator('[data-testid="apply-channel-state"]', { hasText: 'RUNNING' }).waitFor();
  expect(await page.getByTestId('apply-go').isDisabled()).toBe(true);
  await page.getByTestId('apply-at-next-stop').click();
  await page.getByTestId('apply-queued').waitFor();
  expect(await text('apply-queued')).toContain('as soon as its channel is IDLE again');

  const [queued] = await queuedInMain();
  expect(queued).toMatchObject({ destinationId: 'twitch', presetId: PRESET_ID, presetName: PRESET_NAME });
  await row('twitch').waitFor();
  return queued!;
}

describe('admin window: presets queued for the next stop (web preview, simulation)', () => {
  it('keeps the queue to the admin role: main refuses its channels to the operator window', async () => {
    for (const [channel, payload] of [
      ['presets.pendingApplies', {}],
      ['presets.cancelPendingApply', { destinationId: 'twitch' }],
      ['presets.applyAtNextStop', { destinationId: 'twitch', presetId: PRESET_ID }],
    ] as const)
      expect(await booth.core.router.invoke(channel, payload, { role: 'operator' }), channel).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
  });

  it('lists a queued preset and cancels it with one request however fast the clicks; at the stop MediaLive gets no UpdateChannel', async () => {
    const queued = await queueForRunningTwitch();
    expect(await page.getByTestId('pending-row').count()).toBe(1);
    expect(await row('twitch').getByTestId('pending-destination').textContent()).toBe('Twitch');
    expect(await row('twitch').getByTestId('pending-preset').textContent()).toBe(PRESET_NAME);
    expect(await row('twitch').getByTestId('pending-since').textContent()).toBe(
      `queued ${format(queued.requestedAt, 'HH:mm')}`,
    );
    expect(await text('tab-apply-queued')).toBe('1 queued');
    // Said next to the apply buttons too, for the destination selected there.
    const note = await text('apply-pending-note');
    expect(note).toContain(`“${PRESET_NAME}” is already queued for Twitch's next stop`);
    expect(note).toContain(format(queued.requestedAt, 'HH:mm'));

    const settingsBefore = JSON.stringify((await describeChannel('twitch')).EncoderSettings);
    const cancelsBefore = cancelRequests().length;
    await row('twitch').getByTestId('pending-cancel').dblclick();
    await noteOf('cancelled').waitFor();
    expect(await noteOf('cancelled').textContent()).toContain(
      `Cancelled: “${PRESET_NAME}” will not be applied to Twitch.`,
    );
    expect(cancelRequests().length - cancelsBefore).toBe(1);
    await row('twitch').waitFor({ state: 'detached' });
    await page.getByTestId('pending-empty').waitFor();
    expect(await page.getByTestId('apply-pending-note').count()).toBe(0);
    expect(await page.getByTestId('apply-queued').count()).toBe(0);
    expect(await page.getByTestId('tab-apply-queued').count()).toBe(0);
    expect(await queuedInMain()).toEqual([]);

    // The channel stops: had the cancel not reached main, this is when the preset would be applied.
    const updatesBefore = updatesSent().length;
    booth.simulator.control.stopChannel(channelOf('twitch'));
    await booth.simulator.control.waitForChannelState(channelOf('twitch'), 'IDLE');
    await consoleSees('twitch', 'IDLE');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(updatesSent().length).toBe(updatesBefore);
    expect(JSON.stringify((await describeChannel('twitch')).EncoderSettings)).toBe(settingsBefore);
    expect(await noteOf('applied').count()).toBe(0);
  });

  it('a cancel for a request main no longer holds says so in words', async () => {
    await queueForRunningTwitch();
    // Gone behind the window's back (another admin window, say): the row is still on screen.
    expect(await admin('presets.cancelPendingApply', { destinationId: 'twitch' })).toMatchObject({
      ok: true,
      data: { cancelled: true },
    });
    await row('twitch').getByTestId('pending-cancel').click();
    await noteOf('not-queued').waitFor();
    expect(await noteOf('not-queued').textContent()).toContain(
      'Nothing was queued for Twitch any more: it may have been applied already.',
    );
    await row('twitch').waitFor({ state: 'detached' });
  });

  it('read-only credentials turn Cancel off, with the reason beside it', async () => {
    await queueForRunningTwitch();
    const control = booth.simulator.control;
    const fault = control.addFault({ service: 'medialive', operation: 'UpdateChannel', kind: 'access-denied' });
    try {
      // A write refused with AccessDenied makes the window read-only.
      await page.getByTestId('apply-destination').selectOption('linkedin');
      await page.getByTestId('apply-preset').selectOption('preset_generic_720p');
      await page.getByTestId('apply-preview').click();
      await page.getByTestId('apply-diff').waitFor();
      await page.getByTestId('apply-go').click();
      await page.getByTestId('readonly-banner').waitFor();
      expect(await row('twitch').getByTestId('pending-cancel').isDisabled()).toBe(true);
      const reason = await text('pending-readonly');
      expect(reason).toBe('Cancel is turned off: these credentials are read-only (the banner above says why).');
      expect(await text('readonly-banner')).toMatch(/These credentials are not allowed to do this/);
      expect(await text('readonly-banner')).not.toMatch(/ForbiddenException|arn:aws/);
      expect(await row('twitch').getByTestId('pending-cancel').getAttribute('title')).toMatch(
        /These credentials are not allowed to do this/,
      );
      const cancelsBefore = cancelRequests().length;
      await page.getByTestId('pending-cancel').click({ force: true });
      expect(cancelRequests().length).toBe(cancelsBefore);
      expect(await queuedInMain()).toHaveLength(1);
    } finally {
      control.removeFault(fault.id);
    }
    await page.getByRole('button', { name: 'Try writing again' }).click();
    await page.getByTestId('readonly-banner').waitFor({ state: 'detached' });
    expect(await row('twitch').getByTestId('pending-cancel').isDisabled()).toBe(false);
    expect(await page.getByTestId('pending-readonly').count()).toBe(0);
  });

  // Last: from here on Twitch runs this preset, so a preview of it would find nothing left to queue.
  it('queued, then the channel stops: the item leaves the list and the window says the preset was applied', async () => {
    await queueForRunningTwitch();
    const updatesBefore = updatesSent().length;
    booth.simulator.control.stopChannel(channelOf('twitch'));

    const applied = noteOf('applied');
    await applied.waitFor();
    const said = ((await applied.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(said).toContain('Twitch: preset applied.');
    expect(said).toContain(`"${PRESET_NAME}" was applied at the stop.`);
    await row('twitch').waitFor({ state: 'detached' });
    await page.getByTestId('pending-empty').waitFor();
    expect(await queuedInMain()).toEqual([]);

    expect(updatesSent().length).toBe(updatesBefore + 1);
    const video = (await describeChannel('twitch')).EncoderSettings?.VideoDescriptions?.[0];
    expect(video).toMatchObject({ Width: 1280, Height: 720 });
    // The destination record names the preset now, and the window re-read it and the channel.
    await page.locator('.current', { hasText: `Recorded preset: ${PRESET_NAME}` }).waitFor();
    // The diff taken while it ran no longer describes the channel, nor does "will be applied".
    expect(await page.getByTestId('apply-diff').count()).toBe(0);
    expect(await page.getByTestId('apply-queued').count()).toBe(0);
    expect(await page.getByTestId('apply-at-next-stop').count()).toBe(0);
  });
});
