import type { INCIDENTS_INVOKE_ROLES } from '../../shared/ipc/features/incidents.roles';
import { incidentCsvFilename, incidentsToCsv } from '../core/incidents/incident-csv';
import type { Feature, FeatureContext } from './feature';

export type IncidentsChannel = keyof typeof INCIDENTS_INVOKE_ROLES;

/** The session's incident log: the list for a window that opens, and its CSV export. */
export function createIncidentsFeature(context: FeatureContext): Feature<IncidentsChannel> {
  return {
    handlers: {
      'incidents.list': async () => ({ entries: context.incidents.list() }),
      'incidents.exportCsv': async () => ({
        filename: incidentCsvFilename(context.now()),
        csv: incidentsToCsv(context.incidents.list()),
      }),
    },
  };
}
