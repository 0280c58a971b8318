import { describe, expect, it } from 'vitest';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * The cost view: the session's split as AWS bills it (channels, flow hours, flow data, idle, monitoring); the rate
 * card is in the admin window (show-timing.e2e.test.ts), not the operator's settings. At both screen sizes.
 */

const SHOTS = process.env['LUNORA_SHOTS_DIR'];

const operatorBooth = useOperatorBooth();

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('costs at $width x $height', (viewport) => {
  it('opens the split from the cost box; the operator settings hold no rate card', async () => {
    const booth = await operatorBooth.start({ viewport });
    const { page } = booth;
    const box = page.getByTestId('session-cost');
    await eventually(async () => await box.isEnabled(), 'the first cost snapshot');
    expect(await box.getAttribute('title')).toMatch(/flow hours \$[\d.]+, flow data \$[\d.]+, idle \$[\d.]+/);
    await box.click();
    const view = page.getByTestId('cost-breakdown');
    await view.waitFor();
    const labels = await view.locator('tbody th').allTextContents();
    expect(labels).toEqual(['Channels', 'Flow hours', 'Flow data', 'Idle', 'Monitoring']);
    // The simulated flow is ACTIVE and feeds the five channels' inputs though none of them runs.
    await eventually(
      async () =>
        /to 5 channel inputs, running or not \(.*\d+\.\d Mbps/.test(await text(view.getByTestId('cost-flowDataUsd'))),
      'the flow data line',
    );
    await eventually(
      async () =>
        /[1-9][\d,]* metrics read with CloudWatch GetMetricData/.test(
          await text(view.getByTestId('cost-monitoringUsd')),
        ),
      'the monitoring line',
    );
    const shot = `cost-breakdown-${viewport.width}x${viewport.height}.png`;
    await booth.screenshot(shot);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${shot}` });
    await view.getByRole('button', { name: 'Close the cost details' }).click();
    await view.waitFor({ state: 'detached' });

    // The rate card is the admin window's (Costs tab): the operator's settings no longer hold it.
    await page.getByTestId('open-settings').click();
    const panel = page.getByTestId('settings-panel');
    await panel.waitFor();
    expect(await panel.locator('[data-testid^="settings-rate"], [data-testid="settings-budget"]').count()).toBe(0);
    await booth.assertNoPageProblems();
  });
});
