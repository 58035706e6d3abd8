/**
 * The flow form's fields as plain values, so filling the form from a saved flow, turning the fields back into
 * a flow, and telling what an edit changed are pure (and tested without a browser).
 */
import { parseIp, type Design, type Flow } from '../../engine/index.ts';
import { defaultObjectArn, flowName, IP_CHOICE, isS3Destination } from './endpoints.ts';

export type FlowFields = Omit<Flow, 'id'>;

export interface FlowFormValues {
  /** An endpoint choice (`i-web-a`, `internet`, `service:s3`, …) or IP_CHOICE with the address in `fromIp`. */
  from: string;
  to: string;
  fromIp: string;
  toIp: string;
  protocol: Flow['protocol'];
  /** The port, or the ICMP type, as typed. */
  port: string;
  action: string;
  arn: string;
  /** Empty: the flow is named after its endpoints. */
  name: string;
}

export const NEW_FLOW: FlowFormValues = {
  from: '',
  to: '',
  fromIp: '',
  toIp: '',
  protocol: 'tcp',
  port: '443',
  action: 's3:GetObject',
  arn: '',
  name: '',
};

function splitEndpoint(endpoint: string): [choice: string, ip: string] {
  return endpoint.startsWith(IP_CHOICE) ? [IP_CHOICE, endpoint.slice(IP_CHOICE.length)] : [endpoint, ''];
}

/**
 * The form filled with a saved flow. A name the app made up from the endpoints is left empty, so it follows the
 * endpoints when they change; a name the user gave is kept.
 *
 * @example valuesOf(design, { id: 'flow-1', name: 'x', from: 'ip:10.0.0.5', to: 'internet', protocol: 'tcp', port: 22 }).fromIp // '10.0.0.5'
 */
export function valuesOf(design: Design, flow: Flow): FlowFormValues {
  const [from, fromIp] = splitEndpoint(flow.from);
  const [to, toIp] = splitEndpoint(flow.to);
  const s3 = isS3Destination(design, flow.to);
  return {
    from,
    to,
    fromIp,
    toIp,
    protocol: flow.protocol,
    port: String(flow.port ?? (flow.protocol === 'icmp' ? 8 : 443)),
    action: flow.action ?? NEW_FLOW.action,
    arn: flow.resource ?? (s3 ? defaultObjectArn(design, flow.to) : ''),
    name: flow.name === flowName(design, flow) ? '' : flow.name,
  };
}

/** The form's values as a flow, or why they are not one yet (the message the form shows). */
export function flowOf(design: Design, values: FlowFormValues): { flow: FlowFields } | { error: string } {
  const endpoint = (choice: string, ip: string, what: string): string | { error: string } => {
    if (!choice) return { error: `Choose a ${what}.` };
    if (choice !== IP_CHOICE) return choice;
    if (parseIp(ip.trim()) === undefined)
      return { error: `The ${what} IP address is not an IPv4 address (like 10.0.0.20).` };
    return `${IP_CHOICE}${ip.trim()}`;
  };
  const from = endpoint(values.from, values.fromIp, 'source');
  if (typeof from !== 'string') return from;
  const to = endpoint(values.to, values.toIp, 'destination');
  if (typeof to !== 'string') return to;
  const { protocol, port } = values;
  const n = Number(port);
  const max = protocol === 'icmp' ? 255 : 65535;
  if (port.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
    return {
      error:
        protocol === 'icmp'
          ? 'The ICMP type is a whole number from 0 to 255 (8 is echo request).'
          : 'The port is a whole number from 0 to 65535.',
    };
  }
  const flow: FlowFields = { name: '', from, to, protocol, port: n };
  if (isS3Destination(design, to)) {
    flow.action = values.action;
    flow.resource = values.arn.trim() || defaultObjectArn(design, to);
  }
  flow.name = values.name.trim() || flowName(design, flow);
  return { flow };
}

const FIELDS = ['name', 'from', 'to', 'protocol', 'port', 'action', 'resource'] as const satisfies ReadonlyArray<
  keyof FlowFields
>;

/**
 * What `updateFlow` needs to turn `saved` into `edited` (every field, so an S3 action the new destination does
 * not take is cleared), or undefined when the edit changes nothing.
 */
export function patchFor(saved: Flow, edited: FlowFields): Partial<FlowFields> | undefined {
  if (FIELDS.every((k) => saved[k] === edited[k])) return undefined;
  const patch: Partial<FlowFields> = {};
  for (const k of FIELDS) (patch as Record<string, unknown>)[k] = edited[k];
  return patch;
}
