/**
 * History: the open design's automatic snapshots — when, and what changed since the one before — each restorable
 * as one undoable step.
 */
import { useEffect, useState } from 'react';
import { useDesignStore } from '../store/designStore.ts';
import { describeTime } from './entries.ts';
import { Modal } from './Modal.tsx';
import { listSnapshots, restoreSnapshot } from './manage.ts';
import type { Snapshot } from './snapshots.ts';

export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const [snapshots, setSnapshots] = useState<Snapshot[] | undefined>(undefined);
  const readOnly = useDesignStore((s) => s.readOnly !== undefined);
  useEffect(() => {
    let live = true;
    void listSnapshots().then((list) => live && setSnapshots(list));
    return () => {
      live = false;
    };
  }, []);
  const now = Date.now();
  return (
    <Modal title="History" onClose={onClose}>
      <p className="text-xs text-gray-600">
        A snapshot is taken every few minutes of editing, and before each import, new design and restore. Restoring is
        one step: Undo brings back what was there.
      </p>
      {snapshots === undefined ? (
        <p role="status" className="mt-3 text-sm text-gray-500">
          Loading history…
        </p>
      ) : snapshots.length === 0 ? (
        <p className="mt-3 text-sm text-gray-700">No snapshots of this design yet.</p>
      ) : (
        <ul aria-label="Snapshots" className="mt-3 divide-y divide-gray-200">
          {snapshots.map((s) => (
            <li
              key={s.id}
              aria-label={`Snapshot of ${new Date(s.at).toLocaleString()}`}
              className="flex items-center gap-3 py-2"
            >
              <div className="min-w-0 flex-1">
                <div className="text-sm font-medium">
                  <time dateTime={new Date(s.at).toISOString()}>
                    {new Date(s.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                  </time>
                  <span className="ml-2 text-xs font-normal text-gray-500">{describeTime(s.at, now)}</span>
                </div>
                <div className="truncate text-xs text-gray-700" title={s.summary}>
                  {s.summary}
                </div>
              </div>
              <button
                type="button"
                className="dialog-button"
                disabled={readOnly}
                onClick={() => void restoreSnapshot(s).then((done) => done && onClose())}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
