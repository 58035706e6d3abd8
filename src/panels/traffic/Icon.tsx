/** Small media icons drawn in SVG (the system fonts here lack the media-control glyphs). */
export function Icon({ kind }: { kind: 'play' | 'pause' | 'back' | 'forward' | 'edit' }) {
  const paths = {
    play: 'M4 2.5v11l9-5.5z',
    pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
    back: 'M3 2.5h2v11H3zM14 2.5v11L6 8z',
    forward: 'M11 2.5h2v11h-2zM2 2.5v11L10 8z',
    edit: 'M11.3 1.6l3.1 3.1-8.6 8.6-3.8.7.7-3.8zM10 4.4L3.9 10.5l-.3 1.9 1.9-.3L11.6 6z',
  } as const;
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 16 16" fill="currentColor">
      <path d={paths[kind]} />
    </svg>
  );
}
