import type { z } from 'zod';
import { RATE_FIELDS } from '../domain/cost';
import { SAFETY_GRACE_MAX_MINUTES } from '../domain/safety-stop';

/** A field a request got wrong, in the words of the form that sent it. */
export interface FieldProblem {
  /** The field's path in the request, dot-joined: "monthlyBudgetUsd", "rateCard.source", "shortcuts.take". */
  field: string;
  /** The field by its name on the form and what it takes: "Monthly budget: enter an amount from 0 to …". */
  message: string;
}

/** How a form names a field and says what it takes, whatever was wrong with what was typed. */
interface FieldWords {
  label: string;
  allowed: string;
}

const RATE_UNIT_WORDS: Record<(typeof RATE_FIELDS)[number]['unit'], string> = {
  '$/h': 'US dollars an hour',
  '$/GB': 'US dollars a GB',
  '$/1k metrics': 'US dollars per 1,000 metrics',
};

/** The rate card's bounds (cost.ts): 0 to 100 an hour, 0 to 10 a GB or per 1,000 metrics. */
const RATE_WORDS: Record<string, FieldWords> = Object.fromEntries(
  RATE_FIELDS.map((f) => [
    `rateCard.${f.key}`,
    {
      label: `Rate “${f.label}”`,
      allowed: `enter an amount from 0 to ${f.unit === '$/h' ? 100 : 10} (${RATE_UNIT_WORDS[f.unit]})`,
    },
  ]),
);

const KEY_ALLOWED = 'press a key to use (a key name of 1 to 20 characters)';

const COST_WORDS: Record<string, FieldWords> = {
  monthlyBudgetUsd: { label: 'Monthly budget', allowed: 'enter an amount from 0 to 1,000,000 (US dollars a month)' },
  ...RATE_WORDS,
  'rateCard.source': { label: 'Source of these rates', allowed: 'enter at most 200 characters' },
  safetyGraceMinutes: {
    label: 'Grace after the planned end',
    allowed: `enter whole minutes from 0 to ${SAFETY_GRACE_MAX_MINUTES} (0 stops the channel at the planned end)`,
  },
};

/**
 * The forms' fields by request and path ("*" stands for any one segment, a destination's id say). A path not here
 * still gets words: its last name and what the issue says is allowed (see fallbackWords), never zod's own sentence.
 */
const FORM_FIELDS: Record<string, Record<string, FieldWords>> = {
  'settings.updateCosts': COST_WORDS,
  'settings.update': {
    'shortcuts.take': { label: 'Take key', allowed: KEY_ALLOWED },
    'shortcuts.disarm': { label: 'Disarm key', allowed: KEY_ALLOWED },
    'shortcuts.help': { label: 'Help key', allowed: KEY_ALLOWED },
    'shortcuts.endAll': { label: 'End all live key', allowed: KEY_ALLOWED },
    'shortcuts.destinations.*': { label: 'Arm key of a destination', allowed: KEY_ALLOWED },
    'shortcuts.armTimeoutSeconds': { label: 'Arm timeout', allowed: 'enter whole seconds from 2 to 30' },
    'globalShortcuts.enabled': { label: 'Global shortcuts', allowed: 'tick or untick the box' },
    'globalShortcuts.modifier': { label: 'Global shortcuts modifier', allowed: 'choose one of the listed modifiers' },
    alarmSound: { label: 'Alarm sound', allowed: 'tick or untick the box' },
  },
  'remote.configure': {
    port: { label: 'Port', allowed: 'enter a whole number from 1024 to 65535' },
    lan: { label: 'Open to the LAN', allowed: 'tick or untick the box' },
  },
  'remote.createToken': {
    name: { label: 'Token name', allowed: 'enter a name of 1 to 60 characters (Stream Deck booth left, say)' },
    role: { label: 'Token role', allowed: 'choose one of the listed roles' },
  },
};

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

function wordsFor(channel: string, path: string): FieldWords | null {
  const fields = FORM_FIELDS[channel];
  if (!fields) return null;
  const exact = fields[path];
  if (exact) return exact;
  const segments = path.split('.');
  for (const [pattern, words] of Object.entries(fields)) {
    const parts = pattern.split('.');
    if (parts.length === segments.length && parts.every((p, i) => p === '*' || p === segments[i])) return words;
  }
  return null;
}

const amount = (n: number | bigint) => Number(n).toLocaleString('en-US');

/** "armTimeoutSeconds" -> "Arm timeout seconds": the field's last name, when no form named it. */
function labelOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  if (last === undefined) return 'The request';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fallbackAllowed(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A z.never() with its own words (a field set in the other window, say) already says why, in words.
      if (issue.expected === 'never') return issue.message;
      if (issue.expected === 'number' || issue.expected === 'int') return 'enter a number';
      if (issue.expected === 'string') return 'enter text';
      if (issue.expected === 'boolean') return 'tick or untick the box';
      return 'fill it in';
    case 'too_small':
      if (issue.origin === 'string') return `enter at least ${amount(issue.minimum)} characters`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false
          ? `enter more than ${amount(issue.minimum)}`
          : `enter ${amount(issue.minimum)} or more`;
      return `give at least ${amount(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `enter at most ${amount(issue.maximum)} characters`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false
          ? `enter less than ${amount(issue.maximum)}`
          : `enter ${amount(issue.maximum)} or less`;
      return `give at most ${amount(issue.maximum)}`;
    case 'invalid_value':
      return `choose one of ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `enter a multiple of ${amount(issue.divisor)}`;
    case 'unrecognized_keys':
      return `leave out ${issue.keys.join(', ')}: this form does not take ${issue.keys.length > 1 ? 'them' : 'it'}`;
    default:
      return 'enter a value this field takes';
  }
}

/**
 * Zod's issues for a refused request, as what a form shows: one message per field, naming the field as the form
 * does and what it takes ("Monthly budget: enter an amount from 0 to 1,000,000 (US dollars a month)."), never
 * zod's sentence ("Too small: expected number to be >=0") or the request's channel.
 */
export function fieldProblems(channel: string, issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const field = pathOf(issue.path);
    if (seen.has(field)) continue;
    const words = wordsFor(channel, field);
    const label = words?.label ?? labelOf(issue.path);
    const allowed = words?.allowed ?? fallbackAllowed(issue);
    seen.set(field, { field, message: `${label}: ${allowed.replace(/\.$/, '')}.` });
  }
  return [...seen.values()];
}
