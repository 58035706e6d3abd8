import { expect, it } from 'vitest';
import { exampleDesign } from '../../engine/index.ts';
import {
  chosenFlowIds,
  DEFAULT_EXPORT_CHOICES,
  diagramOptionsOf,
  parseExportChoices,
  todayIso,
} from './exportChoices.ts';

const { showSupporting: _, ...defaults } = DEFAULT_EXPORT_CHOICES;

it('reads back what it wrote', () => {
  const chosen = {
    ...defaults,
    format: 'pdf',
    scope: 'selection',
    legend: false,
    flows: ['flow-1'],
    scale: 4,
    background: 'transparent',
    pageSize: 'letter',
    orientation: 'portrait',
  } as const;
  expect(parseExportChoices(JSON.stringify(chosen))).toEqual(chosen);
});

it('falls back to the defaults for a stored value it cannot read, field by field, without throwing', () => {
  for (const text of [null, '', '{', 'null', '42', '"svg"', '[1,2]', '{"__proto__":{"format":"png"}}']) {
    expect(parseExportChoices(text)).toEqual(defaults);
  }
  expect(
    parseExportChoices('{"format":"exe","scale":7,"legend":"no","flows":[1,2],"pageSize":"a4","titleBlock":false}'),
  ).toEqual({ ...defaults, titleBlock: false });
  expect(parseExportChoices('{"flows":"none","scope":"everything"}')).toEqual({ ...defaults, flows: 'none' });
});

it('picks the saved flows by id, dropping ids the design no longer has', () => {
  const design = exampleDesign();
  const ids = design.flows.map((f) => f.id);
  expect(ids.length).toBeGreaterThan(1);
  expect(chosenFlowIds(design, 'all')).toEqual(ids);
  expect(chosenFlowIds(design, 'none')).toEqual([]);
  expect(chosenFlowIds(design, [ids[1]!, 'gone'])).toEqual([ids[1]]);
});

it('turns the choices into drawing options: the title block, the selection, the flows', () => {
  const design = exampleDesign();
  const all = diagramOptionsOf(design, { ...DEFAULT_EXPORT_CHOICES, showSupporting: true }, ['vpc-prod'], '2026-12-08');
  expect(all).toEqual({
    titleBlock: { title: design.name, date: '2026-12-08', regions: ['us-east-1'] },
    legend: true,
    flows: 'all',
    findings: true,
    background: 'white',
    showSupporting: true,
  });

  const flow = design.flows[0]!.id;
  const some = diagramOptionsOf(
    design,
    {
      ...DEFAULT_EXPORT_CHOICES,
      scope: 'selection',
      titleBlock: false,
      flows: [flow],
      format: 'pdf',
      background: 'transparent',
    },
    ['vpc-prod', 'deleted-id'],
    'x',
  );
  expect(some).toMatchObject({ only: ['vpc-prod'], titleBlock: false, flows: [flow], background: 'white' });
  expect(
    diagramOptionsOf(design, { ...DEFAULT_EXPORT_CHOICES, format: 'drawio', background: 'transparent' }, [], 'x')
      .background,
  ).toBe('white');
  expect(
    diagramOptionsOf(design, { ...DEFAULT_EXPORT_CHOICES, format: 'png', background: 'transparent' }, [], 'x')
      .background,
  ).toBe('transparent');
  // "The selection" with nothing selected draws the whole design.
  expect(diagramOptionsOf(design, { ...DEFAULT_EXPORT_CHOICES, scope: 'selection' }, [], 'x')).not.toHaveProperty(
    'only',
  );
});

it('dates the title block with the local calendar day', () => {
  expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
});
