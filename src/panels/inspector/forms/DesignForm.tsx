/**
 * With nothing selected the inspector edits the design itself: its name, home region (where new VPCs go) and
 * the account new VPCs belong to.
 */
import { updateDesignSettings } from '../../../engine/commands/inspectorEdits.ts';
import { checkAccountId } from '../../../engine/model/fields.ts';
import { KINDS } from '../../../engine/model/kinds.ts';
import type { Design, ResourceKind } from '../../../engine/model/types.ts';
import { Fact, Note, Section, SelectField, TextField, ValidatedField } from '../controls.tsx';
import { regionOptions } from '../regions.ts';
import { execute } from '../useEdit.ts';

export function DesignForm({ design }: { design: Design }) {
  const counts = new Map<ResourceKind, number>();
  for (const r of Object.values(design.resources)) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const shown: ResourceKind[] = ['vpc', 'subnet', 'instance', 'securityGroup', 'routeTable'];
  return (
    <>
      <Section title="Design">
        <TextField
          label="Design name"
          value={design.name}
          onCommit={(name) => execute(updateDesignSettings({ name }, 'Rename design'))}
        />
        <SelectField
          label="Home region"
          value={design.region}
          options={regionOptions(design.region)}
          onChange={(region) => execute(updateDesignSettings({ region }, 'Change home region'))}
          hint="New VPCs are created here."
        />
        <ValidatedField
          label="Account"
          mono
          value={design.accountId}
          check={checkAccountId}
          onCommit={(accountId) => execute(updateDesignSettings({ accountId }, 'Change account'))}
          hint="The AWS account new VPCs belong to."
        />
      </Section>
      <Section title="Contents">
        {shown.map((k) => (
          <Fact key={k} label={KINDS[k].plural}>
            {counts.get(k) ?? 0}
          </Fact>
        ))}
        <Note>Select something on the canvas to edit it.</Note>
      </Section>
    </>
  );
}
