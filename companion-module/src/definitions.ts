import {
  combineRgb,
  type CompanionActionDefinitions,
  type CompanionButtonPresetDefinition,
  type CompanionFeedbackDefinitions,
  type CompanionInputFieldDropdown,
  type CompanionPresetDefinitions,
  type CompanionVariableDefinition,
} from '@companion-module/base';
import type { ActOutcome, BoothActs } from './booth-acts.js';
import type { BoothState } from './booth-state.js';
import { DESTINATION_FIELDS, tally, TOTAL_VARIABLES, variableId, type TallyKind } from './tally.js';

const WHITE = combineRgb(255, 255, 255);
const BLACK = combineRgb(0, 0, 0);
const IDLE_BG = combineRgb(25, 25, 25);

/** Tally colours, the console's own: on air red, armed amber, standby green, alarm magenta, unconfirmed yellow text. */
const TALLY_STYLES: Record<TallyKind, { name: string; style: { bgcolor?: number; color?: number } }> = {
  standby: { name: 'Standby (on the slate)', style: { bgcolor: combineRgb(0, 110, 50), color: WHITE } },
  on_air: { name: 'On air', style: { bgcolor: combineRgb(200, 0, 0), color: WHITE } },
  armed: { name: 'Armed (waits for TAKE)', style: { bgcolor: combineRgb(255, 170, 0), color: BLACK } },
  // Unconfirmed keeps the last confirmed colour and changes the text only: the tally never shows a guess as fact.
  unconfirmed: { name: 'Unconfirmed (last confirmed state shown)', style: { color: combineRgb(255, 230, 0) } },
  alarm: { name: 'Alarm (unplanned change or failed act)', style: { bgcolor: combineRgb(170, 0, 170), color: WHITE } },
};
/** The order a key's feedbacks are stacked in: a later one's style wins. */
const TALLY_ORDER: TallyKind[] = ['standby', 'on_air', 'armed', 'alarm', 'unconfirmed'];

export interface DefinitionContext {
  state: BoothState;
  acts: BoothActs;
  now(): number;
  /** Companion's log, and an act's failure thrown so Companion marks the press as failed. */
  report(outcome: ActOutcome): void;
}

function destinationOption(state: BoothState): CompanionInputFieldDropdown {
  const choices = [...state.destinations.values()].map((d) => ({ id: d.id, label: d.name }));
  return {
    type: 'dropdown',
    id: 'destination',
    label: 'Destination',
    choices,
    default: choices[0]?.id ?? '',
    allowCustom: true,
  };
}

const destinationOf = (options: Record<string, unknown>) =>
  typeof options['destination'] === 'string' ? options['destination'] : '';

export function actionDefinitions(ctx: DefinitionContext): CompanionActionDefinitions {
  const { acts } = ctx;
  const run = (act: () => Promise<ActOutcome>) => async () => ctx.report(await act());
  const target = {
    type: 'dropdown' as const,
    id: 'target',
    label: 'Source',
    choices: [
      { id: 'backup', label: 'Backup' },
      { id: 'main', label: 'Main' },
    ],
    default: 'backup',
  };
  return {
    arm: {
      name: 'Arm a destination (go live at TAKE)',
      options: [destinationOption(ctx.state)],
      callback: async ({ options }) => ctx.report(await acts.arm(destinationOf(options))),
    },
    take: { name: 'Take (what is armed: a go-live or a backup switch)', options: [], callback: run(() => acts.take()) },
    disarm: { name: 'Disarm', options: [], callback: run(() => acts.disarm()) },
    standby: {
      name: 'Standby (warm: start on the slate)',
      options: [destinationOption(ctx.state)],
      callback: async ({ options }) => ctx.report(await acts.standby(destinationOf(options))),
    },
    back_to_slate: {
      name: 'Back to slate (warm: off air, keeps running)',
      options: [destinationOption(ctx.state)],
      callback: async ({ options }) => ctx.report(await acts.backToSlate(destinationOf(options))),
    },
    arm_switch: {
      name: 'Arm the backup switch (switch at TAKE)',
      options: [target],
      callback: async ({ options }) =>
        ctx.report(await acts.armSwitch(options['target'] === 'main' ? 'main' : 'backup')),
    },
    test_backup: { name: 'Test the backup source', options: [], callback: run(() => acts.testBackup()) },
    end_all: {
      name: 'End all (press twice: the second press within 10 s ends the show)',
      options: [],
      callback: run(() => acts.endAll()),
    },
  };
}

export function feedbackDefinitions(ctx: DefinitionContext): CompanionFeedbackDefinitions {
  const feedbacks: CompanionFeedbackDefinitions = {};
  for (const kind of TALLY_ORDER) {
    feedbacks[kind] = {
      type: 'boolean',
      name: `Tally: ${TALLY_STYLES[kind].name}`,
      defaultStyle: TALLY_STYLES[kind].style,
      options: [destinationOption(ctx.state)],
      callback: ({ options }) => tally(ctx.state, destinationOf(options), kind, ctx.now()),
    };
  }
  feedbacks['switch_armed'] = {
    type: 'boolean',
    name: 'Backup switch armed',
    defaultStyle: TALLY_STYLES.armed.style,
    options: [],
    callback: () => ctx.state.armedNow(ctx.now()).switchArmed !== null,
  };
  feedbacks['end_all_pending'] = {
    type: 'boolean',
    name: 'End all waits for its second press',
    defaultStyle: { bgcolor: TALLY_STYLES.armed.style.bgcolor!, color: BLACK, text: 'CONFIRM\nEND ALL' },
    options: [],
    callback: () => ctx.acts.endAllPendingUntil !== null,
  };
  return feedbacks;
}

