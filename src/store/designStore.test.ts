import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDesign, renameDesign } from '../engine/index.ts';
import { useDesignStore } from './designStore.ts';

beforeEach(() => {
  useDesignStore.getState().load(exampleDesign());
  useDesignStore.getState().setReadOnly(undefined);
});

describe('a read-only design', () => {
  it('refuses edits, undo and redo with the plain message it was given', () => {
    const store = useDesignStore.getState();
    store.execute(renameDesign('Edited here'));
    store.setReadOnly('This design is open for editing in another tab.');
    const before = useDesignStore.getState().design;

    expect(useDesignStore.getState().execute(renameDesign('Overwrite'))).toBe(false);
    useDesignStore.getState().undo();
    expect(useDesignStore.getState().design).toBe(before);
    expect(useDesignStore.getState().notice).toMatchObject({
      tone: 'error',
      text: 'This design is open for editing in another tab.',
    });

    useDesignStore.getState().setReadOnly(undefined);
    expect(useDesignStore.getState().execute(renameDesign('Editable again'))).toBe(true);
    expect(useDesignStore.getState().design.name).toBe('Editable again');
  });
});
