/**
 * Share links: the whole design (its saved traffic flows included) in the URL's fragment, so opening one sends
 * nothing to any server — browsers never send the fragment. The fragment is `#d=v1.<data>` (the design, read-only,
 * with "Make a copy") or `#embed=v1.<data>` (the canvas alone, for an iframe); `<data>` is the design file's compact
 * JSON, compressed with raw DEFLATE (the browser's own CompressionStream, no library) and written in base64url.
 * A lesson travels the same way as `#lesson=v1.<data>` (its lesson file's text).
 *
 * Reading never throws: it returns the design or one plain sentence saying why the link cannot be opened.
 *
 * @example
 *   const link = await shareLinkFor(design, 'https://example.org/app/', 'view'); // …/app/#d=v1.rVRNb…
 *   const read = await readShareFragment(new URL(link).hash); // { kind: 'shared', view: 'view', design }
 */
import { parseDesignFile, serializeDesign, type Design } from '../engine/index.ts';

export type ShareView = 'view' | 'embed';

const PREFIX: Record<ShareView, string> = { view: 'd=', embed: 'embed=' };
const VERSION = 'v1';

/**
 * The longest link offered for copying. Chromium accepts URLs up to 2 MB but its address bar shows only the first
 * 32 KB (kMaxURLDisplayChars), and Firefox's shows 65,536 characters; a longer link cannot be copied back out of the
 * address bar whole, and chat and wiki tools cut pasted links well before 2 MB. See
 * https://chromium.googlesource.com/chromium/src/+/main/docs/security/url_display_guidelines/url_display_guidelines.md
 */
export const MAX_LINK_CHARS = 32_000;

/** Decompressed designs above this are refused: a few kilobytes of link must not fill the visitor's memory. */
const MAX_DESIGN_CHARS = 50_000_000;

export type ShareRead =
  | { kind: 'none' }
  | { kind: 'shared'; view: ShareView; design: Design }
  | { kind: 'error'; view: ShareView; reason: string };

/** Which share view a fragment asks for, without decoding it (undefined: not a share link). */
export function shareViewOf(hash: string): ShareView | undefined {
  const body = hash.replace(/^#/, '');
  if (body.startsWith(PREFIX.view)) return 'view';
  if (body.startsWith(PREFIX.embed)) return 'embed';
  return undefined;
}

/** The fragment (with its `#`) that carries `design`. */
export async function shareFragmentFor(design: Design, view: ShareView): Promise<string> {
  return `#${PREFIX[view]}${await packFragment(serializeDesign(design, 'compact'))}`;
}

/** The page's address (without its own fragment) with the design's fragment. */
export async function shareLinkFor(design: Design, pageUrl: string, view: ShareView): Promise<string> {
  return pageUrl.replace(/#.*$/, '') + (await shareFragmentFor(design, view));
}

/**
 * The `<iframe>` snippet that embeds an `embed` link in a page, titled with the design's name (escaped for the
 * attribute, so a name can never break out of it).
 */
export function embedCode(link: string, name: string): string {
  const attr = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${attr(link)}" title="${attr(`${name} — VPC Designer`)}" width="960" height="600" style="border: 1px solid #d1d5db" loading="lazy"></iframe>`;
}

/** Reads a location's fragment: not a share link, a design to show, or why the link cannot be opened. */
export async function readShareFragment(hash: string): Promise<ShareRead> {
  const view = shareViewOf(hash);
  if (!view) return { kind: 'none' };
  const unpacked = await unpackFragment(hash.replace(/^#/, '').slice(PREFIX[view].length), 'share link');
  if (!unpacked.ok) return { kind: 'error', view, reason: unpacked.reason };
  const read = parseDesignFile(unpacked.text);
  if (!read.ok)
    return { kind: 'error', view, reason: `This share link does not hold a usable design: ${lowerFirst(read.error)}` };
  return { kind: 'shared', view, design: read.value };
}

// ---------------------------------------------------------------------------------------------------------------
// Lesson links (issue 9): `#lesson=v1.<data>`, the lesson file packed as a design is. Parsing the lesson is the
// caller's (the lesson parser is not part of a first visit's JavaScript).

const LESSON_PREFIX = 'lesson=';

/** Whether a fragment carries a lesson, without decoding it. */
export function isLessonFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(LESSON_PREFIX);
}

/** The fragment (with its `#`) that carries a lesson file's text. */
export async function lessonFragmentFor(lessonText: string): Promise<string> {
  return `#${LESSON_PREFIX}${await packFragment(lessonText)}`;
}

/** The lesson file's text a `#lesson=` fragment carries, or why the link cannot be read (one sentence). */
export async function readLessonFragment(
  hash: string,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  if (!isLessonFragment(hash)) return { ok: false, reason: 'This link holds no lesson.' };
  return unpackFragment(hash.replace(/^#/, '').slice(LESSON_PREFIX.length), 'lesson link');
}

/** `v1.<data>`: the text, compressed with raw DEFLATE and written in base64url. */
async function packFragment(text: string): Promise<string> {
  return `${VERSION}.${toBase64Url(await compress(new TextEncoder().encode(text)))}`;
}

/** The text of `v1.<data>`, or why it cannot be read, naming the link as `what` ("share link", "lesson link"). */
async function unpackFragment(
  body: string,
  what: string,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const fail = (reason: string) => ({ ok: false as const, reason });
  const dot = body.indexOf('.');
  const version = dot < 0 ? '' : body.slice(0, dot);
  if (!/^v\d+$/.test(version))
    return fail(`This ${what} is damaged: it has no format version (it may have been cut short).`);
  if (version !== VERSION)
    return fail(`This ${what} was made by a newer VPC Designer (link format ${version}; this one reads ${VERSION}).`);
  const bytes = fromBase64Url(body.slice(dot + 1));
  if (!bytes)
    return fail(
      `This ${what} is damaged: its data has characters a link never holds (it may have been edited or cut).`,
    );
  const text = await decompress(bytes);
  if (text === 'too large') return fail(`This ${what} holds more than this app opens from a link.`);
  if (text === undefined)
    return fail(`This ${what} is damaged: its data does not unpack (it may have been cut short).`);
  return { ok: true, text };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The unpacked text; undefined when the data is not raw DEFLATE (or is cut short); `too large` past the cap. */
async function decompress(bytes: Uint8Array): Promise<string | undefined | 'too large'> {
  try {
    const reader = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > MAX_DESIGN_CHARS) {
        await reader.cancel();
        return 'too large';
      }
    }
    return text + decoder.decode();
  } catch {
    return undefined;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
