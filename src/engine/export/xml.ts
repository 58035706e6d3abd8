/**
 * Writing SVG as text: escaping (every user string goes through `esc`, so a name like `</text><script>` stays
 * text), rounded numbers and elements with attributes. Pure string building: the CLI draws without a DOM.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text and attribute values, and drops the characters XML 1.0 forbids (control characters other than
 * tab and line breaks, unpaired surrogates), so any name still gives a well-formed file.
 *
 * @example esc('</text><script>') // '&lt;/text&gt;&lt;script&gt;'
 */
export function esc(text: string): string {
  return (
    text
      // XML 1.0 forbids these characters outright (https://www.w3.org/TR/xml/#charsets): they are the point here.
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '',
      )
      .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
  );
}

/** A coordinate rounded to one decimal (the drawing's grid is whole units; tenths keep curves smooth). */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

function attrs(a: Attrs): string {
  let out = '';
  for (const key of Object.keys(a)) {
    const v = a[key];
    if (v === undefined) continue;
    out += ` ${key}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** An element; `children` is markup already written (escape text with `esc`). */
export function el(tag: string, a: Attrs, children?: string): string {
  return children === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

/** Points of a path or polyline, rounded. */
export function pointsOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
}

/** The width text takes in Arial / Helvetica, estimated from its length (no font metrics without a DOM). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if (/[il.,:;'|!1 ]/.test(ch)) units += 0.3;
    else if (/[mwMW@]/.test(ch)) units += 0.85;
    else if (/[A-Z0-9#%&]/.test(ch)) units += 0.66;
    else units += 0.54;
  }
  return units * fontSize * (bold ? 1.07 : 1);
}

/** Splits text into lines of at most `width`, at spaces (a long word stays whole). */
export function wrap(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]} …`;
    return kept;
  }
  return lines;
}
