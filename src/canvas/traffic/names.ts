/**
 * What to call the component a hop or explanation names: the design's own name and AWS's word for its kind
 * ("web", "Security group"), and for the ids the engine makes up (`internet`, `service:s3`, `on-premises`)
 * the service's name. The words for kinds come from their definitions (engine/model/kinds.ts).
 */
import type { Design } from '../../engine/index.ts';
import { KINDS } from '../../engine/model/kinds.ts';
import { kindLabelOf } from '../../engine/model/inspection.ts';
import { hopKindLabel, serviceName, type HopKind } from '../../engine/traffic/index.ts';

export { serviceName };

/** Interface-endpoint services offered in the endpoint pickers, besides those the design already uses. */
export const COMMON_SERVICES = [
  'ssm',
  'secretsmanager',
  'kms',
  'sts',
  'logs',
  'sqs',
  'sns',
  'ecr.api',
  'ecr.dkr',
  'lambda',
] as const;

export interface ComponentName {
  name: string;
  type: string;
}

/**
 * @example describeComponent(exampleDesign(), 'sg-web') // { name: 'web', type: 'Security group' }
 * @example describeComponent(design, 'service:s3') // { name: 'Amazon S3', type: 'AWS service' }
 */
export function describeComponent(design: Design, id: string, kind?: HopKind): ComponentName {
  const resource = design.resources[id];
  if (resource) return { name: resource.name || id, type: kindLabelOf(resource) };
  if (id === 'internet') return { name: 'Internet', type: KINDS.internet.label };
  if (id === 'on-premises') return { name: hopKindLabel('onPremises'), type: hopKindLabel('onPremises') };
  if (id.startsWith('service:'))
    return { name: serviceName(id.slice('service:'.length)), type: KINDS.awsService.label };
  return { name: id, type: kind ? hopKindLabel(kind) : 'Component' };
}
