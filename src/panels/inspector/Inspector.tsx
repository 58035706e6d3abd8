/** The inspector: select anything to edit it. (Being built.) */
export function Inspector() {
  return <aside aria-label="Inspector" className="w-80 shrink-0 overflow-y-auto border-l border-gray-200 bg-white" />;
}
