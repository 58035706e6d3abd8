/**
 * Packet Tracer's simulation-mode controls: play/pause every packet, step the selected flow's packet a hop
 * forward or back, the speed, and "Reduce motion" (packets rest where they end up and paths are drawn still;
 * it follows the system setting until changed here, and the choice is kept).
 */
import { useId } from 'react';
import { choiceFor, useReducedMotion, useSystemReducedMotion } from '../../canvas/traffic/motion.ts';
import { SPEEDS, useTrafficStore } from '../../store/traffic.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { Icon } from './Icon.tsx';
import { iconButtonClass, labelClass } from './styles.ts';

const STILL = 'Motion is reduced: packets rest where they end up. Step through the hops instead.';

function ReduceMotionToggle() {
  const still = useReducedMotion();
  const system = useSystemReducedMotion();
  const choice = useUiStore((s) => s.reduceMotion);
  const id = useId();
  return (
    <span
      className="ml-auto inline-flex items-center gap-1"
      title={
        choice === undefined ? 'Follows your system setting until you change it' : 'Your choice, kept on this browser'
      }
    >
      <input
        id={id}
        type="checkbox"
        className="h-3.5 w-3.5 accent-sky-700"
        checked={still}
        onChange={(e) => useUiStore.getState().setReduceMotion(choiceFor(e.target.checked, system))}
      />
      <label htmlFor={id} className={labelClass}>
        Reduce motion
      </label>
    </span>
  );
}

export function SimulationControls({ steps }: { steps: number }) {
  const playing = useTrafficStore((s) => s.playing);
  const step = useTrafficStore((s) => s.step);
  const live = useTrafficStore((s) => s.liveStop);
  const speed = useTrafficStore((s) => s.speed);
  const still = useReducedMotion();
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
        title={still ? STILL : running ? 'Pause every packet' : 'Play'}
        disabled={still}
        onClick={() => (running ? store().togglePlaying() : store().play())}
      >
        <Icon kind={running ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className={iconButtonClass}
        aria-label="Step back"
        title="Step back one hop"
        disabled={steps === 0}
        onClick={() => store().stepBy(-1, steps)}
      >
        <Icon kind="back" />
      </button>
      <button
        type="button"
        className={iconButtonClass}
        aria-label="Step forward"
        title="Step forward one hop"
        disabled={steps === 0}
        onClick={() => store().stepBy(1, steps)}
      >
        <Icon kind="forward" />
      </button>
      <label htmlFor={speedId} className={`${labelClass} ml-1`}>
        Speed
      </label>
      <select
        id={speedId}
        className="rounded border border-gray-300 bg-white px-1 py-0.5 text-xs disabled:opacity-50"
        value={speed}
        disabled={still}
        title={still ? STILL : undefined}
        onChange={(e) => store().setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <ReduceMotionToggle />
      {steps > 0 && position !== undefined && (
        <span className="basis-full text-[11px] text-gray-500" aria-live="off">
          Hop {Math.min(position, steps - 1) + 1} of {steps}
          {step !== undefined ? ' (stepping)' : still ? ' (where it ends up)' : ''}
        </span>
      )}
    </div>
  );
}
