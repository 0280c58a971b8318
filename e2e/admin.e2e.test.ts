import { DescribeChannelCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Preset } from '../shared/domain/preset';
import { invokeChannelsFor } from '../shared/ipc/channels';
import { silentLogger } from '../src-main/core/logger';
import { createPresetStore, type PresetStore } from '../src-main/core/presets/preset-store';
import { eventually, startBooth, type BoothHarness } from './support/harness';

let booth: BoothHarness;
let page: Page;
/** Every WebSocket frame main sent to the admin page, and every frame the page sent, as text. */
const received: string[] = [];
const sent: string[] = [];
let medialive: MediaLiveClient;
let dynamoBase: DynamoDBClient;
let presetStore: PresetStore;

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  // The harness opened the page before we could listen: listen, then reload so the socket is recorded from its first frame.
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) =>
      received.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')),
    );
    ws.on('framesent', (frame) =>
      sent.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')),
    );
  });
  await page.reload();
  await page.waitForSelector('[data-testid="preset-row"]');
  const sim = booth.simulator;
  const credentials = { accessKeyId: 'sim', secretAccessKey: 'sim' };
  medialive = new MediaLiveClient({ region: sim.region, endpoint: sim.endpoint, credentials });
  dynamoBase = new DynamoDBClient({ region: sim.region, endpoint: sim.dynamoEndpoint!, credentials });
  presetStore = createPresetStore(DynamoDBDocumentClient.from(dynamoBase), sim.topology.tables.presets, silentLogger);
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  medialive?.destroy();
  dynamoBase?.destroy();
  await booth?.close();
});

interface Row {
  name: string;
  platform: string;
  type: string;
  resolution: string;
  fps: string;
  video: string;
  audio: string;
  isDefault: string;
}

async function rows(): Promise<Row[]> {
  return page.locator('[data-testid="preset-row"]').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
      const [name = '', platform = '', type = '', resolution = '', fps = '', video = '', audio = '', isDefault = ''] =
        cells;
      return { name, platform, type, resolution, fps, video, audio, isDefault };
    }),
  );
}

describe('admin window (web preview, simulation)', () => {
  it('lists the default presets the core seeded, with their encoding and which is the default', async () => {
    const listed = await rows();
    const byName = new Map(listed.map((r) => [r.name.toLowerCase(), r]));
    const find = (fragment: string) =>
      [...byName.entries()].find(([name]) => name.includes(fragment.toLowerCase()))?.[1];

    // The seeded default presets.
    const youtube1080 = find('YouTube 1080p');
    expect(youtube1080, JSON.stringify(listed)).toBeDefined();
    expect(youtube1080).toMatchObject({ platform: 'YouTube', resolution: '1920x1080', isDefault: 'DEFAULT' });
    expect(youtube1080!.video).toMatch(/^6 Mbps/);

    const twitch = find('Twitch 1080p');
    expect(twitch).toMatchObject({ platform: 'Twitch', fps: '60', audio: '160 kbps', isDefault: 'DEFAULT' });

    const linkedin = find('LinkedIn');
    expect(linkedin).toMatchObject({ platform: 'LinkedIn', resolution: '1280x720', isDefault: 'DEFAULT' });
    expect(linkedin!.video).toMatch(/^2 Mbps/);

    expect(find('720p Mobile')).toMatchObject({ audio: '96 kbps' });
    expect(listed.length).toBeGreaterThanOrEqual(7);
    expect(listed.filter((r) => r.isDefault === 'DEFAULT').length).toBeGreaterThanOrEqual(3);

    // Same status bar conventions as the operator window.
    expect((await page.getByTestId('mode-badge').textContent())?.trim()).toBe('SIMULATION');
    expect(await page.getByTestId('live-count').count()).toBe(0);
    await booth.screenshot('admin.png');
    await booth.screenshot('admin-presets.png');
  });

  it('refuses operator-only channels: the role is bound to the admin token server-side', async () => {
    // The page's own socket carries the admin token; a start request through it must be refused by main.
    const outcome = await page.evaluate(async () => {
      const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/ipc?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const answer = new Promise<string>((resolve) => {
        ws.onmessage = (event) => resolve(String(event.data));
      });
      ws.send(
        JSON.stringify({ type: 'invoke', id: 1, channel: 'channels.start', payload: { destinationId: 'youtube' } }),
      );
      const text = await answer;
      ws.close();
      return JSON.parse(text) as { result: { ok: boolean; code?: string } };
    });
    expect(outcome.result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      booth.simulator.control.channelState(
        booth.simulator.topology.destinations.find((d) => d.id === 'youtube')!.channelId,
      ),
    ).toBe('IDLE');
  });
});

