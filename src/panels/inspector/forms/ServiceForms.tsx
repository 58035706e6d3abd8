/**
 * Reaching services: VPC endpoints (gateway or interface, with a policy), S3 buckets (with a bucket policy),
 * AWS services and the internet as traffic endpoints.
 */
import { useState } from 'react';
import { checkBucketName } from '../../../engine/model/fields.ts';
import {
  BUCKET_POLICY_MAX_CHARS,
  bucketPolicyForEndpoint,
  checkServiceName,
  defaultEndpointPolicy,
  ENDPOINT_POLICY_MAX_CHARS,
  ENDPOINT_SERVICES,
  endpointServiceName,
  shortServiceOf,
} from '../../../engine/model/policies.ts';
import { getOfKind, indexDesign, resourcesOfKind, subnetsOf } from '../../../engine/model/queries.ts';
import type { AwsService, Design, EndpointType, Internet, S3Bucket, VpcEndpoint } from '../../../engine/model/types.ts';
import { buttonClass, Checkbox, CheckboxGroup, Note, Section, SelectField, ValidatedField } from '../controls.tsx';
import { JsonField } from '../JsonField.tsx';
import { regionOptions } from '../regions.ts';
import { useEdit } from '../useEdit.ts';
import { NameField, SecurityGroupPicker } from './common.tsx';

export function VpcEndpointForm({ design, endpoint }: { design: Design; endpoint: VpcEndpoint }) {
  const edit = useEdit(endpoint);
  const vpc = getOfKind(design, endpoint.vpcId, 'vpc');
  const region = vpc?.region ?? design.region;
  const service = shortServiceOf(endpoint.serviceName);
  const known = ENDPOINT_SERVICES.find(
    (s) => s.service === service && endpoint.serviceName === endpointServiceName(region, s.service),
  );
  const serviceOptions = ENDPOINT_SERVICES.filter((s) => s.types.includes(endpoint.endpointType)).map((s) => ({
    value: s.service,
    label: `${s.label} (${s.service})`,
  }));
  const tables = indexDesign(design).routeTables.get(endpoint.vpcId) ?? [];
  const subnets = subnetsOf(design, endpoint.vpcId);
  // An interface endpoint places one network interface per availability zone.
  const zonesTaken = new Map(endpoint.subnetIds.map((id) => [getOfKind(design, id, 'subnet')?.availabilityZone, id]));
  const setType = (t: EndpointType) => {
    if (t === 'Gateway' && !checkServiceName(endpoint.serviceName, 'Gateway').ok) {
      edit(
        {
          endpointType: t,
          serviceName: endpointServiceName(region, 's3'),
          securityGroupIds: [],
          privateDnsEnabled: false,
        },
        'Change endpoint type',
      );
    } else {
      edit(
        { endpointType: t, ...(t === 'Gateway' ? { securityGroupIds: [], privateDnsEnabled: false } : {}) },
        'Change endpoint type',
      );
    }
  };
  return (
    <>
      <Section title="General">
        <NameField resource={endpoint} />
        <SelectField
          label="Endpoint type"
          value={endpoint.endpointType}
          options={[
            { value: 'Gateway', label: 'Gateway (S3, DynamoDB; routes)' },
            { value: 'Interface', label: 'Interface (network interfaces in subnets)' },
          ]}
          onChange={(t) => setType(t as EndpointType)}
        />
        <SelectField
          label="Service"
          value={known ? known.service : ''}
          options={[...serviceOptions, { value: '', label: 'Other (type the name below)' }]}
          onChange={(s) => s && edit({ serviceName: endpointServiceName(region, s) }, 'Change endpoint service')}
        />
        <ValidatedField
          label="Service name"
          mono
          value={endpoint.serviceName}
          check={(t) => checkServiceName(t, endpoint.endpointType)}
          onCommit={(serviceName) => edit({ serviceName }, 'Change endpoint service')}
        />
      </Section>
      {endpoint.endpointType === 'Gateway' ? (
        <Section title="Route tables">
          <CheckboxGroup
            legend="Route tables that get the prefix-list route"
            options={tables.map((t) => ({
              id: t.id,
              label: t.name,
              checked: endpoint.routeTableIds.includes(t.id),
              note: t.main ? '(main)' : undefined,
            }))}
            empty="This VPC has no route tables."
            onToggle={(id, checked) =>
              edit(
                {
                  routeTableIds: checked
                    ? [...endpoint.routeTableIds, id]
                    : endpoint.routeTableIds.filter((x) => x !== id),
                },
                checked ? 'Associate route table' : 'Disassociate route table',
              )
            }
          />
        </Section>
      ) : (
        <Section title="Subnets and security">
          <CheckboxGroup
            legend="Subnets (one per availability zone)"
            options={subnets.map((s) => {
              const holder = zonesTaken.get(s.availabilityZone);
              const checked = endpoint.subnetIds.includes(s.id);
              return {
                id: s.id,
                label: `${s.name} (${s.availabilityZone})`,
                checked,
                disabled: !checked && holder !== undefined,
              };
            })}
            empty="This VPC has no subnets."
            onToggle={(id, checked) =>
              edit(
                { subnetIds: checked ? [...endpoint.subnetIds, id] : endpoint.subnetIds.filter((x) => x !== id) },
                checked ? 'Add endpoint subnet' : 'Remove endpoint subnet',
              )
            }
          />
          <SecurityGroupPicker
            design={design}
            resource={endpoint}
            selected={endpoint.securityGroupIds}
            onChange={(securityGroupIds) => edit({ securityGroupIds }, 'Change security groups')}
          />
          <Checkbox
            label="Private DNS names"
            checked={endpoint.privateDnsEnabled}
            onChange={(privateDnsEnabled) => edit({ privateDnsEnabled }, 'Toggle private DNS')}
            hint={
              endpoint.privateDnsEnabled && vpc && !(vpc.enableDnsSupport && vpc.enableDnsHostnames)
                ? 'Private DNS needs DNS resolution and DNS hostnames on in the VPC.'
                : "The service's default DNS name resolves to this endpoint inside the VPC."
            }
          />
        </Section>
      )}
      <Section title="Policy">
        <JsonField
          label="Endpoint policy"
          policy={endpoint.policyDocument}
          emptyText={JSON.stringify(defaultEndpointPolicy(), null, 2)}
          maxChars={ENDPOINT_POLICY_MAX_CHARS}
          hint={
            endpoint.policyDocument === undefined
              ? 'The default policy: full access to the service.'
              : 'Blur or Ctrl+Enter to apply.'
          }
          onCommit={(policyDocument) => edit({ policyDocument }, 'Edit endpoint policy')}
          actions={
            <button
              type="button"
              className={buttonClass}
              disabled={endpoint.policyDocument === undefined}
              onClick={() => edit({ policyDocument: undefined }, 'Reset endpoint policy')}
            >
              Reset to default (full access)
            </button>
          }
        />
      </Section>
    </>
  );
}

