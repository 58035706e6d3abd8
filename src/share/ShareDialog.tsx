/**
 * Share: a link that holds the whole design (its flows too) in its fragment — nothing is uploaded — and the embed
 * code for an iframe. When the browser refuses the clipboard, the link shows in a field, selected, to copy by hand.
 * A design too large for a link says so and offers its file instead. Loaded when the dialog opens.
 */
import { useEffect, useRef, useState } from 'react';
import { Modal } from '../library/Modal.tsx';
import { useDesignStore } from '../store/designStore.ts';
import { exportDesign } from '../store/fileActions.ts';
import { embedCode, MAX_LINK_CHARS, shareLinkFor } from './shareLink.ts';

interface Links {
  view: string;
  embed: string;
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const design = useDesignStore((s) => s.design);
  const [links, setLinks] = useState<Links>();
  const [copied, setCopied] = useState<string>();
  const [manual, setManual] = useState<{ label: string; text: string }>();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    const page = location.href;
    void Promise.all([shareLinkFor(design, page, 'view'), shareLinkFor(design, page, 'embed')]).then(
      ([view, embed]) => {
        if (live) setLinks({ view, embed });
      },
    );
    return () => {
      live = false;
    };
  }, [design]);

  useEffect(() => {
    if (manual) field.current?.select();
  }, [manual]);

  const copy = async (label: string, text: string, done: string) => {
    setCopied(undefined);
    try {
      await navigator.clipboard.writeText(text);
      setManual(undefined);
      setCopied(done);
    } catch {
      // Refused (no permission, an insecure page, a sandboxed frame): the text, selected, to copy by hand.
      setManual({ label, text });
    }
  };

  const tooLong = links !== undefined && links.view.length > MAX_LINK_CHARS;
  return (
    <Modal title="Share" onClose={onClose}>
      {links === undefined ? (
        <p role="status" className="text-sm text-gray-500">
          Making the link…
        </p>
      ) : tooLong ? (
        <div className="space-y-3 text-sm">
          <p role="alert">
            This design is too large for a link: it would be {links.view.length.toLocaleString('en')} characters long,
            and links over {MAX_LINK_CHARS.toLocaleString('en')} characters are not reliably kept whole by browsers’
            address bars, chats and wikis. Share the design file instead.
          </p>
          <button type="button" className="dialog-button dialog-button-primary" onClick={exportDesign}>
            Download the design file
          </button>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <p className="text-gray-700">
            The link holds the whole design, its traffic flows too, inside the link itself: nothing is uploaded. Whoever
            opens it sees the design read-only and can make a copy of their own.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="dialog-button dialog-button-primary"
              data-autofocus
              onClick={() => void copy('Link', links.view, 'Link copied')}
            >
              Copy link
            </button>
            <button
              type="button"
              className="dialog-button"
              onClick={() => void copy('Embed code', embedCode(links.embed, design.name), 'Embed code copied')}
            >
              Copy embed code
            </button>
          </div>
          <p className="text-xs text-gray-600">
            The embed code shows the canvas alone — pan, zoom and the flows playing — in an iframe on a course page or
            wiki.
          </p>
          <p role="status" aria-live="polite" className="min-h-5 font-medium text-green-800">
            {copied}
          </p>
          {manual && (
            <label className="block">
              <span className="text-amber-900">
                This browser did not let the app copy. The {manual.label.toLowerCase()} is selected below: press Ctrl+C
                (⌘C) to copy it.
              </span>
              <textarea
                ref={field}
                readOnly
                aria-label={manual.label}
                value={manual.text}
                rows={4}
                className="mt-1 w-full rounded border border-gray-300 p-1 font-mono text-xs"
              />
            </label>
          )}
        </div>
      )}
    </Modal>
  );
}
