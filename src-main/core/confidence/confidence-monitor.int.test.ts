import { afterEach, describe, expect, it } from 'vitest';
import { startConfidenceRig, type ConfidenceRig } from './test-support/confidence-rig';

let rig: ConfidenceRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const channelOf = (r: ConfidenceRig, id: string) =>
  r.sim.topology.destinations.find((d) => d.id === id)?.channelId ?? '';
const thumbnailCalls = (r: ConfidenceRig) => r.sim.control.requests({ operation: 'DescribeThumbnails' }).length;
const allCalls = (r: ConfidenceRig) =>
  r.sim.control
    .requests()
    .filter((q) => ['DescribeThumbnails', 'DescribeFlowSourceThumbnail', 'GetMetricData'].includes(q.operation)).length;

describe('ConfidenceMonitor against the simulator', () => {
  it('fetches only what is shown and running, one request a picture, and nothing while hidden', async () => {
    rig = await startConfidenceRig();
    await rig.startChannels(['youtube', 'twitch']);
    rig.monitor.start();
    rig.monitor.watch('operator', { visible: true, destinationIds: ['youtube', 'linkedin'], source: false });
    await rig.clock.advance(60_000);
    // youtube runs and is shown; twitch runs but is not shown; linkedin is shown but idle.
    expect(rig.shown.get('youtube')?.status).toBe('ok');
    expect(rig.shown.get('youtube')?.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(rig.shown.has('twitch')).toBe(false);
    expect(rig.shown.has('linkedin')).toBe(false);
    const perMinute = thumbnailCalls(rig);
    // One picture every 2 s: about 30 requests a minute, not a retry storm.
    expect(perMinute).toBeGreaterThanOrEqual(28);
    expect(perMinute).toBeLessThanOrEqual(36);
    rig.monitor.watch('operator', { visible: false, destinationIds: ['youtube', 'linkedin'], source: true });
    await rig.clock.advance(1_000);
    rig.sim.control.clearRequests();
    await rig.clock.advance(60_000);
    expect(allCalls(rig)).toBe(0);
  });

  it('keeps the picture young: its age on screen stays under 3 s', async () => {
    rig = await startConfidenceRig();
    await rig.startChannels(['youtube']);
    rig.monitor.start();
    rig.monitor.watch('operator', { visible: true, destinationIds: ['youtube'], source: false });
    await rig.clock.advance(10_000);
    const ages: number[] = [];
    for (let i = 0; i < 200; i++) {
      await rig.clock.advance(137);
      const t = rig.shown.get('youtube');
      if (t?.capturedAt) ages.push(rig.clock.now() - t.capturedAt);
    }
    ages.sort((a, b) => a - b);
    expect(ages[Math.floor(ages.length * 0.95)]).toBeLessThan(3_000);
  });

  it('says why there is no picture: disabled, corrupt, throttled (backing off), kept last picture by its age', async () => {
    rig = await startConfidenceRig();
    const yt = channelOf(rig, 'youtube');
    rig.sim.control.confidence.setChannelThumbnails(channelOf(rig, 'twitch'), false);
    await rig.clock.advance(2_000);
    await rig.startChannels(['youtube', 'twitch']);
    rig.monitor.start();
    rig.monitor.watch('operator', { visible: true, destinationIds: ['youtube', 'twitch'], source: false });
    await rig.clock.advance(5_000);
    expect(rig.shown.get('twitch')).toMatchObject({ status: 'disabled', dataUrl: null });
    const good = rig.shown.get('youtube');
    expect(good?.status).toBe('ok');
    rig.sim.control.confidence.setThumbnailFault(yt, 'corrupt');
    await rig.clock.advance(3_000);
    expect(rig.shown.get('youtube')).toMatchObject({ status: 'corrupt', dataUrl: good?.dataUrl });
    rig.sim.control.confidence.setThumbnailFault(yt, 'oversize');
    await rig.clock.advance(3_000);
    expect(rig.shown.get('youtube')?.status).toBe('oversize');
    rig.sim.control.confidence.setThumbnailFault(yt, null);
    rig.sim.control.addFault({ service: 'medialive', operation: 'DescribeThumbnails', kind: 'throttle' });
    await rig.clock.advance(5_000);
    rig.sim.control.clearRequests();
    await rig.clock.advance(60_000);
    expect(rig.shown.get('youtube')?.status).toBe('throttled');
    // Backing off to 16 s between requests: a handful a minute per channel, not 30.
    expect(thumbnailCalls(rig)).toBeLessThanOrEqual(12);
    rig.sim.control.clearFaults();
    await rig.clock.advance(20_000);
    expect(rig.shown.get('youtube')?.status).toBe('ok');
  });

  it('drops a channel that stops, even with its request under way, and reads the figures of those shown', async () => {
    let stopOnNextThumbnail = false;
    const watch = { visible: true, destinationIds: ['youtube'], source: true };
    rig = await startConfidenceRig({
      onRequest: (command) => {
        if (command !== 'DescribeThumbnailsCommand' || !stopOnNextThumbnail || !rig) return;
        // The channel stops while its thumbnail request is under way (the watch makes the monitor look at once).
        stopOnNextThumbnail = false;
        rig.sim.control.stopChannel(channelOf(rig, 'youtube'));
        rig.monitor.watch('operator', watch);
      },
    });
    await rig.startChannels(['youtube']);
    rig.monitor.start();
    rig.monitor.watch('operator', watch);
    await rig.clock.advance(15_000);
    const health = rig.monitor.snapshot().destinations.find((d) => d.id === 'youtube')?.health;
    expect(health?.status).toBe('ok');
    expect(health?.networkOutMbps).toBeGreaterThan(1);
    expect(health?.audioDbfs).toBeLessThan(0);
    expect(rig.monitor.snapshot().source?.status).toBe('ok');
    stopOnNextThumbnail = true;
    await rig.clock.advance(10_000);
    expect(stopOnNextThumbnail).toBe(false);
    expect(rig.shown.get('youtube')).toBeNull();
    expect(rig.monitor.snapshot().destinations).toEqual([]);
  });
});
