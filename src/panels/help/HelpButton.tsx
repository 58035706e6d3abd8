/**
 * The small ⓘ button beside a palette item or an inspector field: it opens a popover saying what the thing is
 * and when to use it, with a link to its glossary entry. Keyboard: Enter or Space opens it (focus moves into
 * it), Escape closes it and gives focus back, Tab moves through it; a click elsewhere closes it.
 *
 * @example <HelpButton topic="NAT gateway" help={KIND_HELP.natGateway} />
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { openGlossary, preloadGlossary } from '../glossary/openGlossary.ts';

export interface Help {
  about: string;
  concept?: string;
}

const WIDTH = 256;

export function HelpButton({ topic, help, className = '' }: { topic: string; help: Help; className?: string }) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ left: number; top: number }>();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left - 8, window.innerWidth - WIDTH - 8));
    const below = r.bottom + 6;
    setAt({ left, top: below + 140 > window.innerHeight ? Math.max(8, r.top - 146) : below });
    popover.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!popover.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={`About ${topic}`}
        className={`help-button ${className}`}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
        onPointerEnter={help.concept ? preloadGlossary : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            close(true);
          }
        }}
      >
        <span aria-hidden="true">i</span>
        {/* Its name as text, not aria-label: a field found by its label (getByLabel, assistive technology's
            label lookup) must not also find its help button. */}
        <span className="sr-only">About {topic}</span>
      </button>
      {open && (
        <div
          ref={popover}
          id={id}
          role="dialog"
          aria-label={`About ${topic}`}
          tabIndex={-1}
          className="help-popover"
          style={{ left: at?.left ?? -9999, top: at?.top ?? -9999, width: WIDTH }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(true);
            }
          }}
          onBlur={(e) => {
            const next = e.relatedTarget as Node | null;
            if (next && !popover.current?.contains(next) && next !== button.current) setOpen(false);
          }}
        >
          <p className="font-semibold text-gray-900">{topic}</p>
          <p className="mt-0.5 text-gray-700">{help.about}</p>
          {help.concept && (
            <button
              type="button"
              className="mt-1.5 text-sky-700 underline decoration-sky-300 hover:decoration-sky-700"
              onClick={() => {
                const concept = help.concept;
                setOpen(false);
                openGlossary(concept);
              }}
            >
              Open in the glossary
            </button>
          )}
        </div>
      )}
    </>
  );
}
