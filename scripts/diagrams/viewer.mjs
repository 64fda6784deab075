// Opens BPMN models in bpmn-js inside the system's headless Chromium (never downloaded): shared by
// render.mjs (pictures) and check-labels.mjs (label check).
import { chromium } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'node_modules/bpmn-js/dist');
const css = ['assets/diagram-js.css', 'assets/bpmn-js.css']
  .map(f => readFileSync(join(dist, f), 'utf8')).join('\n');
const viewer = readFileSync(join(dist, 'bpmn-viewer.production.min.js'), 'utf8');

/** The browser to use: the argument, DANVAN_CHROMIUM, or `chromium` on the PATH. */
export function chromiumPath(given) {
  const named = given || process.env.DANVAN_CHROMIUM;
  if (named) return named;
  const found = (process.env.PATH || '').split(delimiter).map(d => join(d, 'chromium'))
    .find(existsSync);
  if (!found) throw new Error('chromium not found: install Debian\'s chromium or set DANVAN_CHROMIUM');
  return found;
}

export async function launch(executablePath) {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** Loads an empty page with bpmn-js; then `page.evaluate` may use `new BpmnJS(…)`. */
export async function viewerPage(page) {
  await page.setContent(`<html><head><style>${css}
    body { margin: 0; background: white; font-family: 'DejaVu Sans', sans-serif; }
    #canvas { width: 800px; height: 600px; }</style></head>
    <body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
}
