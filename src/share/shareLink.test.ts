import { describe, expect, it } from 'vitest';
import { exampleDesign, serializeDesign } from '../engine/index.ts';
import { generateDesign } from '../engine/model/generate.ts';
import {
  embedCode,
  isLessonFragment,
  lessonFragmentFor,
  MAX_LINK_CHARS,
  readLessonFragment,
  readShareFragment,
  shareFragmentFor,
  shareLinkFor,
  shareViewOf,
} from './shareLink.ts';

/** Packs any text as a v1 link would (to build links whose data unpacks but is not a good design). */
async function fragmentOfText(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `#d=v1.${Buffer.from(bytes).toString('base64url')}`;
}

async function reasonOf(hash: string): Promise<string> {
  const read = await readShareFragment(hash);
  if (read.kind !== 'error') throw new Error(`expected an error, got ${read.kind}`);
  return read.reason;
}

describe('share links', () => {
  it('round-trips the example design, its flows included', async () => {
    const design = exampleDesign();
    expect(design.flows.length).toBeGreaterThan(0);
    const hash = await shareFragmentFor(design, 'view');
    expect(hash).toMatch(/^#d=v1\.[A-Za-z0-9_-]+$/);
    const read = await readShareFragment(hash);
    expect(read).toEqual({ kind: 'shared', view: 'view', design });
  });

  it('round-trips a 300-resource design in the embed form, within the link limit', async () => {
    const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
    expect(Object.keys(design.resources).length).toBeGreaterThanOrEqual(300);
    const link = await shareLinkFor(design, 'https://example.org/app/#old', 'embed');
    expect(link.startsWith('https://example.org/app/#embed=v1.')).toBe(true);
    // Compressed, the link is a fraction of the file (what makes sharing large designs possible at all).
    expect(link.length).toBeLessThan(serializeDesign(design, 'compact').length / 5);
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    const read = await readShareFragment(new URL(link).hash);
    expect(read).toEqual({ kind: 'shared', view: 'embed', design });
  });

  it('tells a share link from any other fragment', async () => {
    expect(shareViewOf('#d=v1.abc')).toBe('view');
    expect(shareViewOf('embed=v1.abc')).toBe('embed');
    expect(shareViewOf('#section-2')).toBeUndefined();
    expect(await readShareFragment('')).toEqual({ kind: 'none' });
    expect(await readShareFragment('#top')).toEqual({ kind: 'none' });
  });

  it('embed code: an iframe of the link, its title escaped', () => {
    const code = embedCode('https://example.org/#embed=v1.abc', 'Lab "A" <b>&</b>');
    expect(code).toBe(
      '<iframe src="https://example.org/#embed=v1.abc" title="Lab &quot;A&quot; &lt;b&gt;&amp;&lt;/b&gt; — VPC Designer" width="960" height="600" style="border: 1px solid #d1d5db" loading="lazy"></iframe>',
    );
  });

  describe('a corrupted link opens nothing and says why, in one line', () => {
    it('bad base64', async () => {
      expect(await reasonOf('#d=v1.abc*def')).toMatch(/damaged: its data has characters/);
      expect(await reasonOf('#d=v1.abcde')).toMatch(/damaged/); // a length base64 never has
    });

    it('bad deflate (data cut short, or not compressed at all)', async () => {
      const hash = await shareFragmentFor(exampleDesign(), 'view');
      expect(await reasonOf(hash.slice(0, hash.length / 2))).toMatch(/does not unpack/);
      expect(await reasonOf(`#d=v1.${Buffer.from('{"format":"vpc-designer"}').toString('base64url')}`)).toMatch(
        /does not unpack/,
      );
      expect(await reasonOf('#d=v1.')).toMatch(/does not unpack/);
    });

    it('bad JSON', async () => {
      expect(await reasonOf(await fragmentOfText('{"format": "vpc-designer",'))).toMatch(
        /^This share link does not hold a usable design: the file is not valid JSON/,
      );
    });

    it('not a design', async () => {
      expect(await reasonOf(await fragmentOfText('[1, 2, 3]'))).toMatch(
        /does not hold a usable design: the file does not hold a design/,
      );
      expect(await reasonOf(await fragmentOfText('{"format": "drawio"}'))).toMatch(/not a VPC Designer design/);
      expect(await reasonOf(await fragmentOfText(JSON.stringify({ ...exampleDesign(), formatVersion: 99 })))).toMatch(
        /newer VPC Designer \(format 99/,
      );
    });

    it('an unknown link version, or none', async () => {
      const hash = await shareFragmentFor(exampleDesign(), 'view');
      expect(await reasonOf(hash.replace('v1.', 'v2.'))).toBe(
        'This share link was made by a newer VPC Designer (link format v2; this one reads v1).',
      );
      expect(await reasonOf('#embed=abc')).toMatch(/no format version/);
    });

    it('every reason is one line', async () => {
      const reasons = await Promise.all(['#d=v1.%%', '#d=v9.a', '#d=', await fragmentOfText('nope')].map(reasonOf));
      for (const reason of reasons) expect(reason).not.toMatch(/\n/);
    });
  });

  it('carries a lesson file as #lesson=v1.<data>, in the same packing, and says why a damaged one cannot be read', async () => {
    const text = JSON.stringify({ format: 'vpc-designer-lesson', title: 'Ünïcode “lesson”', body: 'x'.repeat(5000) });
    const hash = await lessonFragmentFor(text);
    expect(hash).toMatch(/^#lesson=v1\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(text.length / 4);
    expect(isLessonFragment(hash)).toBe(true);
    expect(shareViewOf(hash)).toBeUndefined();
    expect(await readShareFragment(hash)).toEqual({ kind: 'none' });
    expect(await readLessonFragment(hash)).toEqual({ ok: true, text });
    expect(await readLessonFragment(hash.slice(0, 30))).toEqual({
      ok: false,
      reason: 'This lesson link is damaged: its data does not unpack (it may have been cut short).',
    });
    expect(await readLessonFragment('#lesson=v9.abc')).toEqual({
      ok: false,
      reason: 'This lesson link was made by a newer VPC Designer (link format v9; this one reads v1).',
    });
    expect(isLessonFragment('#d=v1.abc')).toBe(false);
  });
});
