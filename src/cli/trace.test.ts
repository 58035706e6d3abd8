import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../engine/io/designFile.ts';
import { exampleDesign } from '../engine/model/example.ts';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/main.ts', ...args],
      { cwd: process.cwd(), timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
      },
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'vpcd-trace-'));
const designPath = join(dir, 'example.json');
writeFileSync(designPath, serializeDesign(exampleDesign()));

describe('cli trace', () => {
  it('exits 0 and prints the hops as JSON when the flow is reachable', async () => {
    const { code, stdout } = await cli('trace', designPath, '--from', 'i-web-a', '--to', 'internet', '--json');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.reachable).toBe(true);
    expect(answer.forward.map((h: { id: string }) => h.id)).toContain('igw-prod');
    expect(answer.forward[0]).toEqual(
      expect.objectContaining({ id: 'i-web-a', type: 'AWS::EC2::Instance', direction: 'forward' }),
    );
    expect(answer.return.length).toBeGreaterThan(0);
    expect(answer.explanations).toEqual([]);
  }, 60_000);

  it('exits 1 and names the blocking component when it is not', async () => {
    const { code, stdout } = await cli(
      'trace',
      designPath,
      '--from',
      'i-app-a',
      '--to',
      'ip:10.2.0.10',
      '--port',
      '443',
      '--json',
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).explanations[0]).toEqual(
      expect.objectContaining({
        code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
        id: 'pcx-prod-shared',
        direction: 'forward',
        message: expect.any(String),
      }),
    );
  }, 60_000);

  it('prints a readable answer without --json', async () => {
    const { code, stdout } = await cli('trace', designPath, '--from', 'internet', '--to', 'i-web-a', '--port', '22');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^NOT REACHABLE: internet → i-web-a TCP 22/);
    expect(stdout).toContain('ENI_SG_RULES_MISMATCH at sg-web');
  }, 60_000);

  it('exits 2 with one line on stderr for an unknown endpoint, a bad option or an unreadable file', async () => {
    for (const args of [
      ['trace', designPath, '--from', 'i-nope', '--to', 'internet'],
      ['trace', designPath, '--from', 'i-web-a', '--to', 'internet', '--protocol', 'sctp'],
      ['trace', designPath, '--from', 'i-web-a', '--to', 'internet', '--colour'],
      ['trace', join(dir, 'missing.json'), '--from', 'a', '--to', 'b'],
    ]) {
      const { code, stderr, stdout } = await cli(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 120_000);
});

describe('cli exposure', () => {
  it('lists exposed instances as JSON', async () => {
    const { code, stdout } = await cli('exposure', designPath, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.exposedCount).toBe(2);
    expect(
      report.instances.find((i: { id: string }) => i.id === 'i-web-a').ports[0].path.map((h: { id: string }) => h.id),
    ).toContain('igw-prod');
  }, 60_000);
});
