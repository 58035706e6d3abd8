import { describe, expect, it } from 'vitest';
import { cidrSplit, NO_VALUE, Resolver, TemplateError, type TemplateResource } from './intrinsics.ts';
import { cidrSplitIpv6 } from './ipv6.ts';
import { parseTemplateText } from './parseTemplate.ts';

/** A resolver over a YAML template, and a way to resolve one value written in YAML. */
function setup(yaml: string, options: { region?: string; parameterValues?: Record<string, string> } = {}) {
  const r = parseTemplateText(yaml);
  if (!r.ok) throw new Error(r.error);
  const resources = new Map<string, TemplateResource>();
  for (const [id, raw] of Object.entries(
    (r.template.Resources ?? {}) as Record<string, { Type: string; Properties?: Record<string, unknown> }>,
  )) {
    resources.set(id, { type: raw.Type, properties: raw.Properties ?? {} });
  }
  const resolver = new Resolver(r.template, resources, {
    region: options.region ?? 'us-east-1',
    accountId: '123456789012',
    stackName: 'demo',
    parameterValues: options.parameterValues,
  });
  const value = (expr: string) => {
    const parsed = parseTemplateText(`v: ${expr}`);
    if (!parsed.ok) throw new Error(parsed.error);
    return resolver.value(parsed.template.v, 'test', 0);
  };
  return { resolver, value };
}

const TEMPLATE = `
Parameters:
  Cidr: {Type: String, Default: 10.1.0.0/16}
  Env: {Type: String}
  Zones: {Type: CommaDelimitedList, Default: "a, b"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
Mappings:
  RegionMap:
    us-east-1: {Ami: ami-1, Zones: [us-east-1a, us-east-1b]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsUsEast: !Equals [!Ref AWS::Region, us-east-1]
  Both: !And [!Condition IsUsEast, !Not [!Condition IsProd]]
  Either: !Or [!Condition IsProd, !Condition IsUsEast]
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Cidr}}
  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1b}}
  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: my-bucket}}
  Unnamed: {Type: AWS::S3::Bucket}
  NatIp: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
  OwnIp: {Type: AWS::EC2::EIP, Properties: {Domain: vpc, Address: 198.51.100.7}}
`;

