import { AwsError } from '../errors';
import { json11Input, json11Operation, writeJson11, writeJson11Error } from '../protocols/json11';
import type { World } from '../world';
import type { ServiceHandler } from './service';

/**
 * Amazon EventBridge's DescribeRule, over AWS JSON 1.1 as `@aws-sdk/client-eventbridge` 3.1169 speaks it
 * (`X-Amz-Target: AWSEvents.DescribeRule`, `application/x-amz-json-1.1`, errors named by `__type`). The rules are
 * the stack's: the channel events rule, the flow events rule and the source alarms rule, each delivering to every seat queue. A missing rule is ResourceNotFoundException
 * (EventBridge API Reference, DescribeRule, https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html).
 */
export function createEventBridgeService(world: World): ServiceHandler {
  const { ruleName, flowRuleName, sourceAlarmRuleName, sourceAlarms } = world.seed.topology.events;
  const rules = new Map([
    [
      ruleName,
      {
        Name: ruleName,
        Arn: `arn:aws:events:${world.region}:${world.accountId}:rule/${ruleName}`,
        EventPattern: JSON.stringify({
          source: ['aws.medialive'],
          'detail-type': ['MediaLive Channel State Change', 'MediaLive Channel Alert'],
          resources: world.seed.topology.destinations.map((d) => d.channelArn),
        }),
        State: 'ENABLED',
        Description: "State changes and alerts of the booth's MediaLive channels, to every console seat's queue.",
        EventBusName: 'default',
      },
    ],
    [
      flowRuleName,
      {
        Name: flowRuleName,
        Arn: `arn:aws:events:${world.region}:${world.accountId}:rule/${flowRuleName}`,
        EventPattern: JSON.stringify({
          source: ['aws.mediaconnect'],
          'detail-type': [
            'MediaConnect Flow Status Change',
            'MediaConnect Source Health',
            'MediaConnect Flow Health',
            'MediaConnect Alert',
          ],
          resources: [world.seed.topology.flowArn],
        }),
        State: 'ENABLED',
        Description:
          "Status, source and flow health, and alerts of the booth's MediaConnect flow, to every console seat's queue.",
        EventBusName: 'default',
      },
    ],
    [
      sourceAlarmRuleName,
      {
        Name: sourceAlarmRuleName,
        Arn: `arn:aws:events:${world.region}:${world.accountId}:rule/${sourceAlarmRuleName}`,
        EventPattern: JSON.stringify({
          source: ['aws.cloudwatch'],
          'detail-type': ['CloudWatch Alarm State Change'],
          detail: { alarmName: sourceAlarms.map((a) => a.name) },
        }),
        State: 'ENABLED',
        Description: "State changes of the alarms on the flow's source figures, to every console seat's queue.",
        EventBusName: 'default',
      },
    ],
  ]);
  return {
    id: 'eventbridge',
    resolve: (req) => json11Operation(req, 'DescribeRule'),
    handle(_op, req) {
      const input = json11Input(req, 'ValidationException');
      const name = input['Name'];
      if (typeof name !== 'string' || name === '')
        throw new AwsError(
          'ValidationException',
          400,
          "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
        );
      const rule = rules.get(name);
      if (!rule)
        throw new AwsError('ResourceNotFoundException', 400, `Rule ${name} does not exist on EventBus default.`);
      return { status: 200, body: rule };
    },
    write: (res, _op, out, requestId) => writeJson11(res, out.status, out.body, requestId),
    writeError: (res, err, requestId) => writeJson11Error(res, err, requestId, 'InternalException'),
  };
}
