/** A toolbar button's line icon: one 16 × 16 path drawn in the text colour (Toolbar.tsx, DrillMenu.tsx). */
export function ToolbarIcon({ d }: { d: string }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
