/**
 * This tab's side of the library: which entry is open, saving it as it changes, automatic snapshots, and the
 * rule that only one tab edits a design at a time.
 *
 * One editor per design: a tab holds the Web Lock `vpc-designer:design:<id>` while it edits. A tab that opens a
 * design another tab holds shows it read-only (the design store refuses edits), follows that tab's saves live
 * (BroadcastChannel), and waits in the lock's queue: when the other tab closes — or crashes, which releases its
 * locks too — it reads the latest save and may edit. "Take over here" steals the lock; the tab that lost it
 * becomes read-only and says so. Undo history is per tab and starts afresh whenever the design is (re)loaded.
 *
 * Without IndexedDB (or when a write fails) the tab keeps working in memory and says so once, offering a download.
 */
import type { Design } from '../engine/index.ts';
import { emptyDesign, exampleDesign, replaceDesign } from '../engine/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { mostRecentUsable, type EntryOrigin, type LibraryEntry } from './entries.ts';
import { useLibraryStore, type EditMode } from './libraryStore.ts';
import { addSnapshot, beforeSummary, isSnapshotDue, summarizeChanges, type Snapshot } from './snapshots.ts';
import { finishReading, readSavedDesign, READ_OFF_THREAD_CHARS } from './readLarge.ts';
import { LAST_OPEN_KEY, TAB_OPEN_KEY } from './keys.ts';
import { isQuotaError, newId, readSavedText, storedText, type LibraryStorage } from './storage.ts';

const SAVE_DELAY_MS = 300;

export const READ_ONLY_MESSAGES: Record<Exclude<EditMode, 'editing'>, string> = {
  elsewhere: 'This design is open for editing in another tab. Choose “Take over here” to edit it in this tab.',
  taken: 'This design is now being edited in another tab. Choose “Take over here” to edit it here again.',
  shared: 'This is a shared design, read-only. Choose “Make a copy” to edit a copy of your own.',
};

/**
 * Between tabs: `saved` (a new save of `id`: read-only tabs follow it), `index` (the list changed), `release` (a tab
 * asks the one editing `id` to save what it has and let go, so a take-over never loses an edit not yet saved).
 */
type Message = { type: 'saved'; id: string } | { type: 'index' } | { type: 'release'; id: string };

/** How long "Take over here" waits for the editing tab to save and let go before taking the design from it. */
const HANDOVER_TIMEOUT_MS = 2000;
const TAKEN_OVER = 'You are editing this design here now. The other tab is read-only.';

let storage: LibraryStorage | undefined;
let currentId: string | undefined;
/** The design last written or read for `currentId`: a store change to anything else is an edit to save. */
let savedDesign: Design | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** Writes run one after another, so a save never overtakes the entry's creation. */
let writes: Promise<unknown> = Promise.resolve();
let changeLabels: string[] = [];
let lastSnapshotAt = Date.now();
let held: { id: string; token: object; release: () => void } | undefined;
let waiting: AbortController | undefined;
let channel: BroadcastChannel | undefined;
let storageTold = false;
/** A take-over this tab asked for and is waiting on (the editing tab saves and lets go, or the timer steals). */
let handover: { id: string; timer: ReturnType<typeof setTimeout> } | undefined;

const designs = () => useDesignStore.getState();

export function currentEntryId(): string | undefined {
  return currentId;
}

/** Whether `design` is the open design as last written to (or read from) the library. */
export function isSavedDesign(design: Design): boolean {
  return design === savedDesign;
}

