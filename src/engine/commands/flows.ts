/**
 * Saved traffic flows are part of the design (`design.flows`), so adding, editing and removing one are commands:
 * each is one undo step and is saved with the design.
 */
import type { Design, Flow } from '../model/types.ts';
import { type Command, done, refuse } from './command.ts';

export type NewFlow = Omit<Flow, 'id'> & { id?: string };

/** The first `flow-N` id no flow of the design uses. */
export function nextFlowId(design: Design): string {
  const taken = new Set(design.flows.map((f) => f.id));
  let n = design.flows.length + 1;
  while (taken.has(`flow-${n}`)) n++;
  return `flow-${n}`;
}

function checkFlow(flow: NewFlow): string | undefined {
  if (!flow.from.trim() || !flow.to.trim()) return 'A flow needs a source and a destination.';
  if (flow.port !== undefined && (!Number.isInteger(flow.port) || flow.port < 0 || flow.port > 65535)) {
    return 'A port is a whole number from 0 to 65535.';
  }
  return undefined;
}

/**
 * Saves a flow with the design. Without an id it gets the next free `flow-N`.
 *
 * @example run(design, addFlow({ name: 'web → internet', from: 'i-web', to: 'internet', protocol: 'tcp', port: 443 }))
 */
export function addFlow(flow: NewFlow): Command {
  return {
    label: `Save flow ${flow.name}`,
    apply(design) {
      const problem = checkFlow(flow);
      if (problem) return refuse(problem);
      const id = flow.id ?? nextFlowId(design);
      if (design.flows.some((f) => f.id === id)) return refuse(`A flow with id ${id} already exists.`);
      return done({ ...design, flows: [...design.flows, { ...flow, id }] });
    },
  };
}

export function removeFlow(id: string): Command {
  return {
    label: 'Remove flow',
    apply(design) {
      const flow = design.flows.find((f) => f.id === id);
      if (!flow) return refuse(`There is no flow ${id}.`);
      return done({ ...design, flows: design.flows.filter((f) => f.id !== id) });
    },
  };
}

export function updateFlow(id: string, patch: Partial<Omit<Flow, 'id'>>): Command {
  return {
    label: 'Edit flow',
    apply(design) {
      const index = design.flows.findIndex((f) => f.id === id);
      if (index < 0) return refuse(`There is no flow ${id}.`);
      const next = { ...design.flows[index]!, ...patch, id };
      const problem = checkFlow(next);
      if (problem) return refuse(problem);
      const flows = design.flows.slice();
      flows[index] = next;
      return done({ ...design, flows });
    },
  };
}
