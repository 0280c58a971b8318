import { openConsole } from './console-session';
import { paintedAfter } from './page-timing';
import { percentile, report, sleep } from './stats';

const cardGrade = (role: string, grade: string) =>
  `[data-testid="source-card"][data-role="${role}"][data-grade="${grade}"]`;

/**
 * Source loss to screen: `loseSource('main')` in the simulator to the main card showing LOST, painted, in the page
 * (wall clock in both), with the PRODUCTION flow monitor options and simulator timings (no overrides): the figure
 * includes the poll cadence, CloudWatch's period, the grading thresholds and the renderer. Between samples the
 * source is restored and the card waits for healthy again.
 */
export async function benchSourceLossToScreen(samples = 30): Promise<void> {
  const session = await openConsole();
  const { page, simulator } = session;
  try {
    const control = simulator.control;
    await page.waitForSelector(cardGrade('main', 'healthy'), { timeout: 120_000 });
    const latencies: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      // Random phase against the poll cycle, as a real loss would have.
      await sleep(Math.random() * 5_000);
      let lostAt = 0;
      const painted = await paintedAfter(
        page,
        cardGrade('main', 'lost'),
        () => {
          lostAt = Date.now();
          control.loseSource('main');
        },
        120_000,
      );
      latencies.push(painted.paintedEpoch - lostAt);
      control.restoreSource('main');
      await page.waitForSelector(cardGrade('main', 'healthy'), { timeout: 120_000 });
    }
    report('source_loss_to_screen_p50', percentile(latencies, 50), 'ms');
    report('source_loss_to_screen_p95', percentile(latencies, 95), 'ms');
    report('source_loss_to_screen_samples', latencies.length, 'samples');
  } finally {
    await session.close();
  }
}
