/**
 * A route table: the routes AWS adds by itself (local, gateway endpoints, propagated) shown read-only, the
 * user's routes as editable rows, the main flag, the subnets that use it and route propagation.
 */
import { updateResource } from '../../../engine/commands/edit.ts';
import { setMainRouteTable } from '../../../engine/commands/inspectorEdits.ts';
import {
  nextItemId,
  removeAt,
  replaceAt,
  routeDestination,
  withDestination,
} from '../../../engine/commands/ruleEdits.ts';
import { type Check, checkCidr } from '../../../engine/model/fields.ts';
import { impliedRoutes, routeTargetOptions, subnetsUsingRouteTable } from '../../../engine/model/inspection.ts';
import { resourcesOfKind, subnetsOf } from '../../../engine/model/queries.ts';
import type { Design, Route, RouteTable, Subnet } from '../../../engine/model/types.ts';
import { CidrField } from '../CidrField.tsx';
import { buttonClass, CheckboxGroup, Note, Section, SelectField, ValidatedField } from '../controls.tsx';
import { execute, useEdit } from '../useEdit.ts';
import { NameField } from './common.tsx';
import { useHighlightedRule } from '../../traffic/highlight.ts';
import { RuleFieldset } from './ruleParts.tsx';

const checkPrefixList = (text: string): Check<string> =>
  /^pl-[a-z0-9]+$/.test(text.trim())
    ? { ok: true, value: text.trim() }
    : { ok: false, error: 'A prefix list id looks like pl-63a5400a (or pl-s3).' };

