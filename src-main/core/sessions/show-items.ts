import { z } from 'zod';
import type { ShowIncident, ShowSummary, ShowTake } from '../../../shared/domain/show-history';
import { spansOf } from './air-kind';

/**
 * How a show is laid out in the sessions table. One item per show (its header: who, when, cost) and one item per take,
 * event and incident, so no item grows with the show: a DynamoDB item is at most 400 KB, attribute names and values
 * together ("Constraints in Amazon DynamoDB", Items,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html).
 *
 * The table's own key (`session_id`) cannot change on a deployed table, so every item also carries `group_key` and
 * `item_key`, the key of the table's one global secondary index (one index: "You can create or delete only one global
 * secondary index per UpdateTable operation", Amazon DynamoDB API Reference, UpdateTable): a show's takes, events and
 * incidents share the partition `show#<id>`, its header sits in the partition of its month, `month#YYYY-MM` (UTC), so
 * a month and a show each read with one paginated Query. Reads from a global secondary index are eventually consistent
 * only ("DynamoDB read consistency", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html):
 * the header, the record's single source of who writes it, is read with GetItem, strongly consistent.
 */
export const SHOW_INDEX = 'by-group';
export const SHOW_LAYOUT_VERSION = 2;

/** The calendar month of an instant in UTC, as AWS bills by. */
export const utcMonth = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
export const monthGroup = (month: string): string => `month#${month}`;
export const showGroup = (showId: string): string => `show#${showId}`;

export const headerKeys = (showId: string, startedAtIso: string) => ({
  session_id: showId,
  group_key: monthGroup(startedAtIso.slice(0, 7)),
  item_key: `show#${startedAtIso}#${showId}`,
});

export const takeKeys = (showId: string, destinationId: string, startedAtIso: string) => ({
  session_id: `${showId}#take#${startedAtIso}#${destinationId}`,
  group_key: showGroup(showId),
  item_key: `take#${startedAtIso}#${destinationId}`,
});

export const eventKeys = (showId: string, atIso: string, unique: string) => ({
  session_id: `${showId}#event#${atIso}#${unique}`,
  group_key: showGroup(showId),
  item_key: `event#${atIso}#${unique}`,
});

export const incidentKeys = (showId: string, incidentId: string) => ({
  session_id: `${showId}#incident#${incidentId}`,
  group_key: showGroup(showId),
  item_key: `incident#${incidentId}`,
});

const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not a time');
const usd = z.number().finite().min(0).max(1_000_000);

/** A stretch of a run on the slate (standby) or on air; `to` null while it lasts. */
const AirSpanSchema = z.object({ kind: z.enum(['standby', 'on_air']), from: iso, to: iso.nullable() });

const LegacyRunSchema = z.object({
  destination_id: z.string(),
  name: z.string(),
  started_at: iso,
  ended_at: iso.nullable(),
  on_air_at: iso.nullable().optional(),
  off_air_at: iso.nullable().optional(),
});

const CostSchema = z.object({
  total: usd,
  flow: usd,
  by_destination: z.record(z.string(), usd).optional(),
  split: z
    .object({
      channelsUsd: usd,
      flowHoursUsd: usd,
      flowDataUsd: usd,
      idleUsd: usd,
      monitoringUsd: usd,
    })
    .optional(),
  /** The running charges spent in standby (on the slate, not on air), in total and per destination. */
  standby: z.object({ total: usd, by_destination: z.record(z.string(), usd) }).optional(),
});

/** A show's header as this version writes it, or as earlier versions wrote the whole show in one item (`runs`). */
export const StoredHeaderSchema = z.object({
  session_id: z.string().min(1),
  started_at: iso,
  ended_at: iso.nullable(),
  updated_at: iso,
  console: z.string().optional(),
  console_name: z.string().optional(),
  writer: z.string().optional(),
  restarts: z.array(iso).optional(),
  alongside_session: z.string().nullable().optional(),
  end_all_at: iso.nullable().optional(),
  cost_usd: CostSchema.optional(),
  destinations: z.record(z.string(), z.string()).optional(),
  takes_count: z.number().int().min(0).optional(),
  incidents_count: z.number().int().min(0).optional(),
  layout: z.literal(SHOW_LAYOUT_VERSION).optional(),
  // Earlier versions: the whole show in this item.
  runs: z.array(LegacyRunSchema).optional(),
  events: z.array(z.object({ at: iso, level: z.string(), title: z.string() }).passthrough()).optional(),
  incidents: z.array(z.object({ at: iso }).passthrough()).optional(),
});
export type StoredHeader = z.infer<typeof StoredHeaderSchema>;

