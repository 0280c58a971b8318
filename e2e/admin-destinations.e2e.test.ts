import { DeleteItemCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DescribeChannelCommand, MediaLiveClient } from '@aws-sdk/client-medialive';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startBooth, type BoothHarness } from './support/harness';

// A freshly deployed stack (an empty destinations table), and what an admin may add to it, in Chromium.
let booth: BoothHarness;
let page: Page;
let dynamo: DynamoDBClient;
let medialive: MediaLiveClient;
const SHOTS = process.env['LUNORA_SHOTS_DIR'];

const channelOf = (id: string) => booth.simulator.topology.destinations.find((d) => d.id === id)!.channelId;
const form = () => page.getByTestId('destination-form');

async function openDestinations() {
  await page.getByTestId('tab-destinations').click();
  await page.waitForSelector('[data-testid="tab-destinations"][aria-selected="true"]');
}

/** Screenshots for a person to look at, at the two sizes the booth's screens have (only when asked for). */
async function shots(name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(SHOTS, `dest-${name}-${size.width}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

async function storedIds(): Promise<string[]> {
  const out = await dynamo.send(new ScanCommand({ TableName: booth.simulator.topology.tables.destinations }));
  return (out.Items ?? []).map((i) => i['id']?.S ?? '').sort();
}

beforeAll(async () => {
  booth = await startBooth({ window: 'admin', viewport: { width: 1600, height: 900 } });
  page = booth.page;
  const sim = booth.simulator;
  const credentials = { accessKeyId: 'sim', secretAccessKey: 'sim' };
  dynamo = new DynamoDBClient({ region: sim.region, endpoint: sim.dynamoEndpoint!, credentials });
  medialive = new MediaLiveClient({ region: sim.region, endpoint: sim.endpoint, credentials });
});

afterEach(async () => {
  await booth.assertNoPageProblems();
});

afterAll(async () => {
  dynamo?.destroy();
  medialive?.destroy();
  await booth?.close();
});

describe('destinations of a freshly deployed stack (web preview, simulation)', () => {
  it('with the table emptied, an admin creates the five destinations from the stack outputs in one confirmed step, and the operator window shows them', async () => {
    const table = booth.simulator.topology.tables.destinations;
    for (const id of await storedIds())
      await dynamo.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: id } } }));
    await booth.core.reloadDestinations();
    const operator = await booth.context.newPage();
    try {
      await operator.goto(booth.preview.operatorUrl);
      await operator.getByText('No destinations are configured').waitFor();

      await page.reload();
      await openDestinations();
      const offer = page.getByTestId('stack-offer');
      await offer.waitFor();
      const entries = offer.getByTestId('stack-offer-entry');
      expect(await entries.count()).toBe(5);
      expect(await offer.textContent()).toContain('The stack has a channel for 5');
      await shots('stack-offer');
      expect(await storedIds()).toEqual([]);

      await page.getByTestId('stack-create').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Existing records are never overwritten');
      await shots('stack-confirm');
      await page.getByTestId('confirm-yes').click();
      await page.locator('[data-testid="destinations-message"]', { hasText: 'Created 5 destination(s)' }).waitFor();
      await eventually(async () => (await page.getByTestId('destination-row').count()) === 5, 'five rows');
      await offer.waitFor({ state: 'detached' });
      // The stack's own list: platform, name and default preset of each destination; the channel from the stack.
      const seeded = booth.simulator.topology.destinations;
      const rowText = await page.locator('[data-destination-id="primary"]').textContent();
      expect(rowText).toContain(seeded.find((d) => d.id === 'primary')!.name);
      expect(rowText).toContain(`${channelOf('primary')}`);
      expect(rowText).toContain('(stack)');
      expect(await storedIds()).toEqual(
        [...seeded.map((d) => d.id), ...seeded.map((d) => `channel#${d.channelId}`)].sort(),
      );

      // The operator window shows them without a restart.
      const names = await eventually(async () => {
        const shown = await operator.getByTestId('tile-name').allTextContents();
        return shown.length === 5 ? shown : null;
      }, 'five tiles');
      expect(names).toEqual(seeded.map((d) => d.name));
    } finally {
      await operator.close();
    }
  });

  it('a second destination on an already used channel is refused with a message naming the other destination; a duplicate name gets its own message', async () => {
    await openDestinations();
    await page.getByTestId('destination-add').click();
    await form().locator('.input[data-field="name"]').fill('Second RTMP');
    await form().getByTestId('destination-platform').selectOption('custom');
    const channel = form().getByTestId('destination-channel');
    await eventually(async () => (await channel.locator('option').count()) > 1, 'the channels read from MediaLive');
    const options = await channel.locator('option').allTextContents();
    const customOption = options.find((o) => o.includes(channelOf('custom')));
    expect(customOption).toMatch(/lunora-custom · \d+ · IDLE · used by Custom RTMP · input .+/);
    await channel.selectOption(channelOf('custom'));
    const before = await medialive.send(new DescribeChannelCommand({ ChannelId: channelOf('custom') }));

    await page.getByTestId('destination-save').click();
    const channelError = form().locator('[data-testid="field-error"][data-field="medialive_channel_id"]');
    await channelError.waitFor();
    expect(await channelError.textContent()).toContain(`Channel ${channelOf('custom')} is already used by Custom RTMP`);
    // The refused field has the focus.
    await eventually(
      () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'destination-channel'),
      'the channel field focused',
    );
    expect(await page.getByTestId('destination-save').isDisabled()).toBe(false);
    expect(await page.getByTestId('destination-conflict').count()).toBe(0);
    await shots('channel-refused');
    expect(await storedIds()).not.toContain('second-rtmp');
    const after = await medialive.send(new DescribeChannelCommand({ ChannelId: channelOf('custom') }));
    expect(after.Destinations).toEqual(before.Destinations);

    // The same name as another destination: said on the name, not as "someone else changed this destination".
    await form().locator('.input[data-field="name"]').fill('twitch');
    await channel.selectOption({ index: 0 });
    await page.getByTestId('destination-save').click();
    const nameError = form().locator('[data-testid="field-error"][data-field="name"]');
    await nameError.waitFor();
    expect(await nameError.textContent()).toContain('A destination named "Twitch" already exists');
    expect(await page.getByTestId('destination-save').isDisabled()).toBe(false);
    expect(await page.getByTestId('destination-conflict').count()).toBe(0);

    // A free name on no channel: added, with the platform the admin picked.
    await form().locator('.input[data-field="name"]').fill('Facebook Live');
    await form().getByTestId('destination-platform').selectOption('facebook');
    await page.getByTestId('destination-save').click();
    await page.locator('[data-testid="destinations-message"]', { hasText: 'Saved Facebook Live' }).waitFor();
    expect(await page.locator('[data-destination-id="facebook-live"]').textContent()).toContain('Facebook');
  });

  it('editing a destination that follows the stack keeps following it', async () => {
    await openDestinations();
    await page.locator('[data-destination-id="linkedin"] [data-testid="destination-edit"]').click();
    const channel = form().getByTestId('destination-channel');
    await eventually(async () => (await channel.locator('option').count()) > 1, 'the channels read from MediaLive');
    expect(await channel.inputValue()).toBe('@stack');
    await shots('edit-from-stack');
    await form().locator('.input[data-field="name"]').fill('LinkedIn Live Events');
    await page.getByTestId('destination-save').click();
    await page.locator('[data-testid="destinations-message"]', { hasText: 'Saved LinkedIn Live Events' }).waitFor();
    const stored = await dynamo.send(new ScanCommand({ TableName: booth.simulator.topology.tables.destinations }));
    const linkedin = stored.Items?.find((i) => i['id']?.S === 'linkedin');
    expect(linkedin?.['name']?.S).toBe('LinkedIn Live Events');
    // No channel of its own: it still follows the stack's ChannelIdLinkedin output.
    expect(linkedin?.['medialive_channel_id']?.S).toBeUndefined();
    expect(await page.locator('[data-destination-id="linkedin"]').textContent()).toContain('(stack)');
  });

  it('when MediaLive answers something that is not AWS, the form says so in words and takes a typed channel id', async () => {
    const fault = booth.simulator.control.addFault({
      service: 'medialive',
      operation: 'ListChannels',
      kind: 'bare-error',
    });
    try {
      await openDestinations();
      await page.getByTestId('destination-add').click();
      const hint = form().locator('.hint', { hasText: 'could not be listed' });
      await hint.waitFor();
      const text = (await hint.textContent()) ?? '';
      expect(text).toContain('AWS (or the endpoint) sent an unexpected answer (HTTP 500)');
      expect(text).not.toMatch(/Unknown|SyntaxError|\$response/);
      expect(await form().locator('input[data-field="medialive_channel_id"]').getAttribute('maxlength')).toBe('256');
      await shots('channels-unreadable');
      await form().getByRole('button', { name: 'Cancel' }).click();
    } finally {
      booth.simulator.control.removeFault(fault.id);
    }
  });
});
