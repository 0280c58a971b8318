/**
 * cfn-lint (the CloudFormation linter, Python) on every template: no errors, no warnings.
 * Never skipped: without cfn-lint this FAILS and says how to install it (CI installs it with pip).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CFN_DIR } from './generate';

/** Every template in cloudformation/ (the destinations list is data, not a template). */
const templates = readdirSync(CFN_DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'destinations.yaml')
  .sort();

describe('cfn-lint', () => {
  it('finds the seven templates', () => {
    expect(templates).toEqual([
      'access.yaml',
      'alarms.yaml',
      'booth.yaml',
      'channels.yaml',
      'data.yaml',
      'events.yaml',
      'flow.yaml',
    ]);
  });

  it('passes every template with no errors and no warnings', { timeout: 180_000 }, () => {
    const run = spawnSync('cfn-lint', ['--format', 'parseable', ...templates.map((f) => join(CFN_DIR, f))], {
      encoding: 'utf8',
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'cfn-lint is not installed or not on PATH. Install it with: pip install cfn-lint (CI does this when it is missing).',
      );
    }
    if (run.error) throw run.error;
    // cfn-lint exits 0 only when it reports nothing (errors 2, warnings 4, informational 8, bit-or'ed).
    expect(`${run.stdout}${run.stderr}`.trim(), 'cfn-lint findings').toBe('');
    expect(run.status).toBe(0);
  });
});
