import { describe, expect, it } from 'vitest';
import { isTextEntry, shortcutFor, type KeyPress } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps the editing habits of design tools, with Ctrl or Cmd alike', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }))).toEqual({ action: 'undo' });
    expect(shortcutFor(press('z', { metaKey: true }))).toEqual({ action: 'undo' });
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ action: 'redo' });
    expect(shortcutFor(press('y', { ctrlKey: true }))).toEqual({ action: 'redo' });
    expect(shortcutFor(press('c', { metaKey: true }))).toEqual({ action: 'copy' });
    expect(shortcutFor(press('v', { ctrlKey: true }))).toEqual({ action: 'paste' });
    expect(shortcutFor(press('d', { ctrlKey: true }))).toEqual({ action: 'duplicate' });
    expect(shortcutFor(press('Delete'))).toEqual({ action: 'delete' });
    expect(shortcutFor(press('Backspace'))).toEqual({ action: 'delete' });
  });

  it('nudges by one pixel, or ten with Shift', () => {
    expect(shortcutFor(press('ArrowLeft'))).toEqual({ action: 'nudge', dx: -1, dy: 0 });
    expect(shortcutFor(press('ArrowDown', { shiftKey: true }))).toEqual({ action: 'nudge', dx: 0, dy: 10 });
  });

  it('tidies the selected container with Shift+T, and leaves a plain T alone', () => {
    expect(shortcutFor(press('T', { shiftKey: true }))).toEqual({ action: 'tidy' });
    expect(shortcutFor(press('t'))).toBeUndefined();
  });

  it('fails or restores the selection in a failure drill with Shift+F, and leaves a plain F alone', () => {
    expect(shortcutFor(press('F', { shiftKey: true }))).toEqual({ action: 'toggleFailure' });
    expect(shortcutFor(press('f'))).toBeUndefined();
    expect(shortcutFor(press('f', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
  });

  it('leaves other keys and Alt combinations to the browser', () => {
    expect(shortcutFor(press('a'))).toBeUndefined();
    expect(shortcutFor(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('isTextEntry', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, isContentEditable: false, closest: () => null, ...extra }) as unknown as EventTarget;

  it('treats text inputs, text areas, selects and contenteditable as typing', () => {
    expect(isTextEntry(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTextEntry(el('TEXTAREA'))).toBe(true);
    expect(isTextEntry(el('SELECT'))).toBe(true);
    expect(isTextEntry(el('DIV', { isContentEditable: true }))).toBe(true);
  });

  it('does not treat buttons, checkboxes or the canvas as typing', () => {
    expect(isTextEntry(el('BUTTON'))).toBe(false);
    expect(isTextEntry(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextEntry(el('DIV'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });

  it('leaves keys alone inside a dialog', () => {
    expect(isTextEntry(el('BUTTON', { closest: () => ({}) }))).toBe(true);
  });
});
