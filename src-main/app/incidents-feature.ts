import type { INCIDENTS_INVOKE_ROLES } from '../../shared/ipc/features/incidents.roles';
import { incidentCsvFilename, incidentsToCsv } from '../core/incidents/incident-csv';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { Feature } from './feature';

export type IncidentsChannel = keyof typeof INCIDENTS_INVOKE_ROLES;

/**
 * The console's incident log: the list for a window that opens, and its CSV export. It answers while the
 * console is disconnected too: an outage of the connection is itself an incident.
 */
export function createIncidentsFeature(incidents: IncidentLog, now: () => number): Feature<IncidentsChannel> {
  return {
    handlers: {
      'incidents.list': async () => ({ entries: incidents.list() }),
      'incidents.exportCsv': async () => ({
        filename: incidentCsvFilename(now()),
        csv: incidentsToCsv(incidents.list()),
      }),
    },
  };
}
