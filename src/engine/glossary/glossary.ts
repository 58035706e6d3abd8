/**
 * The glossary: concepts by id, and the lookups the app, lessons and explanations use. Pure data; the browser
 * loads it with the Glossary view, so a first visit does not download it.
 *
 * @example
 * glossaryEntry('nat-gateway')?.term  // 'NAT gateway'
 * searchGlossary('stateless')[0]      // 'stateful-stateless'
 */
import { ENTRIES } from './entries.ts';
import type { GlossaryEntry } from './types.ts';

export type { GlossaryEntry };
export type GlossaryId = keyof typeof ENTRIES;

export const GLOSSARY: Readonly<Record<string, GlossaryEntry>> = ENTRIES;

/** The concept ids lessons may name (the lesson contract); the glossary defines each of them. */
export const LESSON_CONCEPT_IDS = [
  'nat-gateway',
  'nat-instance',
  'elastic-ip',
  'internet-gateway',
  'public-subnet',
  'private-subnet',
  'route-table',
  'availability-zone',
  'high-availability',
  'vpc-peering',
  'transitive-peering',
  'cidr-overlap',
  'edge-to-edge-routing',
  'gateway-endpoint',
  'interface-endpoint',
  'endpoint-policy',
  'bucket-policy',
  'prefix-list',
  'private-dns',
  'security-group',
  'network-acl',
  'stateful-stateless',
  'ephemeral-ports',
  'network-reachability',
  'bastion-host',
  'source-dest-check',
  'failure-drill',
] as const satisfies readonly GlossaryId[];

export function isGlossaryId(id: string): id is GlossaryId {
  return Object.hasOwn(GLOSSARY, id);
}

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return isGlossaryId(id) ? GLOSSARY[id] : undefined;
}

/** Every id, sorted by term. */
export function glossaryIds(): string[] {
  return Object.keys(GLOSSARY).sort((a, b) => GLOSSARY[a]!.term.localeCompare(GLOSSARY[b]!.term));
}

/**
 * The ids whose entries mention every word of the query, the best first: a match in the term before one in the
 * short sentence, before one in the body only. An empty query gives every id, sorted by term.
 */
export function searchGlossary(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return glossaryIds();
  const scored: Array<{ id: string; score: number }> = [];
  for (const id of glossaryIds()) {
    const e = GLOSSARY[id]!;
    const term = `${e.term} ${id}`.toLowerCase();
    const short = e.short.toLowerCase();
    const all = `${term} ${short} ${e.body.toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) continue;
    const score = words.reduce((s, w) => s + (term.includes(w) ? 4 : short.includes(w) ? 2 : 1), 0);
    scored.push({ id, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.id);
}
