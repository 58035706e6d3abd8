import type { Design } from '../engine/index.ts';

/**
 * A file name from the design's name: `Example: two-AZ web app` → `example-two-az-web-app.json`. Only a–z, 0–9 and
 * single hyphens survive, so a hostile name (`../x<y>`, `con:`, slashes) can never name a path or a bad character.
 */
export function exportFileName(design: Pick<Design, 'name'>, extension = 'json'): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'design'}.${extension}`;
}

/** Saves a file through the browser's download: a Blob URL on a temporary link. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves text as a file through the browser's download (Export, and the raw data of a save that cannot be read). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
