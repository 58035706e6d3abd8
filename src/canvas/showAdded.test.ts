/**
 * A route table (or security group, or network ACL) added from the palette is drawn and opened even while
 * "RT / SG / NACL" is off: adding it turns the layer on, says so, and selects it for the inspector.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDesign } from '../engine/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { addToSelection } from './actions.ts';

beforeEach(() => {
  useDesignStore.getState().load(exampleDesign());
  useDesignStore.setState({ notice: undefined, selection: [] });
  useUiStore.getState().setShowSupporting(false);
});

describe('adding a route table from the palette', () => {
  it('turns RT / SG / NACL on, says so, and selects the new table', () => {
    useDesignStore.getState().select(['vpc-prod']);
    addToSelection('Route table');
    const { selection, design, notice } = useDesignStore.getState();
    expect(selection).toEqual(['rtb-1']);
    expect(design.resources['rtb-1']).toMatchObject({ kind: 'routeTable', vpcId: 'vpc-prod', main: false });
    expect(useUiStore.getState().showSupporting).toBe(true);
    expect(notice?.text).toMatch(/so that rtb-1 is visible/);
  });

  it('leaves the layer alone when what was added is drawn anyway', () => {
    useDesignStore.getState().select(['subnet-private-a']);
    addToSelection('EC2 instance');
    expect(useDesignStore.getState().selection).toEqual(['i-1']);
    expect(useUiStore.getState().showSupporting).toBe(false);
  });
});
