/**
 * The designer's layout: toolbar across the top; palette, canvas and inspector side by side; findings and
 * traffic below the canvas.
 */
export function App() {
  return (
    <div className="flex h-full flex-col">
      <header className="flex items-center gap-2 bg-aws-squid px-3 py-2 text-white">
        <h1 className="text-base font-semibold">VPC Designer</h1>
        <nav aria-label="Toolbar" className="ml-4 flex gap-1">
          <button type="button">Undo</button>
          <button type="button">Redo</button>
          <button type="button">New design</button>
          <button type="button">Import</button>
          <button type="button">Export</button>
        </nav>
      </header>
      <main className="flex min-h-0 flex-1">
        <aside aria-label="Palette" className="w-44 overflow-y-auto border-r border-gray-200" />
        <div className="relative min-w-0 flex-1" />
        <aside aria-label="Inspector" className="w-80 overflow-y-auto border-l border-gray-200" />
      </main>
      <section aria-label="Findings" className="h-40 border-t border-gray-200" />
    </div>
  );
}
