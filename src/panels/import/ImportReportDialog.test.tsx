import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importDesignTextSync } from '../../engine/io/importSync.ts';
import { describeCounts, ImportReportDialog, reportSections } from './ImportReportDialog.tsx';

const CORPUS = join(__dirname, '../../engine/io/cloudformation/fixtures/corpus');

function reportOf(file: string) {
  const r = importDesignTextSync(readFileSync(join(CORPUS, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

describe('the import report', () => {
  const report = reportOf('Solutions_VPCPeering_templates_VPCPeering-Updates.cfn.yaml');

  it('counts what was imported, in words', () => {
    expect(describeCounts({ vpc: 1, subnet: 4, instance: 1 })).toEqual(['1 VPC', '4 subnets', '1 instance']);
  });

  it('lists skipped resources, stand-ins and warnings, and leaves out empty sections', () => {
    const titles = reportSections(report).map((s) => s.title);
    expect(titles).toEqual(['Skipped: condition false', 'Stand-ins for resources outside the file', 'Warnings']);
  });

  it('renders as a labelled dialog that names every resource left out', () => {
    const html = renderToStaticMarkup(
      <ImportReportDialog fileName="peering.yaml" report={report} onClose={() => {}} />,
    );
    expect(html).toContain('role="dialog"');
    expect(html).toContain('Imported peering.yaml');
    expect(html).toContain('CloudFormation template (YAML)');
    for (const line of [...report.skipped, ...report.placeholders]) expect(html).toContain(line.replace(/&/g, '&amp;'));
  });

  it('lists resources that are not modelled', () => {
    const ecs = reportOf('ECS_FargateLaunchType_clusters_public-vpc.yaml');
    const html = renderToStaticMarkup(<ImportReportDialog fileName="ecs.yaml" report={ecs} onClose={() => {}} />);
    expect(html).toContain('Not modelled');
    expect(html).toContain('ECSCluster (AWS::ECS::Cluster)');
    expect(html).toContain('ECSRole (AWS::IAM::Role)');
  });
});
