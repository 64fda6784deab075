#!/usr/bin/env node
// Checks that every label of the given BPMN models renders readably in bpmn-js (headless Chromium):
// lays each model out as the Modeler and the pictures do, reads the rendered text boxes (SVG getBBox
// of every label and of every shape's own text) and reports, one line each (file, element, text):
//   - a word split across lines (the label's box is too narrow for it), or a label whose bounds
//     (DI) are narrower than one of its words or lower than its lines, as renderers that wrap
//     labels to their bounds would break it ("Chư/a"),
//   - two texts that overlap,
//   - a text that overlaps a shape that is not its own, or a label that crosses its container's
//     border,
//   - a shape's own text that runs out of the shape,
//   - a label (of an event, gateway or flow) that crosses a sequence flow.
// Usage: ./check-labels.mjs [--expect=<words>] [--json] <file.bpmn or folder>...  (chromium: on the PATH or
// DANVAN_CHROMIUM). Exit 0 when nothing is found, 1 with problems; with --expect, exit 0 only when
// a problem containing <words> is found (to show on a broken model that the check catches it);
// --json prints the measured texts instead.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, launch, viewerPage } from './viewer.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const expect = args.find(a => a.startsWith('--expect='))?.slice('--expect='.length);
const models = path => statSync(path).isDirectory()
  ? readdirSync(path).sort().flatMap(name => models(join(path, name)))
  : path.endsWith('.bpmn') ? [path] : [];
const files = args.filter(a => !a.startsWith('--')).flatMap(models);

/** Runs in the page: the rendered texts, shapes and sequence flows of one model. */
async function measure(xml) {
  const bpmn = new BpmnJS({ container: '#canvas' });
  await bpmn.importXML(xml);
  const registry = bpmn.get('elementRegistry');
  const root = bpmn.get('canvas').getRootElement();
  const viewport = bpmn.get('canvas')._viewport;
  const toCanvas = node => {
    const box = node.getBBox();
    const m = viewport.getCTM().inverse().multiply(node.getCTM());
    const p = new DOMPoint(box.x, box.y).matrixTransform(m);
    const q = new DOMPoint(box.x + box.width, box.y + box.height).matrixTransform(m);
    return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y),
      width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
  };
  const ancestors = el => {
    const ids = [];
    for (let p = el.parent; p && p !== root; p = p.parent) ids.push(p.id);
    return ids;
  };
  // The label laid out in its DI box, as renderers that wrap labels to their bounds draw it.
  const wrap = (node, text, bounds) => {
    const probe = node.cloneNode(false);
    node.parentNode.appendChild(probe);
    const width = s => { probe.textContent = s; return probe.getBBox().width; };
    const widest = text.split(/\s+/).filter(Boolean)
      .map(w => ({ word: w, width: width(w) })).sort((a, b) => b.width - a.width)[0];
    let lines = 0;
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const w of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? line + ' ' + w : w;
        if (line && width(next) > bounds.width) { lines++; line = w; } else { line = next; }
      }
      lines++;
    }
    const oneLine = width(text);
    probe.remove();
    const size = parseFloat(getComputedStyle(node).fontSize);
    return { widest, needed: Math.ceil(lines * size * 1.2), oneLine };
  };
  const shapes = [], texts = [], flows = [];
  registry.forEach(el => {
    if (el === root) return;
    if (el.waypoints) {
      if (el.type === 'bpmn:SequenceFlow') {
        flows.push({ id: el.id, points: el.waypoints.map(p => ({ x: p.x, y: p.y })) });
      }
      return;
    }
    const label = el.type === 'label';
    const owner = label ? el.labelTarget : el;
    if (!label) {
      shapes.push({ id: el.id, x: el.x, y: el.y, width: el.width, height: el.height,
        ancestors: ancestors(el), container: !!el.children?.length });
    }
    const node = registry.getGraphics(el).querySelector('.djs-visual > text');
    if (!node) return;
    const lines = [...node.querySelectorAll('tspan')].map(t => t.textContent);
    if (!lines.join('').trim()) return;
    const bo = owner.businessObject;
    const text = (owner.type === 'bpmn:TextAnnotation' ? bo.text : bo.name) || '';
    const bounds = label && (owner.di?.label?.bounds);
    texts.push({ id: owner.id, external: label, own: owner.id, ancestors: ancestors(owner),
      text, lines, box: toCanvas(node),
      di: bounds && { width: bounds.width, height: bounds.height, ...wrap(node, text, bounds) } });
  });
  bpmn.destroy();
  return { shapes, texts, flows };
}

