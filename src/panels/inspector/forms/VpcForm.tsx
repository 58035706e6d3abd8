/**
 * A VPC: its CIDR blocks (primary plus up to four secondary), DNS attributes, region, account and the
 * availability zones its subnets may use.
 */
import { suggestVpcCidr } from '../../../engine/commands/add.ts';
import { changeVpcRegion, removeAvailabilityZone } from '../../../engine/commands/inspectorEdits.ts';
import { nextFreeCidr } from '../../../engine/cidr/cidr.ts';
import { zonesOf } from '../../../engine/model/create.ts';
import { checkAccountId, checkRemoveVpcCidr, checkVpcCidr, MAX_VPC_CIDR_BLOCKS } from '../../../engine/model/fields.ts';
import { resourcesOfKind, subnetsOf } from '../../../engine/model/queries.ts';
import type { Design, Vpc } from '../../../engine/model/types.ts';
import { CidrField } from '../CidrField.tsx';
import { buttonClass, Checkbox, Note, Section, SelectField, ValidatedField } from '../controls.tsx';
import { regionOptions } from '../regions.ts';
import { execute, useEdit } from '../useEdit.ts';
import { NameField } from './common.tsx';
import { PeerWith } from './PeerWith.tsx';

/** A block for a new secondary CIDR: free across every VPC in the design, inside the private ranges. */
function suggestSecondary(design: Design, vpc: Vpc): string | undefined {
  const taken = resourcesOfKind(design, 'vpc').flatMap((v) => v.cidrBlocks);
  const fromDesign = suggestVpcCidr(design);
  if (!taken.includes(fromDesign)) return fromDesign;
  return nextFreeCidr(['100.64.0.0/10'], [...taken, ...vpc.cidrBlocks], 16);
}

export function VpcForm({ design, vpc }: { design: Design; vpc: Vpc }) {
  const edit = useEdit(vpc);
  const subnets = subnetsOf(design, vpc.id);
  const zonesInUse = new Set(subnets.map((s) => s.availabilityZone));
  const addable = zonesOf(vpc.region, 6).filter((z) => !vpc.availabilityZones.includes(z));
  const next = suggestSecondary(design, vpc);
  return (
    <>
      <Section title="General">
        <NameField resource={vpc} />
        <SelectField
          label="Region"
          value={vpc.region}
          options={regionOptions(vpc.region)}
          onChange={(r) => execute(changeVpcRegion(vpc.id, r))}
          hint="Changing the region renames the VPC's zones and endpoint service names."
        />
        <ValidatedField
          label="Account"
          value={vpc.accountId}
          check={checkAccountId}
          mono
          onCommit={(accountId) => edit({ accountId }, 'Change VPC account')}
        />
      </Section>

      <Section
        title="IPv4 CIDR blocks"
        actions={
          <button
            type="button"
            className={buttonClass}
            disabled={vpc.cidrBlocks.length >= MAX_VPC_CIDR_BLOCKS || !next}
            title={
              vpc.cidrBlocks.length >= MAX_VPC_CIDR_BLOCKS
                ? `A VPC holds at most ${MAX_VPC_CIDR_BLOCKS} IPv4 CIDR blocks by default.`
                : undefined
            }
            onClick={() => next && edit({ cidrBlocks: [...vpc.cidrBlocks, next] }, 'Add secondary CIDR')}
          >
            Add secondary CIDR
          </button>
        }
      >
        {vpc.cidrBlocks.map((block, i) => {
          const removal = checkRemoveVpcCidr(design, vpc, i);
          return (
            <div key={`${i}-${block}`} className="flex items-start gap-1">
              <div className="min-w-0 flex-1">
                <CidrField
                  label={i === 0 ? 'Primary CIDR block' : `Secondary CIDR block ${i}`}
                  value={block}
                  check={(text) => checkVpcCidr(design, vpc, text, i)}
                  onCommit={(cidr) =>
                    edit({ cidrBlocks: vpc.cidrBlocks.map((b, j) => (j === i ? cidr : b)) }, 'Change VPC CIDR')
                  }
                />
              </div>
              {i > 0 && (
                <button
                  type="button"
                  className={`${buttonClass} mt-4`}
                  aria-label={`Remove secondary CIDR block ${i}`}
                  disabled={!removal.ok}
                  title={removal.ok ? undefined : removal.error}
                  onClick={() => removal.ok && edit({ cidrBlocks: removal.value }, 'Remove secondary CIDR')}
                >
                  Remove
                </button>
              )}
            </div>
          );
        })}
        <Note>
          {vpc.cidrBlocks.length} of {MAX_VPC_CIDR_BLOCKS} blocks. Each is /16 to /28.
        </Note>
      </Section>

      <PeerWith design={design} vpc={vpc} />

      <Section title="DNS">
        <Checkbox
          label="DNS resolution"
          checked={vpc.enableDnsSupport}
          onChange={(enableDnsSupport) => edit({ enableDnsSupport }, 'Toggle DNS resolution')}
          hint="The Amazon DNS server at the VPC base + 2."
        />
        <Checkbox
          label="DNS hostnames"
          checked={vpc.enableDnsHostnames}
          onChange={(enableDnsHostnames) => edit({ enableDnsHostnames }, 'Toggle DNS hostnames')}
          hint={
            vpc.enableDnsHostnames && !vpc.enableDnsSupport
              ? 'Hostnames need DNS resolution turned on too.'
              : 'Public DNS names for instances with public IPs; needed for private DNS on interface endpoints.'
          }
        />
      </Section>

      <Section title="Availability zones">
        <ul className="space-y-0.5">
          {vpc.availabilityZones.map((zone) => {
            const used = zonesInUse.has(zone);
            return (
              <li key={zone} className="flex items-center justify-between gap-2 text-sm">
                <span className="font-mono">{zone}</span>
                <span className="flex items-center gap-2">
                  {used && (
                    <span className="text-xs text-gray-500">
                      {subnets.filter((s) => s.availabilityZone === zone).length} subnet(s)
                    </span>
                  )}
                  <button
                    type="button"
                    className={buttonClass}
                    aria-label={`Remove ${zone}`}
                    disabled={used || vpc.availabilityZones.length <= 1}
                    title={used ? 'Move or delete its subnets first.' : undefined}
                    onClick={() => execute(removeAvailabilityZone(vpc.id, zone))}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        {addable.length > 0 && (
          <SelectField
            label="Add availability zone"
            value=""
            options={[{ value: '', label: 'Choose a zone…' }, ...addable.map((z) => ({ value: z, label: z }))]}
            onChange={(z) => z && edit({ availabilityZones: [...vpc.availabilityZones, z] }, 'Add availability zone')}
          />
        )}
      </Section>
    </>
  );
}
