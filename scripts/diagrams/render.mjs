// Renders BPMN files to PNG with bpmn-js in a headless Chromium (the system's, never downloaded).
// Usage: node render.mjs <chromium> <output folder> <file.bpmn>...  (run from the project root)
// Writes <output folder>/<name>.png and <output folder>/diagrams.sha256 (sha256sum format: each
// rendered BPMN's hash, which DocumentsTest compares with the BPMN's current hash).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launch, viewerPage } from './viewer.mjs';

const [executablePath, outDir, ...files] = process.argv.slice(2);
const margin = 20;

mkdirSync(outDir, { recursive: true });
const browser = await launch(executablePath);
const hashes = [];
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    await viewerPage(page);
    const size = await page.evaluate(async ({ xml, margin }) => {
      const bpmn = new BpmnJS({ container: '#canvas' });
      await bpmn.importXML(xml);
      const canvas = bpmn.get('canvas');
      const inner = canvas.viewbox().inner;
      const width = Math.ceil(inner.width + 2 * margin);
      const height = Math.ceil(inner.height + 2 * margin);
      const box = document.getElementById('canvas');
      box.style.width = width + 'px';
      box.style.height = height + 'px';
      canvas.resized();
      canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
      return { width, height };
    }, { xml, margin });
    await page.setViewportSize({ width: size.width, height: size.height });
    const png = join(outDir, basename(file, '.bpmn') + '.png');
    await page.locator('#canvas').screenshot({ path: png });
    hashes.push(`${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${file}`);
    console.log(`${png} ${size.width}×${size.height}`);
  }
} finally {
  await browser.close();
}
writeFileSync(join(outDir, 'diagrams.sha256'), hashes.join('\n') + '\n');