export function S3BucketForm({ design, bucket }: { design: Design; bucket: S3Bucket }) {
  const edit = useEdit(bucket);
  const endpoints = resourcesOfKind(design, 'vpcEndpoint').filter((e) => shortServiceOf(e.serviceName) === 's3');
  const [endpointId, setEndpointId] = useState(endpoints[0]?.id ?? '');
  const chosen = endpoints.some((e) => e.id === endpointId) ? endpointId : (endpoints[0]?.id ?? '');
  return (
    <>
      <Section title="General">
        <NameField resource={bucket} />
        <ValidatedField
          label="Bucket name"
          mono
          value={bucket.bucketName}
          check={checkBucketName}
          onCommit={(bucketName) => edit({ bucketName }, 'Rename bucket')}
        />
        <SelectField
          label="Region"
          value={bucket.region}
          options={regionOptions(bucket.region)}
          onChange={(region) => edit({ region }, 'Change bucket region')}
        />
      </Section>
      <Section title="Bucket policy">
        <JsonField
          label="Bucket policy"
          policy={bucket.policyDocument}
          allowEmpty
          maxChars={BUCKET_POLICY_MAX_CHARS}
          hint={
            bucket.policyDocument === undefined
              ? 'No bucket policy: access follows IAM policies only.'
              : 'Blur or Ctrl+Enter to apply; empty it to remove the policy.'
          }
          onCommit={(policyDocument) => edit({ policyDocument }, 'Edit bucket policy')}
        />
        <div className="flex items-end gap-1">
          <div className="min-w-0 flex-1">
            <SelectField
              label="Restrict to endpoint"
              value={chosen}
              options={
                endpoints.length
                  ? endpoints.map((e) => ({ value: e.id, label: `${e.name} (${e.id})` }))
                  : [{ value: '', label: 'No S3 endpoints in the design' }]
              }
              onChange={setEndpointId}
            />
          </div>
          <button
            type="button"
            className={buttonClass}
            disabled={!chosen}
            onClick={() =>
              edit(
                { policyDocument: bucketPolicyForEndpoint(bucket.bucketName, chosen) },
                'Restrict bucket to endpoint',
              )
            }
          >
            Use template
          </button>
        </div>
        <Note>
          The template denies every request that does not arrive through that endpoint (aws:SourceVpce), including from
          the console.
        </Note>
      </Section>
    </>
  );
}

const SERVICES = ['s3', 'dynamodb', 'ssm', 'secretsmanager', 'kms', 'sts', 'logs', 'sqs', 'sns', 'lambda', 'ecr.api'];

export function AwsServiceForm({ service }: { service: AwsService }) {
  const edit = useEdit(service);
  return (
    <Section title="General">
      <NameField resource={service} />
      <ValidatedField
        label="Service"
        mono
        value={service.service}
        list="inspector-aws-services"
        check={(t) =>
          /^[a-z0-9][a-z0-9.-]*$/.test(t.trim())
            ? { ok: true, value: t.trim() }
            : { ok: false, error: 'A short service name, like s3, dynamodb or ssm.' }
        }
        onCommit={(s) => edit({ service: s }, 'Change service')}
        hint="Traffic to it is routed through an endpoint for this service if there is one, else through the internet."
      />
      <datalist id="inspector-aws-services">
        {SERVICES.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </Section>
  );
}

export function InternetForm({ internet }: { internet: Internet }) {
  return (
    <Section title="General">
      <NameField resource={internet} />
      <Note>The public internet, as a source or destination for traffic.</Note>
    </Section>
  );
}