export function RouteTableForm({ design, table }: { design: Design; table: RouteTable }) {
  const edit = useEdit(table);
  const implied = impliedRoutes(design, table);
  const targets = routeTargetOptions(design, table.vpcId);
  const users = subnetsUsingRouteTable(design, table);
  const vgws = resourcesOfKind(design, 'virtualPrivateGateway').filter((g) => g.vpcId === table.vpcId);
  const setRoutes = (routes: Route[], label: string) => edit({ routes }, label);
  const highlighted = useHighlightedRule(table.id);

  // A destination may appear once per table, and not as one of the local CIDRs.
  const checkDestination =
    (i: number, type: 'cidr' | 'prefixList') =>
    (text: string): Check<string> => {
      const c = type === 'cidr' ? checkCidr(text) : checkPrefixList(text);
      if (!c.ok) return c;
      const taken = [
        ...table.routes.filter((_, j) => j !== i).map(routeDestination),
        ...implied.map((r) => r.destination),
      ];
      if (taken.includes(c.value)) return { ok: false, error: `This table already has a route to ${c.value}.` };
      return c;
    };

  const addRoute = () => {
    const used = new Set([...table.routes.map(routeDestination), ...implied.map((r) => r.destination)]);
    const destination = ['0.0.0.0/0', '192.168.0.0/16', '172.16.0.0/12'].find((d) => !used.has(d)) ?? '192.168.0.0/24';
    const route: Route = {
      id: nextItemId(table.routes, `${table.id}-route`),
      destinationCidrBlock: destination,
      targetId: targets[0]?.id ?? 'local',
    };
    setRoutes([...table.routes, route], 'Add route');
  };

  const subnetOptions = subnetsOf(design, table.vpcId).map((s) => {
    const use = users.find((u) => u.subnet.id === s.id);
    return {
      id: s.id,
      label: `${s.name} (${s.cidrBlock})`,
      checked: use !== undefined,
      // A subnet using the main table implicitly is unchecked by associating it with another table instead.
      disabled: use !== undefined && !use.explicit,
      note: use && !use.explicit ? '(implicit, via main)' : undefined,
    };
  });

  return (
    <>
      <Section title="General">
        <NameField resource={table} />
        {table.main ? (
          <Note>This is the VPC&apos;s main route table: subnets without an explicit association use it.</Note>
        ) : (
          <button type="button" className={buttonClass} onClick={() => execute(setMainRouteTable(table.id))}>
            Make main route table
          </button>
        )}
      </Section>

      <Section
        title="Routes"
        actions={
          <button type="button" className={buttonClass} onClick={addRoute}>
            Add route
          </button>
        }
      >
        <table className="w-full table-fixed text-xs" aria-label="Routes added by AWS">
          <thead>
            <tr className="text-left text-gray-500">
              <th className="w-[45%] font-medium">Destination</th>
              <th className="font-medium">Target</th>
            </tr>
          </thead>
          <tbody>
            {implied.map((r) => (
              <tr key={`${r.origin}-${r.destination}-${r.target}`} className="align-top text-gray-600">
                <td className="truncate pr-1 font-mono" title={r.destination}>
                  {r.destination}
                </td>
                <td>
                  {r.target} <span className="text-gray-400">({r.origin === 'local' ? 'read-only' : r.origin})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {table.routes.length === 0 && <Note>No routes of your own yet.</Note>}
        {table.routes.map((route, i) => {
          const type = route.destinationPrefixListId !== undefined ? 'prefixList' : 'cidr';
          const isHighlighted = route.id !== undefined && route.id === highlighted;
          const targetKnown = targets.some((t) => t.id === route.targetId);
          return (
            <RuleFieldset key={route.id ?? i} legend={`Route ${i + 1}`} highlighted={isHighlighted}>
              <div className="grid grid-cols-[6.5rem_1fr] gap-1">
                <SelectField
                  label="Destination type"
                  value={type}
                  options={[
                    { value: 'cidr', label: 'CIDR block' },
                    { value: 'prefixList', label: 'Prefix list' },
                  ]}
                  onChange={(t) =>
                    setRoutes(
                      replaceAt(
                        table.routes,
                        i,
                        withDestination(route, t as 'cidr' | 'prefixList', t === 'cidr' ? '0.0.0.0/0' : 'pl-s3'),
                      ),
                      'Change route destination',
                    )
                  }
                />
                {type === 'cidr' ? (
                  <CidrField
                    compact
                    label="Destination"
                    value={route.destinationCidrBlock ?? ''}
                    check={checkDestination(i, 'cidr')}
                    onCommit={(v) =>
                      setRoutes(
                        replaceAt(table.routes, i, withDestination(route, 'cidr', v)),
                        'Change route destination',
                      )
                    }
                  />
                ) : (
                  <ValidatedField
                    label="Destination"
                    mono
                    value={route.destinationPrefixListId ?? ''}
                    check={checkDestination(i, 'prefixList')}
                    onCommit={(v) =>
                      setRoutes(
                        replaceAt(table.routes, i, withDestination(route, 'prefixList', v)),
                        'Change route destination',
                      )
                    }
                  />
                )}
              </div>
              <div className="flex items-end gap-1">
                <div className="min-w-0 flex-1">
                  <SelectField
                    label="Target"
                    value={route.targetId}
                    options={targets.map((t) => ({ value: t.id, label: t.label }))}
                    hint={
                      targetKnown
                        ? undefined
                        : 'The target does not exist in this VPC: traffic to this destination is dropped (blackhole).'
                    }
                    onChange={(targetId) =>
                      setRoutes(replaceAt(table.routes, i, { ...route, targetId }), 'Change route target')
                    }
                  />
                </div>
                <button
                  type="button"
                  className={`${buttonClass} mb-0.5`}
                  aria-label={`Remove route ${i + 1}`}
                  onClick={() => setRoutes(removeAt(table.routes, i), 'Remove route')}
                >
                  Remove
                </button>
              </div>
            </RuleFieldset>
          );
        })}
      </Section>

      <Section title="Subnet associations">
        <CheckboxGroup
          legend="Subnets using this table"
          options={subnetOptions}
          empty="This VPC has no subnets."
          onToggle={(id, checked) => {
            const subnet = subnetsOf(design, table.vpcId).find((s) => s.id === id);
            if (subnet) execute(updateSubnetTable(subnet.id, checked ? table.id : undefined));
          }}
        />
      </Section>

      <Section title="Route propagation">
        <CheckboxGroup
          legend="Propagate routes from"
          options={vgws.map((g) => ({ id: g.id, label: g.name, checked: table.propagatingGatewayIds.includes(g.id) }))}
          empty="No virtual private gateway is attached to this VPC."
          onToggle={(id, checked) =>
            edit(
              {
                propagatingGatewayIds: checked
                  ? [...table.propagatingGatewayIds, id]
                  : table.propagatingGatewayIds.filter((x) => x !== id),
              },
              checked ? 'Enable route propagation' : 'Disable route propagation',
            )
          }
        />
      </Section>
    </>
  );
}

function updateSubnetTable(subnetId: string, routeTableId: string | undefined) {
  return updateResource<Subnet>(subnetId, { routeTableId }, routeTableId ? 'Associate subnet' : 'Disassociate subnet');
}
