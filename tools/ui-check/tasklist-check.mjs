#!/usr/bin/env node
// A reviewer's journey in Camunda Tasklist, in headless Chromium, against a running OpenPMO (demo users).
// Usage: node tasklist-check.mjs [baseUrl=http://localhost:8080] [screenshotDir=../../docs/images]
// Env: CHROMIUM (browser binary, default /usr/bin/chromium); PASSWORD (demo users' password, default demo).
//
// 1. Over the API: rita requests a project that the PMO and finance review; petra (PMO) approves it first.
// 2. fiona logs in to Tasklist, finds the review in her group's filter "Finance: open tasks" (escalated first).
// 3. She claims it and reads the form: the key facts, the rules that fired with their descriptions, petra's vote.
// 4. She returns it for rework without a reason: the form refuses at the field, nothing is submitted.
// 5. She gives the reason and completes: the task leaves her list; the project is in rework, her vote on record.
// 6. petra tries to claim a finance task in the PMO's oversight filter: the refusal says why in one sentence.
// 7. rita follows her request on "My requests" and its page (every vote, open tasks).
// Screenshots: tasklist-filter.png, tasklist-review.png, tasklist-rework-reason.png, tasklist-claim-refused.png,
// my-requests.png, request-page.png. Exits 1 with the reasons when a check fails.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const [baseArg, dirArg] = process.argv.slice(2);
const base = (baseArg || 'http://localhost:8080').replace(/\/+$/, '');
const shots = dirArg || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../docs/images');
const password = process.env.PASSWORD || 'demo';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const failures = [];
let completedTask = null;
const problems = [];
let step = 'start';
const fail = msg => failures.push(`${step}: ${msg}`);
const check = (ok, msg) => { if (!ok) fail(msg); return ok; };

function finish() {
  if (failures.length || problems.length) {
    console.error(`\nFAILED (${failures.length + problems.length}):`);
    for (const f of [...failures, ...problems]) console.error('  - ' + f);
    process.exit(1);
  }
  console.log('\nOK: the reviewer journey passed every check');
  process.exit(0);
}

// ------------------------------------------------------------------ the API, as the other people act

