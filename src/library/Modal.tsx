/**
 * The frame of the library's dialogs: a heading and a Close button over a scrolling body, in the app's shared
 * modal frame (`DialogFrame`: Escape, a click outside, focus in and kept in, given back on close).
 */
import { useId, type ReactNode } from 'react';
import { DialogFrame } from '../panels/DialogFrame.tsx';

export function Modal({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  return (
    <DialogFrame
      labelledBy={titleId}
      onClose={onClose}
      className={`flex max-h-[85vh] ${wide ? 'w-[40rem]' : 'w-[30rem]'} flex-col`}
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
    </DialogFrame>
  );
}
