import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MonthBasis } from '../../../shared/domain/cost';
import { clockTime } from '../../../shared/domain/time-format';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import { utcMonth } from '../sessions/show-items';
import { monthUsage } from '../sessions/show-store';

/** Other consoles' shows change a few times an hour; the month's total need not be fresher than this. */
const REFRESH_MS = 5 * 60_000;

interface Reading {
  month: string;
  usd: number;
  shows: number;
  unreadable: number;
  readAt: number;
  /** The last refresh failed: the reading is the one before. */
  failedAt: number | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The month's other shows (UTC month) as the booth's consoles recorded them in the sessions table, so that every
 * console shows the same month to date. Read at start and every five minutes; this console's own show is metered live
 * and left out of the reading. Records that cannot be read are not counted, and the figure says so.
 */
export class SharedMonthSpend {
  private reading: Reading | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private warnedUnreadable = false;

  constructor(
    private readonly deps: {
      dynamo: DynamoDBDocumentClient;
      table: string;
      /** This console's show, metered live. */
      sessionId: () => string;
      logger: Logger;
      now: () => number;
      refreshMs?: number;
    },
  ) {}

  /** The month's other shows, or null when there is no reading of that month. */
  current(month: string): { usd: number; basis: MonthBasis } | null {
    const reading = this.reading;
    if (!reading || reading.month !== month) return null;
    const parts = [
      `From the sessions table: ${plural(reading.shows, 'other show', 'other shows')} this month (UTC), read ${clockTime(reading.readAt, this.deps.now())}.`,
    ];
    if (reading.unreadable > 0) {
      parts.push(
        `${plural(reading.unreadable, 'record', 'records')} could not be read and ${reading.unreadable === 1 ? 'is' : 'are'} not counted: the figure is short of ${reading.unreadable === 1 ? 'it' : 'them'}.`,
      );
    }
    if (reading.failedAt !== null)
      parts.push(`The table could not be read at ${clockTime(reading.failedAt, this.deps.now())}.`);
    return {
      usd: reading.usd,
      basis: {
        source: 'sessions-table',
        shows: reading.shows,
        unreadable: reading.unreadable,
        readAt: reading.readAt,
        note: parts.join(' ').slice(0, 300),
      },
    };
  }

  async refresh(): Promise<void> {
    const now = this.deps.now();
    const month = utcMonth(now);
    try {
      const usage = await monthUsage(this.deps.dynamo, this.deps.table, month, this.deps.sessionId());
      this.reading = {
        month,
        usd: usage.usd,
        shows: usage.shows,
        unreadable: usage.skipped.length,
        readAt: now,
        failedAt: null,
      };
      if (usage.skipped.length > 0 && !this.warnedUnreadable) {
        this.warnedUnreadable = true;
        this.deps.logger.warn('costs: records of this month in the sessions table could not be read; not counted', {
          count: usage.skipped.length,
          first: usage.skipped[0],
        });
      }
    } catch (error) {
      if (this.reading) this.reading = { ...this.reading, failedAt: now };
      this.deps.logger.warn('costs: could not read this month from the sessions table', {
        message: mapAwsError(error, 'Read the month from the sessions table').message,
      });
    }
  }

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.deps.refreshMs ?? REFRESH_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
