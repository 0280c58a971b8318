import { describe, expect, it } from 'vitest';
import { loadApiModel } from './test-support/api-model';
import { validateShape } from './test-support/validate';
import { parseXml, requestToWire, responseToWire } from './test-support/wire';

const mediaconnect = loadApiModel('mediaconnect');
const medialive = loadApiModel('medialive');
const cloudwatch = loadApiModel('cloudwatch');
const cloudformation = loadApiModel('cloudformation');

const input = (model: typeof medialive, op: string) => model.operation(op).input ?? {};
const output = (model: typeof medialive, op: string) => model.operation(op).output ?? {};

/** A DescribeFlow answer whose members all exist in AWS's MediaConnect model (wire names, lowerCamelCase). */
function describeFlowBody(): Record<string, unknown> {
  return {
    flow: {
      availabilityZone: 'us-east-1a',
      entitlements: [],
      flowArn: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-abc:lunora',
      name: 'lunora',
      outputs: [],
      source: { name: 'main', sourceArn: 'arn:aws:mediaconnect:us-east-1:123456789012:source:1-abc:main' },
      sourceFailoverConfig: { failoverMode: 'FAILOVER', recoveryWindow: 200, state: 'ENABLED' },
      status: 'ACTIVE',
    },
    messages: { errors: [] },
  };
}

describe('model validator', () => {
  it('accepts an answer made only of members the model defines', () => {
    const issues = validateShape(
      mediaconnect,
      describeFlowBody(),
      output(mediaconnect, 'DescribeFlow'),
      'DescribeFlowResponse',
      {
        skipHeaderMembers: true,
      },
    );
    expect(issues).toEqual([]);
  });

  it('catches a missing required member', () => {
    const body = describeFlowBody();
    delete (body['flow'] as Record<string, unknown>)['flowArn'];
    const issues = validateShape(mediaconnect, body, output(mediaconnect, 'DescribeFlow'), 'DescribeFlowResponse');
    expect(issues).toEqual(['$.flow: missing required member flowArn']);
  });

  it('catches an illegal enum value, with the legal ones taken from the v3 enum object', () => {
    const body = describeFlowBody();
    (body['flow'] as Record<string, Record<string, unknown>>)['sourceFailoverConfig']!['failoverMode'] = 'HOT_STANDBY';
    const issues = validateShape(mediaconnect, body, output(mediaconnect, 'DescribeFlow'), 'DescribeFlowResponse');
    expect(issues).toEqual([
      '$.flow.sourceFailoverConfig.failoverMode: "HOT_STANDBY" is not a FailoverMode (FAILOVER, MERGE)',
    ]);
  });

  it('catches a member the model does not define, and one sent under its SDK name instead of its wire name', () => {
    const body = describeFlowBody();
    (body['flow'] as Record<string, unknown>)['activeSource'] = 'main';
    (body['flow'] as Record<string, unknown>)['FlowArn'] = 'arn';
    const issues = validateShape(mediaconnect, body, output(mediaconnect, 'DescribeFlow'), 'DescribeFlowResponse');
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^\$\.flow: unknown member activeSource/);
    expect(issues[1]).toMatch(/^\$\.flow: unknown member FlowArn/);
  });

  it('catches a wrong scalar type', () => {
    const body = describeFlowBody();
    (body['flow'] as Record<string, Record<string, unknown>>)['sourceFailoverConfig']!['recoveryWindow'] = '200';
    expect(validateShape(mediaconnect, body, output(mediaconnect, 'DescribeFlow'), 'DescribeFlowResponse')).toEqual([
      '$.flow.sourceFailoverConfig.recoveryWindow: expected an integer, got "200"',
    ]);
  });

  it('reads a REST request back from its path, query and body: labels count as present, unknown query parameters do not pass', () => {
    const wire = requestToWire(medialive, 'UpdateChannel', {
      method: 'PUT',
      path: '/prod/channels/1234567',
      query: new URLSearchParams('verbose=1'),
      headers: {},
      body: JSON.stringify({ logLevel: 'LOUD', name: 'x' }),
    });
    expect(wire.issues).toEqual(['unknown query parameter verbose']);
    expect(wire.value['channelId']).toBe('1234567');
    expect(validateShape(medialive, wire.value, input(medialive, 'UpdateChannel'), 'UpdateChannelRequest')).toEqual([
      '$.logLevel: "LOUD" is not a LogLevel (DEBUG, DISABLED, ERROR, INFO, WARNING)',
    ]);
  });

  it('checks a JSON 1.0 request by member names, including required members of nested queries', () => {
    const body = { StartTime: 1, EndTime: 2, ScanBy: 'Newest', MetricDataQueries: [{ MetricStat: {} }] };
    const wire = requestToWire(cloudwatch, 'GetMetricData', {
      method: 'POST',
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      body: JSON.stringify(body),
    });
    const issues = validateShape(cloudwatch, wire.value, input(cloudwatch, 'GetMetricData'), 'GetMetricDataInput');
    expect(issues).toContain('$.ScanBy: "Newest" is not a ScanBy (TimestampAscending, TimestampDescending)');
    expect(issues).toContain('$.MetricDataQueries[0]: missing required member Id');
    expect(issues).toContain('$.MetricDataQueries[0].MetricStat: missing required member Metric');
  });

  it('reads a query-protocol XML answer by the model: lists of <member>, unknown elements reported', () => {
    const xml =
      '<DescribeStacksResponse xmlns="x"><DescribeStacksResult><Stacks><member><StackName>s</StackName>' +
      '<CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Colour>red</Colour>' +
      '<DisableRollback>maybe</DisableRollback></member></Stacks></DescribeStacksResult></DescribeStacksResponse>';
    const wire = responseToWire(cloudformation, 'DescribeStacks', xml);
    const issues = validateShape(
      cloudformation,
      wire.value,
      output(cloudformation, 'DescribeStacks'),
      'DescribeStacksOutput',
      {
        textScalars: true,
      },
    );
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^\$\.Stacks\[0\]: unknown member Colour/);
    expect(issues[1]).toBe('$.Stacks[0].DisableRollback: expected a boolean, got "maybe"');
    expect(parseXml('<a><b>&lt;x&gt;</b></a>').children[0]?.text).toBe('<x>');
  });
});
