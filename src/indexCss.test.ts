/**
 * The stylesheet's group colours are the kinds' one definition (engine/model/kinds.ts): CSS cannot import it, so
 * this keeps the two from drifting apart (the canvas's boxes use the CSS variables; the minimap, the early sketch
 * and every export read kinds.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_BOXES } from './engine/model/kinds.ts';

const css = readFileSync(join(import.meta.dirname, 'index.css'), 'utf8');
const variable = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1]?.toUpperCase();

describe('index.css group colours', () => {
  it('are the group boxes of model/kinds.ts', () => {
    expect(variable('color-vpc')).toBe(GROUP_BOXES.vpc.stroke);
    expect(variable('color-public')).toBe(GROUP_BOXES.publicSubnet.stroke);
    expect(variable('color-private')).toBe(GROUP_BOXES.privateSubnet.stroke);
    expect(variable('color-region')).toBe(GROUP_BOXES.region.stroke);
    expect(variable('color-az')).toBe(GROUP_BOXES.availabilityZone.stroke);
  });
});
