/**
 * Where the SDK clients send requests. Simulation and AWS use the very same client classes;
 * only the endpoint and the credentials differ.
 */
export type AwsTarget =
  | {
      mode: 'simulation';
      region: string;
      /** The loopback simulator (MediaLive, MediaConnect, CloudWatch, STS, CloudFormation). */
      endpoint: string;
      /** dynalite on loopback. */
      dynamoEndpoint: string;
    }
  | {
      mode: 'aws';
      region: string;
      /** A profile from ~/.aws/config; its endpoint_url, and AWS_ENDPOINT_URL(_<SERVICE>), are honoured by the SDK. */
      profile: string;
    };

/** Credentials the simulator accepts; they are not secrets and never leave loopback. */
export const SIMULATION_CREDENTIALS = { accessKeyId: 'SIMULATION', secretAccessKey: 'SIMULATION' } as const;
