import type { Design } from '../engine/index.ts';

/** A file name from the design's name: `Example: two-AZ web app` → `example-two-az-web-app.json`. */
export function exportFileName(design: Design): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'design'}.json`;
}

/** Saves text as a file through the browser's download (Export, and the raw data of a save that cannot be read). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
