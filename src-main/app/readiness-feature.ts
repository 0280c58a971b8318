import { BoothError } from '../../shared/domain/errors';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { ReadinessItem, ReadinessReport } from '../../shared/domain/readiness';
import { DEFAULT_SHOW_LENGTH_MS, type ShowPlan } from '../../shared/domain/show-plan';
import type { READINESS_INVOKE_ROLES } from '../../shared/ipc/features/readiness.roles';
import type { AwsClients } from '../aws/clients';
import type { ConfiguredDestination } from '../core/channels/channel-monitor';
import { runReadinessCheck } from '../core/readiness/readiness-check';
import { singleFlight } from '../core/single-flight';
import type { StackTopology } from '../core/stack/stack-outputs';
import type { Feature } from './feature';

export type ReadinessChannel = keyof typeof READINESS_INVOKE_ROLES;

/** What the checklist runs against now: the connection, and what of it could be read. */
export interface ReadinessSubject {
  connection: ConnectionInfo;
  /** null when no client could be built (no region). */
  clients: AwsClients | null;
  stack: StackTopology | null;
  destinations: ConfiguredDestination[];
  /** When control ends (the IAM Identity Center session); null when the credentials have no schedule. */
  controlEndsAt: () => Promise<number | null>;
}

/** The first item: where the console looks, and, when it could not connect, what failed. */
function connectionItem(connection: ConnectionInfo): ReadinessItem {
  const where =
    connection.mode === 'simulation'
      ? `Built-in simulator, stack ${connection.stackName}.`
      : `Profile ${connection.profile ?? '?'}, region ${connection.region ?? 'none'} (${connection.regionSource}), stack ${connection.stackName}.`;
  const endpoints =
    connection.mode === 'aws' && connection.endpointSources.length > 0
      ? ` Custom endpoint: ${connection.endpointSources.join('; ')}.`
      : '';
  const problem = connection.problem;
  return {
    id: problem ? `connection-${problem.kind}` : 'connection',
    group: 'connection',
    label: 'Connection',
    status: problem ? 'fail' : 'pass',
    detail: problem
      ? `${problem.message} ${connection.mode === 'aws' ? where : ''}${endpoints}`.trim()
      : `${where}${endpoints}`,
    fix: problem?.fix ?? null,
  };
}

/**
 * What the console found in the stack, and the pre-show checklist; both answer while disconnected too. The show's
 * end is the show plan's while it is still to come.
 */
export function createReadinessFeature(
  subject: () => ReadinessSubject,
  plan: () => ShowPlan | null,
  now: () => number,
): Feature<ReadinessChannel> & { check(): Promise<ReadinessReport> } {
  // One checklist at a time per console: it makes a dozen AWS calls, and twenty windows or clicks asking at once
  // must not become twenty times that. A request made while one runs gets that run's report.
  const run = singleFlight(async (showEndsAt: number | undefined): Promise<ReadinessReport> => {
    const current = subject();
    const first = connectionItem(current.connection);
    if (!current.clients) {
      const ranAt = now();
      return {
        ranAt,
        showEndsAt: showEndsAt ?? ranAt + DEFAULT_SHOW_LENGTH_MS,
        showEndPlanned: showEndsAt !== undefined,
        items: [first],
        ready: false,
      };
    }
    const { connection } = current;
    const report = await runReadinessCheck(
      {
        clients: current.clients,
        stackName: connection.stackName,
        region: connection.region ?? '?',
        destinations: current.destinations,
        credentialsExpireAt: current.controlEndsAt,
        signsIn: connection.canSignIn,
        now,
      },
      showEndsAt,
    );
    return { ...report, items: [first, ...report.items], ready: report.ready && first.status !== 'fail' };
  });
  /** Against the plan's end while it is still to come. */
  const check = () => {
    const planned = plan();
    return run(planned && planned.endsAt > now() ? planned.endsAt : undefined);
  };
  return {
    check,
    handlers: {
      'stack.describe': async () => {
        const { stack, connection, destinations } = subject();
        if (!stack)
          throw new BoothError(
            connection.problem?.kind === 'sign-in' ? 'expired-credentials' : 'not-found',
            connection.problem ? `${connection.problem.message} ${connection.problem.fix}` : 'The stack was not read.',
          );
        return {
          stackName: stack.stackName,
          stackStatus: stack.stackStatus,
          flowArn: stack.flowArn,
          tables: stack.tables,
          ingest: stack.ingest,
          destinations: destinations.map((d) => ({ id: d.id, name: d.name, channelId: d.channelId })),
        };
      },
      'readiness.run': check,
    },
  };
}
