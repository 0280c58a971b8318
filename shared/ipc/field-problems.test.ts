import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RATE_FIELDS } from '../domain/cost';
import { INVOKE_CONTRACT } from './contract';
import { fieldProblems } from './field-problems';

type Channel = 'settings.updateCosts' | 'settings.update' | 'remote.configure' | 'remote.createToken';

/** What a form would show for this request: the contract's own schema refuses it, the helper words it. */
function problems(channel: Channel, payload: unknown) {
  const parsed = INVOKE_CONTRACT[channel].input.safeParse(payload);
  if (parsed.success) return [];
  return fieldProblems(channel, parsed.error.issues);
}

const ZOD_WORDS = /expected|received|too small|too big|invalid input|nan\b|>=|<=/i;

describe('fieldProblems', () => {
  it('words a negative or empty budget as the Costs form names it, with what it takes', () => {
    const want = [
      {
        field: 'monthlyBudgetUsd',
        message: 'Monthly budget: enter an amount from 0 to 1,000,000 (US dollars a month).',
      },
    ];
    expect(problems('settings.updateCosts', { monthlyBudgetUsd: -3 })).toEqual(want);
    // An empty field reaches main as NaN: the same words, not "expected number, received NaN".
    expect(problems('settings.updateCosts', { monthlyBudgetUsd: Number.NaN })).toEqual(want);
  });

  it('names a rate by its row, the port, the arm timeout and a token name', () => {
    const card = { ...Object.fromEntries(RATE_FIELDS.map((f) => [f.key, 0.1])), source: 'x' };
    expect(
      problems('settings.updateCosts', { rateCard: { ...card, medialiveInputPerHour: -1, dataTransferPerGb: 11 } }),
    ).toEqual([
      {
        field: 'rateCard.medialiveInputPerHour',
        message: 'Rate “MediaLive input”: enter an amount from 0 to 100 (US dollars an hour).',
      },
      { field: 'rateCard.dataTransferPerGb', message: expect.stringMatching(/from 0 to 10 \(US dollars a GB\)\.$/) },
    ]);
    expect(problems('remote.configure', { port: 80, lan: false })).toEqual([
      { field: 'port', message: 'Port: enter a whole number from 1024 to 65535.' },
    ]);
    expect(problems('settings.update', { shortcuts: { ...shortcuts(), armTimeoutSeconds: 99 } })).toEqual([
      { field: 'shortcuts.armTimeoutSeconds', message: 'Arm timeout: enter whole seconds from 2 to 30.' },
    ]);
    expect(problems('settings.update', { shortcuts: { ...shortcuts(), destinations: { youtube: '' } } })).toEqual([
      { field: 'shortcuts.destinations.youtube', message: expect.stringMatching(/^Arm key of a destination: /) },
    ]);
    expect(problems('remote.createToken', { name: '  ', role: 'remote-viewer' })).toEqual([
      { field: 'name', message: expect.stringMatching(/^Token name: enter a name of 1 to 60 characters/) },
    ]);
  });

  it('one message per field, none in zod words', () => {
    const found = problems('settings.updateCosts', {
      monthlyBudgetUsd: 'lots',
      safetyGraceMinutes: 1.5,
      rateCard: { source: 'x'.repeat(300) },
    });
    expect(new Set(found.map((p) => p.field)).size).toBe(found.length);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const p of found) expect(p.message).not.toMatch(ZOD_WORDS);
  });

  it('words a field no form named from its path and the issue, still not in zod words', () => {
    const schema = z.strictObject({ maxRetries: z.number().int().min(2), label: z.string().max(5) });
    const parsed = schema.safeParse({ maxRetries: 1, label: 'too long', extra: 1 });
    expect(parsed.success).toBe(false);
    const found = fieldProblems('presets.save', parsed.error!.issues);
    expect(found).toEqual([
      { field: 'maxRetries', message: 'Max retries: enter 2 or more.' },
      { field: 'label', message: 'Label: enter at most 5 characters.' },
      { field: '', message: 'The request: leave out extra: this form does not take it.' },
    ]);
  });

  // The words state bounds; these hold them to the schema, so a changed limit cannot leave the words behind.
  it.each([
    ['settings.updateCosts', 'monthlyBudgetUsd', 0, 1_000_000],
    ['settings.updateCosts', 'safetyGraceMinutes', 0, 720],
    ['remote.configure', 'port', 1024, 65_535],
  ] as const)('%s %s takes %d to %d and nothing beyond', (channel, field, min, max) => {
    const base = channel === 'remote.configure' ? { lan: false } : {};
    const at = (value: number) => problems(channel, { ...base, [field]: value });
    expect(at(min)).toEqual([]);
    expect(at(max)).toEqual([]);
    expect(at(min - 1)).toHaveLength(1);
    expect(at(max + 1)).toHaveLength(1);
  });

  it('the arm timeout and every rate take the bounds their words state', () => {
    const arm = (value: number) =>
      problems('settings.update', { shortcuts: { ...shortcuts(), armTimeoutSeconds: value } });
    expect([arm(2), arm(30)]).toEqual([[], []]);
    expect([arm(1).length, arm(31).length]).toEqual([1, 1]);
    const card = { ...Object.fromEntries(RATE_FIELDS.map((f) => [f.key, 0])), source: 'x' };
    for (const f of RATE_FIELDS) {
      const max = f.unit === '$/h' ? 100 : 10;
      const rate = (value: number) => problems('settings.updateCosts', { rateCard: { ...card, [f.key]: value } });
      expect(rate(max), f.key).toEqual([]);
      expect(rate(max + 0.01), f.key).toEqual([
        expect.objectContaining({ message: expect.stringContaining(`to ${max} `) }),
      ]);
      expect(rate(-0.01), f.key).toHaveLength(1);
    }
  });
});

function shortcuts() {
  return { take: 'Enter', disarm: 'Escape', help: '?', endAll: 'E', destinations: {}, armTimeoutSeconds: 5 };
}
