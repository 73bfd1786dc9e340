/*
 * OpenPMO: "My requests" (requests.html) and one project request (request.html?code=PRJ-...).
 * A requester follows what happened to her request: status, the rules that scored it, every vote of every
 * decision (request, gates, changes; recusals without their reason), open tasks and who holds them.
 * Plain JavaScript, no libraries; logs in with HTTP Basic against /api/v1 (credentials in sessionStorage only,
 * shared with the portfolio dashboard) or, with the bank's identity provider, uses the sign-in of Tasklist
 * (signin.js). The API decides what the user may see: a project they may not see is 404.
 */
(function () {
  'use strict';

  const BASE = location.pathname.replace(/\/dashboard(\/.*)?$/, '');
  const API = BASE + '/api/v1';
  const STORE_KEY = 'openpmo.dashboard.credentials';
  const PAGE = document.body.dataset.page;

  const GROUP_LABEL = {
    pmo: 'PMO', finance: 'Finance', risk: 'Risk', compliance: 'Compliance', infosec: 'Information security',
    steeringCommittee: 'Steering committee', executiveCommittee: 'Executive committee',
    projectManagers: 'Project managers', resourceManagers: 'Resource managers', requesters: 'Requesters',
  };
  const VALUE_LABEL = {
    APPROVE: 'Approve', REJECT: 'Reject', REWORK: 'Return for rework', RECUSED: 'Recused (conflict of interest)',
    GO: 'Go', GO_WITH_CONDITIONS: 'Go with conditions', RECYCLE: 'Recycle', HOLD: 'Hold', STOP: 'Stop',
    FUNCTIONAL: 'Functional review', COMMITTEE: 'Committee', PMO_DECISION: 'PMO decision', IN_REVIEW: 'In review',
    ICT_SERVICE: 'ICT service', CRITICAL_OUTSOURCING: 'Critical outsourcing', RUN: 'Run the bank', ON_HOLD: 'On hold',
  };
  const $ = (sel, root) => (root || document).querySelector(sel);
  const state = { user: null, token: null };
  /** The provider's session (signin.js) when the identity provider signs people in; null for HTTP Basic. */
  let provider = null;

  // ---------------------------------------------------------------- formatting

  function label(code) {
    if (code == null || code === '') return '—';
    if (GROUP_LABEL[code]) return GROUP_LABEL[code];
    if (VALUE_LABEL[code]) return VALUE_LABEL[code];
    if (/^P\d$/.test(code) || !/^[A-Z_]+$/.test(code)) return String(code);
    const words = String(code).replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
  const money = (currency, v) => (typeof v === 'number' ? `${currency || ''} ${nf.format(v)}`.trim() : '—');
  function date(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d) ? '—' : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  }
  function dateTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d) ? '—' : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit' });
  }
  const yesNo = v => (v ? 'yes' : 'no');

  function h(tag, attrs, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else n.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid == null || kid === false) continue;
      n.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return n;
  }
  const empty = text => h('p', { class: 'empty', text });

  // ---------------------------------------------------------------- API and login

  class HttpError extends Error {
    constructor(status, detail) { super(`HTTP ${status}`); this.status = status; this.detail = detail; }
  }

  function basicToken(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let bin = '';
    bytes.forEach(b => { bin += String.fromCharCode(b); });
    return btoa(bin);
  }

  async function api(path) {
    const res = await fetch(API + path, OpenPmoSignIn.request(state.token));
    if (!res.ok) {
      let detail = '';
      try { const j = await res.json(); detail = j.detail || j.title || ''; } catch (e) { /* not JSON */ }
      throw new HttpError(res.status, detail);
    }
    return res.json();
  }

  function showLogin(message) {
    document.body.dataset.state = 'login';
    $('#content').hidden = true;
    $('#session').hidden = true;
    $('#login').hidden = false;
    const box = $('#login-error');
    box.textContent = message || '';
    box.hidden = !message;
    $('#login-password').value = '';
    $('#login-user').focus();
  }

  function notice(text) {
    const n = $('#notice');
    n.textContent = text || '';
    n.hidden = !text;
    n.classList.toggle('error', !!text);
  }

  async function start(user, token) {
    state.user = user;
    state.token = token;
    document.body.dataset.state = 'loading';
    try {
      if (PAGE === 'request') await renderRequest();
      else await renderMine();
    } catch (err) {
      if (err instanceof HttpError && err.status === 401) {
        sessionStorage.removeItem(STORE_KEY);
        showLogin(provider ? 'Your sign-in has ended: sign in again' : 'Wrong user or password');
        return;
      }
      $('#content').hidden = false;
      notice(err instanceof HttpError && err.status === 404
        ? 'There is no such project, or you may not see it.'
        : 'Could not load: ' + (err.detail || err.message));
    }
    if (token !== OpenPmoSignIn.SESSION) sessionStorage.setItem(STORE_KEY, JSON.stringify({ user, token }));
    $('#current-user').textContent = user;
    $('#login').hidden = true;
    $('#session').hidden = false;
    $('#content').hidden = false;
    document.body.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- My requests

  async function renderMine() {
    const page = await api('/projects?size=200');
    const container = $('[data-table="mine"]');
    container.replaceChildren();
    const items = page.items || [];
    $('#mine-note').textContent = `${items.length} project${items.length === 1 ? '' : 's'}, newest first`;
    if (!items.length) { container.append(empty('No project of yours yet. Start a request in Tasklist: Start process → Project initiation (G0).')); return; }
    container.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Code', 'Title', 'Your part', 'Status', 'Phase', 'Risk', 'Priority', 'Requested']
        .map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, items.map(p => h('tr', { class: 'mark', 'data-code': p.code },
        h('td', { class: 'code' }, h('a', { href: `request.html?code=${encodeURIComponent(p.code)}`, text: p.code })),
        h('td', { text: p.title }),
        h('td', { text: part(p) }),
        h('td', {}, h('span', { class: 'badge status-' + p.status, text: label(p.status) })),
        h('td', { text: label(p.phase) }),
        h('td', { text: p.riskTier ? `${label(p.riskTier)} (${p.riskScore})` : '—' }),
        h('td', { text: p.priorityClass ? `${p.priorityClass} (${p.priorityScore})` : '—' }),
        h('td', { class: 'nowrap', text: date(p.createdAt) }))))));
  }

  function part(p) {
    const parts = [];
    if (p.requester === state.user) parts.push('requester');
    if (p.sponsor === state.user) parts.push('sponsor');
    if (p.projectManager === state.user) parts.push('project manager');
    return parts.length ? parts.join(', ') : 'reviewer or portfolio reader';
  }

  // ---------------------------------------------------------------- one request

  async function renderRequest() {
    const code = new URLSearchParams(location.search).get('code');
    if (!code) { notice('Open a project from "My requests".'); return; }
    const p = await api('/projects/' + encodeURIComponent(code));
    document.title = `OpenPMO · ${p.code} ${p.title}`;
    $('#page-title').textContent = `${p.code} · ${p.title}`;
    $('#t-project').textContent = p.code + ': ' + p.title;
    $('#project-status').replaceChildren(h('span', { class: 'badge status-' + p.status, text: label(p.status) }),
      ' ', label(p.phase));
    $('#project-links').replaceChildren(h('a', { href: `${API}/reports/projects/${encodeURIComponent(p.code)}.pdf`,
      'data-pdf': p.code, text: 'Project report (PDF)' }));
    renderFacts(p);
    renderRules(p.decisionRules || []);
    renderOpenTasks(p.openTasks || []);
    renderVotes(p);
    renderDeputyActions(p.deputyActions || []);
  }

  function renderFacts(p) {
    const facts = [
      ['Requested by', p.requester], ['Sponsor', p.sponsor], ['Project manager', p.projectManager || '—'],
      ['Type', label(p.projectType)], ['Business unit', p.businessUnit],
      ['Budget', money(p.currency, p.budget)], ['Expected annual benefit', money(p.currency, p.expectedAnnualBenefit)],
      ['Start', date(p.startDate)], ['Duration', p.durationMonths + ' months'],
      ['Risk', p.riskTier ? `${p.riskScore} points: ${label(p.riskTier)}` : 'not scored yet'],
      ['Priority', p.priorityClass ? `${p.priorityScore} points: ${p.priorityClass}` : 'not scored yet'],
      ['Strategic alignment', `${p.strategicAlignment} of 5`], ['Complexity', label(p.complexity)],
      ['Data classification', label(p.dataClassification)], ['Personal data', yesNo(p.personalData)],
      ['Third party', label(p.thirdParty)], ['Critical or important function', yesNo(p.criticalFunction)],
      ['New technology', yesNo(p.newTechnology)], ['Regulatory deadline', p.regulatoryDeadline ? date(p.regulatoryDeadline) : 'none'],
      ['Required approvals', (p.requiredApprovals || []).map(a => label(a.group)).join(', ') || '—'],
    ];
    $('[data-section="facts"]').replaceChildren(
      h('dl', { class: 'fact-list' }, facts.map(([k, v]) => h('div', { class: 'fact' }, [h('dt', { text: k }), h('dd', { text: v == null ? '—' : v })]))),
      p.description ? h('p', { class: 'description', text: p.description }) : null);
  }

  function renderRules(evaluations) {
    const box = $('[data-section="rules"]');
    box.replaceChildren();
    if (!evaluations.length) { box.append(empty('Not scored yet')); return; }
    for (const e of evaluations) {
      box.append(h('h3', { class: 'rule-head', text: e.decisionName || e.decision }),
        h('ul', { class: 'rules' }, (e.rules || []).map(r => h('li', { text: r.description || r.ruleId }))));
    }
  }

  function renderOpenTasks(tasks) {
    const box = $('[data-section="open-tasks"]');
    box.replaceChildren();
    if (!tasks.length) { box.append(empty('No open task: nobody needs to act now')); return; }
    const now = Date.now();
    box.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Task', 'Group', 'Held by', 'Due'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, tasks.map(t => h('tr', {},
        h('td', { text: t.name }),
        h('td', { text: (t.candidateGroups || []).map(label).join(', ') || '—' }),
        h('td', { text: t.assignee || 'not claimed yet' }),
        h('td', { class: 'nowrap' + (t.due && new Date(t.due).getTime() < now ? ' overdue' : ''), text: date(t.due) }))))));
  }

  /** Every vote, grouped by what was decided and the round, each round summed up. */
  function renderVotes(p) {
    const box = $('[data-section="votes"]');
    box.replaceChildren();
    const reviews = p.reviews || [];
    if (!reviews.length) { box.append(empty('No vote yet')); return; }
    const rounds = new Map();
    for (const r of reviews) {
      const key = `${r.subjectType}/${r.subjectId}/${r.round}`;
      if (!rounds.has(key)) rounds.set(key, []);
      rounds.get(key).push(r);
    }
    for (const votes of rounds.values()) {
      const first = votes[0];
      const counted = votes.filter(v => v.decision !== 'RECUSED');
      const tally = Object.entries(counted.reduce((acc, v) => { acc[v.decision] = (acc[v.decision] || 0) + 1; return acc; }, {}))
        .map(([d, n]) => `${n} ${label(d).toLowerCase()}`).join(', ');
      const recusals = votes.length - counted.length;
      box.append(h('div', { class: 'vote-round', 'data-subject': first.subject },
        h('h3', {}, `${first.subject}, round ${first.round}`, h('span', { class: 'card-note',
          text: ` · ${tally || 'no vote'}${recusals ? ` · ${recusals} recusal${recusals === 1 ? '' : 's'}` : ''}` })),
        h('table', { class: 'data votes' },
          h('thead', {}, h('tr', {}, ['Group', 'Who', 'Decision', 'When', 'Comment'].map(t => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, votes.map(v => h('tr', { class: 'mark' },
            h('td', { text: label(v.group) }),
            h('td', { text: v.actingFor ? `${v.reviewer}, standing in for ${v.actingFor}` : v.reviewer }),
            h('td', {}, h('span', { class: 'badge decision-' + v.decision, text: label(v.decision) })),
            h('td', { class: 'nowrap', text: dateTime(v.decidedAt) }),
            h('td', { class: 'wrap', text: v.decision === 'RECUSED' ? (v.comment || 'reason for the PMO and internal audit only') : (v.comment || '—') })))))));
    }
  }

  function renderDeputyActions(actions) {
    const box = $('[data-section="deputy-actions"]');
    box.closest('section').hidden = !actions.length;
    box.replaceChildren();
    if (!actions.length) return;
    box.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Task', 'Done by', 'Standing in for', 'When'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, actions.map(a => h('tr', {}, h('td', { text: a.taskName }), h('td', { text: a.deputy }),
        h('td', { text: a.actingFor }), h('td', { class: 'nowrap', text: dateTime(a.completedAt) }))))));
  }

  // the PDF needs the Basic header (or the session marker): fetch it, then open the blob
  async function openPdf(code) {
    const win = window.open('', '_blank');
    try {
      const res = await fetch(`${API}/reports/projects/${encodeURIComponent(code)}.pdf`,
        OpenPmoSignIn.request(state.token, 'application/pdf'));
      if (!res.ok) throw new HttpError(res.status);
      const url = URL.createObjectURL(await res.blob());
      if (win) win.location.href = url;
    } catch (err) {
      if (win) win.close();
      notice('Could not open the report: ' + err.message);
    }
  }

  // ---------------------------------------------------------------- wiring

  async function init() {
    for (const a of document.querySelectorAll('a[data-href]')) a.href = BASE + a.getAttribute('data-href');
    const session = await OpenPmoSignIn.probe();
    if (session.provider) {
      provider = session;
      OpenPmoSignIn.useProvider($('#login-form'), session);
    }
    $('#login-form').addEventListener('submit', async e => {
      e.preventDefault();
      const user = $('#login-user').value.trim();
      const password = $('#login-password').value;
      if (!user || !password) { showLogin('Enter your user id and password'); return; }
      await start(user, basicToken(user, password));
    });
    $('#logout').addEventListener('click', () => {
      if (provider) { OpenPmoSignIn.signOut(provider); return; }
      sessionStorage.removeItem(STORE_KEY);
      state.user = state.token = null;
      showLogin(null);
    });
    document.addEventListener('click', e => {
      const a = e.target.closest && e.target.closest('a[data-pdf]');
      if (!a || e.button !== 0) return;
      e.preventDefault();
      openPdf(a.getAttribute('data-pdf'));
    });
    if (provider) {
      if (provider.userId) start(provider.userId, OpenPmoSignIn.SESSION);
      else showLogin(null);
      return;
    }
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.user && saved.token) start(saved.user, saved.token);
    else showLogin(null);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
