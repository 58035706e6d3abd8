import { beforeEach, describe, expect, it } from 'vitest';
import { deleteSelection, tidySelection } from '../canvas/actions.ts';
import { exampleDesign } from '../engine/index.ts';
import { useDesignStore } from './designStore.ts';
import { applySelectChanges, clearSelection, syncSelection } from './selection.ts';
import { useUiStore } from './uiStore.ts';

const click = (id: string) => ({ type: 'select', id, selected: true });
const unclick = (id: string) => ({ type: 'select', id, selected: false });
const store = () => useDesignStore.getState();

beforeEach(() => {
  store().load(exampleDesign());
  useDesignStore.setState({ notice: undefined });
  useUiStore.getState().setShowSupporting(false);
});

describe('the selection the user sees', () => {
  it('clicking empty canvas clears a route table opened from the inspector, so the next subnet is selected alone', () => {
    syncSelection([click('subnet-public-a')]);
    // "Open" on the subnet's route table in the inspector (route tables are not drawn).
    store().select(['rtb-public']);
    clearSelection();
    expect(store().selection).toEqual([]);
    syncSelection([click('subnet-private-a')]);
    expect(store().selection).toEqual(['subnet-private-a']);
  });

  it('clicking a node replaces a hidden record rather than adding to it, even without an empty-canvas click', () => {
    store().select(['rtb-public']);
    syncSelection([click('subnet-private-a')]);
    expect(store().selection).toEqual(['subnet-private-a']);
  });

  it('keeps adding what is drawn: Shift+click builds a selection of several, and route tables join it when shown', () => {
    syncSelection([click('subnet-public-a')]);
    syncSelection([click('subnet-private-a')]);
    expect(store().selection).toEqual(['subnet-public-a', 'subnet-private-a']);
    useUiStore.getState().setShowSupporting(true);
    syncSelection([click('rtb-public')]);
    expect(store().selection).toHaveLength(3);
    // Hiding route tables takes them out of a selection of several.
    useUiStore.getState().setShowSupporting(false);
    expect(store().selection).toEqual(['subnet-public-a', 'subnet-private-a']);
  });

  it('applies unselect changes and ignores changes that are not about selection', () => {
    const drawn = () => true;
    expect(applySelectChanges(['a', 'b'], [unclick('a'), { type: 'position' }], drawn)).toEqual(['b']);
    expect(applySelectChanges(['a'], [{ type: 'dimensions' }], drawn)).toEqual(['a']);
  });
});

describe('Delete acts on what is selected and says what went', () => {
  it('after the hidden-selection sequence deletes only the subnet clicked, and names it', () => {
    syncSelection([click('subnet-public-a')]);
    store().select(['rtb-public']);
    clearSelection();
    syncSelection([click('subnet-shared-a')]);
    deleteSelection();
    const { design, notice } = store();
    expect(design.resources['subnet-shared-a']).toBeUndefined();
    expect(design.resources['rtb-public']).toBeDefined();
    expect(notice?.text).toBe('Deleted Tools A.');
  });

  it('counts several', () => {
    syncSelection([click('i-web-a')]);
    syncSelection([click('i-web-b')]);
    deleteSelection();
    expect(store().notice?.text).toBe('Deleted 2 resources: web-a, web-b.');
  });
});

describe('Tidy from the store', () => {
  it('is one undo step', () => {
    const before = store().design;
    store().select(['subnet-public-a']);
    // Pile the NAT gateway onto the instance, then tidy.
    store().load({ ...before, layout: { ...before.layout, 'nat-a': { ...before.layout['i-web-a']! } } });
    store().select(['subnet-public-a']);
    const messy = store().design;
    tidySelection();
    expect(store().past).toHaveLength(1);
    expect(store().past[0]!.label).toBe('Tidy');
    expect(store().design.layout['nat-a']).not.toEqual(store().design.layout['i-web-a']);
    store().undo();
    expect(store().design).toBe(messy);
  });
});
