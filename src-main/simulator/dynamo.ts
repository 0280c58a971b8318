import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import type { SeededTopology } from './seed';

export interface RunningDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * In-memory DynamoDB (dynalite) on its own loopback port, with the three Lunora tables
 * (PAY_PER_REQUEST) and the destinations seeded. Presets are left to the app's preset store,
 * which seeds its defaults idempotently.
 */
export async function startDynamo(topology: SeededTopology, region: string): Promise<RunningDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  // dynalite closes its database with the server; a request still being served then fails inside dynalite
  // with an uncaught "Database is closed". Closing waits (briefly) for the requests in flight.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.prependListener('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  });
  const close = async (): Promise<void> => {
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5_000);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };

  const client = new DynamoDBClient({
    region,
    endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    maxAttempts: 1,
  });
  try {
    const tables: [string, string][] = [
      [topology.tables.presets, 'preset_id'],
      [topology.tables.destinations, 'id'],
    ];
    for (const [TableName, key] of tables) {
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
        }),
      );
    }
    // The sessions table as cloudformation/data.yaml declares it: its index groups a show's items and a month's shows.
    await client.send(
      new CreateTableCommand({
        TableName: topology.tables.sessions,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'session_id', AttributeType: 'S' },
          { AttributeName: 'group_key', AttributeType: 'S' },
          { AttributeName: 'item_key', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'session_id', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-group',
            KeySchema: [
              { AttributeName: 'group_key', KeyType: 'HASH' },
              { AttributeName: 'item_key', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    // dynalite turns a new table ACTIVE on a later turn of its event loop, and refuses items until then
    // (ResourceNotFoundException), as DynamoDB does while a table is CREATING: wait for ACTIVE, as a real set-up must.
    for (const TableName of [topology.tables.presets, topology.tables.destinations, topology.tables.sessions])
      await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { TableName });
    const now = new Date().toISOString();
    for (const d of topology.destinations) {
      const item: Record<string, AttributeValue> = {
        id: { S: d.id },
        platform: { S: d.platform },
        name: { S: d.name },
        preset_id: { S: d.presetId },
        medialive_channel_id: { S: d.channelId },
        medialive_channel_arn: { S: d.channelArn },
        channel_status: { S: 'idle' },
        last_channel_sync: { S: now },
        created_at: { S: now },
        updated_at: { S: now },
        version: { N: '1' },
        ...(d.sortOrder === null ? {} : { sort_order: { N: String(d.sortOrder) } }),
      };
      await client.send(new PutItemCommand({ TableName: topology.tables.destinations, Item: item }));
    }
  } catch (e) {
    client.destroy();
    await close();
    throw e;
  }
  client.destroy();
  return { endpoint, close };
}