// Pseudo parameters: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
describe('Ref', () => {
  const { value, resolver } = setup(TEMPLATE, { region: 'eu-west-1' });

  // A parameter without a default is unknown until a value is supplied:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
  it('gives parameter defaults, and an unknown-value token when there is no default', () => {
    expect(value('!Ref Cidr')).toBe('10.1.0.0/16');
    expect(value('!Ref Env')).toBe('${Env}');
    expect(value('!Sub "${Env}-web"')).toBe('${Env}-web');
    expect(resolver.unsetParameters).toEqual(['Env', 'Subnets']);
  });

  it('splits list parameters', () => {
    expect(value('!Ref Zones')).toEqual(['a', 'b']);
    expect(value('!Ref Subnets')).toEqual(['${Subnets}']);
  });

  // The Quick Start VPC selects zone 1, 2, 3 … of a List<AWS::EC2::AvailabilityZone::Name> without a default.
  it('gives each element of an unknown list its own token, at any index', () => {
    expect(value('!Select [0, !Ref Subnets]')).toBe('${Subnets}[0]');
    expect(value('!Select [3, !Ref Subnets]')).toBe('${Subnets}[3]');
    expect(value("!Select [1, !Split [',', !ImportValue network-Subnets]]")).toBe('${ImportValue:network-Subnets}[1]');
    expect(value("!Select [1, !Split [',', 'a,${Env}']]")).toBe('${Env}');
    expect(() => value('!Select [2, !Ref Zones]')).toThrow('out of range');
  });

  it('takes supplied parameter values over defaults', () => {
    expect(setup(TEMPLATE, { parameterValues: { Cidr: '10.9.0.0/16' } }).value('!Ref Cidr')).toBe('10.9.0.0/16');
  });

  it('answers the pseudo parameters for the chosen region', () => {
    expect(value('!Ref AWS::Region')).toBe('eu-west-1');
    expect(value('!Ref AWS::AccountId')).toBe('123456789012');
    expect(value('!Ref AWS::StackName')).toBe('demo');
    expect(value('!Ref AWS::Partition')).toBe('aws');
    expect(value('!Ref AWS::URLSuffix')).toBe('amazonaws.com');
    expect(setup(TEMPLATE, { region: 'cn-north-1' }).value('!Ref AWS::Partition')).toBe('aws-cn');
  });

  it('removes a property or list item that is AWS::NoValue', () => {
    expect(value('!Ref AWS::NoValue')).toBe(NO_VALUE);
    expect(value('{a: 1, b: !Ref AWS::NoValue}')).toEqual({ a: 1 });
    expect(value('[1, !Ref AWS::NoValue, 2]')).toEqual([1, 2]);
  });

  it("gives a resource's logical id, and a bucket's name", () => {
    expect(value('!Ref Vpc')).toBe('Vpc');
    expect(value('!Ref Bucket')).toBe('my-bucket');
    expect(value('!Ref Unnamed')).toBe('demo-unnamed');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eip.html#aws-resource-ec2-eip-return-values
  // — "Ref returns the Elastic IP address"; a stand-in outside the documentation ranges when AWS picks it.
  it("gives an Elastic IP's address, the one it names or a stand-in", () => {
    expect(value('!Ref OwnIp')).toBe('198.51.100.7');
    expect(value('!Ref NatIp')).toBe('198.19.0.10');
    expect(value("!Sub '${NatIp}/32'")).toBe('198.19.0.10/32');
    expect(value('!GetAtt NatIp.PublicIp')).toBe('198.19.0.10');
    expect(value('!GetAtt NatIp.AllocationId')).toBe('NatIp');
  });

  it('refuses a dangling Ref', () => {
    expect(() => value('!Ref Nowhere')).toThrow(TemplateError);
    expect(() => value('!Ref Nowhere')).toThrow(
      'refers to Nowhere, which is not a parameter or resource in the template',
    );
  });
});

describe('Fn::GetAtt', () => {
  const { value } = setup(TEMPLATE);

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html#aws-resource-ec2-vpc-return-values
  it("resolves a VPC's default security group and network ACL to the records the import creates", () => {
    expect(value('!GetAtt Vpc.DefaultSecurityGroup')).toBe('Vpc.DefaultSecurityGroup');
    expect(value('!GetAtt [Vpc, DefaultNetworkAcl]')).toBe('Vpc.DefaultNetworkAcl');
  });

  it('reads attributes that come from properties', () => {
    expect(value('!GetAtt Vpc.CidrBlock')).toBe('10.1.0.0/16');
    expect(value('!GetAtt Subnet.AvailabilityZone')).toBe('us-east-1b');
    expect(value('!GetAtt Bucket.Arn')).toBe('arn:aws:s3:::my-bucket');
  });

  it('keeps ids as logical ids', () => {
    expect(value('!GetAtt Subnet.SubnetId')).toBe('Subnet');
  });

  it('writes attributes only known once deployed as unknown values, usable as lists', () => {
    expect(value('!GetAtt Vpc.SomeDnsName')).toBe('${GetAtt:Vpc.SomeDnsName}');
    expect(value('!Select [1, !GetAtt Vpc.SecurityGroups]')).toBe('${GetAtt:Vpc.SecurityGroups}[1]');
    expect(value("!Join [',', !GetAtt Vpc.SecurityGroups]")).toBe('${GetAtt:Vpc.SecurityGroups}');
  });

  // Dual-stack templates carve IPv6 subnet blocks from the VPC's; the model is IPv4-only, but the values resolve.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html#aws-resource-ec2-vpc-return-values
  it("gives a VPC's Ipv6CidrBlocks as a list of IPv6 blocks, which Fn::Cidr splits", () => {
    expect(value('!GetAtt Vpc.Ipv6CidrBlocks')).toEqual(['2001:db8::/56']);
    expect(value('!Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]')).toBe('2001:db8:0:1::/64');
  });
});

describe('string functions', () => {
  const { value } = setup(TEMPLATE);

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
  it('Fn::Sub substitutes parameters, pseudo parameters, attributes and its own variables, and keeps ${!Literal}', () => {
    expect(value("!Sub 'com.amazonaws.${AWS::Region}.s3'")).toBe('com.amazonaws.us-east-1.s3');
    expect(value("!Sub '${Cidr} in ${Vpc} (${Vpc.CidrBlock})'")).toBe('10.1.0.0/16 in Vpc (10.1.0.0/16)');
    expect(value("!Sub ['${X}-${AWS::StackName}', {X: !Ref Env}]")).toBe('${Env}-demo');
    expect(value("!Sub '${!NotAVariable}'")).toBe('${NotAVariable}');
  });

  it('Fn::Join, Fn::Split and Fn::Select', () => {
    expect(value("!Join ['-', [a, !Ref AWS::Region, 3]]")).toBe('a-us-east-1-3');
    expect(value("!Split [',', 'x,y,z']")).toEqual(['x', 'y', 'z']);
    expect(value("!Select ['1', [a, b, c]]")).toBe('b');
    expect(() => value('!Select [5, [a]]')).toThrow('Fn::Select index 5 is out of range');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getavailabilityzones.html
  it("Fn::GetAZs lists the chosen region's zones, a, b, c…", () => {
    const list = value("!GetAZs ''") as string[];
    expect(list.slice(0, 3)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(value('!Select [1, !GetAZs {Ref: AWS::Region}]')).toBe('us-east-1b');
    expect((value('!GetAZs eu-west-2') as string[])[0]).toBe('eu-west-2a');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html
  it('Fn::FindInMap reads mappings, with the optional default value', () => {
    expect(value('!FindInMap [RegionMap, !Ref AWS::Region, Ami]')).toBe('ami-1');
    expect(value('!Select [1, !FindInMap [RegionMap, us-east-1, Zones]]')).toBe('us-east-1b');
    expect(value('!FindInMap [RegionMap, eu-west-9, Ami, {DefaultValue: ami-0}]')).toBe('ami-0');
    expect(() => value('!FindInMap [RegionMap, eu-west-9, Ami]')).toThrow('finds nothing');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html
  it('Fn::ImportValue cannot be known: an unknown value that names the export stands in, with a warning', () => {
    const s = setup(TEMPLATE);
    expect(s.value('!ImportValue shared-vpc-id')).toBe('${ImportValue:shared-vpc-id}');
    expect(s.resolver.warnings[0]).toMatch(/imports shared-vpc-id from another stack/);
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
describe('Fn::Cidr', () => {
  it("splits the block into count blocks of 32 - cidrBits (AWS's example: 6 × /27 from a /24)", () => {
    expect(cidrSplit('192.168.0.0/24', 6, 5)).toEqual([
      '192.168.0.0/27',
      '192.168.0.32/27',
      '192.168.0.64/27',
      '192.168.0.96/27',
      '192.168.0.128/27',
      '192.168.0.160/27',
    ]);
    expect(setup(TEMPLATE).value('!Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]')).toBe('10.1.2.0/24');
  });

  it('splits IPv6 blocks too', () => {
    expect(cidrSplitIpv6('2600:1f18:abc:de00::/56', 3, 64)).toEqual([
      '2600:1f18:abc:de00::/64',
      '2600:1f18:abc:de01::/64',
      '2600:1f18:abc:de02::/64',
    ]);
    expect(cidrSplitIpv6('2001:db8::/127', 2, 0)).toEqual(['2001:db8::/128', '2001:db8::1/128']);
    expect(() => cidrSplitIpv6('2001:db8::/64', 3, 65)).toThrow('do not fit');
    expect(() => cidrSplitIpv6('2001:zz8::/56', 1, 64)).toThrow('not an IPv6 CIDR block');
  });

  it('refuses splits that cannot exist', () => {
    expect(() => cidrSplit('10.0.0.0/24', 3, 7)).toThrow('holds only 2 blocks of /25');
    expect(() => cidrSplit('10.0.0.0/24', 1, 9)).toThrow('do not fit');
    expect(() => cidrSplit('10.0.0.0/33', 1, 8)).toThrow('Fn::Cidr');
    expect(() => cidrSplit('10.0.0.0/16', 300, 8)).toThrow('count must be 1 to 256');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
  it('carves unknown blocks from a block that depends on a parameter without a default', () => {
    expect(setup(TEMPLATE).value('!Select [1, !Cidr [!Ref Env, 3, 8]]')).toBe('${Env}');
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
describe('conditions', () => {
  const { resolver, value } = setup(TEMPLATE);

  it('evaluates Equals, Not, And, Or and Condition', () => {
    expect(resolver.condition('IsProd')).toBe(false);
    expect(resolver.condition('IsUsEast')).toBe(true);
    expect(resolver.condition('Both')).toBe(true);
    expect(resolver.condition('Either')).toBe(true);
    expect(setup(TEMPLATE, { parameterValues: { Env: 'prod' } }).resolver.condition('Both')).toBe(false);
  });

  it('Fn::If picks a branch; AWS::NoValue in the branch removes the property', () => {
    expect(value('!If [IsUsEast, east, other]')).toBe('east');
    expect(value('{a: !If [IsProd, 1, !Ref AWS::NoValue]}')).toEqual({});
  });

  it('refuses undefined and circular conditions', () => {
    expect(() => resolver.condition('Missing')).toThrow('not defined');
    const loop = setup('Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources: {}');
    expect(() => loop.resolver.condition('A')).toThrow('refers to itself');
  });
});
