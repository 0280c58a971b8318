/** Shared by the *.int.test.ts files of presets/ and destinations/: SDK clients against the simulator. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MediaLiveClient } from '@aws-sdk/client-medialive';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startSimulator, type RunningSimulator } from '../../../simulator';
import { FAST_TIMINGS } from '../../../simulator/test-support/helpers';

export interface SimHarness {
  sim: RunningSimulator;
  dynamo: DynamoDBDocumentClient;
  medialive: MediaLiveClient;
  close(): Promise<void>;
}

export async function startHarness(options: { destinationCount?: number } = {}): Promise<SimHarness> {
  const sim = await startSimulator({ timings: FAST_TIMINGS, seed: 11, ...options });
  const credentials = { accessKeyId: 'sim', secretAccessKey: 'sim' };
  if (!sim.dynamoEndpoint) throw new Error('simulator started without DynamoDB');
  const base = new DynamoDBClient({ region: sim.region, endpoint: sim.dynamoEndpoint, credentials, maxAttempts: 1 });
  const dynamo = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  const medialive = new MediaLiveClient({ region: sim.region, endpoint: sim.endpoint, credentials, maxAttempts: 1 });
  return {
    sim,
    dynamo,
    medialive,
    async close() {
      dynamo.destroy();
      base.destroy();
      medialive.destroy();
      await sim.close();
    },
  };
}
