import { z } from 'zod';
import {
  BackupTestResultSchema,
  FlowAlertSchema,
  FlowFeedSchema,
  FlowSnapshotSchema,
  FlowSwitchInputSchema,
  FlowSwitchResultSchema,
} from '../../domain/flow';

export const FLOW_INVOKE_CONTRACT = {
  'flow.snapshot': { input: z.strictObject({}), output: FlowSnapshotSchema },
  'flow.switchSource': { input: FlowSwitchInputSchema, output: FlowSwitchResultSchema },
  'flow.testBackup': { input: z.strictObject({}), output: BackupTestResultSchema },
  'flow.alerts': { input: z.strictObject({}), output: z.strictObject({ alerts: z.array(FlowAlertSchema) }) },
  'flow.acknowledgeFailover': {
    input: z.strictObject({}),
    output: z.strictObject({ acknowledged: z.boolean(), message: z.string() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const FLOW_EVENT_CONTRACT = {
  'flow.feed': { payload: FlowFeedSchema },
  'flow.alert': { payload: FlowAlertSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
