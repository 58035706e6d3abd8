/**
 * Packet Tracer's simulation-mode controls: play/pause every packet, step the selected flow's packet a hop
 * forward or back, and the speed.
 */
import { useId } from 'react';
import { SPEEDS, useTrafficStore } from '../../store/traffic.ts';
import { Icon } from './Icon.tsx';
import { iconButtonClass, labelClass } from './styles.ts';

export function SimulationControls({ steps }: { steps: number }) {
  const playing = useTrafficStore((s) => s.playing);
  const step = useTrafficStore((s) => s.step);
  const live = useTrafficStore((s) => s.liveStop);
  const speed = useTrafficStore((s) => s.speed);
  const speedId = useId();
  const running = playing && step === undefined;
  const store = useTrafficStore.getState;
  const position = step ?? live;
  return (
    <div role="toolbar" aria-label="Simulation" className="flex flex-wrap items-center gap-1">
      <button
        type="button"
        className={iconButtonClass}
        aria-label={running ? 'Pause' : 'Play'}
        title={running ? 'Pause every packet' : 'Play'}
        onClick={() => (running ? store().togglePlaying() : store().play())}
      >
        <Icon kind={running ? 'pause' : 'play'} />
      </button>
      <button type="button" className={iconButtonClass} aria-label="Step back" title="Step back one hop" disabled={steps === 0} onClick={() => store().stepBy(-1, steps)}>
        <Icon kind="back" />
      </button>
      <button type="button" className={iconButtonClass} aria-label="Step forward" title="Step forward one hop" disabled={steps === 0} onClick={() => store().stepBy(1, steps)}>
        <Icon kind="forward" />
      </button>
      <label htmlFor={speedId} className={`${labelClass} ml-1`}>
        Speed
      </label>
      <select id={speedId} className="rounded border border-gray-300 bg-white px-1 py-0.5 text-xs" value={speed} onChange={(e) => store().setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      {steps > 0 && position !== undefined && (
        <span className="ml-1 text-[11px] text-gray-500" aria-live="off">
          Hop {Math.min(position, steps - 1) + 1} of {steps}
          {step !== undefined ? ' (stepping)' : ''}
        </span>
      )}
    </div>
  );
}
