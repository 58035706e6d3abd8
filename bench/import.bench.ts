/**
 * Benchmark: importing a 1 MB CloudFormation template (YAML with short-form tags) — parse, resolve intrinsics,
 * map to the model, pick addresses and lay it out. Budget: under 500 ms.
 * Prints one JSON line: {"name":"import-1mb","n":<template resources>,"median_ms":<median of the timed runs>,"kb":<size>}.
 *
 * Run: npx tsx bench/import.bench.ts
 */
import { importDesignTextSync } from '../src/engine/io/importSync.ts';

const WARMUP = 3;
const RUNS = 11;
const TARGET_BYTES = 1024 * 1024;

/** A template in the style of real ones: parameters, conditions, mappings, every common intrinsic, IAM noise. */
export function generateTemplate(targetBytes: number): { text: string; resources: number } {
  const head = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: Generated for the import benchmark.',
    'Parameters:',
    '  Env: {Type: String, Default: prod, AllowedValues: [dev, prod]}',
    '  Office: {Type: String, Default: 192.0.2.0/24}',
    'Mappings:',
    '  Sizes: {prod: {Instance: m6i.large}, dev: {Instance: t3.micro}}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
  ];
  const body: string[] = [];
  let resources = 0;
  let size = head.join('\n').length;
  const add = (lines: string[], count: number) => {
    body.push(...lines);
    size += lines.reduce((n, l) => n + l.length + 1, 0);
    resources += count;
  };
  for (let v = 0; size < targetBytes; v++) {
    const octet = v % 250;
    const V = `Vpc${v}`;
    add(
      [
        `  ${V}:`,
        '    Type: AWS::EC2::VPC',
        '    Properties:',
        `      CidrBlock: 10.${octet}.0.0/16`,
        '      EnableDnsHostnames: true',
        '      Tags:',
        `        - {Key: Name, Value: !Sub '\${AWS::StackName}-${V}'}`,
        `  ${V}Igw: {Type: AWS::EC2::InternetGateway}`,
        `  ${V}Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref ${V}, InternetGatewayId: !Ref ${V}Igw}}`,
        `  ${V}PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref ${V}}}`,
        `  ${V}PublicDefault:`,
        '    Type: AWS::EC2::Route',
        `    DependsOn: ${V}Attach`,
        `    Properties: {RouteTableId: !Ref ${V}PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref ${V}Igw}`,
        `  ${V}Web:`,
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        `      GroupDescription: !Sub 'web tier of ${V} in \${AWS::Region}'`,
        `      VpcId: !Ref ${V}`,
        '      SecurityGroupIngress:',
        '        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}',
        '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Office}',
        `  ${V}Role:`,
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument:',
        '        Version: "2012-10-17"',
        '        Statement: [{Effect: Allow, Principal: {Service: [ec2.amazonaws.com]}, Action: ["sts:AssumeRole"]}]',
      ],
      7,
    );
    for (let s = 0; s < 4; s++) {
      const S = `${V}Subnet${s}`;
      const publicTier = s < 2;
      add(
        [
          `  ${S}:`,
          '    Type: AWS::EC2::Subnet',
          '    Properties:',
          `      VpcId: !Ref ${V}`,
          `      CidrBlock: !Select [${s}, !Cidr [!GetAtt ${V}.CidrBlock, 4, 8]]`,
          `      AvailabilityZone: !Select [${s % 2}, !GetAZs '']`,
          `      MapPublicIpOnLaunch: ${publicTier}`,
          ...(publicTier
            ? [
                `  ${S}Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref ${S}, RouteTableId: !Ref ${V}PublicRt}}`,
              ]
            : []),
          `  ${S}App:`,
          '    Type: AWS::EC2::Instance',
          '    Properties:',
          `      InstanceType: !FindInMap [Sizes, !Ref Env, Instance]`,
          `      SubnetId: !Ref ${S}`,
          `      SecurityGroupIds: [!Ref ${V}Web]`,
          `      Monitoring: !If [IsProd, true, !Ref AWS::NoValue]`,
          `      Tags: [{Key: Name, Value: !Join ['-', [!Ref AWS::StackName, ${S}, app]]}]`,
        ],
        publicTier ? 3 : 2,
      );
    }
  }
  return { text: [...head, ...body].join('\n'), resources };
}

const { text, resources } = generateTemplate(TARGET_BYTES);
const check = importDesignTextSync(text, 'bench.yaml');
if (!check.ok) throw new Error(check.error);

for (let i = 0; i < WARMUP; i++) importDesignTextSync(text, 'bench.yaml');
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  importDesignTextSync(text, 'bench.yaml');
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(
  JSON.stringify({
    name: 'import-1mb',
    n: resources,
    median_ms: Math.round(median * 10) / 10,
    kb: Math.round(text.length / 1024),
  }),
);
