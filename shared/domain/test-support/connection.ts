import type { ConnectionInfo } from '../connection';

/** The connection a simulated console reports, for tests and the e2e fake booth. */
export const SIMULATED_CONNECTION: ConnectionInfo = {
  mode: 'simulation',
  profile: null,
  region: 'us-east-1',
  regionSource: 'the simulator',
  accountId: '123456789012',
  stackName: 'lunora-booth',
  customEndpoint: true,
  endpointSources: ['the built-in simulator'],
  credentialsExpireAt: null,
  deadline: null,
  canSignIn: false,
  status: 'connected',
  problem: null,
};
