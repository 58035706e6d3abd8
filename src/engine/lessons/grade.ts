/**
 * Grading: each goal of a lesson checked against a design by the same engine that traces traffic and runs the
 * rules, with one plain sentence per goal that names resources by their names. Pure; fast enough to run on every
 * edit (bench/grade.bench.ts).
 */
import { KINDS } from '../model/kinds.ts';
import { getResource, resourcesOfKind } from '../model/queries.ts';
import type { Design, Resource } from '../model/types.ts';
import { validateDesign, type Finding } from '../rules/index.ts';
import { serviceName } from '../traffic/serviceNames.ts';
import { trace } from '../traffic/trace.ts';
import type { ExplanationCode, TraceResult } from '../traffic/types.ts';
import {
  conditionContext,
  conditionOf,
  lowerLabel,
  missingZones,
  nameOf,
  type ConditionContext,
} from './conditions.ts';
import type {
  FlowGoal,
  Goal,
  GoalFlow,
  GoalResult,
  Lesson,
  NoFindingGoal,
  ResourceGoal,
  SurvivesGoal,
} from './types.ts';

/** How a flow's endpoint reads: a resource's name, the internet, a service, an address. */
function endpointName(design: Design, endpoint: string): string {
  const raw = endpoint.trim();
  if (raw.startsWith('service:')) return serviceName(raw.slice(8).trim().toLowerCase());
  if (raw.startsWith('ip:')) return raw.slice(3).trim();
  const r = getResource(design, raw);
  if (r) return `"${r.name}"`;
  return raw.toLowerCase() === 'internet' ? 'the internet' : raw;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "\"App A\" → the internet (TCP 443)" */
export function describeFlow(design: Design, flow: GoalFlow): string {
  const port = flow.port === undefined ? '' : ` ${flow.port}`;
  const on = flow.resource ? ` on ${flow.resource.replace(/^arn:aws:s3:::/, '')}` : '';
  const action = flow.action ? `, ${flow.action}${on}` : '';
  return `${endpointName(design, flow.from)} → ${endpointName(design, flow.to)} (${flow.protocol.toUpperCase()}${port}${action})`;
}

/** What stops traffic at a component, by Reachability Analyzer's (or VPC Designer's own) explanation code. */
const WHY: Partial<Record<ExplanationCode, string>> = {
  ENI_SG_RULES_MISMATCH: 'no rule of the security groups there allows it',
  SUBNET_ACL_RESTRICTION: 'a network ACL rule denies it',
  NO_ROUTE_TO_DESTINATION: 'there is no route for it',
  BAD_STATE_ROUTE: 'the route leads to something that is not working (a blackhole)',
  BAD_STATE_ATTACHMENT: 'it is not attached',
  BAD_STATE_VPN: 'the VPN connection is not up',
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR:
    'a peering connection carries traffic only between the two peered VPCs (not transitive, no edge-to-edge routing)',
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: 'the sender has no public IP address for the internet gateway to use',
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: 'it has no public IP address, so nothing on the internet can address it',
  ENI_SOURCE_DEST_CHECK_RESTRICTION: 'its source/destination check is on, so it will not forward traffic',
  IGW_PRIVATE_DESTINATION: 'an internet gateway does not carry traffic to private addresses',
  NO_INTERNET_GATEWAY: 'the VPC has no internet gateway on that path',
  NAT_GATEWAY_UNSOLICITED_INBOUND: 'a NAT gateway lets replies in but never a connection opened from outside',
  NAT_GATEWAY_NOT_A_HOST: 'a NAT gateway is not a host: nothing on it accepts connections',
  NAT_GATEWAY_PROTOCOL: 'a NAT gateway does not translate that protocol',
  NAT_GATEWAY_NO_ELASTIC_IP: 'a public NAT gateway needs an Elastic IP address',
  PRIVATE_NAT_GATEWAY_TO_INTERNET: 'a private NAT gateway cannot reach the internet',
  VPCE_POLICY_RESTRICTION: "the endpoint's policy does not allow it",
  BUCKET_POLICY_RESTRICTION: "the bucket's policy does not allow it",
  ENDPOINT_REGION_MISMATCH: 'the endpoint serves another Region',
  ADDRESS_NOT_IN_SUBNET: 'the address is not in that subnet',
  NO_PATH_FROM_ON_PREMISES: 'there is no path from on-premises',
  TARGET_NOT_MODELLED: 'the route leads to something VPC Designer does not model',
  ROUTING_LOOP: 'the routes send it round in a loop',
  RESOURCE_FAILED: 'it has failed in the drill',
};

/** Where and why a trace stopped, naming the component by name. */
function whyBlocked(design: Design, result: TraceResult): string {
  const first = result.explanations[0];
  if (!first) return 'it does not get there and back';
  const what = getResource(design, first.id) ? nameOf(design, first.id) : endpointName(design, first.id);
  const back = first.direction === 'return';
  const why =
    back && first.code === 'SUBNET_ACL_RESTRICTION'
      ? 'a network ACL rule denies the reply (network ACLs are stateless: replies need rules of their own)'
      : (WHY[first.code] ?? 'it is dropped there');
  return `it stops at ${what}${back ? ' on the way back' : ''}: ${why}`;
}

function gradeFlow(design: Design, goal: FlowGoal): GoalResult {
  const outcome = trace(design, goal.flow);
  const flow = capitalize(describeFlow(design, goal.flow));
  if (!outcome.ok) return { goal, passed: false, reason: `${flow} cannot be traced: ${outcome.error}.` };
  const { reachable } = outcome.result;
  if (goal.type === 'reach')
    return reachable
      ? { goal, passed: true, reason: `${flow} gets there and back.` }
      : { goal, passed: false, reason: `${flow} is blocked: ${whyBlocked(design, outcome.result)}.` };
  return reachable
    ? { goal, passed: false, reason: `${flow} still gets through; it must be blocked.` }
    : { goal, passed: true, reason: `${flow} is blocked: ${whyBlocked(design, outcome.result)}.` };
}

function gradeSurvives(design: Design, goal: SurvivesGoal): GoalResult {
  const failed = [
    ...goal.failed.resources.map((id) => nameOf(design, id)),
    ...goal.failed.zones.map((z) => `Availability Zone ${z}`),
  ].join(' and ');
  const outcome = trace({ ...design, failures: goal.failed }, goal.flow);
  const flow = describeFlow(design, goal.flow);
  if (!outcome.ok) return { goal, passed: false, reason: `${flow} cannot be traced: ${outcome.error}.` };
  return outcome.result.reachable
    ? { goal, passed: true, reason: `With ${failed} down, ${flow} still gets there and back.` }
    : {
        goal,
        passed: false,
        reason: `With ${failed} down, ${flow} breaks: ${whyBlocked({ ...design, failures: goal.failed }, outcome.result)}.`,
      };
}

function gradeNoFinding(design: Design, goal: NoFindingGoal, findings: () => Finding[]): GoalResult {
  const left = findings().filter(
    (f) => f.rule === goal.rule && (goal.resource === undefined || f.resources.includes(goal.resource)),
  );
  if (left.length === 0) {
    const on = goal.resource ? ` about ${nameOf(design, goal.resource)}` : '';
    return { goal, passed: true, reason: `No "${goal.rule}" finding${on} remains.` };
  }
  const names = [...new Set(left.flatMap((f) => f.resources.slice(0, 1)))].map((id) => nameOf(design, id));
  return {
    goal,
    passed: false,
    reason: `A "${goal.rule}" finding remains${names.length ? ` about ${names.join(', ')}` : ''}.`,
  };
}

function gradeResource(ctx: ConditionContext, goal: ResourceGoal): GoalResult {
  const { design } = ctx;
  const min = goal.min ?? 1;
  const label = KINDS[goal.kind].label;
  const all = resourcesOfKind(design, goal.kind) as Resource[];
  const entries = Object.entries(goal.where ?? {}).map(([name, value]) => ({ name, value, c: conditionOf(name)! }));
  const each = entries.filter((e) => e.c.scope !== 'set');
  const sets = entries.filter((e) => e.c.scope === 'set');
  const idEntry = each.find((e) => e.name === 'id');
  if (idEntry && !getResource(design, String(idEntry.value)))
    return { goal, passed: false, reason: `${label} "${idEntry.value}" is no longer in the design.` };
  const matched = all.filter((r) => each.every((e) => e.c.test(ctx, r, e.value)));
  const says = (list: typeof entries, met: boolean) =>
    list
      .filter((e) => e.name !== 'id')
      .map((e) => e.c.describe(design, e.value, met, goal.kind))
      .join(' and ');
  if (matched.length >= min && sets.every((e) => e.c.testSet!(ctx, matched, e.value))) {
    const names = matched.map((r) => `"${r.name}"`);
    const what = says([...each, ...sets], true);
    const who =
      names.length === 1
        ? `${label} ${names[0]}`
        : `${label}s ${names.slice(0, -1).join(', ')} and ${names.at(-1)}: each`;
    return { goal, passed: true, reason: `${who}${what ? ` ${what}` : ''}.` };
  }
  if (matched.length >= min) {
    const failing = sets.find((e) => !e.c.testSet!(ctx, matched, e.value))!;
    const zones = failing.name === 'perAz' ? missingZones(design, matched) : [];
    return {
      goal,
      passed: false,
      reason: `The ${lowerLabel(goal.kind)}s ${failing.c.describe(design, failing.value, false, goal.kind)}${zones.length ? `: none in ${zones.join(', ')}` : ''}.`,
    };
  }
  // Not enough: name the candidate closest to meeting the conditions and what it still lacks.
  const candidates = idEntry ? all.filter((r) => r.id === idEntry.value) : all;
  const what = says(each, true);
  if (candidates.length === 0)
    return { goal, passed: false, reason: `No ${lowerLabel(goal.kind)}${what ? ` ${what}` : ''} yet.` };
  const scored = candidates
    .map((r) => ({ r, unmet: each.filter((e) => !e.c.test(ctx, r, e.value)) }))
    .sort((a, b) => a.unmet.length - b.unmet.length);
  const best = scored[0]!;
  if (best.unmet.length === 0)
    return {
      goal,
      passed: false,
      reason: `${matched.length} ${lowerLabel(goal.kind)}${matched.length === 1 ? '' : 's'} ${what}; ${min} are needed.`,
    };
  return { goal, passed: false, reason: `${label} "${best.r.name}" ${says(best.unmet, false)}.` };
}

/**
 * Grades a design against every goal of a lesson, in the lesson's order.
 *
 * @example gradeLesson(lesson, lesson.start).every((r) => r.passed) // false: no lesson starts solved
 */
export function gradeLesson(lesson: Lesson, design: Design): GoalResult[] {
  const ctx = conditionContext(design);
  let findings: Finding[] | undefined;
  const findingsOnce = () => (findings ??= validateDesign(design));
  return lesson.goals.map((goal: Goal): GoalResult => {
    try {
      switch (goal.type) {
        case 'reach':
        case 'block':
          return gradeFlow(design, goal);
        case 'survives':
          return gradeSurvives(design, goal);
        case 'noFinding':
          return gradeNoFinding(design, goal, findingsOnce);
        case 'resource':
          return gradeResource(ctx, goal);
      }
    } catch (e) {
      return {
        goal,
        passed: false,
        reason: `This goal could not be checked on this design (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
      };
    }
  });
}

/** True when every goal is met. */
export function lessonComplete(results: readonly GoalResult[]): boolean {
  return results.length > 0 && results.every((r) => r.passed);
}

/**
 * The next hint to show: the first hint not yet shown, while a goal is unmet.
 *
 * @example nextHint(lesson, results, 0) // lesson.hints[0] when a goal is unmet
 */
export function nextHint(lesson: Lesson, results: readonly GoalResult[], shown: number): string | undefined {
  if (lessonComplete(results)) return undefined;
  return lesson.hints[shown];
}
