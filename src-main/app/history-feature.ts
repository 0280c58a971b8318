import { BoothError } from '../../shared/domain/errors';
import type { ShowSummary, SkippedRecord } from '../../shared/domain/show-history';
import type { HISTORY_INVOKE_ROLES } from '../../shared/ipc/features/history.roles';
import { mapAwsError } from '../aws/errors';
import { historyCsvFilename, showsToCsv } from '../core/sessions/history-csv';
import { listShows, readShowDetail } from '../core/sessions/show-store';
import type { Feature, FeatureContext } from './feature';

export type HistoryChannel = keyof typeof HISTORY_INVOKE_ROLES;

/** An export reads at most this many shows (a few years of a busy booth). */
const EXPORT_MAX_SHOWS = 5_000;

/** Past shows from the sessions table: the list (filtered, paginated), one show's takes and incidents, the CSV. */
export function createHistoryFeature(
  context: Pick<FeatureContext, 'clients' | 'stack' | 'now'>,
): Feature<HistoryChannel> {
  const table = (): string => {
    const name = context.stack.tables.sessions;
    if (!name) throw new BoothError('unavailable', 'The stack has no sessions table: there is no history to show.');
    return name;
  };
  const fromAws = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof BoothError) throw error;
      throw mapAwsError(error, what);
    }
  };
  return {
    handlers: {
      'history.list': (query) => fromAws('Read the history', () => listShows(context.clients.dynamo, table(), query)),
      'history.show': ({ id }) =>
        fromAws('Read the show', async () => {
          const detail = await readShowDetail(context.clients.dynamo, table(), id);
          if (!detail) throw new BoothError('not-found', 'That show is no longer in the sessions table.');
          return detail;
        }),
      'history.exportCsv': (query) =>
        fromAws('Export the history', async () => {
          const shows: ShowSummary[] = [];
          const skipped: SkippedRecord[] = [];
          let cursor: string | null = null;
          do {
            const page = await listShows(context.clients.dynamo, table(), { ...query, cursor }, 200);
            shows.push(...page.shows);
            skipped.push(...page.skipped);
            cursor = page.nextCursor;
          } while (cursor && shows.length < EXPORT_MAX_SHOWS);
          return { filename: historyCsvFilename(context.now()), csv: showsToCsv(shows), shows: shows.length };
        }),
    },
  };
}
