/** The Findings region: present even while empty. (Being built.) */
export function FindingsPanel() {
  return <section aria-label="Findings" className="h-full overflow-y-auto" />;
}
