import type { READINESS_INVOKE_ROLES } from '../../shared/ipc/features/readiness.roles';
import { ssoSessionExpiry } from '../aws/sso-session';
import { runReadinessCheck } from '../core/readiness/readiness-check';
import { singleFlight } from '../core/single-flight';
import type { Feature, FeatureContext } from './feature';

export type ReadinessChannel = keyof typeof READINESS_INVOKE_ROLES;

/** What the console found in the stack, and the pre-show checklist. */
export function createReadinessFeature(context: FeatureContext): Feature<ReadinessChannel> {
  const { stack, clients, connection, now } = context;
  // One checklist at a time per console: it makes a dozen AWS calls, and twenty windows or clicks asking at once
  // must not become twenty times that. A request made while one runs gets that run's report.
  const run = singleFlight((showEndsAt: number | undefined) =>
    runReadinessCheck(
      {
        clients,
        stackName: stack.stackName,
        destinations: context.destinations,
        credentialsExpireAt: async () =>
          connection.mode === 'aws' && connection.profile ? ssoSessionExpiry(connection.profile) : null,
        now,
      },
      showEndsAt,
    ),
  );
  return {
    handlers: {
      'stack.describe': async () => ({
        stackName: stack.stackName,
        stackStatus: stack.stackStatus,
        flowArn: stack.flowArn,
        tables: stack.tables,
        ingest: stack.ingest,
        destinations: context.destinations.map((d) => ({ id: d.id, name: d.name, channelId: d.channelId })),
      }),
      'readiness.run': async ({ showEndsAt }) => run(showEndsAt),
    },
  };
}