export function variableDefinitions(state: BoothState): CompanionVariableDefinition[] {
  const perDestination = [...state.destinations.values()].flatMap((d) =>
    DESTINATION_FIELDS.map(([field, words]) => ({ variableId: variableId(d.id, field), name: `${d.name}: ${words}` })),
  );
  return [...TOTAL_VARIABLES.map(([variableId, name]) => ({ variableId, name })), ...perDestination];
}

type Step = { actionId: string; options: Record<string, string> };

function key(name: string, text: string, down: Step[], feedbacks: CompanionButtonPresetDefinition['feedbacks'] = []) {
  return {
    type: 'button' as const,
    category: '15-key page',
    name,
    style: { text, size: 'auto' as const, color: WHITE, bgcolor: IDLE_BG },
    feedbacks,
    steps: [{ down, up: [] }],
  };
}

const tallyFeedbacks = (destination: string) =>
  TALLY_ORDER.map((kind) => ({ feedbackId: kind, options: { destination }, style: TALLY_STYLES[kind].style }));

/**
 * The 15-key page (5 × 3): the first five destinations (arm, with their tally), then TAKE, DISARM, the backup
 * switch and test, END ALL, then standby and back to slate of the first destination, and three status keys.
 * `label` is the Companion instance's label, which prefixes the variables.
 */
export function presetDefinitions(state: BoothState, label: string): CompanionPresetDefinitions {
  const v = (name: string) => `$(${label}:${name})`;
  const destinations = [...state.destinations.values()];
  const presets: CompanionPresetDefinitions = {};
  const page: ReturnType<typeof key>[] = [];
  for (let i = 0; i < 5; i += 1) {
    const d = destinations[i];
    page.push(
      d
        ? key(
            `${d.name}: arm`,
            `${v(variableId(d.id, 'name'))}\n${v(variableId(d.id, 'state'))}\n${v(variableId(d.id, 'time_on_air'))}`,
            [{ actionId: 'arm', options: { destination: d.id } }],
            tallyFeedbacks(d.id),
          )
        : key(`Destination ${i + 1} (none)`, '', []),
    );
  }
  page.push(
    key('Take', 'TAKE', [{ actionId: 'take', options: {} }]),
    key('Disarm', 'DISARM', [{ actionId: 'disarm', options: {} }]),
    key(
      'Arm switch to backup',
      'SWITCH\nTO BACKUP',
      [{ actionId: 'arm_switch', options: { target: 'backup' } }],
      [{ feedbackId: 'switch_armed', options: {}, style: TALLY_STYLES.armed.style }],
    ),
    key('Test backup', `TEST\nBACKUP\n${v('backup_test')}`, [{ actionId: 'test_backup', options: {} }]),
    key(
      'End all (press twice)',
      'END ALL',
      [{ actionId: 'end_all', options: {} }],
      [
        {
          feedbackId: 'end_all_pending',
          options: {},
          style: { bgcolor: TALLY_STYLES.armed.style.bgcolor!, color: BLACK, text: 'CONFIRM\nEND ALL' },
        },
      ],
    ),
  );
  const first = destinations[0];
  page.push(
    key(
      'Standby (first destination)',
      `STANDBY\n${first ? v(variableId(first.id, 'name')) : ''}`,
      first ? [{ actionId: 'standby', options: { destination: first.id } }] : [],
      first ? [{ feedbackId: 'standby', options: { destination: first.id }, style: TALLY_STYLES.standby.style }] : [],
    ),
    key(
      'Back to slate (first destination)',
      `SLATE\n${first ? v(variableId(first.id, 'name')) : ''}`,
      first ? [{ actionId: 'back_to_slate', options: { destination: first.id } }] : [],
    ),
    key('On air and armed', `ON AIR ${v('on_air_count')}\n${v('armed')}`, []),
    key('Cost', `${v('total_cost')}\n${v('cost_per_hour')}`, []),
    key('Connection', `BOOTH\n${v('connection')}`, []),
  );
  page.forEach(
    (preset, i) =>
      (presets[`page_${String(i + 1).padStart(2, '0')}`] = {
        ...preset,
        name: `${String(i + 1).padStart(2, '0')} ${preset.name}`,
      }),
  );
  // Every destination's own keys, beyond the first five.
  for (const d of destinations) {
    presets[`arm_${d.id}`] = {
      ...key(
        `${d.name}: arm`,
        `${v(variableId(d.id, 'name'))}\n${v(variableId(d.id, 'state'))}`,
        [{ actionId: 'arm', options: { destination: d.id } }],
        tallyFeedbacks(d.id),
      ),
      category: 'Destinations',
    };
    presets[`standby_${d.id}`] = {
      ...key(
        `${d.name}: standby`,
        `STANDBY\n${v(variableId(d.id, 'name'))}`,
        [{ actionId: 'standby', options: { destination: d.id } }],
        [{ feedbackId: 'standby', options: { destination: d.id }, style: TALLY_STYLES.standby.style }],
      ),
      category: 'Destinations',
    };
    presets[`slate_${d.id}`] = {
      ...key(`${d.name}: back to slate`, `SLATE\n${v(variableId(d.id, 'name'))}`, [
        { actionId: 'back_to_slate', options: { destination: d.id } },
      ]),
      category: 'Destinations',
    };
  }
  return presets;
}