const PRESET_NAME = 'E2E Twitch 720p Night';
const STREAM_KEY = 'live_e2e_SECRET_custom_9f8e7d6c5b4a';
const channelOf = (id: string) => booth.simulator.topology.destinations.find((d) => d.id === id)!.channelId;
const describeChannel = (id: string) => medialive.send(new DescribeChannelCommand({ ChannelId: channelOf(id) }));
const presetForm = () => page.getByTestId('preset-form');
const formField = (name: string) => presetForm().locator(`.input[data-field="${name}"]`);
const activeNamed = async (name: string): Promise<Preset | undefined> =>
  (await presetStore.listActive()).find((p) => p.name === name);

async function openTab(id: 'presets' | 'destinations' | 'apply') {
  await page.getByTestId(`tab-${id}`).click();
  await page.waitForSelector(`[data-testid="tab-${id}"][aria-selected="true"]`);
}

describe('admin window: presets, destinations, applying (web preview, simulation)', () => {
  it('refuses every admin channel to the operator window (main checks the socket role)', async () => {
    const operatorPage = await booth.context.newPage();
    try {
      await operatorPage.goto(booth.preview.operatorUrl);
      // Every channel the contract gives the admin window and not the operator one.
      const operatorMay = new Set<string>(invokeChannelsFor('operator'));
      const channels = invokeChannelsFor('admin').filter((channel) => !operatorMay.has(channel));
      expect(channels).toEqual(expect.arrayContaining(['admin.access', 'presets.apply', 'destinations.setStreamKey']));
      const answers = await operatorPage.evaluate(async (names) => {
        const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
        const ws = new WebSocket(`ws://${location.host}/ipc?token=${encodeURIComponent(token)}`);
        await new Promise((resolve, reject) => {
          ws.onopen = resolve;
          ws.onerror = reject;
        });
        const results = new Map<number, unknown>();
        const allAnswered = new Promise<void>((resolve) => {
          ws.onmessage = (event) => {
            const frame = JSON.parse(String(event.data)) as { type: string; id?: number; result?: unknown };
            if (frame.type === 'result' && frame.id !== undefined) results.set(frame.id, frame.result);
            if (results.size === names.length) resolve();
          };
        });
        names.forEach((channel, id) => ws.send(JSON.stringify({ type: 'invoke', id, channel, payload: {} })));
        // A channel left unanswered shows up below as an undefined result.
        await Promise.race([allAnswered, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        ws.close();
        return names.map((channel, id) => ({ channel, result: results.get(id) }));
      }, channels);
      for (const { channel, result } of answers)
        expect(result, channel).toMatchObject({ ok: false, code: 'forbidden' });
    } finally {
      await operatorPage.close();
    }
  });

  it('a 50 kbps video bitrate is flagged inline and nothing is written; fixed, the preset is saved and offered for destinations', async () => {
    await openTab('presets');
    const before = (await presetStore.listActive()).length;
    await page.getByTestId('preset-new').click();
    await formField('name').fill(PRESET_NAME);
    await formField('platform').selectOption('twitch');
    await formField('type').selectOption('platform_specific');
    await formField('video.resolution').fill('1280x720');
    await formField('video.level').selectOption('H264_LEVEL_3_1');
    await formField('video.profile').selectOption('MAIN');
    await formField('video.bitrate').fill('50');

    // Inline, while typing: the field says what is valid.
    const error = presetForm().locator('[data-testid="field-error"][data-field="video.bitrate"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/at least 100 kbps/);
    expect(await formField('video.bitrate').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('preset-save').click();
    await page.getByTestId('error-count').waitFor();
    await booth.screenshot('admin-preset-invalid.png');
    // A hand-made request with the same draft is refused in main too, field by field.
    const direct = await booth.core.router.invoke(
      'presets.create',
      {
        draft: {
          name: PRESET_NAME,
          platform: 'twitch',
          type: 'platform_specific',
          video: {
            codec: 'H264',
            resolution: '1280x720',
            framerate: 30,
            bitrate: 50_000,
            profile: 'MAIN',
            level: 'H264_LEVEL_3_1',
            gop_size: 60,
            rate_control: 'CBR',
          },
          audio: { codec: 'AAC', bitrate: 128_000, sample_rate: 48_000, channels: 2, coding_mode: 'CODING_MODE_2_0' },
        },
      },
      { role: 'admin' },
    );
    expect(direct).toMatchObject({
      ok: true,
      data: { status: 'invalid', errors: [expect.objectContaining({ field: 'video.bitrate' })] },
    });
    expect((await presetStore.listActive()).length).toBe(before);
    expect(await activeNamed(PRESET_NAME)).toBeUndefined();

    await formField('video.bitrate').fill('4500');
    await eventually(
      async () => (await presetForm().locator('[data-testid="field-error"]').count()) === 0,
      'the inline error to clear',
    );
    await page.getByTestId('preset-save').click();
    await page.locator('[data-testid="presets-message"]', { hasText: `Saved "${PRESET_NAME}"` }).waitFor();
    const stored = await eventually(() => activeNamed(PRESET_NAME), 'the preset in DynamoDB');
    expect(stored).toMatchObject({
      platform: 'twitch',
      version: 1,
      video: { bitrate: 4_500_000, resolution: '1280x720' },
    });
    const row = page.locator(`[data-testid="preset-row"][data-preset-id="${stored.preset_id}"]`);
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('1280x720');

    // Offered in the destinations' preset choice.
    await openTab('destinations');
    await page
      .locator('[data-testid="destination-row"][data-destination-id="twitch"] [data-testid="destination-edit"]')
      .click();
    const options = await page.getByTestId('destination-preset').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith(PRESET_NAME))).toBe(true);
    await booth.screenshot('admin-destinations.png');
    await page.getByTestId('destination-form').getByRole('button', { name: 'Cancel' }).click();
  });

  it('previews the diff and applies the preset to Twitch while IDLE; the simulated channel has the new encoder settings', async () => {
    const preset = (await activeNamed(PRESET_NAME))!;
    await booth.simulator.control.waitForChannelState(channelOf('twitch'), 'IDLE');
    await openTab('apply');
    await page.getByTestId('apply-destination').selectOption('twitch');
    await page.getByTestId('apply-preset').selectOption(preset.preset_id);
    await page.getByTestId('apply-preview').click();
    await page.getByTestId('apply-diff').waitFor();
    expect(await page.getByTestId('apply-channel-state').textContent()).toBe('IDLE');
    const width = page.locator('[data-testid="diff-row"]', { hasText: 'VideoDescriptions[0].Width' });
    expect([
      await width.locator('.from').getAttribute('data-value'),
      await width.locator('.to').getAttribute('data-value'),
    ]).toEqual(['1920', '1280']);
    const bitrate = page.locator('[data-testid="diff-row"]', { hasText: 'H264Settings.Bitrate' });
    expect(await bitrate.locator('.what').textContent()).toBe('Video bitrate');
    expect([await bitrate.locator('.from').textContent(), await bitrate.locator('.to').textContent()]).toEqual([
      '6 Mbps',
      '4.5 Mbps',
    ]);
    // Video first (the size before the rest), then audio, then the outputs: as a preset reads.
    const groups = await page.getByTestId('diff-group').allTextContents();
    expect(groups.filter((g) => g !== 'Other')).toEqual([
      'Video',
      ...(groups.includes('Audio') ? ['Audio'] : []),
      ...(groups.includes('Output') ? ['Output'] : []),
    ]);
    const paths = await page
      .locator('[data-testid="diff-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path') ?? ''));
    expect(paths[0]).toBe('VideoDescriptions[0].Width');
    await booth.screenshot('admin-apply-preview.png');

    await page.getByTestId('apply-go').click();
    await page.locator('[data-testid="apply-result"][data-status="applied"]').waitFor();
    await booth.simulator.control.waitForChannelState(channelOf('twitch'), 'IDLE');
    const channel = await describeChannel('twitch');
    const video = channel.EncoderSettings?.VideoDescriptions?.[0];
    expect(video).toMatchObject({ Width: 1280, Height: 720 });
    expect(video?.CodecSettings?.H264Settings).toMatchObject({
      Bitrate: 4_500_000,
      Profile: 'MAIN',
      Level: 'H264_LEVEL_3_1',
      GopSize: 60,
    });
    await booth.screenshot('admin-apply-done.png');
  });

  it('refuses to apply while the channel is RUNNING, with the reason, and sends no UpdateChannel', async () => {
    const control = booth.simulator.control;
    await page.getByTestId('apply-preset').selectOption('preset_twitch_1080p_60fps');
    await page.getByTestId('apply-preview').click();
    await page.getByTestId('apply-diff').waitFor();
    // Goes on air between the preview and the click.
    control.startChannel(channelOf('twitch'));
    await control.waitForChannelState(channelOf('twitch'), 'RUNNING');
    const updates = control.requests({ operation: 'UpdateChannel' }).length;
    await page.getByTestId('apply-go').click();
    const refused = page.locator('[data-testid="apply-result"][data-status="refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'Twitch is RUNNING; presets can only be applied while the channel is IDLE',
    );
    expect(control.requests({ operation: 'UpdateChannel' }).length).toBe(updates);
    await booth.screenshot('admin-apply-refused.png');
    // Queued for the next stop instead: main applies it once the channel is IDLE again.
    await page.getByTestId('apply-at-next-stop').click();
    expect(await page.getByTestId('apply-queued').textContent()).toContain('as soon as its channel is IDLE again');
    // A fresh preview says so too, and Apply stays off.
    await page.getByTestId('apply-preview').click();
    await page.locator('[data-testid="apply-channel-state"]', { hasText: 'RUNNING' }).waitFor();
    expect(await page.getByTestId('apply-go').isDisabled()).toBe(true);
    control.stopChannel(channelOf('twitch'));
    await control.waitForChannelState(channelOf('twitch'), 'IDLE');
    await eventually(
      async () =>
        (await describeChannel('twitch')).EncoderSettings?.VideoDescriptions?.[0]?.CodecSettings?.H264Settings
          ?.FramerateNumerator === 60,
      'the queued preset applied at the stop',
    );
    await control.waitForChannelState(channelOf('twitch'), 'IDLE');
  });

  it('sets the stream key for Custom: MediaLive has it; no frame to the renderer, no page text, no DOM ever carries it', async () => {
    await openTab('destinations');
    await page
      .locator('[data-testid="destination-row"][data-destination-id="custom"] [data-testid="destination-edit"]')
      .click();
    const form = page.getByTestId('destination-form');
    await form.getByTestId('stream-key-hint').waitFor();
    await form.locator('.input[data-field="url"]').fill('rtmps://ingest.example.com:443/live2');
    await form.getByTestId('stream-key-input').fill(STREAM_KEY);
    expect(await form.getByTestId('stream-key-input').getAttribute('type')).toBe('password');
    await page.getByTestId('destination-save').click();
    const message = page.locator('[data-testid="destinations-message"]', { hasText: 'stream key set' });
    await message.waitFor();
    expect(await message.textContent()).toContain('••••5b4a');

    const channel = await describeChannel('custom');
    expect(channel.Destinations?.[0]?.Settings?.[0]).toMatchObject({
      Url: 'rtmps://ingest.example.com:443/live2',
      StreamName: STREAM_KEY,
    });

    // Reopened: only the hint comes back.
    await page
      .locator('[data-testid="destination-row"][data-destination-id="custom"] [data-testid="destination-edit"]')
      .click();
    await page.locator('[data-testid="stream-key-hint"]', { hasText: '••••5b4a' }).waitFor();
    expect(await page.getByTestId('stream-key-input').inputValue()).toBe('');
    await booth.screenshot('admin-destination-stream-key.png');

    const domText = await page.evaluate(() => {
      const values = [...document.querySelectorAll('input, textarea, select')].map(
        (el) => (el as HTMLInputElement).value,
      );
      return [document.body.innerText, document.documentElement.outerHTML, ...values].join('\n');
    });
    expect(domText).not.toContain(STREAM_KEY);
    expect(await page.content()).not.toContain(STREAM_KEY);
    // The recorder saw the key leave exactly once (renderer -> main), and never come back.
    expect(sent.filter((f) => f.includes(STREAM_KEY))).toHaveLength(1);
    expect(received.length).toBeGreaterThan(10);
    expect(received.filter((f) => f.includes(STREAM_KEY) || f.includes(STREAM_KEY.slice(0, 16)))).toEqual([]);
    await page.getByTestId('destination-form').getByRole('button', { name: 'Cancel' }).click();
  });

  it('a key pasted as part of the URL (…/app/<key>) moves into the hidden key field, is stored as the key and never comes back', async () => {
    const urlKey = 'live_987654321_UrlPastedKeyXyZ';
    await openTab('destinations');
    await page
      .locator('[data-testid="destination-row"][data-destination-id="twitch"] [data-testid="destination-edit"]')
      .click();
    const form = page.getByTestId('destination-form');
    await form.getByTestId('stream-target').filter({ hasText: 'Current' }).waitFor();
    await form.locator('.input[data-field="url"]').fill(`rtmps://live.twitch.tv:443/app/${urlKey}`);
    expect(await form.locator('.input[data-field="url"]').inputValue()).toBe('rtmps://live.twitch.tv:443/app');
    await form.getByTestId('key-moved').waitFor();
    expect(await form.getByTestId('stream-key-input').getAttribute('type')).toBe('password');
    await page.getByTestId('destination-save').click();
    await page.locator('[data-testid="destinations-message"]', { hasText: 'stream key set' }).waitFor();

    const channel = await describeChannel('twitch');
    expect(channel.Destinations?.find((d) => !d.MediaPackageSettings?.length)?.Settings?.[0]).toMatchObject({
      Url: 'rtmps://live.twitch.tv:443/app',
      StreamName: urlKey,
    });
    await page
      .locator('[data-testid="destination-row"][data-destination-id="twitch"] [data-testid="destination-edit"]')
      .click();
    await page.locator('[data-testid="stream-key-hint"]', { hasText: '••••yXyZ' }).waitFor();
    expect(await page.content()).not.toContain(urlKey);
    expect(received.filter((f) => f.includes(urlKey))).toEqual([]);
    await page.getByTestId('destination-form').getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a custom destination (a key without a channel is refused inline), then retires it after confirmation', async () => {
    await openTab('destinations');
    await page.getByTestId('destination-add').click();
    const form = page.getByTestId('destination-form');
    await form.locator('.input[data-field="name"]').fill('Church Feed');
    await form.getByTestId('destination-preset').selectOption({ label: '720p Standard — 720p30 3 Mbps (default)' });
    await form.locator('.input[data-field="url"]').fill('rtmp://church.example.org/live');
    await form.getByTestId('stream-key-input').fill('church-key-123456');
    await page.getByTestId('destination-save').click();
    const channelError = form.locator('[data-testid="field-error"][data-field="medialive_channel_id"]');
    await channelError.waitFor();
    expect(await channelError.textContent()).toContain('choose the channel first');
    await booth.screenshot('admin-destination-add.png');
    expect(
      (
        (await booth.core.router.invoke('destinations.listAll', {}, { role: 'admin' })) as {
          ok: true;
          data: { destinations: Array<{ id: string }> };
        }
      ).data.destinations.map((d) => d.id),
    ).not.toContain('church-feed');

    // Without a stream target it is only a record: saved.
    await form.locator('.input[data-field="url"]').fill('');
    await form.getByTestId('stream-key-input').fill('');
    await page.getByTestId('destination-save').click();
    await page.locator('[data-testid="destinations-message"]', { hasText: 'Saved Church Feed' }).waitFor();
    const row = page.locator('[data-testid="destination-row"][data-destination-id="church-feed"]');
    expect(await row.getByTestId('destination-preset-name').textContent()).toBe('720p Standard');

    await row.getByTestId('destination-retire').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Retire Church Feed?');
    await page.getByTestId('confirm-yes').click();
    await page.locator('[data-testid="destinations-message"]', { hasText: 'Retired Church Feed' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const stored = await booth.core.router.invoke('destinations.listAll', {}, { role: 'admin' });
    expect(JSON.stringify(stored)).toMatch(/"id":"church-feed"[^}]*"is_active":false/);
  });

  it('two admins edit one preset at once: the second is told, shown the newer version, and nothing is overwritten', async () => {
    const preset = (await activeNamed(PRESET_NAME))!;
    const other = await booth.context.newPage();
    try {
      await other.setViewportSize({ width: 1600, height: 900 });
      await other.goto(booth.preview.adminUrl);
      for (const p of [page, other]) {
        await p.getByTestId('tab-presets').click();
        await p
          .locator(`[data-testid="preset-row"][data-preset-id="${preset.preset_id}"] [data-testid="preset-edit"]`)
          .click();
        await p.getByTestId('preset-form').waitFor();
      }
      await other.locator('[data-testid="preset-form"] .input[data-field="name"]').fill(`${PRESET_NAME} (theirs)`);
      await formField('name').fill(`${PRESET_NAME} (mine)`);
      await other.getByTestId('preset-save').click();
      await other.locator('[data-testid="presets-message"]', { hasText: 'version 2' }).waitFor();

      await page.getByTestId('preset-save').click();
      const conflict = page.getByTestId('preset-conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('Someone else changed this preset');
      expect(await page.getByTestId('conflict-current').textContent()).toContain(`${PRESET_NAME} (theirs)`);
      await booth.screenshot('admin-preset-conflict.png');
      expect(await presetStore.get(preset.preset_id)).toMatchObject({ version: 2, name: `${PRESET_NAME} (theirs)` });

      await page.getByTestId('conflict-load').click();
      expect(await formField('name').inputValue()).toBe(`${PRESET_NAME} (theirs)`);
      await presetForm().getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await other.close();
    }
  });

  it('goes read-only with a plain banner when MediaLive answers AccessDenied, and back after a recheck', async () => {
    const control = booth.simulator.control;
    const fault = control.addFault({ service: 'medialive', operation: 'UpdateChannel', kind: 'access-denied' });
    try {
      await openTab('apply');
      await page.getByTestId('apply-destination').selectOption('linkedin');
      await page.getByTestId('apply-preset').selectOption('preset_generic_720p');
      await page.getByTestId('apply-preview').click();
      await page.getByTestId('apply-diff').waitFor();
      await page.getByTestId('apply-go').click();
      const banner = page.getByTestId('readonly-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/READ-ONLY.*cannot make changes.*not allowed to do this/s);
      // Neither the exception's name nor the caller's STS ARN is the headline.
      expect(await banner.textContent()).not.toMatch(/ForbiddenException|arn:aws/);
      expect(await page.getByTestId('apply-go').isDisabled()).toBe(true);
      await openTab('presets');
      expect(await page.getByTestId('preset-new').isDisabled()).toBe(true);
      expect(await page.getByTestId('preset-delete').first().isDisabled()).toBe(true);
      await booth.screenshot('admin-read-only.png');
    } finally {
      control.removeFault(fault.id);
    }
    await page.getByRole('button', { name: 'Try writing again' }).click();
    await page.getByTestId('readonly-banner').waitFor({ state: 'detached' });
    expect(await page.getByTestId('preset-new').isDisabled()).toBe(false);
  });
});
