import type { CONNECTION_INVOKE_ROLES } from '../../shared/ipc/features/connection.roles';
import { listAwsProfiles } from '../aws/profiles';
import type { Feature, FeatureContext } from './feature';

export type ConnectionChannel = keyof typeof CONNECTION_INVOKE_ROLES;

/** Which account, region and stack the console talks to now, and the choice for the next start. */
export function createConnectionFeature(context: FeatureContext): Feature<ConnectionChannel> {
  const { connection, stack } = context;
  return {
    handlers: {
      'connection.describe': async () => connection,
      'connection.profiles': async () => ({
        profiles: await listAwsProfiles(),
        saved: context.settings.get().connection,
      }),
      'connection.configure': async (choice) => {
        const saved = context.settings.update((current) => ({ ...current, connection: choice })).connection;
        // The SDK clients, the stack's outputs and the monitors are built for one connection at start.
        const active = connection.mode === 'simulation' ? null : connection.profile;
        const restartRequired =
          saved.profile !== active || saved.region !== connection.region || saved.stackName !== stack.stackName;
        return { saved, restartRequired };
      },
    },
  };
}
