/**
 * Info findings (what is built but unused) are worth knowing but not wrong: `check` lists them and still exits 0
 * when they are all there is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import {
  aDesign,
  aNatGateway,
  anElasticIp,
  anInternetGateway,
  aRouteTable,
  aSubnet,
  aVpc,
} from '../engine/model/builders.ts';
import { serializeDesign } from '../engine/io/designFile.ts';
import { checkCommand } from './check.ts';

afterEach(() => vi.restoreAllMocks());

it('exits 0 on a design whose only findings are unused gateways and route tables, and lists them as info', async () => {
  const design = aDesign(
    // A public subnet with a NAT gateway no private subnet routes to, and a route table nothing uses.
    aVpc(),
    anInternetGateway(),
    aSubnet({ routeTableId: 'rtb-public' }),
    aRouteTable({ id: 'rtb-public', routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aNatGateway({ subnetId: 'subnet-a' }),
    anElasticIp(),
    aRouteTable({ id: 'rtb-spare' }),
    // Another VPC with an internet gateway no route uses.
    aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
    anInternetGateway({ id: 'igw-b', vpcId: 'vpc-b' }),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'vpc-check-info-')), 'unused.json');
  writeFileSync(file, serializeDesign(design));
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  const code = await checkCommand([file, '--json']);
  vi.restoreAllMocks();
  const findings = (JSON.parse(stdout) as { findings: Array<{ rule: string; severity: string }> }).findings;
  expect(findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual([
    'info igw-unused',
    'info nat-gateway-unused',
    'info route-table-unused',
  ]);
  expect(code).toBe(0);
});
