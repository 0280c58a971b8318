import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_LIST, type PriceListProduct } from '../src-main/simulator/pricing-catalog';
import { eventually, squashedText as text, useOperatorBooth } from './support/harness';

/**
 * The admin refreshes the rate card from the (simulated) AWS Price List: with the documented standard-channel
 * products only, nothing matches the booth's single-pipeline channels and the card stays, said why; with a
 * single-pipeline HD output product (this test's own figure), that rate is read and the card says from where and
 * from when; without access, the card stays and the admin is told which permission is missing. Save stays disabled
 * until something is edited. At both screen sizes, with screenshots.
 */

const operatorBooth = useOperatorBooth();

function withSinglePipelineHd(): PriceListProduct[] {
  const base = DEFAULT_PRICE_LIST.find((p) => p.sku === 'SIMML7Q2HDOUTSTD')!;
  return [
    ...DEFAULT_PRICE_LIST,
    {
      ...base,
      sku: 'E2EHDOUTSINGLE',
      attributes: { ...base.attributes, pipeline: 'Single', usagetype: 'USE1-Single-Output-AVC-HD-Freq30-Standard' },
      onDemand: { ...base.onDemand, usd: '0.3900000000' },
    },
  ];
}

describe.each([
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
])('rate card from the AWS Price List at $width x $height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('reads what it can, marks what it kept, and says where the figures come from', async () => {
    const booth = await operatorBooth.start({ window: 'admin', viewport, priceList: withSinglePipelineHd() });
    const { page } = booth;
    await page.getByTestId('tab-costs').click();
    const panel = page.getByTestId('admin-costs');
    await panel.waitFor();
    const save = panel.getByTestId('admin-costs-save');
    expect(await save.isDisabled()).toBe(true);
    expect(await text(panel.getByTestId('admin-rate-origin'))).toMatch(/^Built-in defaults/);

    await panel.getByTestId('admin-rates-refresh').click();
    const answer = panel.getByTestId('admin-rates-refresh-answer');
    await answer.waitFor();
    expect(await text(answer)).toMatch(
      /^Rates from the AWS Price List for us-east-1, effective 2026-11-01: HD output ≤30 fps \$0\.3900\/h\. Not read, kept as they were: MediaLive input kept at \$0\.1404 \(the Price List has no running HD AVC input below 10 Mbps, single pipeline product in us-east-1\)/,
    );
    await eventually(
      async () => (await panel.getByTestId('admin-rate-medialiveHdOutputPerHour').inputValue()) === '0.39',
      'the read rate shown',
    );
    expect(await text(panel.getByTestId('admin-rate-origin'))).toMatch(
      /^AWS Price List, us-east-1, effective 2026-11-01, published 2026-11-12 \(read at \d\d:\d\d:\d\d\): 1 rate read; 5 kept as they were/,
    );
    expect(await text(panel.getByTestId('admin-rate-mark-medialiveHdOutputPerHour'))).toBe('Price List');
    expect(await text(panel.getByTestId('admin-rate-mark-medialiveInputPerHour'))).toBe('Kept');
    expect(booth.core.settings.get().rateCard.source).toBe('AWS Price List, us-east-1, effective 2026-11-01');
    expect(await save.isDisabled()).toBe(true);
    await booth.screenshot(`price-list-refreshed-${size}.png`);

    // An edit makes the card the admin's: Save is offered, the refresh waits for it.
    await panel.getByTestId('admin-rate-medialiveInputPerHour').fill('0.15');
    expect(await save.isDisabled()).toBe(false);
    expect(await panel.getByTestId('admin-rates-refresh').isDisabled()).toBe(true);
    expect(await text(panel.getByTestId('admin-rate-origin'))).toMatch(/^Edited by admin at /);
    await save.click();
    await eventually(async () => (await text(panel.getByTestId('admin-costs-answer'))).startsWith('Saved at'), 'saved');
    expect(booth.core.settings.get().rateCard.origin.kind).toBe('edited');
    await booth.assertNoPageProblems();
  });

  it('without access to the Price List keeps the card and says why', async () => {
    const booth = await operatorBooth.start({ window: 'admin', viewport });
    const { page, simulator } = booth;
    simulator.control.addFault({ service: 'pricing', kind: 'access-denied' });
    await page.getByTestId('tab-costs').click();
    const panel = page.getByTestId('admin-costs');
    await panel.waitFor();
    await panel.getByTestId('admin-rates-refresh').click();
    const answer = panel.getByTestId('admin-rates-refresh-answer');
    await answer.waitFor();
    expect(await text(answer)).toBe(
      'These credentials may not read the AWS Price List (the pricing:GetProducts permission is missing). The rate card is unchanged: edit it here.',
    );
    expect(await text(panel.getByTestId('admin-rate-origin'))).toMatch(/^Built-in defaults/);
    expect(booth.core.settings.get().rateCard.origin.kind).toBe('default');
    await booth.screenshot(`price-list-denied-${size}.png`);
    await booth.assertNoPageProblems();
  });
});
