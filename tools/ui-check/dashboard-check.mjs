#!/usr/bin/env node
// Headless check of the OpenPMO portfolio dashboard.
// Usage: node dashboard-check.mjs [baseUrl=http://localhost:8080] [user=petra] [password=demo] [screenshot=dashboard.png]
// Env: CHROMIUM (browser binary, default /usr/bin/chromium); optional FORBIDDEN_USER / FORBIDDEN_PASSWORD:
//      a user who may not see the portfolio, to check the 403 message too.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';

const [baseArg, userArg, passwordArg, shotArg] = process.argv.slice(2);
const baseUrl = (baseArg || 'http://localhost:8080').replace(/\/+$/, '');
const user = userArg || 'petra';
const password = passwordArg || 'demo';
const screenshot = shotArg || 'dashboard.png';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const CHARTS = ['health', 'phase', 'budget', 'cycle-times', 'utilisation'];
const MSG_WRONG = 'Wrong user or password';
const MSG_FORBIDDEN = 'Only the PMO, the committees, auditors and administrators see the portfolio dashboard';

const failures = [];
const problems = []; // console errors, page errors, failed requests, HTTP errors
let phase = 'start'; // during 'wrong-login' a 401 is expected, during 'forbidden' a 403
const fail = msg => failures.push(msg);

function finish(code) {
  if (failures.length) {
    console.error(`\nFAILED (${failures.length}):`);
    for (const f of failures) console.error('  - ' + f);
  } else {
    console.log('\nOK: the dashboard passed every check');
  }
  process.exit(code ?? (failures.length ? 1 : 0));
}