async function api(user, method, pathname, body) {
  const res = await fetch(base + pathname, {
    method,
    headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: res.status, json, text };
}

function isoDate(days) {
  const d = new Date(Date.now() + days * 86400000);
  return d.toISOString().slice(0, 10);
}

async function prepare() {
  step = 'prepare';
  const title = 'Treasury cash forecasting ' + new Date().toISOString().slice(11, 19).replace(/:/g, '');
  const submitted = await api('rita', 'POST', '/api/v1/projects', {
    title, description: 'Forecast the daily cash position of every entity from the payment systems',
    businessUnit: 'Treasury', sponsor: 'sam', projectType: 'STRATEGIC', strategicAlignment: 4,
    expectedAnnualBenefit: 300000, budget: 600000, startDate: isoDate(60), durationMonths: 9, complexity: 'MEDIUM',
    personalData: false, dataClassification: 'INTERNAL', thirdParty: 'NONE', criticalFunction: false,
    newTechnology: false,
  });
  if (!check(submitted.status === 201, `rita could not submit a request: ${submitted.status} ${submitted.text}`)) return null;
  const code = submitted.json.code;
  check(JSON.stringify(submitted.json.requiredApprovals) === JSON.stringify(['pmo', 'finance']),
    `expected the PMO and finance to review, got ${JSON.stringify(submitted.json.requiredApprovals)}`);
  const tasks = await api('petra', 'GET', `/engine-rest/task?processInstanceBusinessKey=${code}&candidateGroup=pmo`);
  const pmoTask = tasks.json && tasks.json[0];
  if (!check(pmoTask, `no PMO review of ${code}`)) return null;
  check((await api('petra', 'POST', `/engine-rest/task/${pmoTask.id}/claim`, { userId: 'petra' })).status === 204,
    'petra could not claim the PMO review');
  const approved = await api('petra', 'POST', `/engine-rest/task/${pmoTask.id}/submit-form`, {
    variables: { decision: { value: 'APPROVE' }, approvalComment: { value: 'Fits the treasury roadmap' } } });
  check(approved.status === 204, `petra could not approve: ${approved.status} ${approved.text}`);
  return { code, title };
}

// ------------------------------------------------------------------ the browser

async function login(page, user) {
  await page.goto(base + '/camunda/app/tasklist/default/', { waitUntil: 'domcontentloaded' });
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[ng-model="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('.task-filters .item', { timeout: 20000 });
}

async function openFilter(page, name) {
  const item = page.locator('.task-filters .item', { hasText: name }).first();
  if (!check(await item.count() > 0, `no filter "${name}"`)) return false;
  await item.locator('a').first().click();
  await page.waitForTimeout(1500);
  return true;
}

async function run() {
  const prepared = await prepare();
  if (!prepared) return;
  const { code, title } = prepared;
  await mkdir(shots, { recursive: true });

  const browser = await chromium.launch({ executablePath, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 2100 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.on('pageerror', err => problems.push(`page error (${step}): ${err.message}`));
    page.on('response', res => {
      const expected = (step === 'rework without a reason' || step === 'claim refused') ? [400, 403] : [];
      // Tasklist reads the task it just completed once more: that 404 is its own business
      if (step === 'complete with a reason' && res.status() === 404 && completedTask
          && res.url().endsWith('/task/' + completedTask)) return;
      // the welcome check probes an unauthenticated session first: a 404/401 there is Tasklist's own business
      if (res.status() >= 500 || (res.status() >= 400 && res.url().includes('/api/engine/') && !expected.includes(res.status()))) {
        problems.push(`HTTP ${res.status()} (${step}): ${res.request().method()} ${res.url()}`);
      }
    });

    // 2. fiona finds the review in her group's filter
    step = 'find the task';
    await login(page, 'fiona');
    const settings = await page.evaluate(() => window.openpmoSettings);
    check(settings && settings.locale === 'en-GB', `Tasklist runs without OpenPMO's settings: ${JSON.stringify(settings)}`);
    const filters = await page.$$eval('.task-filters .item', els => els.map(e => e.innerText.replace(/\s+/g, ' ').trim()));
    check(filters.some(f => f.startsWith('Finance: open tasks')), `fiona has no "Finance: open tasks" filter: ${filters}`);
    check(!filters.some(f => f.startsWith('PMO')), `fiona sees the PMO's filters: ${filters}`);
    await openFilter(page, 'Finance: open tasks');
    const card = page.locator('.tasks-list li.task', { hasText: code }).first();
    await card.waitFor({ timeout: 15000 }).catch(() => fail(`the review of ${code} is not in "Finance: open tasks"`));
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    check(cardText.includes(title), `the task's name does not carry the title: ${cardText}`);
    check(cardText.includes('(Finance)'), `the task's name does not say which group reviews: ${cardText}`);
    check(/Project[^A-Za-z]*PRJ-/.test(cardText), `the project column is missing: ${cardText}`);
    await card.locator('.names a, h4 a, a').first().click();
    await page.waitForSelector('.task-details', { timeout: 15000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(shots, 'tasklist-filter.png'), clip: { x: 0, y: 0, width: 1440, height: 1000 } });

    // 3. claim, read the context
    step = 'read the decision context';
    const claim = page.locator('.task-details button:has-text("Claim"), .task-details a:has-text("Claim")').first();
    await claim.click();
    await page.waitForSelector('.fjs-container', { timeout: 20000 });
    await page.waitForTimeout(1500);
    const form = (await page.locator('.fjs-container').innerText()).replace(/\s+/g, ' ');
    check(form.includes('Why these scores, and every decision so far'), 'the form has no decision context');
    check(form.includes('Budget 250k to under 2M: 10 points'), 'the rules that fired are not on the form');
    check(form.includes('Approvals required: PMO, Finance'), 'the routing is not explained');
    check(/PMO: Petra Olsen \(petra\) · Approve/.test(form), "petra's earlier vote is not on the form");
    check(form.includes('Fits the treasury roadmap'), "petra's comment is not on the form");
    check(form.includes('1 of 2 functional reviews approved'), 'the round is not summed up');
    check(form.includes('Data classification: Internal'), 'the key facts are not labelled for people');
    await page.locator('.task-details').screenshot({ path: path.join(shots, 'tasklist-review.png') });

    // 4. rework without a reason
    step = 'rework without a reason';
    await page.getByLabel('Return for rework').check();
    await page.click('button:has-text("Complete")');
    await page.waitForTimeout(1500);
    const fieldError = page.locator('.fjs-form-field-error', { hasText: 'Field is required' });
    check(await fieldError.count() > 0, 'no message at the Reason field');
    const stillThere = await api('fiona', 'GET', `/engine-rest/task?processInstanceBusinessKey=${code}&candidateGroup=finance&includeAssignedTasks=true`);
    check(stillThere.json && stillThere.json.length === 1, 'the task was completed without a reason');
    const reason = page.locator('textarea[id*="Field_Comment"]').first();
    await reason.scrollIntoViewIfNeeded();
    await page.locator('.task-details').screenshot({ path: path.join(shots, 'tasklist-rework-reason.png') });

    // 5. with a reason
    step = 'complete with a reason';
    completedTask = stillThere.json && stillThere.json[0] && stillThere.json[0].id;
    await reason.fill('Split the benefit case by entity; the cost of the payment interfaces is missing');
    await page.click('button:has-text("Complete")');
    await page.waitForTimeout(3000);
    const view = await api('petra', 'GET', `/api/v1/projects/${code}`);
    check(view.json && view.json.status === 'REWORK', `the project is not in rework: ${view.json && view.json.status}`);
    const vote = view.json && view.json.reviews.find(r => r.group === 'finance');
    check(vote && vote.reviewer === 'fiona' && vote.decision === 'REWORK', `fiona's vote is not on record: ${JSON.stringify(vote)}`);

    // 6. petra, in the oversight filter, tries a finance task
    step = 'claim refused';
    const other = await api('rita', 'POST', '/api/v1/projects', {
      title: 'Collateral optimisation ' + Date.now() % 100000, description: 'Optimise collateral across CCPs',
      businessUnit: 'Markets', sponsor: 'sam', projectType: 'STRATEGIC', strategicAlignment: 3,
      expectedAnnualBenefit: 200000, budget: 400000, startDate: isoDate(90), durationMonths: 6, complexity: 'LOW',
      personalData: false, dataClassification: 'INTERNAL', thirdParty: 'NONE', criticalFunction: false,
      newTechnology: false,
    });
    const petraPage = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' })).newPage();
    petraPage.on('pageerror', err => problems.push(`page error (${step}): ${err.message}`));
    await login(petraPage, 'petra');
    const petraFilters = await petraPage.$$eval('.task-filters .item', els => els.map(e => e.innerText.replace(/\s+/g, ' ').trim()));
    check(petraFilters.some(f => f.startsWith('PMO: overdue first')), `petra has no "PMO: overdue first": ${petraFilters}`);
    check(!petraFilters.some(f => f.startsWith('My work')), `petra still has "My work" with every group's tasks`);
    await openFilter(petraPage, 'PMO: every open task');
    const financeTasks = await api('petra', 'GET', `/engine-rest/task?processInstanceBusinessKey=${other.json.code}&candidateGroup=finance`);
    const financeTask = financeTasks.json && financeTasks.json[0];
    if (check(financeTask, 'no finance task to try')) {
      await petraPage.goto(`${base}/camunda/app/tasklist/default/#/?task=${financeTask.id}`, { waitUntil: 'domcontentloaded' });
      await petraPage.waitForSelector('.task-details', { timeout: 15000 });
      await petraPage.waitForTimeout(1500);
      await petraPage.locator('.task-details button:has-text("Claim"), .task-details a:has-text("Claim")').first().click();
      await petraPage.waitForTimeout(2000);
      const alerts = (await petraPage.locator('.page-notifications').innerText()).replace(/\s+/g, ' ');
      check(alerts.includes('it belongs to Finance, and you are not a member.'), `the refusal does not explain itself: ${alerts}`);
      check(!alerts.includes('TASK_WORK'), `the refusal names engine permissions: ${alerts}`);
      await petraPage.screenshot({ path: path.join(shots, 'tasklist-claim-refused.png') });
    }

    // 7. rita follows her request
    step = 'my requests';
    const ritaPage = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' })).newPage();
    ritaPage.on('pageerror', err => problems.push(`page error (${step}): ${err.message}`));
    await ritaPage.goto(base + '/dashboard/requests.html', { waitUntil: 'domcontentloaded' });
    await ritaPage.fill('#login-user', 'rita');
    await ritaPage.fill('#login-password', password);
    await ritaPage.click('#login-submit');
    await ritaPage.waitForSelector(`tr[data-code="${code}"]`, { timeout: 15000 }).catch(() => fail(`${code} is not in rita's requests`));
    await ritaPage.screenshot({ path: path.join(shots, 'my-requests.png') });
    await ritaPage.click(`tr[data-code="${code}"] a`);
    await ritaPage.waitForSelector('.vote-round', { timeout: 15000 }).catch(() => fail('the request page shows no votes'));
    const page2 = (await ritaPage.locator('main').innerText()).replace(/\s+/g, ' ');
    check(page2.includes('Return for rework') && page2.includes('fiona'), 'the request page does not show the vote for rework');
    check(page2.includes('Budget 250k to under 2M: 10 points'), 'the request page does not show the rules that fired');
    await ritaPage.screenshot({ path: path.join(shots, 'request-page.png'), fullPage: true });
  } finally {
    await browser.close();
  }
}

try {
  await run();
} catch (e) {
  fail(e.message.split('\n')[0]);
}
finish();
