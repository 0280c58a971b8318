import type { ResolvedOperation } from '../types';
import { AwsError } from '../errors';
import { writeRestJson, writeRestJsonError } from '../protocols/rest-json';
import type { World } from '../world';
import { decodeToken, encodeToken, parseJsonBody, parseMaxResults, pathSegments, type ServiceHandler } from './service';

/**
 * MediaConnect restJson1 (SDK 3.654): GET /v1/flows, GET|PUT /v1/flows/{FlowArn},
 * POST /v1/flows/start/{FlowArn}, POST /v1/flows/stop/{FlowArn},
 * GET /v1/flows/{FlowArn}/source-metadata, GET /v1/flows/{FlowArn}/source-thumbnail. The ARN is a single percent-encoded path label.
 * Start/Stop/Update answer 202.
 */
export function createMediaConnectService(world: World): ServiceHandler {
  const requireFlow = (arn: string): void => {
    if (arn !== world.flow.arn)
      throw new AwsError('NotFoundException', 404, `The requested flow ${arn} was not found.`);
  };
  return {
    id: 'mediaconnect',
    resolve(req): ResolvedOperation {
      const seg = pathSegments(req.path);
      const m = req.method;
      if (seg[0] !== 'v1' || seg[1] !== 'flows') throw notFound();
      if (seg.length === 2 && m === 'GET') return { operation: 'ListFlows', params: {} };
      if (seg.length === 4 && seg[2] === 'start' && m === 'POST')
        return { operation: 'StartFlow', params: { flowArn: seg[3] ?? '' } };
      if (seg.length === 4 && seg[2] === 'stop' && m === 'POST')
        return { operation: 'StopFlow', params: { flowArn: seg[3] ?? '' } };
      if (seg.length === 4 && seg[3] === 'source-metadata' && m === 'GET') {
        return { operation: 'DescribeFlowSourceMetadata', params: { flowArn: seg[2] ?? '' } };
      }
      if (seg.length === 4 && seg[3] === 'source-thumbnail' && m === 'GET')
        return { operation: 'DescribeFlowSourceThumbnail', params: { flowArn: seg[2] ?? '' } };
      if (seg.length === 3 && m === 'GET') return { operation: 'DescribeFlow', params: { flowArn: seg[2] ?? '' } };
      if (seg.length === 3 && m === 'PUT') return { operation: 'UpdateFlow', params: { flowArn: seg[2] ?? '' } };
      throw notFound();
    },
    handle(op, req) {
      const flowArn = String(op.params['flowArn'] ?? '');
      switch (op.operation) {
        case 'ListFlows': {
          const max = parseMaxResults(req.query.get('maxResults'), 1000, 'BadRequestException') ?? 1000;
          const offset = decodeToken(req.query.get('nextToken'), 'BadRequestException', 400);
          const all = [world.flow.listed()];
          const page = all.slice(offset, offset + max);
          const body: Record<string, unknown> = { flows: page };
          if (offset + max < all.length) body['nextToken'] = encodeToken(offset + max);
          return { status: 200, body };
        }
        case 'DescribeFlow':
          requireFlow(flowArn);
          return { status: 200, body: { flow: world.flow.describe(), messages: { errors: [] } } };
        case 'StartFlow':
          requireFlow(flowArn);
          return { status: 202, body: { flowArn, status: world.flow.start() } };
        case 'StopFlow':
          requireFlow(flowArn);
          return { status: 202, body: { flowArn, status: world.flow.stop() } };
        case 'UpdateFlow':
          requireFlow(flowArn);
          return { status: 202, body: { flow: world.flow.update(parseJsonBody(req.body)) } };
        case 'DescribeFlowSourceMetadata':
          requireFlow(flowArn);
          return { status: 200, body: sourceMetadata(world) };
        case 'DescribeFlowSourceThumbnail':
          requireFlow(flowArn);
          return { status: 200, body: world.confidence.sourceThumbnail() };
        default:
          throw notFound();
      }
    },
    write: (res, _op, out, requestId) => writeRestJson(res, out, requestId),
    writeError: (res, err, requestId) => writeRestJsonError(res, err, requestId),
  };
}

function sourceMetadata(world: World): Record<string, unknown> {
  const timestamp = new Date(world.now()).toISOString();
  const active = world.flow.activeSource();
  if (!world.flow.isRunning() || !active) {
    return {
      flowArn: world.flow.arn,
      timestamp,
      messages: [
        {
          code: 'NO_SOURCE_DATA',
          message: 'No transport stream data is available for the active source.',
          resourceName: active ?? '',
        },
      ],
    };
  }
  return {
    flowArn: world.flow.arn,
    timestamp,
    messages: [],
    transportMediaInfo: {
      programs: [
        {
          pcrPid: 256,
          programName: active,
          programNumber: 1,
          programPid: 4096,
          streams: [
            {
              codec: 'h264',
              frameRate: '30',
              frameResolution: { frameHeight: 1080, frameWidth: 1920 },
              pid: 256,
              streamType: 'H.264 Video',
            },
            { channels: 2, codec: 'aac', pid: 257, sampleRate: 48000, sampleSize: 16, streamType: 'AAC Audio' },
          ],
        },
      ],
    },
  };
}

const notFound = (): AwsError => new AwsError('NotFoundException', 404, 'Not Found');
