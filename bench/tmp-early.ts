import { exampleDesign } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { drawnNodeCount, openDesign, waitRendered, withBench } from './lib/browser.ts';
await withBench('tmp', async ({ browser, url }) => {
  for (const design of [exampleDesign(), generateDesign({ vpcs: 20, subnetsPerVpc: 5, instancesPerSubnet: 5 })]) {
    for (let r = 0; r < 4; r++) {
      const page = await openDesign(browser, url, design);
      await waitRendered(page, drawnNodeCount(design));
      const info = await page.evaluate(`({
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
        paint: Object.fromEntries(performance.getEntriesByType('paint').map((m) => [m.name, Math.round(m.startTime)])),
        res: performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]),
        early: window.__earlyPainted, rendered: window.__rendered,
        nav: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
      })`);
      console.log(JSON.stringify(info));
      await page.context().close();
    }
  }
});
