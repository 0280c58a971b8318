import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBooth, type BoothHarness } from './support/harness';

let booth: BoothHarness;
let page: Page;

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: { width: 1400, height: 800 } });
  page = booth.page;
  await page.waitForSelector('[data-testid="preset-row"]');
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
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
      const [name = '', platform = '', type = '', resolution = '', fps = '', video = '', audio = '', isDefault = ''] = cells;
      return { name, platform, type, resolution, fps, video, audio, isDefault };
    }),
  );
}

describe('admin window (web preview, simulation)', () => {
  it('lists the default presets the core seeded, with their encoding and which is the default', async () => {
    const listed = await rows();
    const byName = new Map(listed.map((r) => [r.name.toLowerCase(), r]));
    const find = (fragment: string) => [...byName.entries()].find(([name]) => name.includes(fragment.toLowerCase()))?.[1];

    // The plan's defaults (PRODUCT.md section 5).
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
      ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'channels.start', payload: { destinationId: 'youtube' } }));
      const text = await answer;
      ws.close();
      return JSON.parse(text) as { result: { ok: boolean; code?: string } };
    });
    expect(outcome.result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(booth.simulator.control.channelState(booth.simulator.topology.destinations.find((d) => d.id === 'youtube')!.channelId)).toBe('IDLE');
  });
});