export function hasLibrary(): boolean {
  return storage !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Starting up

/** Connects the session to the library (or to none: memory only) and starts saving. Called once, by the boot. */
export function startSession(store: LibraryStorage | undefined): void {
  storage = store;
  if (!storage) useLibraryStore.setState({ save: 'unsaved' });
  useDesignStore.subscribe((state, prev) => {
    if (state.design === prev.design) return;
    recordChange(state, prev);
    if (state.design !== savedDesign) scheduleSave();
  });
  window.addEventListener('pagehide', flushSave);
  if (storage && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel('vpc-designer:library');
    channel.onmessage = (event: MessageEvent<Message>) => void onMessage(event.data);
  }
}

/** Tells the user once that the browser does not save, and offers the design as a download. */
export function reportStorageProblem(error: unknown, kind?: 'full' | 'unavailable'): void {
  if (error) console.warn('Library storage failed:', error);
  useLibraryStore.setState({ save: 'unsaved' });
  if (storageTold) return;
  storageTold = true;
  useLibraryStore.setState({ storageProblem: kind ?? (isQuotaError(error) ? 'full' : 'unavailable') });
}

export async function refreshEntries(): Promise<LibraryEntry[]> {
  if (!storage) return [];
  const entries = await storage.readIndex();
  useLibraryStore.setState({ entries });
  return entries;
}

function announce(message: Message): void {
  channel?.postMessage(message);
}

async function onMessage(message: Message): Promise<void> {
  if (message.type === 'index') {
    await refreshEntries();
    return;
  }
  if (message.type === 'release') {
    if (held?.id === message.id && currentId === message.id) await handOver(message.id);
    return;
  }
  // A read-only tab follows the editing tab's saves.
  if (message.id === currentId && designs().readOnly !== undefined) {
    const read = await readEntry(message.id);
    if (read.ok && currentId === message.id) show(read.design);
  }
  await refreshEntries();
}

// ---------------------------------------------------------------------------------------------------------------
// Opening

function show(design: Design): void {
  savedDesign = design;
  if (storage) useLibraryStore.setState({ save: 'saved' });
  designs().load(design);
}

async function readEntry(id: string): Promise<{ ok: true; design: Design } | { ok: false; reason: string }> {
  const text = await storage!.readText(id);
  if (text === undefined) return { ok: false, reason: 'The saved data is missing.' };
  return readSavedText(text);
}

/** Records a save that cannot be read (its data untouched) and tells the user, once, with a download. */
export async function markDamaged(entry: Pick<LibraryEntry, 'id' | 'name'>, reason: string): Promise<void> {
  useLibraryStore.setState((s) => ({
    damaged: [...s.damaged.filter((d) => d.id !== entry.id), { id: entry.id, name: entry.name, reason }],
  }));
  try {
    await storage!.patchEntry(entry.id, { damaged: reason });
  } catch (error) {
    reportStorageProblem(error);
  }
}

/**
 * Makes `id` the open design: `design` when the caller has it already (a new entry), else read from the library.
 * Returns false when the entry cannot be read (it is then marked damaged and left as it is).
 */
export async function openEntry(id: string, design?: Design, text?: string): Promise<boolean> {
  if (!storage) return false;
  let next = design;
  let large = false;
  if (!next) {
    const saved = text ?? (await storage.readText(id));
    const name = useLibraryStore.getState().entries.find((e) => e.id === id)?.name ?? 'the saved design';
    large = saved !== undefined && saved.length >= READ_OFF_THREAD_CHARS;
    const read =
      saved === undefined
        ? { ok: false as const, reason: 'The saved data is missing.' }
        : await readSavedDesign(saved, name);
    if (!read.ok) {
      if ('cancelled' in read) {
        designs().notify(`Opening ${name} was cancelled; it is kept in Designs as it was.`);
        return false;
      }
      const entry = (await refreshEntries()).find((e) => e.id === id);
      await markDamaged({ id, name: entry?.name ?? 'A saved design' }, read.reason);
      return false;
    }
    next = read.design;
  }
  // At boot the canvas frames the design itself; later, a design opened in place of another (an entry, or a shared
  // design shown from a link) is framed anew.
  const switching = currentId !== undefined || useLibraryStore.getState().mode === 'shared';
  if (switching) await flushSave();
  releaseLock();
  currentId = id;
  changeLabels = [];
  lastSnapshotAt = Date.now();
  rememberOpen(id);
  show(next);
  if (large) finishReading();
  useLibraryStore.setState({ currentId: id });
  await claim(id);
  if (switching) useUiStore.getState().requestFitView();
  return true;
}

/**
 * Makes `id` the open design when the store already shows `design` (the boot showed a migrated autosave before the
 * library was ready). Nothing is reloaded: an edit made meanwhile stays, and is saved.
 */
export async function adoptOpen(id: string, design: Design): Promise<void> {
  currentId = id;
  savedDesign = design;
  changeLabels = [];
  lastSnapshotAt = Date.now();
  rememberOpen(id);
  useLibraryStore.setState({ currentId: id });
  await claim(id);
  if (designs().design !== design) scheduleSave();
}

function rememberOpen(id: string): void {
  try {
    sessionStorage.setItem(TAB_OPEN_KEY, id);
    localStorage.setItem(LAST_OPEN_KEY, id);
  } catch {
    // Without web storage a reload opens the most recent design instead: nothing is lost.
  }
}

/** The entries this tab remembers having open: its own (from before a reload), then this browser's last. */
export function rememberedIds(): string[] {
  try {
    return [sessionStorage.getItem(TAB_OPEN_KEY), localStorage.getItem(LAST_OPEN_KEY)].filter(
      (id): id is string => !!id,
    );
  } catch {
    return [];
  }
}

/** The entry this tab should open: its own from before a reload, else the one opened last, else the most recent. */
export function chooseEntry(entries: readonly LibraryEntry[]): LibraryEntry | undefined {
  const usable = (id: string) => entries.find((e) => e.id === id && e.trashedAt === undefined && !e.damaged);
  for (const id of rememberedIds()) {
    const entry = usable(id);
    if (entry) return entry;
  }
  return mostRecentUsable(entries);
}

/**
 * Adds `design` to the library as a new entry and opens it — a new design, a file, a share link or a lesson; it
 * never overwrites another entry. Without a library it replaces the open design as one undo step instead.
 */
export async function openAsNewEntry(design: Design, origin: EntryOrigin, label: string): Promise<boolean> {
  if (!storage) return designs().execute(replaceDesign(design, label));
  if (designs().readOnly === undefined && currentId) await snapshotBefore(label);
  const id = newId();
  const created = queueWrite(() => storage!.createEntry({ id, name: design.name, origin, design }));
  await openEntry(id, design);
  try {
    await created;
  } catch (error) {
    reportStorageProblem(error);
  }
  announce({ type: 'index' });
  await refreshEntries();
  return true;
}

/** Toolbar's New design: an empty design of its own, in the open design's region and account. */
export function createEmptyDesign(): Promise<boolean> {
  const { design } = designs();
  return openAsNewEntry(emptyDesign({ region: design.region, accountId: design.accountId }), 'user', 'New design');
}

/** The design a first visit (or a library with nothing usable left) opens: the example, as a library entry. */
export function openExample(): Promise<boolean> {
  return openAsNewEntry(exampleDesign(), 'user', 'Open example');
}

/** Opens a library entry; one that cannot be read is reported and the open design stays. */
export async function openDesign(id: string): Promise<void> {
  if (id === currentId) return;
  if (designs().readOnly === undefined) await snapshotBefore('opening another design');
  await openEntry(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Share links

/**
 * Shows a design from a share link, read-only, in no library entry: the design open before is saved and let go,
 * and which entry this tab or browser opened last is left as it was, so a reload without the link reopens it.
 */
export async function showShared(design: Design): Promise<void> {
  if (currentId) {
    if (designs().readOnly === undefined) await flushSave();
    releaseLock();
    endHandover();
  }
  currentId = undefined;
  useLibraryStore.setState({ currentId: undefined });
  // Read-only before the design arrives, so not a moment of it could be saved anywhere.
  setMode('shared');
  savedDesign = design;
  designs().load(design);
  changeLabels = [];
  useLibraryStore.setState({ save: 'unsaved' });
  useUiStore.getState().requestFitView();
}

/** "Make a copy": the shared design becomes a new entry of the visitor's library (never replacing one), editable. */
export async function copyShared(): Promise<boolean> {
  const { design } = designs();
  if (!storage) {
    // No library: the copy lives in this tab, editable (the storage banner already offers its download).
    setMode('editing');
    return true;
  }
  const copied = await openAsNewEntry(design, 'link', 'Make a copy');
  if (copied) designs().notify(`“${design.name}” is in your designs now; your changes to it are saved there.`);
  return copied;
}

/** Leaves a shared design (its link was taken away): the visitor's own design opens again, as at start-up. */
export async function leaveShared(): Promise<void> {
  if (useLibraryStore.getState().mode !== 'shared') return;
  if (!storage) {
    setMode('editing');
    return;
  }
  const entries = await refreshEntries();
  const tried = new Set<string>();
  for (let next = chooseEntry(entries); next; next = chooseEntry(entries.filter((e) => !tried.has(e.id)))) {
    tried.add(next.id);
    if (await openEntry(next.id)) {
      useUiStore.getState().requestFitView();
      return;
    }
  }
  await openExample();
}

// ---------------------------------------------------------------------------------------------------------------
// One editor per design

const lockName = (id: string) => lockNameOf(id);
const locks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

function setMode(mode: EditMode): void {
  useLibraryStore.setState({ mode });
  designs().setReadOnly(mode === 'editing' ? undefined : READ_ONLY_MESSAGES[mode]);
}

/**
 * Requests the design's lock. `ifAvailable`: now or not at all (`onBusy`); `steal`: from whoever holds it; neither:
 * wait in the queue until the holder lets go. The held lock is lost when another tab steals it.
 */
function requestLock(id: string, options: LockOptions, onGranted: () => void, onBusy?: () => void): void {
  const token = {};
  locks()!
    .request(lockName(id), options, (lock) => {
      if (!lock) {
        onBusy?.();
        return;
      }
      return new Promise<void>((release) => {
        held = { id, token, release };
        onGranted();
      });
    })
    .catch(() => {
      // Stolen by another tab (an aborted wait lands here too, but never held the lock).
      if (held?.token !== token) return;
      held = undefined;
      if (currentId === id) loseToAnotherTab(id);
    });
}

function releaseLock(): void {
  waiting?.abort();
  waiting = undefined;
  held?.release();
  held = undefined;
}

/** Edits `id` here if no other tab does; else shows it read-only and waits for it. */
function claim(id: string): Promise<void> {
  if (!locks()) {
    setMode('editing');
    return Promise.resolve();
  }
  return new Promise((resolve) =>
    requestLock(
      id,
      { ifAvailable: true },
      () => {
        setMode('editing');
        resolve();
      },
      () => {
        setMode('elsewhere');
        waitForRelease(id);
        resolve();
      },
    ),
  );
}

function waitForRelease(id: string): void {
  waiting = new AbortController();
  requestLock(id, { signal: waiting.signal }, () => {
    waiting = undefined;
    const askedFor = handover?.id === id;
    endHandover();
    void takeLatest(id, askedFor ? TAKEN_OVER : 'The other tab has let go of this design: you can edit it here now.');
  });
}

function endHandover(): void {
  if (handover) clearTimeout(handover.timer);
  handover = undefined;
}

/** Another tab asked to take over: save what this tab has not saved yet, then let go and follow it read-only. */
async function handOver(id: string): Promise<void> {
  await flushSave();
  if (held?.id !== id || currentId !== id) return;
  held.release();
  held = undefined;
  setMode('taken');
  designs().notify(
    'Another tab took over this design, with every edit made here saved. This tab is read-only now and follows its edits.',
  );
  waitForRelease(id);
}

function loseToAnotherTab(id: string): void {
  // An edit made here in the moment before the take-over (not yet saved) cannot be written now without overwriting
  // the other tab: say so rather than drop it silently.
  const unsaved = saveTimer !== undefined || designs().design !== savedDesign;
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  setMode('taken');
  designs().notify(
    unsaved
      ? `Another tab took over this design before your last change here (${designs().past.at(-1)?.label ?? 'an edit'}) was saved; it is not in the saved design. This tab is read-only now.`
      : 'Another tab took over this design. This tab is read-only now and follows its edits.',
    unsaved ? 'error' : 'info',
  );
  waitForRelease(id);
}

/** With the lock held: reads the latest save of `id`, shows it with a fresh history, and allows editing. */
async function takeLatest(id: string, message: string): Promise<void> {
  if (currentId !== id) return;
  const read = await readEntry(id);
  if (read.ok) show(read.design);
  changeLabels = [];
  lastSnapshotAt = Date.now();
  setMode('editing');
  designs().notify(message);
}

/** "Take over here": this tab edits the open design; the tab that was editing it becomes read-only. */
export function takeOver(): void {
  const id = currentId;
  if (!id || !locks() || handover) return;
  if (!channel) return steal(id);
  // Ask the editing tab to save and let go (this tab's waiting lock request is then granted); a tab that does not
  // answer (frozen in the background) has the design taken from it after a while.
  handover = { id, timer: setTimeout(() => steal(id), HANDOVER_TIMEOUT_MS) };
  announce({ type: 'release', id });
}

function steal(id: string): void {
  endHandover();
  if (currentId !== id) return;
  waiting?.abort();
  waiting = undefined;
  requestLock(id, { steal: true }, () => void takeLatest(id, TAKEN_OVER));
}

// ---------------------------------------------------------------------------------------------------------------
// Saving and snapshots

function recordChange(state: ReturnType<typeof designs>, prev: ReturnType<typeof designs>): void {
  if (state.design === savedDesign && state.past.length === 0) return; // a load, not an edit
  if (state.future.length > prev.future.length) changeLabels.push(`Undo ${state.future[0]?.label ?? ''}`.trim());
  else if (state.past.length > 0 && state.future.length < prev.future.length)
    changeLabels.push(`Redo ${state.past.at(-1)!.label}`);
  else if (state.past.length > 0) changeLabels.push(state.past.at(-1)!.label);
}

export function queueWrite<T>(write: () => Promise<T>): Promise<T> {
  const next = writes.then(write, write);
  writes = next.catch(() => undefined);
  return next;
}

function scheduleSave(): void {
  if (!storage || !currentId || designs().readOnly !== undefined) return;
  useLibraryStore.setState({ save: 'saving' });
  if (saveTimer === undefined) saveTimer = setTimeout(() => void save(), SAVE_DELAY_MS);
}

/** Writes a pending save now (before leaving the design or the page). */
export async function flushSave(): Promise<void> {
  if (saveTimer === undefined) return writes.then(() => undefined);
  clearTimeout(saveTimer);
  await save();
}

async function save(): Promise<void> {
  saveTimer = undefined;
  const id = currentId;
  const { design, readOnly } = designs();
  if (!storage || !id || readOnly !== undefined || design === savedDesign) return;
  const now = Date.now();
  try {
    await queueWrite(() => storage!.saveDesign(id, storedText(design), { name: design.name, editedAt: now }));
  } catch (error) {
    reportStorageProblem(error);
    return;
  }
  if (currentId !== id) return;
  savedDesign = design;
  if (saveTimer === undefined && designs().design === design) useLibraryStore.setState({ save: 'saved' });
  announce({ type: 'saved', id });
  if (isSnapshotDue(lastSnapshotAt, changeLabels.length, now))
    await takeSnapshot(summarizeChanges(changeLabels), design);
  void refreshEntries();
}

async function takeSnapshot(summary: string, design: Design): Promise<void> {
  const id = currentId;
  if (!storage || !id) return;
  const snapshot: Snapshot = { id: newId(), at: Date.now(), summary, text: storedText(design) };
  changeLabels = [];
  lastSnapshotAt = snapshot.at;
  try {
    await queueWrite(async () => storage!.writeSnapshots(id, addSnapshot(await storage!.readSnapshots(id), snapshot)));
  } catch (error) {
    reportStorageProblem(error);
  }
}

/** A snapshot of the open design before a step that replaces it (an import, a restore, a new design). */
export function snapshotBefore(step: string): Promise<void> {
  if (!storage || !currentId || designs().readOnly !== undefined) return Promise.resolve();
  return takeSnapshot(beforeSummary(step, changeLabels), designs().design);
}

export async function listSnapshots(): Promise<Snapshot[]> {
  return storage && currentId ? storage.readSnapshots(currentId) : [];
}

/** The library the session writes to, for the entry management in `manage.ts` (undefined: memory only). */
export function libraryStorage(): LibraryStorage | undefined {
  return storage;
}

/** Whether this tab holds the edit lock of `id`. */
export function holdsLock(id: string): boolean {
  return held?.id === id;
}

export const lockNameOf = (id: string) => `vpc-designer:design:${id}`;

/** Tells other tabs that the index changed (they refresh their lists). */
export function announceIndexChange(): void {
  announce({ type: 'index' });
}

export { readEntry };
