import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateResource } from '../../engine/commands/edit.ts';
import { failZone } from '../../engine/commands/drills.ts';
import { addFlow } from '../../engine/commands/flows.ts';
import { exampleDesign, type SecurityGroup } from '../../engine/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useTrafficStore } from '../../store/traffic.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { watchFlowChanges } from './useWhatIf.ts';

const closeWebEgress = updateResource<SecurityGroup>('sg-web', { egress: [] }, 'Remove outbound rule');

describe('what-if messages as the design changes', () => {
  let stop: () => void;
  beforeEach(() => {
    useDesignStore.getState().load(exampleDesign());
    useTrafficStore.setState({
      whatIf: undefined,
      selectedFlowId: undefined,
      step: undefined,
      highlightRule: undefined,
    });
    useUiStore.getState().setBottomTab('traffic');
    stop = watchFlowChanges();
  });
  afterEach(() => stop());

  const said = () => useTrafficStore.getState().whatIf?.text;

  it('says which flows an edit blocks, and that undo makes them reachable again', () => {
    useDesignStore.getState().execute(closeWebEgress);
    expect(said()).toBe('This change blocks 1 flow: web-a → internet (HTTPS).');
    useDesignStore.getState().undo();
    expect(said()).toBe('Undone: 1 flow is reachable again: web-a → internet (HTTPS).');
    useDesignStore.getState().redo();
    expect(said()).toBe('Redone: this change blocks 1 flow: web-a → internet (HTTPS).');
  });

  it('says which flows a failure drill breaks, as one undo step that brings them back', () => {
    useDesignStore.getState().execute(failZone('us-east-1a'));
    expect(said()).toBe('The failure drill breaks 2 flows: web-a → internet (HTTPS), app-a → S3 via the endpoint.');
    expect(useDesignStore.getState().past.at(-1)?.label).toBe('Fail Availability Zone us-east-1a (drill)');
    useDesignStore.getState().undo();
    expect(said()).toBe('Undone: 2 flows are reachable again: web-a → internet (HTTPS), app-a → S3 via the endpoint.');
    expect(useDesignStore.getState().design.failures).toBeUndefined();
  });

  it('says nothing for edits that change no flow, for saving a flow, or for loading a design', () => {
    useDesignStore.getState().execute(updateResource('i-tools', { name: 'tools-1' }));
    useDesignStore
      .getState()
      .execute(addFlow({ name: 'web-b → internet', from: 'i-web-b', to: 'internet', protocol: 'tcp', port: 443 }));
    const broken = exampleDesign();
    (broken.resources['sg-web'] as SecurityGroup).egress = [];
    useDesignStore.getState().load(broken);
    expect(said()).toBeUndefined();
  });

  it('also shows the message on the status line when the Traffic tab is not open', () => {
    useUiStore.getState().setBottomTab('findings');
    useDesignStore.getState().execute(closeWebEgress);
    expect(useDesignStore.getState().notice?.text).toBe('This change blocks 1 flow: web-a → internet (HTTPS).');
  });

  it('lets a packet held at a step run again when the change affects its flow', () => {
    useTrafficStore.setState({ selectedFlowId: 'flow-web-internet', step: 3 });
    useDesignStore.getState().execute(closeWebEgress);
    expect(useTrafficStore.getState().step).toBeUndefined();
  });

  it('forgets a highlighted rule known only by position once its group changes', () => {
    useTrafficStore.getState().setHighlightRule({ resourceId: 'sg-web', ruleId: 'sg-web egress #1' });
    useDesignStore.getState().execute(closeWebEgress);
    expect(useTrafficStore.getState().highlightRule).toBeUndefined();
  });
});

describe('stepping', () => {
  it('starts from the live packet, clamps to the ends, and play ends stepping', () => {
    useTrafficStore.setState({ step: undefined, liveStop: 4 });
    const { stepBy } = useTrafficStore.getState();
    stepBy(1, 6);
    expect(useTrafficStore.getState().step).toBe(5);
    stepBy(1, 6);
    expect(useTrafficStore.getState().step).toBe(5);
    stepBy(-9, 6);
    expect(useTrafficStore.getState().step).toBe(0);
    useTrafficStore.getState().play();
    expect(useTrafficStore.getState()).toMatchObject({ step: undefined, playing: true });
  });
});
