// Child-process fixture for simulator.test.ts: starts everything, leaves work in flight, closes,
// and must then exit on its own (no leaked timers, sockets or servers).
import { DescribeChannelCommand, MediaLiveClient, StartChannelCommand } from '@aws-sdk/client-medialive';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startSimulator } from '../index';

const sim = await startSimulator({ timings: { channelStartMs: 30_000, metricSampleMs: 50 } });
const cfg = {
  region: sim.region,
  endpoint: sim.endpoint,
  credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  maxAttempts: 1,
};
const ml = new MediaLiveClient(cfg);
const ddb = new DynamoDBClient({ ...cfg, endpoint: sim.dynamoEndpoint ?? undefined });
const id = sim.topology.destinations[0]!.channelId;
await ml.send(new StartChannelCommand({ ChannelId: id })); // a 30 s transition timer is pending
await ddb.send(new ListTablesCommand({}));
sim.control.addFault({ service: 'medialive', operation: 'DescribeChannel', kind: 'timeout' });
sim.control.rampPacketLoss('main', { toPercent: 3, overMs: 60_000 });
const hanging = ml.send(new DescribeChannelCommand({ ChannelId: id })).then(
  () => 'answered',
  () => 'dropped',
);
await new Promise((r) => setTimeout(r, 100));
await sim.close();
console.log(`hanging request: ${await hanging}`);
ml.destroy();
ddb.destroy();
console.log('closed');