let browser;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
} catch (e) {
  fail(`cannot start Chromium at ${executablePath} (set CHROMIUM=...): ${e.message.split('\n')[0]}`);
  finish(1);
}

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();

  const expectedStatus = () => (phase === 'wrong-login' ? 401 : phase === 'forbidden' ? 403 : null);
  page.on('console', msg => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const exp = expectedStatus();
    // Chromium logs every 4xx answer to fetch() as a console error: the expected ones are no problem
    if (exp && text.includes(`status of ${exp}`)) return;
    problems.push(`console error (${phase}): ${text}`);
  });
  page.on('pageerror', err => problems.push(`page error (${phase}): ${err.message}`));
  page.on('requestfailed', req => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    problems.push(`request failed (${phase}): ${req.method()} ${url} — ${req.failure()?.errorText}`);
  });
  page.on('response', res => {
    const status = res.status();
    if (status < 400) return;
    if (status === expectedStatus() && res.url().includes('/api/')) return;
    problems.push(`HTTP ${status} (${phase}): ${res.request().method()} ${res.url()}`);
  });

  // 1. the page
  const url = `${baseUrl}/dashboard/`;
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20000 });
  } catch (e) {
    fail(`cannot open ${url}: ${e.message.split('\n')[0]} (is the app running?)`);
    throw new Error('stop');
  }
  if (!response || !response.ok()) {
    const status = response && response.status();
    fail(`${url} answered HTTP ${status}` + (status === 404
      ? ' (Spring Boot forwards only / to index.html: the app needs a view controller /dashboard/ -> forward:/dashboard/index.html)'
      : ''));
    throw new Error('stop');
  }
  await page.waitForSelector('#login-form', { state: 'visible', timeout: 10000 })
    .catch(() => { fail('the login form (#login-form) does not show'); throw new Error('stop'); });

  const submitLogin = async (u, p) => {
    await page.fill('#login-user', u);
    await page.fill('#login-password', p);
    await page.click('#login-submit');
  };
  const errorText = async () => (await page.locator('#login-error').textContent() || '').trim();

  // 2. a wrong password shows the error (for a user of its own: the engine delays the next login of a user
  //    after a failed one, which would refuse the real login that follows)
  phase = 'wrong-login';
  await submitLogin(`nobody${Date.now()}`, `${password}-wrong`);
  try {
    await page.waitForSelector('#login-error:not([hidden])', { timeout: 10000 });
    const text = await errorText();
    if (!text.includes(MSG_WRONG)) fail(`wrong password: expected "${MSG_WRONG}", the page says "${text}"`);
    else console.log(`wrong password   -> "${text}"`);
  } catch {
    fail('wrong password: no error message (#login-error) shows');
  }
  await page.waitForSelector('body[data-state="login"]', { timeout: 5000 }).catch(() => {});

  // 2b. optionally a user without access sees the 403 message
  if (process.env.FORBIDDEN_USER) {
    phase = 'forbidden';
    await submitLogin(process.env.FORBIDDEN_USER, process.env.FORBIDDEN_PASSWORD || password);
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent.includes('Only the PMO'), null, { timeout: 10000 })
      .then(() => console.log(`forbidden user   -> "${MSG_FORBIDDEN}"`))
      .catch(async () => fail(`user ${process.env.FORBIDDEN_USER}: expected "${MSG_FORBIDDEN}", the page says "${await errorText()}"`));
  }

  // 3. the real login, then every report loads
  phase = 'dashboard';
  await submitLogin(user, password);
  try {
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30000 });
  } catch {
    const state = await page.getAttribute('body', 'data-state');
    fail(`login as ${user} did not reach the dashboard (state "${state}"${state === 'login' ? `, message "${await errorText()}"` : ''})`);
    throw new Error('stop');
  }

  // 4. charts: each has marks; say why when it has none
  const counts = {};
  for (const name of CHARTS) {
    const box = page.locator(`[data-chart="${name}"]`);
    if (await box.count() !== 1) { fail(`no single [data-chart="${name}"] container`); continue; }
    counts[name] = await box.locator('.mark').count();
    if (counts[name] < 1) {
      const why = (await box.locator('.load-error, .empty').allTextContents()).join(' ').trim();
      fail(`chart "${name}" has no .mark${why ? ` — it shows "${why}"` : ''}`);
    }
  }
  const attention = page.locator('[data-chart="attention"]');
  if (await attention.count() !== 1) fail('no [data-chart="attention"] container');
  else {
    counts.attention = await attention.locator('.mark').count();
    const rendered = await attention.locator('table, .empty').count();
    if (!rendered) {
      const why = (await attention.locator('.load-error').allTextContents()).join(' ').trim();
      fail(`the attention table did not render${why ? ` — "${why}"` : ''}`);
    }
  }
  counts['projects table'] = await page.locator('[data-table="projects"] tbody tr').count();

  // 5. KPI tile: number of projects
  const kpiText = ((await page.locator('[data-kpi="projects"] .kpi-value').textContent()) || '').trim();
  const projectCount = Number(kpiText.replace(/[,\s]/g, ''));
  if (!(projectCount > 0)) fail(`KPI "projects" shows "${kpiText}", expected a number > 0`);

  // 6. an API link works with the Basic header (fetch -> blob -> download)
  let csvInfo = 'not checked';
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15000 }),
      page.click('a[data-api^="/reports/portfolio?format=csv"]'),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    const lines = text.split(/\r?\n/).filter(Boolean).length;
    if (!lines) fail('the portfolio CSV download is empty');
    csvInfo = `${download.suggestedFilename()}, ${lines} lines`;
  } catch (e) {
    fail(`"Download CSV" (portfolio) gave no download: ${e.message.split('\n')[0]}`);
  }

  // 7. layout: nothing wider than the window, no overlapping text inside a chart
  const layout = await page.evaluate(() => {
    const out = { overflowX: document.documentElement.scrollWidth - window.innerWidth, overlaps: [] };
    for (const svg of document.querySelectorAll('[data-chart] svg')) {
      const boxes = Array.from(svg.querySelectorAll('text')).map(t => ({ t: t.textContent, r: t.getBoundingClientRect() }))
        .filter(b => b.r.width > 0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 3) {
            const chart = svg.closest('[data-chart]').dataset.chart;
            out.overlaps.push(`${chart}: "${boxes[i].t}" / "${boxes[j].t}"`);
          }
        }
      }
    }
    return out;
  });
  if (layout.overflowX > 0) fail(`the page is ${layout.overflowX}px wider than the 1440px window`);
  for (const o of layout.overlaps.slice(0, 10)) fail(`overlapping labels in ${o}`);

  // 8. screenshot (pointer out of the way: no hover highlight in the picture)
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: true });

  // 9. log out clears the credentials
  phase = 'logout';
  await page.click('#logout');
  await page.waitForSelector('#login-form', { state: 'visible', timeout: 5000 }).catch(() => fail('"Log out" does not show the login form'));
  const left = await page.evaluate(() => Object.keys(sessionStorage).length);
  if (left) fail(`"Log out" left ${left} item(s) in sessionStorage`);

  for (const p of problems) fail(p);

  console.log(`dashboard        -> ${url} as ${user}`);
  console.log(`KPI projects     -> ${kpiText}`);
  for (const [name, n] of Object.entries(counts)) {
    console.log(`${name.padEnd(16)} -> ${n} ${name === 'projects table' ? 'rows' : name === 'attention' ? 'rows (.mark)' : '.mark'}`);
  }
  console.log(`portfolio CSV    -> ${csvInfo}`);
  console.log(`screenshot       -> ${screenshot}`);
} catch (e) {
  if (e.message !== 'stop') fail(`unexpected error: ${e.stack || e.message}`);
  for (const p of problems) fail(p);
} finally {
  await browser.close().catch(() => {});
}
finish();
