import type { ResolvedOperation } from '../types';
import { AwsError } from '../errors';
import { el, parseQueryBody, writeQueryError, writeQueryResult } from '../protocols/aws-query';
import type { World } from '../world';
import type { ServiceHandler } from './service';

const NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/** CloudFormation (awsQuery, XML): DescribeStacks of the seeded stack. */
export function createCloudFormationService(world: World): ServiceHandler {
  return {
    id: 'cloudformation',
    resolve(req): ResolvedOperation {
      const params = parseQueryBody(req.body, req.query);
      const action = params.get('Action') ?? '';
      if (action === 'DescribeStacks') {
        const stackName = params.get('StackName');
        return { operation: action, params: stackName ? { stackName } : {} };
      }
      throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2010-05-15`);
    },
    handle(op) {
      const { stack, topology } = world.seed;
      const wanted = op.params['stackName'];
      if (wanted !== undefined && wanted !== topology.stackName && wanted !== stack.stackId) {
        throw new AwsError('ValidationError', 400, `Stack with id ${String(wanted)} does not exist`);
      }
      const outputs = stack.outputs
        .map(
          (o) =>
            `<member>${el('OutputKey', o.key)}${el('OutputValue', o.value)}${el('Description', o.description)}</member>`,
        )
        .join('');
      const member =
        '<member>' +
        el('StackId', stack.stackId) +
        el('StackName', topology.stackName) +
        el('Description', 'Lunora Booth: MediaConnect SRT flow, MediaLive channels per destination, DynamoDB tables') +
        el('CreationTime', stack.creationTime.toISOString()) +
        el('LastUpdatedTime', stack.creationTime.toISOString()) +
        el('StackStatus', 'CREATE_COMPLETE') +
        el('DisableRollback', 'false') +
        el('EnableTerminationProtection', 'true') +
        `<NotificationARNs/><Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>` +
        el('Outputs', outputs, true) +
        `<Tags><member>${el('Key', 'Project')}${el('Value', 'lunora-booth')}</member></Tags>` +
        `<DriftInformation>${el('StackDriftStatus', 'NOT_CHECKED')}</DriftInformation>` +
        '</member>';
      return { status: 200, body: `<Stacks>${member}</Stacks>` };
    },
    write: (res, op, out, requestId) => writeQueryResult(res, op.operation, NS, String(out.body), requestId),
    writeError: (res, err, requestId) => writeQueryError(res, err, NS, requestId),
  };
}
