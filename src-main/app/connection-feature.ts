import type { ConnectionSettings } from '../../shared/domain/aws-profile';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { CONNECTION_INVOKE_ROLES } from '../../shared/ipc/features/connection.roles';
import { listAwsProfiles } from '../aws/profiles';
import type { SettingsStore } from '../core/settings';
import { choiceFromAdmin, type ConnectionChoice } from './connection-mode';
import type { Feature } from './feature';
import type { SignInService } from './sso-sign-in';

export type ConnectionChannel = keyof typeof CONNECTION_INVOKE_ROLES;

export interface ConnectionControl {
  current(): ConnectionInfo;
  /** Connects with this choice now: monitors and clients are rebuilt, channels in AWS are left as they are. */
  connect(choice: ConnectionChoice): Promise<ConnectionInfo>;
  /** Connects again with the choice in use. */
  retry(): Promise<ConnectionInfo>;
}

/** Which account, region and stack the console talks to, and the admin's choice, applied at once. */
export function createConnectionFeature(
  settings: SettingsStore,
  control: ConnectionControl,
  signIn: SignInService,
): Feature<ConnectionChannel> {
  return {
    handlers: {
      'connection.describe': async () => control.current(),
      'connection.profiles': async () => ({
        ...(await listAwsProfiles()),
        saved: settings.get().connection satisfies ConnectionSettings,
      }),
      'connection.configure': async (choice) => {
        const saved = settings.update((current) => ({ ...current, connection: choice })).connection;
        return { saved, connection: await control.connect(choiceFromAdmin(saved)) };
      },
      // A console that is connected has nothing to retry: reconnecting would only restart its monitors.
      'connection.retry': async () => (control.current().status === 'connected' ? control.current() : control.retry()),
      'connection.signIn': async () => signIn.start(),
      'connection.signInCancel': async () => signIn.cancel(),
      'connection.signInStatus': async () => signIn.status(),
    },
  };
}
