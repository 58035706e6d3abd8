/**
 * What to call the component a hop or explanation names: the engine's one way (engine/traffic/names.ts), and the
 * interface-endpoint services the pickers offer.
 */
import { serviceName } from '../../engine/traffic/index.ts';

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

export { describeComponent, type ComponentName } from '../../engine/traffic/names.ts';
