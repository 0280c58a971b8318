import { describe, expect, it } from 'vitest';
import { clockField, type ShowPlan } from '../shared/domain/show-plan';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * The planned show with its destinations: YouTube warm (its channel has a slate), Twitch cold, LinkedIn out of the
 * show (no slate: warm cannot be chosen). The plan starts within the lead time, so the console offers standby for
 * YouTube at once: a banner with the cost per hour, the standby confirmation on "Standby…", and nothing sent to AWS
 * before the operator confirms; then YouTube goes to STANDBY and the offer is gone. Nothing goes on air by itself.
 * At both screen sizes, with screenshots of the plan, the offer and the confirmation.
 */

const operatorBooth = useOperatorBooth();

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('show standby at $width x $height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('plans destinations with their take, offers standby at the lead time, and sends it only when confirmed', async () => {
    const booth = await operatorBooth.start({
      viewport,
      slateDestinations: ['youtube'],
      warm: { readEveryMs: 250, switchReadEveryMs: 50 },
    });
    const { page, simulator } = booth;
    const youtube = operatorBooth.tile('youtube');
    await eventually(async () => (await youtube.getAttribute('data-warm')) !== null, 'YouTube warm read');
    const starts = () => simulator.control.requests({ operation: 'StartChannel' });

    await page.getByTestId('session-duration').click();
    const plan = page.getByTestId('show-plan');
    await plan.waitFor();
    const now = Date.now();
    await plan.getByTestId('show-plan-start').fill(clockField(now + 10 * 60_000));
    await plan.getByTestId('show-plan-end').fill(clockField(now + 70 * 60_000));
    const row = (id: string) => plan.locator(`[data-testid="show-plan-destination"][data-destination-id="${id}"]`);
    await row('youtube').getByTestId('show-plan-include').check();
    await row('youtube').getByTestId('show-plan-take-warm').check();
    await row('twitch').getByTestId('show-plan-include').check();
    await row('linkedin').getByTestId('show-plan-include').check();
    // LinkedIn's channel has no slate: warm cannot be chosen for it.
    expect(await row('linkedin').getByTestId('show-plan-take-warm').isDisabled()).toBe(true);
    await row('linkedin').getByTestId('show-plan-include').uncheck();
    expect(await text(plan.getByTestId('show-plan-preview'))).toMatch(
      /Destinations: YouTube Live \(warm\), Twitch \(cold\)\. Standby for the 1 warm one is offered at the lead time\.$/,
    );
    await booth.screenshot(`show-standby-plan-${size}.png`);
    await plan.getByTestId('show-plan-save').click();
    await eventually(async () => (await text(plan.getByTestId('show-plan-answer'))).startsWith('Saved.'), 'saved');
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });
    expect((booth.storedSettings() as { showPlan: ShowPlan | null }).showPlan?.destinations).toEqual([
      { id: 'youtube', take: 'warm' },
      { id: 'twitch', take: 'cold' },
    ]);

    // Within the lead time: the offer, with the cost per hour; nothing was sent.
    const offer = page.getByTestId('show-standby-offer');
    await offer.waitFor();
    expect(await text(offer)).toMatch(
      /^SHOW \d\d:\d\d Standby offered for YouTube Live: \$\d+\.\d\d\/h together from the moment it starts\. Nothing goes on air before each take\./,
    );
    expect(starts()).toEqual([]);
    await booth.screenshot(`show-standby-offer-${size}.png`);

    await offer.getByTestId('show-standby-open').click();
    const dialog = page.getByTestId('warm-dialog');
    await dialog.waitFor();
    expect(await text(dialog.getByTestId('warm-body'))).toMatch(
      /^Each channel starts now on its slate and bills until it is stopped: \$\d+\.\d\d\/h together\./,
    );
    expect(await text(dialog.getByTestId('warm-targets'))).toMatch(/^YouTube Live/);
    await booth.screenshot(`show-standby-confirm-${size}.png`);
    expect(starts()).toEqual([]);
    const confirm = dialog.getByTestId('warm-confirm');
    await eventually(async () => confirm.isEnabled(), 'the confirm button to settle');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });

    await eventually(async () => (await youtube.getAttribute('data-warm')) === 'STANDBY', 'YouTube in STANDBY', 15_000);
    expect(starts().map((r) => r.params['channelId'])).toEqual([
      simulator.topology.destinations.find((d) => d.id === 'youtube')!.channelId,
    ]);
    await offer.waitFor({ state: 'detached' });
    // Standby is not on air: YouTube waits on its slate and Twitch stays idle, each until its take.
    expect(await youtube.getAttribute('data-warm')).toBe('STANDBY');
    expect(await operatorBooth.tile('twitch').getAttribute('data-state')).toBe('IDLE');
    await booth.screenshot(`show-standby-done-${size}.png`);
    await booth.assertNoPageProblems();
  });
});

describe('show standby refused by AWS', () => {
  it('says in the confirmation which destination failed and why, and the offer stays', async () => {
    const booth = await operatorBooth.start({
      viewport: { width: 1366, height: 768 },
      slateDestinations: ['youtube'],
      warm: { readEveryMs: 250, switchReadEveryMs: 50 },
    });
    const { page, simulator } = booth;
    await eventually(
      async () => (await operatorBooth.tile('youtube').getAttribute('data-warm')) !== null,
      'YouTube warm read',
    );
    const now = Date.now();
    const set = await booth.core.router.invoke(
      'show.setPlan',
      { startsAt: now + 5 * 60_000, endsAt: now + 65 * 60_000, destinations: [{ id: 'youtube', take: 'warm' }] },
      { role: 'operator' },
    );
    expect(set.ok).toBe(true);
    simulator.control.addFault({ service: 'medialive', operation: 'StartChannel', kind: 'access-denied' });
    const offer = page.getByTestId('show-standby-offer');
    await offer.waitFor();
    await offer.getByTestId('show-standby-open').click();
    const dialog = page.getByTestId('warm-dialog');
    const confirm = dialog.getByTestId('warm-confirm');
    await eventually(async () => confirm.isEnabled(), 'the confirm button to settle');
    await confirm.click();
    const error = dialog.getByTestId('warm-error');
    await error.waitFor();
    expect(await text(error)).toMatch(/^YouTube Live: standby failed \(.*not allowed/);
    await booth.screenshot('show-standby-refused-1366x768.png');
    await dialog.getByTestId('warm-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing went into standby: the offer is still there to try again.
    expect(await offer.isVisible()).toBe(true);
    await booth.assertNoPageProblems();
  });
});
