/**
 * Findings: what the rule engine says about a design. One rule per file; each has a stable id, a severity, a
 * message, the resources it names, a one-line fix and the AWS documentation page it encodes.
 */
import type { Design, ResourceId } from '../model/types.ts';
import type { DesignIndex } from './context.ts';

/** error: AWS rejects it or traffic cannot work; warning: risky or almost surely a mistake; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** The rule's stable id, e.g. `subnet-cidr-overlap`. */
  rule: string;
  severity: Severity;
  /** The resources it is about; the first is the one to select and mark. */
  resources: ResourceId[];
  /** One or two plain sentences: what is wrong and why it matters. */
  message: string;
  /** One line: how to fix it. */
  fix: string;
  /** The AWS documentation page the rule encodes. */
  docs: string;
}

export interface Rule {
  id: string;
  /** The severity of the rule's findings (a rule may lower or raise one finding, e.g. a quota's hard limit). */
  severity: Severity;
  /** A short title for the rule (shown in filters and the docs). */
  title: string;
  docs: string;
  check(design: Design, context: RuleContext): Finding[];
}

/** Shared, precomputed views of the design so rules stay linear; built once per validation. */
export interface RuleContext {
  /** "Now", for rules about time (a peering request expires after 7 days). */
  now: Date;
  /** Per-VPC maps and parsed CIDRs, built once and shared by every rule. */
  index: DesignIndex;
}
