import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CostSnapshot } from '../../../../shared/domain/cost';
import type { DestinationState } from '../../../../shared/domain/channel';
import type { DestinationStatus } from '../../../../shared/domain/destination';
import { startDynamo } from '../../../simulator/dynamo';
import type { SeededTopology } from '../../../simulator/seed';
import { destinationStatus } from '../../../../shared/domain/test-support/destination-status';

export const SESSIONS_TABLE = 'lunora-sessions';
const REGION = 'eu-west-1';

/** The simulator's DynamoDB (dynalite) with the Lunora tables, and a document client on it. */
export async function startSessionsTable(): Promise<{ doc: DynamoDBDocumentClient; close(): Promise<void> }> {
  const topology = {
    tables: { presets: 'lunora-presets', destinations: 'lunora-destinations', sessions: SESSIONS_TABLE },
    destinations: [],
  } as unknown as SeededTopology;
  const dynamo = await startDynamo(topology, REGION);
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: REGION,
      endpoint: dynamo.endpoint,
      credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
      maxAttempts: 1,
    }),
  );
  return {
    doc,
    async close() {
      doc.destroy();
      await dynamo.close();
    },
  };
}

/** A destination's status as the channel monitor reports it. */
export function statusOf(id: string, state: DestinationState): DestinationStatus {
  return destinationStatus(id, state, { platform: 'youtube', name: `Dest ${id}`, channelId: `ch-${id}` });
}

/** A cost snapshot of `channelsUsd` spent on channels. */
export function costsOf(at: number, channelsUsd: number, byDestination: Record<string, number> = {}): CostSnapshot {
  return {
    at,
    sessionStartedAt: at,
    destinations: Object.entries(byDestination).map(([id, usd]) => ({
      id,
      usd,
      billedMinutes: 10,
      idleUsd: 0,
      usdPerHour: 0,
    })),
    flowUsd: 0.5,
    split: { channelsUsd, flowHoursUsd: 0.4, flowDataUsd: 0.1, idleUsd: 0, monitoringUsd: 0.01 },
    flow: { activeMs: 0, dataGb: 0, channelInputs: 0, dataBps: 0, basis: 'presets' },
    metricsRequested: 0,
    totalUsd: channelsUsd + 0.51,
    usdPerHour: 0,
    monthToDateUsd: 0,
    projectedMonthUsd: 0,
    budgetUsd: 400,
    rateSource: 'test',
  };
}
