// Renders BPMN files to PNG cropped to the diagram (zoom 1, 20px margin), for the README images.
// usage (needs Chromium and, beside this file, node_modules with playwright-core and bpmn-js):
//   node tools/layout/render_cropped.mjs docs/images processes/change-request.bpmn ...   (TILE=1700 also writes tiles)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
const here = path.dirname(new URL(import.meta.url).pathname);
const [outDir, ...files] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const asset = (p) => fs.readFileSync(path.join(here, 'node_modules', p), 'utf8');
for (const file of files) {
  const xml = fs.readFileSync(file, 'utf8');
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const page = await browser.newPage({ viewport: { width: 6000, height: 2400 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><head><style>${asset('bpmn-js/dist/assets/diagram-js.css')}${asset('bpmn-js/dist/assets/bpmn-js.css')}${asset('bpmn-js/dist/assets/bpmn-font/css/bpmn.css')} html,body,#c{margin:0;width:100%;height:100%;background:#fff} .djs-container{background:#fff}</style></head><body><div id="c"></div></body></html>`);
  await page.addScriptTag({ content: asset('bpmn-js/dist/bpmn-viewer.production.min.js') });
  const res = await page.evaluate(async (xml) => {
    const v = new BpmnJS({ container: '#c' });
    try {
      const r = await v.importXML(xml);
      const canvas = v.get('canvas');
      canvas.zoom(1);
      const box = canvas.getActiveLayer().getBBox();
      canvas.viewbox({ x: box.x - 20, y: box.y - 20, width: 6000, height: 2400 });
      return { ok: true, w: Math.ceil(box.width + 40), h: Math.ceil(box.height + 40), warnings: r.warnings.map(w => w.message) };
    } catch (e) { return { ok: false, error: String(e.message || e) }; }
  }, xml);
  if (res.ok) {
    await page.screenshot({ path: path.join(outDir, base + '.png'), clip: { x: 0, y: 0, width: Math.min(res.w, 6000), height: Math.min(res.h, 2400) } });
    if (process.env.TILE) {
      const t = Number(process.env.TILE);
      for (let i = 0, x = 0; x < res.w; i++, x += t - 100) {
        await page.screenshot({ path: path.join(outDir, `${base}-${i}.png`), clip: { x, y: 0, width: Math.min(t, res.w - x), height: Math.min(res.h, 2400) } });
      }
    }
  }
  console.log(file, JSON.stringify(res));
  await page.close();
}
await browser.close();
