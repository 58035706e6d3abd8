/**
 * Where the Glossary lives (once, in App): it draws the view while it is open, loading it — and the glossary's
 * entries — the first time.
 */
import { Suspense } from 'react';
import { lazyNamed, Loading } from '../lazy.tsx';
import { closeGlossary, registerGlossaryLoader, useGlossaryStore } from './openGlossary.ts';

const GlossaryDialog = lazyNamed(() => import('./GlossaryDialog.tsx').then((m) => m.GlossaryDialog));
registerGlossaryLoader(GlossaryDialog.preload);

export function GlossaryHost() {
  const open = useGlossaryStore((s) => s.open);
  const id = useGlossaryStore((s) => s.id);
  const seq = useGlossaryStore((s) => s.seq);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <div className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center">
          <div className="rounded bg-white shadow">
            <Loading what="glossary" />
          </div>
        </div>
      }
    >
      <GlossaryDialog key={seq} initialId={id} onClose={closeGlossary} />
    </Suspense>
  );
}
