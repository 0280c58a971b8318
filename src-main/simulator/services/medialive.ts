import { AwsError } from '../errors';
import { writeRestJson, writeRestJsonError } from '../protocols/rest-json';
import type { ResolvedOperation } from '../types';
import type { World } from '../world';
import { decodeToken, encodeToken, parseJsonBody, parseMaxResults, pathSegments, type ServiceHandler } from './service';

/** MediaLive restJson1: /prod/channels..., /prod/inputs... (paths from the SDK's operation schemas). */
export function createMediaLiveService(world: World): ServiceHandler {
  return {
    id: 'medialive',
    resolve(req): ResolvedOperation {
      const seg = pathSegments(req.path);
      const m = req.method;
      if (seg[0] !== 'prod') throw notFound();
      if (seg[1] === 'channels') {
        if (seg.length === 2 && m === 'GET') return { operation: 'ListChannels', params: {} };
        const channelId = seg[2];
        if (channelId !== undefined) {
          if (seg.length === 3 && m === 'GET') return { operation: 'DescribeChannel', params: { channelId } };
          if (seg.length === 3 && m === 'PUT') return { operation: 'UpdateChannel', params: { channelId } };
          if (seg.length === 4 && seg[3] === 'start' && m === 'POST')
            return { operation: 'StartChannel', params: { channelId } };
          if (seg.length === 4 && seg[3] === 'stop' && m === 'POST')
            return { operation: 'StopChannel', params: { channelId } };
          if (seg.length === 4 && seg[3] === 'thumbnails' && m === 'GET')
            return { operation: 'DescribeThumbnails', params: { channelId } };
          if (seg.length === 4 && seg[3] === 'schedule' && m === 'PUT')
            return { operation: 'BatchUpdateSchedule', params: { channelId } };
          // DescribeSchedule: GET /prod/channels/{channelId}/schedule (AWS's MediaLive service model).
          if (seg.length === 4 && seg[3] === 'schedule' && m === 'GET')
            return { operation: 'DescribeSchedule', params: { channelId } };
        }
      }
      // CreateTags / DeleteTags: POST|DELETE /prod/tags/{resource-arn}, 204 (AWS's MediaLive service model,
      // medialive-2017-10-14: http.requestUri "/prod/tags/{resource-arn}", responseCode 204; DeleteTags takes the
      // keys as the repeated `tagKeys` query parameter). The ARN travels percent-encoded in one label.
      if (seg[1] === 'tags' && seg.length === 3) {
        const resourceArn = String(seg[2]);
        if (m === 'POST') return { operation: 'CreateTags', params: { resourceArn } };
        if (m === 'DELETE') return { operation: 'DeleteTags', params: { resourceArn } };
      }
      if (seg[1] === 'inputs') {
        if (seg.length === 2 && m === 'GET') return { operation: 'ListInputs', params: {} };
        const inputId = seg[2];
        if (inputId !== undefined && seg.length === 3 && m === 'GET')
          return { operation: 'DescribeInput', params: { inputId } };
      }
      throw notFound();
    },
    handle(op: ResolvedOperation, req) {
      const channelId = String(op.params['channelId'] ?? '');
      switch (op.operation) {
        case 'ListChannels':
          return { status: 200, body: paginate(world.channels.list(), req.query, 'channels') };
        case 'DescribeChannel':
          return { status: 200, body: world.channels.describe(channelId) };
        case 'StartChannel':
          return { status: 200, body: world.channels.start(channelId) };
        case 'StopChannel':
          return { status: 200, body: world.channels.stop(channelId) };
        case 'UpdateChannel':
          return { status: 200, body: { channel: world.channels.update(channelId, parseJsonBody(req.body)) } };
        case 'BatchUpdateSchedule':
          return { status: 200, body: world.channels.batchUpdateSchedule(channelId, parseJsonBody(req.body)) };
        case 'DescribeSchedule':
          return {
            status: 200,
            body: paginate(world.channels.describeSchedule(channelId), req.query, 'scheduleActions'),
          };
        case 'CreateTags': {
          const body = parseJsonBody(req.body);
          world.channels.createTags(String(op.params['resourceArn'] ?? ''), body['tags']);
          return { status: 204, body: null };
        }
        case 'DeleteTags':
          world.channels.deleteTags(String(op.params['resourceArn'] ?? ''), req.query.getAll('tagKeys'));
          return { status: 204, body: null };
        case 'DescribeThumbnails':
          return {
            status: 200,
            body: world.confidence.describeThumbnails(
              channelId,
              req.query.get('pipelineId'),
              req.query.get('thumbnailType'),
            ),
          };
        case 'ListInputs':
          return { status: 200, body: paginate(world.channels.listInputs(), req.query, 'inputs') };
        case 'DescribeInput':
          return { status: 200, body: world.channels.describeInput(String(op.params['inputId'] ?? '')) };
        default:
          throw notFound();
      }
    },
    write: (res, _op, out, requestId) => writeRestJson(res, out, requestId),
    writeError: (res, err, requestId) => writeRestJsonError(res, err, requestId),
  };
}

function paginate(items: unknown[], query: URLSearchParams, key: string): Record<string, unknown> {
  const max = parseMaxResults(query.get('maxResults'), 1000, 'BadRequestException') ?? 1000;
  const offset = decodeToken(query.get('nextToken'), 'BadRequestException', 400);
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? encodeToken(offset + max) : undefined;
  return next ? { [key]: page, nextToken: next } : { [key]: page };
}

const notFound = (): AwsError => new AwsError('NotFoundException', 404, 'Not Found');
