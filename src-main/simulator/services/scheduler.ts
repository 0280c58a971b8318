import { AwsError } from '../errors';
import { writeRestJson, writeRestJsonError } from '../protocols/rest-json';
import type { ResolvedOperation } from '../types';
import type { ScheduleWorld } from '../world/schedules';
import { parseJsonBody, pathSegments, type ServiceHandler } from './service';

/**
 * EventBridge Scheduler restJson1 (signing name "scheduler"): POST|PUT|GET|DELETE /schedules/{Name}, the group in the
 * body (create, update) or the `groupName` query (get, delete). Members keep their PascalCase names and timestamps
 * are epoch seconds (Scheduler API Reference, CreateSchedule and GetSchedule,
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html).
 */
export function createSchedulerService(schedules: ScheduleWorld): ServiceHandler {
  return {
    id: 'scheduler',
    resolve(req): ResolvedOperation {
      const seg = pathSegments(req.path);
      if (seg[0] === 'schedule-groups' && seg.length === 2 && seg[1] && req.method === 'GET')
        return { operation: 'GetScheduleGroup', params: { name: seg[1] } };
      if (seg[0] !== 'schedules' || seg.length !== 2 || !seg[1]) throw notFound(req.path);
      const name = seg[1];
      const operation = { POST: 'CreateSchedule', PUT: 'UpdateSchedule', GET: 'GetSchedule', DELETE: 'DeleteSchedule' }[
        req.method
      ];
      if (!operation) throw notFound(req.path);
      return { operation, params: { name } };
    },
    handle(op, req) {
      const name = String(op.params['name']);
      const group = req.query.get('groupName') ?? 'default';
      switch (op.operation) {
        case 'CreateSchedule':
          return { status: 200, body: { ScheduleArn: schedules.create(name, parseJsonBody(req.body)) } };
        case 'UpdateSchedule':
          return { status: 200, body: { ScheduleArn: schedules.update(name, parseJsonBody(req.body)) } };
        case 'GetScheduleGroup':
          return { status: 200, body: schedules.group(name) };
        case 'DeleteSchedule':
          schedules.delete(name, group);
          return { status: 200, body: {} };
        case 'GetSchedule': {
          const s = schedules.get(name, group);
          const seconds = (ms: number) => ms / 1000;
          return {
            status: 200,
            body: {
              Arn: s.arn,
              Name: s.name,
              GroupName: s.group,
              ScheduleExpression: s.expression,
              ScheduleExpressionTimezone: 'UTC',
              State: s.state,
              ActionAfterCompletion: s.actionAfterCompletion,
              CreationDate: seconds(s.created),
              LastModificationDate: seconds(s.modified),
              FlexibleTimeWindow: { Mode: 'OFF' },
              Target: s.target,
              ...(s.description ? { Description: s.description } : {}),
            },
          };
        }
        default:
          throw notFound(req.path);
      }
    },
    write: (res, _op, out, requestId) => writeRestJson(res, out, requestId),
    writeError: (res, err, requestId) => writeRestJsonError(res, err, requestId),
  };
}

function notFound(path: string): AwsError {
  return new AwsError('ResourceNotFoundException', 404, `No Scheduler operation at ${path}.`);
}
