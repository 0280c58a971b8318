import type { ServerResponse } from 'node:http';
import { AwsError } from './errors';
import { slateBucket, SLATE_CLIP_KEY, SLATE_IMAGE_KEY } from './seed-slate';
import type { ServiceHandler } from './services/service';
import type { ResolvedOperation, SimRequest } from './types';

interface SimObject {
  size: number;
  contentType: string;
  lastModified: number;
}

/**
 * The S3 buckets the stack's slates live in, as far as the console reads them: HeadBucket and HeadObject. What AWS
 * answers is from the S3 API reference: a HEAD response carries no body, so an error is its status alone; HeadObject
 * on a missing key is "404 Not Found" with s3:ListBucket and "403 Forbidden" without it
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html); HeadBucket answers 404 for a bucket that does
 * not exist and 403 without permission (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html). The
 * simulated caller has s3:ListBucket unless a bucket is set to deny it.
 */
export class SimS3World {
  private readonly buckets = new Map<string, Map<string, SimObject>>();
  private readonly denied = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** The deployed stack's slate bucket with its clip and still. */
  seedSlates(accountId: string): void {
    const bucket = slateBucket(accountId);
    this.putObject(bucket, SLATE_CLIP_KEY, 1_843_200, 'video/mp4');
    this.putObject(bucket, SLATE_IMAGE_KEY, 48_213, 'image/png');
  }

  putObject(bucket: string, key: string, size = 1_024, contentType = 'application/octet-stream'): void {
    const objects = this.buckets.get(bucket) ?? new Map<string, SimObject>();
    objects.set(key, { size, contentType, lastModified: this.now() });
    this.buckets.set(bucket, objects);
  }

  deleteObject(bucket: string, key: string): void {
    this.buckets.get(bucket)?.delete(key);
  }

  deleteBucket(bucket: string): void {
    this.buckets.delete(bucket);
  }

  /** The caller may not read this bucket (a bucket policy, or a role without s3:GetObject): every HEAD is 403. */
  denyAccess(bucket: string, denied = true): void {
    if (denied) this.denied.add(bucket);
    else this.denied.delete(bucket);
  }

  head(bucket: string, key: string | null): SimObject | null {
    if (this.denied.has(bucket)) throw new AwsError('Forbidden', 403, 'Forbidden');
    const objects = this.buckets.get(bucket);
    if (!objects) throw new AwsError('NotFound', 404, 'Not Found');
    if (key === null) return null;
    const object = objects.get(key);
    if (!object) throw new AwsError('NotFound', 404, 'Not Found');
    return object;
  }
}

/**
 * S3 (REST XML) on the simulator's endpoint, path-style: `/<bucket>/<key>`. With a custom endpoint the SDK sends the
 * bucket in the path when forcePathStyle is set ("path-style requests", https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html#path-style-access).
 */
export function createS3Service(world: SimS3World): ServiceHandler {
  const target = (req: SimRequest): { bucket: string; key: string | null } => {
    const [bucket, ...rest] = req.path.replace(/^\//, '').split('/');
    if (!bucket)
      throw new AwsError('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.');
    const key = rest.length > 0 && rest.join('/') !== '' ? decodeURIComponent(rest.join('/')) : null;
    return { bucket: decodeURIComponent(bucket), key };
  };
  return {
    id: 's3',
    resolve(req): ResolvedOperation {
      const { bucket, key } = target(req);
      if (req.method !== 'HEAD')
        throw new AwsError('NotImplemented', 501, 'The simulator answers HeadBucket and HeadObject only.');
      return { operation: key === null ? 'HeadBucket' : 'HeadObject', params: { bucket, ...(key ? { key } : {}) } };
    },
    handle(op) {
      const bucket = String(op.params['bucket']);
      const key = op.operation === 'HeadObject' ? String(op.params['key']) : null;
      return { status: 200, body: world.head(bucket, key) };
    },
    write(res: ServerResponse, _op, out, requestId) {
      const object = out.body as SimObject | null;
      res.statusCode = 200;
      res.setHeader('x-amz-request-id', requestId);
      if (object) {
        res.setHeader('Content-Length', String(object.size));
        res.setHeader('Content-Type', object.contentType);
        res.setHeader('Last-Modified', new Date(object.lastModified).toUTCString());
        res.setHeader('ETag', `"${object.size.toString(16).padStart(32, '0')}"`);
      }
      res.end();
    },
    // A HEAD answer has no body: the status says it all.
    writeError(res: ServerResponse, err, requestId) {
      res.statusCode = err.status;
      res.setHeader('x-amz-request-id', requestId);
      res.end();
    },
  };
}
