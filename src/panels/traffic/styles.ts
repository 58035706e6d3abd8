/** Tailwind classes the traffic panels share (the inspector's look, slightly denser). */
export const fieldClass =
  'w-full min-w-0 rounded border border-gray-300 bg-white px-1.5 py-0.5 text-xs text-gray-900 focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600';
export const labelClass = 'block text-[11px] font-medium text-gray-600';
export const primaryButtonClass =
  'rounded border border-sky-700 bg-sky-700 px-2.5 py-0.5 text-xs font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-400';
export const secondaryButtonClass =
  'rounded border border-gray-300 bg-white px-2 py-0.5 text-xs font-medium text-gray-700 hover:bg-gray-50 focus:outline-none focus:ring-1 focus:ring-sky-600 disabled:cursor-not-allowed disabled:opacity-50';
export const iconButtonClass =
  'inline-flex h-6 min-w-6 items-center justify-center rounded border border-gray-300 bg-white px-1 text-xs text-gray-700 hover:bg-gray-50 focus:outline-none focus:ring-1 focus:ring-sky-600 disabled:cursor-not-allowed disabled:opacity-40';
export const headingClass = 'text-[11px] font-semibold uppercase tracking-wide text-gray-500';

export const BADGE = {
  ok: 'border-green-300 bg-green-50 text-green-800',
  blocked: 'border-red-300 bg-red-50 text-red-800',
  error: 'border-amber-300 bg-amber-50 text-amber-900',
} as const;
