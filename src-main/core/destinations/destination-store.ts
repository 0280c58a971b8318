import { paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { callAws } from '../../aws/retry';
import type { Logger } from '../logger';

/** A destinations-table record as the console reads it. Older records may lack the channel fields (plan, section 2.2). */
export const DestinationRecordSchema = z.object({
  id: z.string().min(1),
  platform: z.string().min(1),
  name: z.string().min(1),
  preset_id: z.string().nullish(),
  medialive_channel_id: z.string().nullish(),
  medialive_channel_arn: z.string().nullish(),
  channel_status: z.string().nullish(),
  is_active: z.boolean().optional(),
  sort_order: z.number().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  version: z.number().optional(),
});
export type DestinationRecord = z.infer<typeof DestinationRecordSchema>;

/** The order operators expect: Primary first, then the plan's platforms, then what admins added, by name. */
const PLATFORM_ORDER = ['primary', 'youtube', 'twitch', 'linkedin', 'custom'];

export function orderDestinations(records: DestinationRecord[]): DestinationRecord[] {
  const rank = (r: DestinationRecord) => {
    if (r.sort_order !== undefined) return r.sort_order;
    const index = PLATFORM_ORDER.indexOf(r.id);
    return index === -1 ? PLATFORM_ORDER.length : index;
  };
  return [...records].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export interface DestinationStore {
  listActive(): Promise<DestinationRecord[]>;
}

export function createDestinationStore(dynamo: DynamoDBDocumentClient, tableName: string, logger: Logger): DestinationStore {
  return {
    async listActive() {
      const records: DestinationRecord[] = [];
      await callAws('Read destinations', async () => {
        records.length = 0;
        for await (const page of paginateScan({ client: dynamo }, { TableName: tableName })) {
          for (const raw of page.Items ?? []) {
            const parsed = DestinationRecordSchema.safeParse(raw);
            if (!parsed.success) {
              logger.warn('destinations: skipped a record that does not match the schema', { id: raw['id'] });
              continue;
            }
            if (parsed.data.is_active !== false) records.push(parsed.data);
          }
        }
      });
      return orderDestinations(records);
    },
  };
}
