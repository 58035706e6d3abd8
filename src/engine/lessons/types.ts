/**
 * Lessons as data (issue 9): one JSON file per lesson — title, concepts, a starting design, goals the engine
 * checks, hints in order and an explanation shown on success. Challenges are lessons whose goals each hide a
 * fault, revealed when the goal is met or the student asks.
 *
 * This file is the contract between the lesson engine (parse, grade, the built-in catalogue, the CLI's `grade`)
 * and the Lessons panel (progress, hints, authoring). Keep it small and stable.
 */
import type { Design, Failures, Flow, ResourceId, ResourceKind } from '../model/types.ts';

export const LESSON_FORMAT = 'vpc-designer-lesson';
export const LESSON_FORMAT_VERSION = 1;

/** A flow a goal names: a saved flow's fields without its id (endpoints use the CLI's syntax). */
export type GoalFlow = Omit<Flow, 'id'>;

interface GoalBase {
  /** Stable within the lesson (progress and hints refer to it). */
  id: string;
  /** What the student must achieve, in one plain sentence ("app-a reaches the internet on port 443"). */
  text: string;
  /** Challenges only: the hidden fault this goal uncovers, shown once the goal is met or the student asks. */
  fault?: string;
}

/** A flow that must get through (`reach`) or must be stopped (`block`). */
export interface FlowGoal extends GoalBase {
  type: 'reach' | 'block';
  flow: GoalFlow;
}

/** No finding of this rule (on this resource, when given) may remain. */
export interface NoFindingGoal extends GoalBase {
  type: 'noFinding';
  rule: string;
  resource?: ResourceId;
}

/**
 * Resources that must exist: at least `min` (default 1) of `kind` meeting every condition of `where`.
 * Conditions are named checks the lesson engine defines (e.g. `inPublicSubnet`, `hasElasticIp`,
 * `sourceDestCheckOff`, `oneRouteTablePerAz` …); an unknown condition makes the lesson file invalid.
 */
export interface ResourceGoal extends GoalBase {
  type: 'resource';
  kind: ResourceKind;
  min?: number;
  where?: Record<string, string | number | boolean>;
}

/** A flow that must still get through while the given components or Availability Zones have failed. */
export interface SurvivesGoal extends GoalBase {
  type: 'survives';
  flow: GoalFlow;
  failed: Failures;
}

export type Goal = FlowGoal | NoFindingGoal | ResourceGoal | SurvivesGoal;

export interface Lesson {
  format: typeof LESSON_FORMAT;
  formatVersion: number;
  /** Stable id, e.g. `nat-gateway`; progress is kept by it. */
  id: string;
  kind: 'lesson' | 'challenge';
  title: string;
  /** One line for the list. */
  summary: string;
  /** Glossary entry ids the lesson teaches. */
  concepts: string[];
  /** The design the student starts from (it becomes a library entry of its own when the lesson opens). */
  start: Design;
  goals: Goal[];
  /** In order; each names something in the design. */
  hints: string[];
  /** Shown when every goal is met: why it works, in a few plain paragraphs. */
  explanation: string;
  /** AWS pages the lesson rests on. */
  references: { title: string; url: string }[];
}

export interface GoalResult {
  goal: Goal;
  passed: boolean;
  /** Why not (or, when passed, what satisfied it), in one plain sentence that names resources by name. */
  reason: string;
}