const tolerance = 0.5;
const overlap = (a, b) => a.x + tolerance < b.x + b.width && b.x + tolerance < a.x + a.width
  && a.y + tolerance < b.y + b.height && b.y + tolerance < a.y + a.height;
const inside = (a, b, margin = 2) => a.x >= b.x - margin && a.y >= b.y - margin
  && a.x + a.width <= b.x + b.width + margin && a.y + a.height <= b.y + b.height + margin;

/** Whether the segment p–q passes through the box (Liang–Barsky clipping). */
function crosses(p, q, box) {
  const x0 = box.x + tolerance, y0 = box.y + tolerance;
  const x1 = box.x + box.width - tolerance, y1 = box.y + box.height - tolerance;
  let t0 = 0, t1 = 1;
  const dx = q.x - p.x, dy = q.y - p.y;
  for (const [den, num] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
    if (den === 0) {
      if (num < 0) return false;
    } else {
      const t = num / den;
      if (den < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
      else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
  }
  return t0 <= t1;
}

/** Where the rendered lines break a word of the text, e.g. "Chư|a". */
function splitWords(text, lines) {
  const words = text.split(/\s+/).filter(Boolean);
  const rendered = lines.map(l => l.split(/\s+/).filter(Boolean));
  const found = [];
  for (let i = 0; i + 1 < rendered.length; i++) {
    const last = rendered[i].at(-1), next = rendered[i + 1][0];
    if (last && next && !words.includes(last) && words.includes(last + next)) {
      found.push(`${last}|${next}`);
    } else if (last && !words.includes(last)) {
      found.push(`${last}|`);
    }
  }
  return found;
}

function problems(file, { shapes, texts, flows }) {
  const found = [];
  const say = (t, what) => found.push(`${file}: ${t.id} "${t.text.replace(/\s+/g, ' ')}": ${what}`);
  for (const t of texts) {
    for (const split of splitWords(t.text, t.lines)) say(t, `word split across lines (${split})`);
    if (t.di && t.di.widest && t.di.widest.width > t.di.width) {
      say(t, `label bounds ${t.di.width} wide, narrower than "${t.di.widest.word}" `
        + `(${Math.ceil(t.di.widest.width)}): the word breaks where labels wrap to their bounds`);
    } else if (t.di && t.di.needed > t.di.height + 4) {
      say(t, `label bounds ${t.di.height} high, the text needs ${t.di.needed}`);
    }
    if (!t.external) {
      const own = shapes.find(s => s.id === t.own);
      if (own && !inside(t.box, own)) say(t, 'text runs out of its shape');
    }
    for (const s of shapes) {
      if (s.id !== t.own && !t.ancestors.includes(s.id) && overlap(t.box, s)
          && !(s.container && inside(t.box, s))) {
        say(t, `overlaps shape ${s.id}`);
      }
    }
    if (t.external) {
      for (const s of shapes.filter(s => t.ancestors.includes(s.id))) {
        if (!inside(t.box, s, 0)) say(t, `crosses the border of ${s.id}`);
      }
      for (const f of flows) {
        if (f.points.some((p, i) => i > 0 && crosses(f.points[i - 1], p, t.box))) {
          say(t, `crosses sequence flow ${f.id}`);
        }
      }
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlap(texts[i].box, texts[j].box)) say(texts[i], `overlaps the text of ${texts[j].id}`);
    }
  }
  return found;
}

const browser = await launch(chromiumPath());
const all = [];
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await viewerPage(page);
  for (const file of files) {
    const measured = await page.evaluate(measure, readFileSync(file, 'utf8'));
    if (json) console.log(JSON.stringify({ file, ...measured }));
    all.push(...problems(file, measured));
  }
} finally {
  await browser.close();
}
if (json) process.exit(0);
all.forEach(p => console.log(p));
if (expect !== undefined) {
  const caught = all.some(p => p.includes(expect));
  console.log(caught ? `caught as expected: ${expect}` : `NOT caught: ${expect}`);
  process.exit(caught ? 0 : 1);
}
console.log(`${files.length} models, ${all.length} label problems`);
process.exit(all.length ? 1 : 0);
