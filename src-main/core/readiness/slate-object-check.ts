import { DescribeInputCommand, type ChannelSummary, type MediaLiveClient } from '@aws-sdk/client-medialive';
import { HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { warmAttachments } from '../../../shared/domain/warm-standby';
import { mapAwsError } from '../../aws/errors';
import type { ConfiguredDestination } from '../channels/channel-monitor';

/** A destination's slate file, and why it cannot be played (in operator words), or null when it is in S3. */
export interface SlateFinding {
  destinationName: string;
  url: string | null;
  problem: string | null;
}

/**
 * "s3ssl://bucket/path/file.mp4" (or s3://): the URL form of an MP4 file input in S3
 * ("Setting up an MP4 input", https://docs.aws.amazon.com/medialive/latest/ug/setup-mp4-obtain-info.html).
 */
function parseS3Url(url: string): { bucket: string; key: string } | null {
  const match = /^s3(?:ssl)?:\/\/([^/]+)\/(.+)$/.exec(url.trim());
  return match ? { bucket: match[1]!, key: match[2]! } : null;
}

const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;

/**
 * Whether the slate file is in S3, by HeadObject. A HEAD answer has no body, so the status is all there is: "If you
 * have the s3:ListBucket permission on the bucket, Amazon S3 returns an HTTP status code 404 Not Found error. If you
 * don't have the s3:ListBucket permission, Amazon S3 returns an HTTP status code 403 Forbidden error"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html). A 404 is told apart (bucket or file) with
 * HeadBucket, which answers 404 for a bucket that does not exist
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html).
 */
async function headSlate(s3: S3Client, bucket: string, key: string): Promise<string | null> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return null;
  } catch (error) {
    const status = statusOf(error);
    if (status === 403)
      return `the console may not read the slate file ${key} in bucket ${bucket} (access denied; without s3:ListBucket a missing file also reads as denied)`;
    if (status !== 404)
      return `the slate file could not be checked: ${mapAwsError(error, 'Check the slate file').message}`;
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch (bucketError) {
      if (statusOf(bucketError) === 404) return `the slate bucket ${bucket} does not exist`;
    }
    return `the slate file ${key} is not in bucket ${bucket}`;
  }
}

/**
 * For every destination whose channel has a slate attachment: the slate input's file (DescribeInput Sources[].Url) is
 * checked in S3, each file once. A channel that starts to standby on a missing slate file has nothing to play.
 */
export async function checkSlateObjects(
  clients: { medialive: MediaLiveClient; s3: S3Client },
  destinations: readonly ConfiguredDestination[],
  channels: ReadonlyMap<string, ChannelSummary>,
): Promise<SlateFinding[]> {
  const heads = new Map<string, Promise<string | null>>();
  const findings = destinations.map(async (dest): Promise<SlateFinding | null> => {
    const channel = dest.channelId ? channels.get(dest.channelId) : undefined;
    if (!channel) return null;
    const attachments = channel.InputAttachments ?? [];
    const found = warmAttachments(attachments.map((a) => a.InputAttachmentName ?? ''));
    if (!found.ok) return null;
    const inputId = attachments.find((a) => a.InputAttachmentName === found.slate)?.InputId;
    if (!inputId) return { destinationName: dest.name, url: null, problem: 'its slate attachment names no input' };
    let url: string | null;
    try {
      const input = await clients.medialive.send(new DescribeInputCommand({ InputId: inputId }));
      url = input.Sources?.[0]?.Url ?? null;
    } catch (error) {
      return {
        destinationName: dest.name,
        url: null,
        problem: `its slate input could not be read: ${mapAwsError(error, 'Read the slate input').message}`,
      };
    }
    const place = url ? parseS3Url(url) : null;
    if (!url || !place)
      return {
        destinationName: dest.name,
        url,
        problem: `its slate input does not read a file in S3 (${url ?? 'no URL'})`,
      };
    const key = `${place.bucket}/${place.key}`;
    if (!heads.has(key)) heads.set(key, headSlate(clients.s3, place.bucket, place.key));
    return { destinationName: dest.name, url, problem: await heads.get(key)! };
  });
  return (await Promise.all(findings)).filter((f): f is SlateFinding => f !== null);
}
