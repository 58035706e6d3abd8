/**
 * A failure drill's mark on a node: "Failed", in the node's body, which the stylesheet greys out around it (the
 * badge itself stays in full colour). Its title says why the node is down.
 */
export function FailedBadge({ reason, inside = false }: { reason: string | undefined; inside?: boolean }) {
  if (!reason) return null;
  return (
    <span className={inside ? 'failed-badge failed-badge-inside' : 'failed-badge'} title={reason} aria-hidden="true">
      Failed
    </span>
  );
}

/** A node's tooltip notes: why it is down, then its findings. */
export function notesOf(data: { failed?: string; findings?: string }): string | undefined {
  return [data.failed, data.findings].filter(Boolean).join('\n') || undefined;
}
