/**
 * The frame every modal dialog of the app shares: over a dimmed page, named by its heading (`labelledBy`), closed
 * by Escape (and by a click outside, unless `closeOnOutsideClick` is false — a long form would lose its input),
 * focus moved in on open (to the `[data-autofocus]` control, else the first control that is not a help button), kept in while open (Tab and
 * Shift+Tab cycle), and given back to what had it on close.
 *
 * @example <DialogFrame labelledBy={titleId} onClose={close} className="w-[30rem]"><h2 id={titleId}>…</h2>…</DialogFrame>
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'input:not([type="file"]), select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('disabled') && !el.hidden && el.tabIndex >= 0,
  );
}

export function DialogFrame(props: {
  labelledBy: string;
  onClose: () => void;
  /** The dialog box's size and layout (its look — white, rounded, shadowed — is the frame's). */
  className: string;
  closeOnOutsideClick?: boolean;
  children: ReactNode;
}) {
  const { onClose, closeOnOutsideClick = true } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const inside = box.current;
    // The first control, not the "About …" help button a field's label carries (panels/help).
    const first = () => focusables(inside!).find((el) => !el.classList.contains('help-button'));
    if (inside) (inside.querySelector<HTMLElement>('[data-autofocus]') ?? first())?.focus();
    return () => opener?.focus();
  }, []);
  const dialog = (
    <div
      className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center p-4"
      onMouseDown={closeOnOutsideClick ? onClose : undefined}
    >
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        className={`rounded-md bg-white text-gray-900 shadow-xl ${props.className}`}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
          if (e.key !== 'Tab' || !box.current) return;
          const controls = focusables(box.current);
          const first = controls[0];
          const last = controls.at(-1);
          if (e.shiftKey && document.activeElement === first) {
            last?.focus();
            e.preventDefault();
          } else if (!e.shiftKey && document.activeElement === last) {
            first?.focus();
            e.preventDefault();
          }
        }}
      >
        {props.children}
      </div>
    </div>
  );
  // Rendered to markup in a test (no document), it stands where it is.
  return typeof document === 'undefined' ? dialog : createPortal(dialog, document.body);
}
