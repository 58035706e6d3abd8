/**
 * Reads AWS service names: `com.amazonaws.us-east-1.s3` → region `us-east-1`, service `s3`
 * (`com.amazonaws.vpce.<region>.vpce-svc-…` for endpoint services).
 * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */
export interface ServiceName {
  region?: string;
  service: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function parseServiceName(text: unknown): ServiceName {
  if (typeof text !== 'string') return { service: '' };
  const parts = text.trim().split('.');
  const start =
    parts[0] === 'com' && parts[1] === 'amazonaws'
      ? 2
      : parts[0] === 'cn' && parts[1] === 'com' && parts[2] === 'amazonaws'
        ? 3
        : -1;
  if (start < 0) return { service: text.trim() };
  let i = start;
  if (parts[i] === 'vpce') i++;
  const region = parts[i] !== undefined && REGION.test(parts[i]!) ? parts[i] : undefined;
  return { region, service: parts.slice(region ? i + 1 : i).join('.') };
}