export const StoredTakeSchema = z.object({
  destination_id: z.string(),
  name: z.string(),
  started_at: iso,
  ended_at: iso.nullable(),
  on_air_at: iso.nullable().optional(),
  off_air_at: iso.nullable().optional(),
  spans: z.array(AirSpanSchema).optional(),
  input_unconfirmed: z.object({ from: iso, to: iso.nullable() }).nullable().optional(),
  by_console: z.string().optional(),
  by_operator: z.string().nullable().optional(),
});
export type StoredTake = z.infer<typeof StoredTakeSchema>;

export const StoredIncidentSchema = z.object({
  at: iso,
  kind: z.string(),
  level: z.string(),
  title: z.string(),
  destination_id: z.string().nullable(),
  ended_at: iso.nullable(),
  duration_s: z.number().nullable(),
});

/** Why a record is not read: the first problem zod found, in words, with where it is. */
export function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a show record';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the record';
  return `${where}: ${issue.message}`.slice(0, 300);
}

/** A header is a show's when it has a session id that is not a lease or an item of a show (`<id>#…`). */
export function isShowHeaderId(sessionId: string): boolean {
  return !sessionId.includes('#');
}

export function takeFromStored(item: StoredTake): ShowTake {
  return {
    destinationId: item.destination_id,
    name: item.name,
    startedAt: Date.parse(item.started_at),
    endedAt: item.ended_at === null ? null : Date.parse(item.ended_at),
    console: item.by_console ?? '',
    operator: item.by_operator ?? null,
    spans: spansOf(item).map((span) => ({
      kind: span.kind === 'on_air' ? 'on-air' : 'standby',
      from: Date.parse(span.from),
      to: span.to === null ? null : Date.parse(span.to),
    })),
    inputUnconfirmed: item.input_unconfirmed
      ? {
          from: Date.parse(item.input_unconfirmed.from),
          to: item.input_unconfirmed.to === null ? null : Date.parse(item.input_unconfirmed.to),
        }
      : null,
  };
}

export function incidentFromStored(item: z.infer<typeof StoredIncidentSchema>): ShowIncident {
  return {
    at: Date.parse(item.at),
    kind: item.kind,
    level: item.level,
    title: item.title,
    destinationId: item.destination_id,
    endedAt: item.ended_at === null ? null : Date.parse(item.ended_at),
    durationS: item.duration_s,
  };
}

/** The history's summary of a header (either layout). */
export function summaryOf(header: StoredHeader): ShowSummary {
  const cost = header.cost_usd ?? { total: 0, flow: 0 };
  const byDestination = Object.entries(cost.by_destination ?? {}).map(([id, value]) => ({ id, usd: value }));
  const names = new Map(Object.entries(header.destinations ?? {}));
  for (const run of header.runs ?? []) names.set(run.destination_id, run.name);
  return {
    id: header.session_id,
    startedAt: Date.parse(header.started_at),
    endedAt: header.ended_at === null ? null : Date.parse(header.ended_at),
    lastWrittenAt: Date.parse(header.updated_at),
    console: header.console_name || header.console || '',
    destinations: [...names].map(([id, name]) => ({ id, name })),
    takes: header.takes_count ?? header.runs?.length ?? 0,
    incidents: header.incidents_count ?? header.incidents?.length ?? 0,
    restarts: header.restarts?.length ?? 0,
    alongside: header.alongside_session ?? null,
    cost: {
      totalUsd: cost.total,
      flowUsd: cost.flow,
      byDestination,
      split: cost.split ?? null,
      standby: cost.standby
        ? {
            totalUsd: cost.standby.total,
            byDestination: Object.entries(cost.standby.by_destination).map(([id, value]) => ({ id, usd: value })),
          }
        : null,
    },
  };
}

/**
 * What the show adds to the month's usage (channels run and monitoring; the standing charges are counted apart): the
 * split when recorded, else the total less the flow (earlier records). A record kept alongside another console's
 * record of the same show adds nothing: its channels are in that record.
 */
export function monthUsageOf(summary: ShowSummary): number {
  if (summary.alongside) return 0;
  const split = summary.cost.split;
  return split ? split.channelsUsd + split.monitoringUsd : Math.max(0, summary.cost.totalUsd - summary.cost.flowUsd);
}
