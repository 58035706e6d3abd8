/** A glossary entry: what a concept is, what a student should know about it, and the AWS pages it rests on. */
export interface GlossaryEntry {
  /** The concept's name as a heading says it: 'NAT gateway'. */
  term: string;
  /** What it is, in one plain sentence. */
  short: string;
  /** When to use it and what to know, in a few sentences. */
  body: string;
  /** The AWS documentation it rests on (at least one page). */
  aws: Array<{ title: string; url: string }>;
  /** Related entries' ids. */
  see?: string[];
}
