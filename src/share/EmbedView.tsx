/**
 * An embedded design (an `#embed=` link in an iframe on a course page or a wiki): the canvas alone — pan, zoom and
 * the saved traffic flows playing — with no toolbar or panels, and a link to open it in the full designer.
 */
import { Canvas } from '../canvas/Canvas.tsx';
import { useDesignStore } from '../store/designStore.ts';
import { useShareStore } from './openLink.ts';

export function EmbedView() {
  const error = useShareStore((s) => s.embed?.error);
  const name = useDesignStore((s) => s.design.name);
  if (error !== undefined) {
    return (
      <main className="flex h-full items-center justify-center bg-gray-50 p-4">
        <p role="alert" className="max-w-md text-sm text-red-900">
          {error}
        </p>
      </main>
    );
  }
  const full = location.href.replace('#embed=', '#d=');
  return (
    <main className="relative h-full" aria-label={`${name} (embedded design)`}>
      <Canvas />
      <p className="pointer-events-auto absolute bottom-2 left-1/2 z-10 flex max-w-[55%] -translate-x-1/2 gap-1 rounded bg-white/90 px-2 py-1 text-xs whitespace-nowrap text-gray-700 shadow">
        <span className="truncate font-semibold" title={name}>
          {name}
        </span>
        <span aria-hidden="true">·</span>
        <a href={full} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline">
          Open in VPC Designer
        </a>
      </p>
    </main>
  );
}
