/**
 * The frame of the library's dialogs (as the app's other dialogs look): modal, named by its heading, closed by
 * Escape, a click outside or its Close button, focus moved in on open, kept in while open, and given back on close.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('[data-autofocus], button, input')?.focus();
    return () => opener?.focus?.();
  }, []);
  return createPortal(
    <div className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center" onMouseDown={onClose}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`flex max-h-[85vh] ${wide ? 'w-[40rem]' : 'w-[30rem]'} flex-col rounded-md bg-white text-gray-900 shadow-xl`}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          // Tab stays inside the dialog (it is modal): from the last control to the first and back.
          if (e.key === 'Tab' && box.current) {
            const focusable = [...box.current.querySelectorAll<HTMLElement>('button:not(:disabled), input:not([type="file"])')];
            const first = focusable[0];
            const last = focusable.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              last?.focus();
              e.preventDefault();
            } else if (!e.shiftKey && document.activeElement === last) {
              first?.focus();
              e.preventDefault();
            }
          }
        }}
      >
        <div className="flex items-center border-b border-gray-200 px-4 py-3">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" className="dialog-button ml-auto" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="min-h-0 overflow-auto px-4 py-3">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
