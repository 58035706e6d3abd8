/**
 * A template parameter without a Default, and no value supplied, leaves every value built from it unknown: the
 * rules skip what they cannot judge (a private IP of `${PrimaryIPAddress}` is neither inside nor outside its
 * subnet). This rule says so once per parameter, naming the resources that hold its unknown values, so a clean
 * report never hides that part of the template went unchecked.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
import type { ResourceId } from '../../model/types.ts';
import { unknownParametersIn } from '../../model/unknown.ts';
import { finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

/** Fields no check reads: an unknown value there skips nothing. */
const UNCHECKED_FIELDS = new Set(['id', 'kind', 'name', 'description', 'policyDocument', 'refusals']);

/** Calls `found` with every parameter named by a `${Name}` token in the checked fields of a value. */
function collect(value: unknown, found: (parameter: string) => void, depth: number): void {
  if (typeof value === 'string') {
    for (const parameter of unknownParametersIn(value)) found(parameter);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found, depth + 1);
  } else if (typeof value === 'object' && value !== null && depth < 4) {
    for (const key of Object.keys(value))
      if (!UNCHECKED_FIELDS.has(key)) collect((value as Record<string, unknown>)[key], found, depth + 1);
  }
}

export const templateParameterUnresolved: Rule = {
  id: 'template-parameter-unresolved',
  severity: 'info',
  title: 'Template parameters without a value',
  docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
  check(_design, { index }) {
    const holders = new Map<string, ResourceId[]>();
    for (const resource of index.all) {
      collect(
        resource,
        (parameter) => {
          const ids = holders.get(parameter);
          if (!ids) holders.set(parameter, [resource.id]);
          else if (ids[ids.length - 1] !== resource.id) ids.push(resource.id);
        },
        0,
      );
    }
    const out: Finding[] = [];
    for (const [parameter, ids] of holders) {
      out.push(
        finding(
          templateParameterUnresolved,
          ids,
          `Parameter ${parameter} has no default value, so checks that need it were skipped. Pass --param ${parameter}=<value> to check them.`,
          `Give ${parameter} a Default in the template, or replace \${${parameter}} with the real value in ${ids.length === 1 ? ids[0] : 'the resources named here'}.`,
        ),
      );
    }
    return out;
  },
};
