/*
 * OpenPMO portfolio dashboard.
 * Plain JavaScript, no libraries, no external resources: the charts are inline SVG drawn below.
 * Logs in with HTTP Basic against the report API (the credentials live in sessionStorage only) or, with the
 * bank's identity provider, uses the sign-in of Tasklist (signin.js).
 */
(function () {
  'use strict';

  // Works at /dashboard/ and /dashboard/index.html, also under a servlet context path.
  const BASE = location.pathname.replace(/\/dashboard(\/.*)?$/, '');
  const API = BASE + '/api/v1';
  const STORE_KEY = 'openpmo.dashboard.credentials';
  const SVGNS = 'http://www.w3.org/2000/svg';

  const COLORS = {
    accent: '#1f4e79',
    accentLight: '#a9c1da',
    red: '#c62828',
    heatLow: [238, 242, 247],
    heatHigh: [31, 78, 121],
  };
  const RAG = { GREEN: '#2e7d32', AMBER: '#f9a825', RED: '#c62828', NONE: '#9e9e9e' };
  const RAG_LABEL = { GREEN: 'Green', AMBER: 'Amber', RED: 'Red', NONE: 'No status yet' };
  const PHASES = ['INITIATION', 'PLANNING', 'DELIVERY', 'CLOSURE', 'CLOSED'];
  const REASONS = {
    RED: 'Health red',
    OVERDUE_GATE: 'Gate overdue',
    OVERDUE_REVIEW: 'Review overdue',
    MISSED_REPORTS: 'Missed reports',
  };
  const GROUP_LABEL = {
    pmo: 'PMO', finance: 'Finance', risk: 'Risk', compliance: 'Compliance', infosec: 'InfoSec',
    steeringCommittee: 'Steering committee', executiveCommittee: 'Executive committee',
    projectManagers: 'Project managers', resourceManagers: 'Resource managers',
  };
  const MSG_WRONG = 'Wrong user or password';
  const MSG_FORBIDDEN = 'Only the PMO, the committees, auditors and administrators see the portfolio dashboard';

  const state = { user: null, token: null, portfolio: null, cycle: null, util: null, months: [], errors: {} };
  /** The provider's session (signin.js) when the identity provider signs people in; null for HTTP Basic. */
  let provider = null;
  const MSG_ENDED = 'Your sign-in has ended: sign in again';
  const $ = (sel, root) => (root || document).querySelector(sel);

  // ---------------------------------------------------------------- formatting

  const isNum = v => typeof v === 'number' && isFinite(v);
  const nfMoney = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const nf2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const nf1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const money = v => isNum(v) ? nfMoney.format(Math.round(v)) : '—';
  const ratio = v => isNum(v) ? nf2.format(v) : '—';
  const pct = v => isNum(v) ? nf2.format(v * 100) + '%' : '—';
  // under a tenth of a day a median reads as "< 0.1" (decided within hours), never as a misleading 0.0
  const daysFmt = v => !isNum(v) ? '—' : (v > 0 && v < 0.05 ? '< 0.1' : nf1.format(v));
  const int = v => isNum(v) ? nfMoney.format(v) : '—';

  function parseDate(iso) {
    if (!iso) return null;
    const d = new Date(iso);
    return isNaN(d) ? null : d;
  }
  function fmtDate(iso) {
    const d = parseDate(iso);
    return d ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '—';
  }
  function fmtDateTime(iso) {
    const d = parseDate(iso);
    return d ? d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
  }
  function relDays(iso) {
    const d = parseDate(iso);
    if (!d) return '';
    const days = Math.round((d.getTime() - Date.now()) / 86400000);
    if (days === 0) return 'today';
    return days < 0 ? `${-days} day${days === -1 ? '' : 's'} ago` : `in ${days} day${days === 1 ? '' : 's'}`;
  }
  function humanize(key) {
    if (key == null || key === '') return '—';
    if (GROUP_LABEL[key]) return GROUP_LABEL[key];
    const s = String(key).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  function monthLabel(ym) {
    const [y, m] = ym.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v === true ? '' : v);
    }
    append(n, kids);
    return n;
  }
  function s(tag, attrs, ...kids) {
    const n = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') n.textContent = v;
      else n.setAttribute(k, v);
    }
    append(n, kids);
    return n;
  }
  function append(n, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k == null || k === false) continue;
      n.append(k instanceof Node ? k : document.createTextNode(String(k)));
    }
  }
  const tip = text => s('title', { text });
  const empty = (text) => h('p', { class: 'empty', text: text || 'No data yet' });

  const measureCtx = document.createElement('canvas').getContext('2d');
  let fontFamily = null;
  function textWidth(str, size, weight) {
    if (!fontFamily) fontFamily = getComputedStyle(document.body).fontFamily;
    measureCtx.font = `${weight || 400} ${size || 12}px ${fontFamily}`;
    return measureCtx.measureText(String(str)).width;
  }
  function fit(str, maxWidth, size, weight) {
    str = String(str);
    if (textWidth(str, size, weight) <= maxWidth) return str;
    let lo = 0, hi = str.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (textWidth(str.slice(0, mid) + '…', size, weight) <= maxWidth) lo = mid; else hi = mid - 1;
    }
    return str.slice(0, lo) + '…';
  }
  function widthOf(container, fallback) {
    const cs = getComputedStyle(container);
    const w = container.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
    return Math.max(w > 0 ? w : fallback || 480, 150);
  }

  // Round axis steps: 1, 2, 2.5, 5 × 10^n.
  function niceScale(max, count, integer) {
    if (!(max > 0)) return { max: 1, ticks: [0, 1] };
    const raw = max / (count || 5);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const norm = raw / mag;
    let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
    if (integer) step = Math.max(1, Math.round(step));
    const top = Math.ceil(max / step - 1e-9) * step;
    const ticks = [];
    for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
    return { max: top, ticks };
  }

  // ---------------------------------------------------------------- charts

  /** Vertical bars: items [{label, value, color, tooltip}]. */
  function verticalBars(container, items, opt) {
    const W = widthOf(container, 420), H = opt.height || 230;
    const m = opt.compact ? { top: 20, right: 4, bottom: 40, left: 40 } : { top: 22, right: 12, bottom: 42, left: 46 };
    const iw = W - m.left - m.right, ih = H - m.top - m.bottom;
    const max = Math.max(0, ...items.map(d => d.value || 0));
    const sc = niceScale(max, 4, opt.integer);
    const y = v => m.top + ih - (v / sc.max) * ih;
    const band = iw / items.length;
    const bw = Math.min(56, band * 0.62);
    // one font size for all category labels: smaller when a label would not fit its band
    const catSize = items.every(d => textWidth(d.label, 12) <= band - 4) ? 12 : 11;
    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opt.title });
    svg.append(tip(opt.title));
    for (const t of sc.ticks) {
      svg.append(s('line', { class: 'grid', x1: m.left, x2: W - m.right, y1: y(t), y2: y(t) }));
      svg.append(s('text', { class: 'tick', x: m.left - 6, y: y(t) + 4, 'text-anchor': 'end', text: opt.tickFormat(t) }));
    }
    svg.append(s('line', { class: 'axis', x1: m.left, x2: W - m.right, y1: y(0), y2: y(0) }));
    items.forEach((d, i) => {
      const cx = m.left + band * i + band / 2;
      const v = d.value || 0;
      if (v > 0) {
        svg.append(s('rect', {
          class: 'mark', x: cx - bw / 2, y: y(v), width: bw, height: Math.max(1, y(0) - y(v)), rx: 2,
          fill: d.color || opt.color || COLORS.accent, 'data-key': d.key,
        }, tip(d.tooltip)));
      }
      svg.append(s('text', { class: 'value', x: cx, y: y(v) - 6, 'text-anchor': 'middle', text: opt.valueFormat(v) }, tip(d.tooltip)));
      svg.append(s('text', {
        class: catSize < 12 ? 'cat small' : 'cat', x: cx, y: y(0) + 16, 'text-anchor': 'middle', text: fit(d.label, band - 2, catSize),
      }, tip(d.tooltip)));
    });
    svg.append(s('text', { class: 'axis-label', x: m.left + iw / 2, y: H - 4, 'text-anchor': 'middle', text: opt.xLabel }));
    svg.append(s('text', {
      class: 'axis-label', transform: `translate(12 ${m.top + ih / 2}) rotate(-90)`, 'text-anchor': 'middle', text: opt.yLabel,
    }));
    container.append(svg);
  }

  /**
   * Horizontal grouped bars. categories [{label, sub, tooltip, values: [..], colors: [..]}],
   * series [{name, color}]; values may be null (no bar, a dash instead).
   */
  function horizontalBars(container, categories, series, opt) {
    const W = widthOf(container, 560);
    const barH = opt.barHeight || 11, gap = 3, groupGap = opt.groupGap || 9;
    const groupH = series.length * barH + (series.length - 1) * gap;
    const labelW = Math.min(Math.max(...categories.map(c => Math.max(textWidth(c.label, 12, 600), c.sub ? textWidth(c.sub, 11) : 0)), 40) + 10, W * 0.45);
    const valueStrings = categories.flatMap(c => c.values.map(v => opt.valueFormat(v)));
    const valueW = Math.max(...valueStrings.map(v => textWidth(v, 11)), 20) + 8;
    const m = { top: 4, right: valueW + 6, bottom: 34, left: labelW + 8 };
    const iw = Math.max(60, W - m.left - m.right);
    const H = m.top + categories.length * (groupH + groupGap) - groupGap + m.bottom + 6;
    const max = Math.max(0, ...categories.flatMap(c => c.values.filter(isNum)));
    const sc = niceScale(max, Math.max(2, Math.min(5, Math.floor(iw / 110))), opt.integer);
    const x = v => m.left + (v / sc.max) * iw;
    const plotBottom = H - m.bottom;
    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opt.title });
    svg.append(tip(opt.title));
    for (const t of sc.ticks) {
      svg.append(s('line', { class: 'grid', x1: x(t), x2: x(t), y1: m.top, y2: plotBottom }));
      svg.append(s('text', { class: 'tick', x: x(t), y: plotBottom + 14, 'text-anchor': 'middle', text: opt.tickFormat(t) }));
    }
    svg.append(s('line', { class: 'axis', x1: m.left, x2: m.left, y1: m.top, y2: plotBottom }));
    categories.forEach((c, i) => {
      const gy = m.top + i * (groupH + groupGap) + 3;
      const withSub = c.sub && groupH >= 24;
      svg.append(s('text', {
        class: 'cat', x: m.left - 8, y: gy + groupH / 2 + (withSub ? -2 : 4), 'text-anchor': 'end', 'font-weight': 600,
        text: fit(c.label, labelW - 6, 12, 600),
      }, tip(c.tooltip)));
      if (withSub) {
        svg.append(s('text', {
          class: 'cat-sub', x: m.left - 8, y: gy + groupH / 2 + 11, 'text-anchor': 'end', text: fit(c.sub, labelW - 6, 11),
        }, tip(c.tooltip)));
      }
      c.values.forEach((v, k) => {
        const by = gy + k * (barH + gap);
        const seriesTip = `${c.tooltip}\n${series[k].name}: ${opt.valueFormat(v)}`;
        if (isNum(v) && v > 0) {
          svg.append(s('rect', {
            class: 'mark', x: m.left, y: by, width: Math.max(1.5, x(v) - m.left), height: barH, rx: 1.5,
            fill: (c.colors && c.colors[k]) || series[k].color,
          }, tip(seriesTip)));
        }
        svg.append(s('text', {
          class: 'value', x: (isNum(v) ? x(Math.max(v, 0)) : m.left) + 5, y: by + barH - 1.5, text: opt.valueFormat(v),
        }, tip(seriesTip)));
      });
    });
    svg.append(s('text', { class: 'axis-label', x: m.left + iw / 2, y: H - 4, 'text-anchor': 'middle', text: opt.xLabel }));
    container.append(svg);
  }

  function legend(entries) {
    return h('ul', { class: 'legend' }, entries.map(e =>
      h('li', {}, h('span', { class: 'swatch ' + e.cls }), e.name)));
  }

  function arcPath(cx, cy, r0, r1, a0, a1) {
    const p = (r, a) => `${(cx + r * Math.sin(a)).toFixed(2)} ${(cy - r * Math.cos(a)).toFixed(2)}`;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    return `M${p(r1, a0)} A${r1} ${r1} 0 ${large} 1 ${p(r1, a1)} L${p(r0, a1)} A${r0} ${r0} 0 ${large} 0 ${p(r0, a0)} Z`;
  }

  function renderHealth(container, p) {
    container.replaceChildren();
    const byKey = {};
    for (const b of (p.byHealth || [])) byKey[b.key || 'NONE'] = b;
    if (!p.byHealth) {
      for (const pr of (p.projects || [])) {
        const k = pr.health || 'NONE';
        byKey[k] = byKey[k] || { key: k, count: 0, budget: 0 };
        byKey[k].count++;
        byKey[k].budget += pr.budget || 0;
      }
    }
    const rows = ['GREEN', 'AMBER', 'RED', 'NONE'].map(k => ({ key: k, count: (byKey[k] && byKey[k].count) || 0, budget: byKey[k] && byKey[k].budget }));
    const total = rows.reduce((a, r) => a + r.count, 0);
    if (!total) { container.append(empty()); return; }
    const size = Math.max(130, Math.min(190, widthOf(container, 360) - 210));
    const cx = size / 2, cy = size / 2, r1 = size / 2 - 2, r0 = r1 * 0.63;
    const svg = s('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': 'Projects by health' });
    svg.append(tip('Projects by health'));
    let a = 0;
    for (const r of rows) {
      if (!r.count) continue;
      const share = r.count / total;
      const text = `${RAG_LABEL[r.key]}: ${r.count} project${r.count === 1 ? '' : 's'} (${pct(share)}), budget ${money(r.budget)}`;
      const a1 = a + share * Math.PI * 2;
      if (share >= 0.9999) {
        svg.append(s('path', {
          class: 'mark', fill: RAG[r.key], 'fill-rule': 'evenodd', 'data-key': r.key,
          d: `M${cx - r1} ${cy}a${r1} ${r1} 0 1 0 ${2 * r1} 0a${r1} ${r1} 0 1 0 ${-2 * r1} 0Z M${cx - r0} ${cy}a${r0} ${r0} 0 1 0 ${2 * r0} 0a${r0} ${r0} 0 1 0 ${-2 * r0} 0Z`,
        }, tip(text)));
      } else {
        svg.append(s('path', { class: 'mark', fill: RAG[r.key], stroke: '#fff', 'stroke-width': 1.5, d: arcPath(cx, cy, r0, r1, a, a1), 'data-key': r.key }, tip(text)));
      }
      const mid = (a + a1) / 2, rl = (r0 + r1) / 2;
      if (a1 - a > 0.32) {
        svg.append(s('text', {
          class: 'value ' + (r.key === 'AMBER' || r.key === 'NONE' ? 'dark' : 'inside'), x: cx + rl * Math.sin(mid), y: cy - rl * Math.cos(mid) + 4,
          'text-anchor': 'middle', text: String(r.count),
        }, tip(text)));
      }
      a = a1;
    }
    svg.append(s('text', { class: 'center-big', x: cx, y: cy + 6, 'text-anchor': 'middle', text: String(total) }));
    svg.append(s('text', { class: 'center-small', x: cx, y: cy + 24, 'text-anchor': 'middle', text: 'projects' }));
    const list = h('ul', { class: 'donut-legend', 'aria-label': 'Legend' }, rows.map(r => h('li', { title: `Budget ${money(r.budget)}` },
      h('span', { class: 'swatch rag-' + r.key }),
      h('span', { text: RAG_LABEL[r.key] }),
      h('span', { class: 'num', text: String(r.count) }),
      h('span', { class: 'pct', text: pct(r.count / total) }),
      h('span', { class: 'budget-line', text: 'Budget ' + money(r.budget) }))));
    container.append(h('div', { class: 'donut-wrap' }, svg, list));
  }

  function renderPhase(container, p) {
    container.replaceChildren();
    const byKey = {};
    for (const b of (p.byPhase || [])) byKey[b.key] = b;
    const keys = PHASES.concat(Object.keys(byKey).filter(k => !PHASES.includes(k)));
    const items = keys.map(k => {
      const c = (byKey[k] && byKey[k].count) || 0;
      return {
        key: k, label: humanize(k), value: c, color: COLORS.accent,
        tooltip: `${humanize(k)}: ${c} project${c === 1 ? '' : 's'}, budget ${money(byKey[k] && byKey[k].budget)}`,
      };
    });
    if (!items.some(d => d.value > 0)) { container.append(empty()); return; }
    verticalBars(container, items, {
      title: 'Projects by phase', xLabel: 'PHASE', yLabel: 'PROJECTS', integer: true, height: 250,
      tickFormat: int, valueFormat: int,
    });
  }

  const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
  const RISK_TIERS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

  /** Priority class and risk tier side by side, below the phases. */
  function renderMix(container, p) {
    container.replaceChildren();
    const part = (title, buckets, order, label, field) => {
      const byKey = {};
      for (const b of (buckets || [])) byKey[b.key] = b;
      if (!buckets) {
        for (const pr of (p.projects || [])) {
          const k = pr[field];
          if (k == null) continue;
          byKey[k] = byKey[k] || { key: k, count: 0, budget: 0 };
          byKey[k].count++;
          byKey[k].budget += pr.budget || 0;
        }
      }
      const keys = order.concat(Object.keys(byKey).filter(k => !order.includes(k)));
      const items = keys.map(k => {
        const c = (byKey[k] && byKey[k].count) || 0;
        return { key: k, label: label(k), value: c, tooltip: `${title} ${label(k)}: ${c} project${c === 1 ? '' : 's'}, budget ${money(byKey[k] && byKey[k].budget)}` };
      });
      const box = h('div', { class: 'subchart' }, h('h3', { text: title }));
      grid.append(box);
      if (!items.some(d => d.value > 0)) { box.append(empty()); return; }
      verticalBars(box, items, {
        title: 'Projects by ' + title.toLowerCase(), xLabel: title.toUpperCase(), yLabel: 'PROJECTS', integer: true, height: 180,
        tickFormat: int, valueFormat: int, color: COLORS.accentLight, compact: true,
      });
    };
    const grid = h('div', { class: 'cycle-grid' });
    container.append(grid);
    part('Priority class', p.byPriorityClass, PRIORITIES, k => k, 'priorityClass');
    part('Risk tier', p.byRiskTier, RISK_TIERS, humanize, 'riskTier');
  }

  const bac = pr => isNum(pr.budgetAtCompletion) ? pr.budgetAtCompletion : pr.budget;

  function renderBudget(container, p) {
    container.replaceChildren();
    const projects = (p.projects || []).filter(pr => isNum(bac(pr)) || isNum(pr.actualCost));
    if (!projects.length) { container.append(empty()); return; }
    const top = projects.slice().sort((a, b) => (bac(b) || 0) - (bac(a) || 0)).slice(0, 12);
    const cats = top.map(pr => {
      const b = bac(pr), ac = pr.actualCost;
      const over = isNum(b) && isNum(ac) && ac > b;
      return {
        label: pr.code,
        tooltip: `${pr.code} — ${pr.title || ''}` + (isNum(pr.budgetAtCompletion) ? '' : '\n(no budget at completion yet: approved budget shown)') +
          (over ? `\nActual cost above budget by ${money(ac - b)}` : ''),
        values: [b, ac],
        colors: [null, over ? COLORS.red : null],
      };
    });
    container.append(legend([
      { cls: 'series-0', name: 'Budget at completion (or approved budget)' },
      { cls: 'series-1', name: 'Actual cost' },
      { cls: 'series-over', name: 'Actual above budget' },
    ]));
    horizontalBars(container, cats, [
      { name: 'Budget', color: COLORS.accentLight }, { name: 'Actual cost', color: COLORS.accent },
    ], { title: 'Budget vs actual cost per project', xLabel: 'AMOUNT', tickFormat: money, valueFormat: money, barHeight: 11, groupGap: 9 });
  }

  function renderCycleTimes(container, c) {
    container.replaceChildren();
    const gates = (c.gates || []).filter(g => isNum(g.medianDays) || isNum(g.p90Days));
    const groups = (c.reviewGroups || []).filter(g => isNum(g.medianDays) || isNum(g.p90Days));
    if (!gates.length && !groups.length) { container.append(empty()); return; }
    container.append(legend([{ cls: 'series-0', name: 'Median days' }, { cls: 'series-1', name: '90th percentile days' }]));
    const grid = h('div', { class: 'cycle-grid' });
    container.append(grid);
    const series = [{ name: 'Median', color: COLORS.accentLight }, { name: '90th percentile', color: COLORS.accent }];
    const part = (title, rows, what) => {
      const box = h('div', { class: 'subchart' }, h('h3', { text: title }));
      grid.append(box);
      if (!rows.length) { box.append(empty()); return; }
      const cats = rows.map(r => ({
        label: humanize(r.key),
        sub: `${int(r.count)} decided`,
        tooltip: `${humanize(r.key)}: ${int(r.count)} ${what}${r.count === 1 ? '' : 's'} decided\nMedian ${daysFmt(r.medianDays)} days, 90th percentile ${daysFmt(r.p90Days)} days`,
        values: [r.medianDays, r.p90Days],
      }));
      horizontalBars(box, cats, series, {
        title: title + ': days from start to decision', xLabel: 'DAYS', tickFormat: v => nfMoney.format(v), valueFormat: daysFmt,
        barHeight: 13, groupGap: 12,
      });
    };
    part('Gates', gates, 'review');
    part('Review groups', groups, 'review');
  }

  function heatColor(u) {
    if (!isNum(u)) return '#f0f1f3';
    if (u > 1.0001) return COLORS.red;
    const t = Math.max(0, Math.min(1, u));
    const c = COLORS.heatLow.map((lo, i) => Math.round(lo + (COLORS.heatHigh[i] - lo) * t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function renderUtilisation(container, rows, months) {
    container.replaceChildren();
    rows = rows || [];
    if (!rows.length) { container.append(empty()); return; }
    const people = new Map();
    const monthSet = new Set(months);
    for (const r of rows) {
      const id = r.resourceId != null ? r.resourceId : r.name;
      if (!people.has(id)) people.set(id, { id, name: r.name || ('#' + id), role: r.role, cells: {} });
      const ym = String(r.monthStart || '').slice(0, 7);
      monthSet.add(ym);
      people.get(id).cells[ym] = r;
    }
    const cols = Array.from(monthSet).filter(Boolean).sort();
    const list = Array.from(people.values()).sort((a, b) => a.name.localeCompare(b.name));

    // legend: a small colour scale
    const scale = [0, 0.25, 0.5, 0.75, 1.0, 1.25];
    const lg = s('svg', { class: 'scale-legend', width: 372, height: 22, viewBox: '0 0 372 22', role: 'img', 'aria-label': 'Colour scale' });
    lg.append(tip('Colour scale: allocated FTE ÷ capacity FTE'));
    scale.forEach((u, i) => {
      const x = i * 62;
      lg.append(s('rect', { x, y: 4, width: 18, height: 14, rx: 2, fill: heatColor(u), stroke: '#d5dbe2' }));
      lg.append(s('text', { class: 'tick', x: x + 23, y: 15, text: u > 1 ? '> 100%' : Math.round(u * 100) + '%' }));
    });
    container.append(h('div', { class: 'legend' }, h('span', { text: 'Allocated ÷ capacity:' }), lg));

    const W = widthOf(container, 900);
    const labelW = Math.min(Math.max(...list.map(p => textWidth(p.name, 12, 600) + 6 + textWidth(humanize(p.role), 11))) + 14, W * 0.32);
    const m = { top: 22, right: 2, bottom: 24, left: labelW };
    const rowH = 30, gap = 3;
    const cw = (W - m.left - m.right) / cols.length;
    const H = m.top + list.length * rowH + m.bottom;
    const svg = s('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Utilisation per person and month' });
    svg.append(tip('Utilisation per person and month'));
    cols.forEach((ym, j) => svg.append(s('text', {
      class: 'tick', x: m.left + j * cw + cw / 2, y: 13, 'text-anchor': 'middle', 'font-weight': 600, text: monthLabel(ym),
    })));
    list.forEach((p, i) => {
      const y = m.top + i * rowH;
      const name = s('text', { class: 'cat', x: 0, y: y + rowH / 2 + 4.5, 'font-weight': 600 });
      const nameText = fit(p.name, labelW - 14, 12, 600);
      name.append(s('tspan', { text: nameText }));
      const roomForRole = labelW - 14 - textWidth(nameText, 12, 600) - 6;
      if (p.role && roomForRole > 30) name.append(s('tspan', { class: 'cat-sub', dx: 6, 'font-weight': 400, text: fit(humanize(p.role), roomForRole, 11) }));
      name.append(tip(`${p.name}${p.role ? ' — ' + humanize(p.role) : ''}`));
      svg.append(name);
      cols.forEach((ym, j) => {
        const r = p.cells[ym];
        const x = m.left + j * cw + gap / 2, cy = y + gap / 2, w = cw - gap, hh = rowH - gap;
        if (!r) {
          svg.append(s('rect', { class: 'cell-missing', x, y: cy, width: w, height: hh, rx: 3 }, tip(`${p.name}, ${monthLabel(ym)}: no data`)));
          return;
        }
        const u = r.utilisation;
        const fill = heatColor(u);
        const over = isNum(u) && u > 1.0001;
        const text = `${p.name}, ${monthLabel(ym)}\nAllocated ${isNum(r.allocatedFte) ? nf2.format(r.allocatedFte) : '—'} of ${isNum(r.capacityFte) ? nf2.format(r.capacityFte) : '—'} FTE\nUtilisation ${pct(u)}${over ? ' — over-allocated' : ''}`;
        svg.append(s('rect', { class: 'mark', x, y: cy, width: w, height: hh, rx: 3, fill, 'data-utilisation': isNum(u) ? u : '' }, tip(text)));
        // white text from 65% on: below that the dark text has the better contrast
        const dark = over || (isNum(u) && u >= 0.65);
        svg.append(s('text', {
          class: 'value ' + (dark ? 'inside' : 'dark'), x: x + w / 2, y: cy + hh / 2 + 4, 'text-anchor': 'middle',
          'font-weight': 600, text: (over ? '▲ ' : '') + pct(u),
        }, tip(text)));
      });
    });
    svg.append(s('text', { class: 'axis-label', x: m.left + (W - m.left) / 2, y: H - 4, 'text-anchor': 'middle', text: 'MONTH · cell = allocated FTE ÷ capacity FTE' }));
    container.append(svg);
  }

  // ---------------------------------------------------------------- tables

  const apiLink = (text, path, mode, filename, title) =>
    h('a', { href: API + path, 'data-api': path, 'data-open': mode, 'data-filename': filename, title, text });
  const tasklistLink = taskId => h('a', {
    href: `${BASE}/camunda/app/tasklist/default/#/?task=${encodeURIComponent(taskId)}`, target: '_blank', rel: 'noopener', text: 'Task',
    title: 'Open the task in Tasklist',
  });
  const cockpitLink = pi => h('a', {
    href: `${BASE}/camunda/app/cockpit/default/#/process-instance/${encodeURIComponent(pi)}`, target: '_blank', rel: 'noopener', text: 'Cockpit',
    title: 'Open the process instance in Cockpit',
  });
  const votesLink = code => h('a', {
    href: `${BASE}/dashboard/request.html?code=${encodeURIComponent(code)}`, target: '_blank', rel: 'noopener',
    text: 'Votes', title: 'Every vote of every decision (request, gates, changes), the rules that fired, open tasks',
  });
  const projectLinks = (code, taskId, pi) => [
    votesLink(code),
    apiLink('PDF', `/reports/projects/${encodeURIComponent(code)}.pdf`, 'tab', `${code}.pdf`, 'Project report (PDF)'),
    apiLink('JSON', `/projects/${encodeURIComponent(code)}`, 'tab', null, 'Project data (JSON)'),
    taskId ? tasklistLink(taskId) : null,
    pi ? cockpitLink(pi) : null,
  ];

  /** "Review project request (Finance)": the detail without the code and title the first column shows. */
  function shortDetail(r) {
    if (!r.detail) return '—';
    const prefix = ': ' + r.code + (r.title ? ' ' + r.title : '');
    const i = r.detail.indexOf(prefix);
    return i < 0 ? r.detail : r.detail.slice(0, i) + r.detail.slice(i + prefix.length);
  }

  function renderAttention(container, p) {
    container.replaceChildren();
    const rows = p.attention || [];
    const distinct = new Set(rows.map(r => r.code)).size;
    $('#attention-note').textContent = rows.length ? `${rows.length} item${rows.length === 1 ? '' : 's'} on ${distinct} project${distinct === 1 ? '' : 's'}` : '';
    if (!rows.length) { container.append(empty('No project needs attention')); return; }
    const now = Date.now();
    const tbody = h('tbody', {}, rows.map(r => {
      const d = parseDate(r.due);
      const late = d && d.getTime() < now;
      const since = r.reason === 'RED' || r.reason === 'MISSED_REPORTS';
      return h('tr', { class: 'mark', 'data-code': r.code },
        h('td', { class: 'code' }, r.code, h('span', { class: 'sub wrap', text: r.title || '' })),
        h('td', {}, h('span', { class: 'badge reason-' + r.reason, text: REASONS[r.reason] || humanize(r.reason) })),
        h('td', { class: 'detail', text: shortDetail(r) }),
        h('td', { class: 'nowrap' + (late && !since ? ' overdue' : '') },
          d ? [h('span', { text: (since ? 'since ' : 'due ') + fmtDate(r.due) }), h('span', { class: 'sub', text: relDays(r.due) })] : '—'),
        h('td', { class: 'links' },
          h('span', { class: 'link-row' }, projectLinks(r.code, null, null)),
          h('span', { class: 'link-row' }, projectLinks(r.code, r.taskId, r.processInstanceId).slice(3))));
    }));
    container.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Project', 'Reason', 'Detail', 'Due / since', 'Open'].map(t => h('th', { scope: 'col', text: t })))),
      tbody));
  }

  function renderSlowest(container, c) {
    container.replaceChildren();
    const rows = c.slowestOpen || [];
    if (!rows.length) { container.append(empty('No open tasks')); return; }
    const now = Date.now();
    container.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Project / task', 'Group', 'Age (days)', 'Due', 'Open'].map((t, i) =>
        h('th', { scope: 'col', class: i === 2 ? 'num' : null, text: t })))),
      h('tbody', {}, rows.map(r => {
        const d = parseDate(r.dueDate);
        return h('tr', {},
          h('td', {}, h('span', { class: 'code', text: r.code || '—' }), h('span', { class: 'sub', text: r.taskName || '' })),
          h('td', {}, humanize(r.group), h('span', { class: 'sub', text: r.assignee ? r.assignee : 'unassigned' })),
          h('td', { class: 'num', text: daysFmt(r.ageDays) }),
          h('td', { class: 'nowrap' + (d && d.getTime() < now ? ' overdue' : '') }, d ? [fmtDate(r.dueDate), h('span', { class: 'sub', text: relDays(r.dueDate) })] : '—'),
          h('td', { class: 'links' }, r.taskId ? tasklistLink(r.taskId) : null, r.processInstanceId ? cockpitLink(r.processInstanceId) : null));
      }))));
  }

  function renderObjectives(container, rows) {
    container.replaceChildren();
    if (!rows.length) { container.append(empty('No objectives in the catalogue')); return; }
    container.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Objective', 'Owner', 'Projects', 'Budget', 'Expected / year', 'Realised / year'].map((t, i) =>
        h('th', { scope: 'col', class: i >= 2 ? 'num' : null, text: t })))),
      h('tbody', {}, rows.map(r => h('tr', { class: r.uncovered ? 'uncovered' : null },
        h('td', {}, h('span', { class: 'code', text: r.objective.code }),
          h('span', { class: 'sub', text: r.objective.name + (r.uncovered ? ' · nothing behind it' : r.objective.active ? '' : ' · retired') })),
        h('td', { text: r.objective.owner }),
        h('td', { class: 'num' + (r.uncovered ? ' bad' : ''), text: String(r.projectCount), title: r.projects.map(pr => pr.code).join(', ') }),
        h('td', { class: 'num', text: money(r.budget) }),
        h('td', { class: 'num', text: money(r.expectedAnnualBenefit) }),
        h('td', { class: 'num', text: r.benefitsReviewed ? money(r.realisedAnnualBenefit) : '—' }))))));
  }

  function renderDeviations(container, rows) {
    container.replaceChildren();
    if (!rows.length) { container.append(empty('No deviations from the plans in force')); return; }
    container.append(h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Project', 'Deviation', 'Plan'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows.map(r => h('tr', {},
        h('td', {}, h('span', { class: 'code', text: r.code }), h('span', { class: 'sub', text: r.title || '' })),
        h('td', {}, humanize(r.kind), h('span', { class: 'sub', text: r.detail })),
        h('td', {}, h('span', { class: 'code', text: r.plan }), h('span', { class: 'sub', text: monthLabel(r.period) })))))));
  }

  const PROJECT_COLUMNS = [
    { key: 'code', label: 'Code', cls: 'code' },
    { key: 'title', label: 'Title' },
    { key: 'status', label: 'Status' },
    { key: 'phase', label: 'Phase', sortValue: pr => PHASES.indexOf(pr.phase) },
    { key: 'priorityClass', label: 'Priority' },
    { key: 'riskTier', label: 'Risk', sortValue: pr => ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].indexOf(pr.riskTier) },
    { key: 'health', label: 'Health', sortValue: pr => ['RED', 'AMBER', 'GREEN'].indexOf(pr.health) + 1 || 9 },
    { key: 'budget', label: 'Budget', num: true },
    { key: 'actualCost', label: 'Actual', num: true },
    { key: 'cpi', label: 'CPI', num: true },
    { key: 'spi', label: 'SPI', num: true },
    { key: 'projectManager', label: 'PM' },
    { key: null, label: 'Open' },
  ];
  const sort = { key: null, dir: 1 };

  function perfClass(v) {
    if (!isNum(v)) return 'num';
    return 'num' + (v < 0.9 ? ' bad' : v < 1 ? ' warn' : '');
  }

  function renderProjects(container, p) {
    container.replaceChildren();
    let rows = (p.projects || []).slice();
    if (!rows.length) { container.append(empty()); return; }
    if (sort.key) {
      const col = PROJECT_COLUMNS.find(c => c.key === sort.key);
      const val = col.sortValue || (pr => pr[col.key]);
      rows.sort((a, b) => {
        const va = val(a), vb = val(b);
        if (va == null && vb == null) return 0;
        if (va == null) return 1; // empty values last in both directions
        if (vb == null) return -1;
        return (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))) * sort.dir;
      });
    }
    const head = h('tr', {}, PROJECT_COLUMNS.map(c => {
      if (!c.key) return h('th', { scope: 'col', text: c.label });
      const active = sort.key === c.key;
      return h('th', { scope: 'col', class: c.num ? 'num' : null, 'aria-sort': active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', {
          type: 'button', text: c.label, title: 'Sort by ' + c.label,
          onclick: () => {
            if (sort.key === c.key) sort.dir = -sort.dir; else { sort.key = c.key; sort.dir = c.num ? -1 : 1; }
            renderProjects(container, p);
            const again = container.querySelector(`th[aria-sort]:not([aria-sort="none"]) button`);
            if (again) again.focus();
          },
        }));
    }));
    const body = h('tbody', {}, rows.map(pr => {
      const b = bac(pr);
      const hk = pr.health || 'NONE';
      return h('tr', { 'data-code': pr.code },
        h('td', { class: 'code', text: pr.code }),
        h('td', { class: 'title', title: pr.title || '', text: pr.title || '—' }),
        h('td', {}, h('span', { class: 'pill', text: humanize(pr.status) })),
        h('td', { class: 'nowrap', text: humanize(pr.phase) }),
        h('td', { text: pr.priorityClass || '—' }),
        h('td', { text: humanize(pr.riskTier) }),
        h('td', { class: 'nowrap' }, h('span', { class: 'dot rag-' + hk, title: RAG_LABEL[hk] || hk }), RAG_LABEL[hk] || hk),
        h('td', { class: 'num', title: isNum(pr.budgetAtCompletion) ? 'Budget at completion ' + money(pr.budgetAtCompletion) : null, text: money(pr.budget) }),
        h('td', { class: 'num' + (isNum(pr.actualCost) && isNum(b) && pr.actualCost > b ? ' bad' : ''), text: money(pr.actualCost) }),
        h('td', { class: perfClass(pr.cpi), text: ratio(pr.cpi) }),
        h('td', { class: perfClass(pr.spi), text: ratio(pr.spi) }),
        h('td', { text: pr.projectManager || '—' }),
        h('td', { class: 'links' }, projectLinks(pr.code, null, pr.processInstanceId)));
    }));
    container.append(h('table', { class: 'data' }, h('thead', {}, head), body));
  }

  function setKpi(name, value, sub, rag, subTitle) {
    const tile = $(`[data-kpi="${name}"]`);
    tile.querySelector('.kpi-value').textContent = value;
    tile.querySelector('.kpi-value').title = value;
    tile.querySelector('.kpi-sub').textContent = sub || '';
    tile.querySelector('.kpi-sub').title = subTitle || sub || '';
    tile.classList.remove('rag-red', 'rag-amber', 'rag-green', 'rag-none');
    if (rag) tile.classList.add('rag-' + rag);
  }
  const perfRag = v => !isNum(v) ? 'none' : v < 0.9 ? 'red' : v < 1 ? 'amber' : 'green';

  function renderKpis(_, p) {
    const t = p.totals || {};
    const active = (p.byStatus || []).find(b => b.key === 'ACTIVE');
    const count = isNum(p.projectCount) ? p.projectCount : (p.projects || []).length;
    setKpi('projects', int(count), active ? `${active.count} active` : '');
    setKpi('budget', money(t.budget), isNum(t.budgetAtCompletion) ? `At completion ${money(t.budgetAtCompletion)}` : '');
    const base = isNum(t.budgetAtCompletion) ? t.budgetAtCompletion : t.budget;
    setKpi('actual-cost', money(t.actualCost), isNum(t.actualCost) && base ? `${pct(t.actualCost / base)} of BAC` : '', null,
      isNum(t.actualCost) && base ? `${pct(t.actualCost / base)} of the budget at completion (${money(base)})` : '');
    setKpi('cpi', ratio(t.cpi), isNum(t.earnedValue) ? `Earned value ${money(t.earnedValue)}` : 'Earned value ÷ actual cost', perfRag(t.cpi));
    setKpi('spi', ratio(t.spi), isNum(t.plannedValue) ? `Planned value ${money(t.plannedValue)}` : 'Earned value ÷ planned value', perfRag(t.spi));
    const att = p.attention || [];
    const n = new Set(att.map(a => a.code)).size;
    setKpi('attention', int(n), att.length ? `${att.length} open item${att.length === 1 ? '' : 's'}` : 'nothing overdue', n ? 'red' : 'green');
  }

  function showError(container, err) {
    container.replaceChildren(h('p', { class: 'load-error', text: 'Could not load this report: ' + describe(err) }));
  }

  const loading = container => container.replaceChildren(h('p', { class: 'loading', text: 'Loading…' }));

  /** Draws one part; a part that fails shows its error and leaves the others alone. */
  function safely(container, draw, data) {
    try {
      draw(container, data);
    } catch (e) {
      console.error('Cannot draw', container && container.dataset, e);
      if (container) container.replaceChildren(h('p', { class: 'load-error', text: 'This part cannot be drawn: ' + e.message }));
    }
  }

  function renderAll() {
    const chart = name => $(`[data-chart="${name}"]`);
    const table = name => $(`[data-table="${name}"]`);
    const p = state.portfolio;
    if (p) {
      safely(null, renderKpis, p);
      $('#generated-at').textContent = fmtDateTime(p.generatedAt);
      $('#generated-at').setAttribute('datetime', p.generatedAt || '');
      safely(chart('health'), renderHealth, p);
      safely(chart('phase'), renderPhase, p);
      safely(chart('mix'), renderMix, p);
      safely(chart('budget'), renderBudget, p);
      safely(chart('attention'), renderAttention, p);
      safely(table('projects'), renderProjects, p);
    }
    if (state.cycle) {
      safely(chart('cycle-times'), renderCycleTimes, state.cycle);
      safely(table('slowest-open'), renderSlowest, state.cycle);
    } else if (state.errors.cycle) {
      showError(chart('cycle-times'), state.errors.cycle);
      showError(table('slowest-open'), state.errors.cycle);
    } else {
      loading(chart('cycle-times'));
      loading(table('slowest-open'));
    }
    for (const [name, draw] of [['objectives', renderObjectives], ['deviations', renderDeviations]]) {
      if (state[name]) safely(table(name), draw, state[name]);
      else if (state.errors[name]) showError(table(name), state.errors[name]);
      else loading(table(name));
    }
    if (state.util) safely(chart('utilisation'), (c, rows) => renderUtilisation(c, rows, state.months), state.util);
    else if (state.errors.util) showError(chart('utilisation'), state.errors.util);
    else loading(chart('utilisation'));
  }

  // ---------------------------------------------------------------- API and login

  class HttpError extends Error {
    constructor(status, detail) { super(`HTTP ${status}${detail ? ': ' + detail : ''}`); this.status = status; this.detail = detail; }
  }
  function describe(err) {
    if (err instanceof HttpError && err.status === 403) return `your user may not see this report (HTTP 403)`;
    if (err instanceof HttpError) return err.detail ? `${err.detail} (HTTP ${err.status})` : `HTTP ${err.status}`;
    return 'the server cannot be reached';
  }

  function basicToken(user, password) {
    const bytes = new TextEncoder().encode(user + ':' + password);
    let bin = '';
    bytes.forEach(b => { bin += String.fromCharCode(b); });
    return btoa(bin);
  }

  async function apiFetch(path, token, accept) {
    const res = await fetch(API + path, OpenPmoSignIn.request(token, accept));
    if (!res.ok) {
      let detail = '';
      try { const j = await res.json(); detail = j.detail || j.title || ''; } catch (e) { /* not JSON */ }
      throw new HttpError(res.status, detail);
    }
    return res;
  }
  const apiJson = async (path, token) => (await apiFetch(path, token)).json();

  function monthRange() {
    const now = new Date();
    const out = [];
    for (let i = 0; i < 6; i++) {
      const d = new Date(now.getFullYear(), now.getMonth() + i, 1);
      out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
    }
    return out;
  }

  function showLogin(message) {
    document.body.dataset.state = 'login';
    $('#dashboard').hidden = true;
    $('#session').hidden = true;
    $('#login').hidden = false;
    const errorBox = $('#login-error');
    errorBox.textContent = message || '';
    errorBox.hidden = !message;
    const pw = $('#login-password');
    pw.value = '';
    (($('#login-user').value && message) ? pw : $('#login-user')).focus();
  }

  function authFailure(err) {
    if (err instanceof HttpError && err.status === 401) return provider ? MSG_ENDED : MSG_WRONG;
    if (err instanceof HttpError && err.status === 403) return MSG_FORBIDDEN;
    return null;
  }

  /** Loads every report. The portfolio comes first: it also proves the credentials. */
  async function load(user, token) {
    document.body.dataset.state = 'loading';
    let portfolio;
    try {
      portfolio = await apiJson('/reports/portfolio', token);
    } catch (err) {
      const auth = authFailure(err);
      if (auth) {
        sessionStorage.removeItem(STORE_KEY);
        state.user = state.token = null;
        showLogin(auth);
        if (provider && auth === MSG_FORBIDDEN) {
          // signed in at the provider, but not for this page: signing in again would change nothing, another
          // account needs a sign-out first
          $('#login-submit').hidden = true;
          $('#login-form p').textContent = 'You are signed in, but this page is not for your groups. To use another'
            + ' account, log out first.';
          $('#current-user').textContent = user;
          $('#generated-at').parentElement.hidden = true;
          $('#refresh').hidden = true;
          $('#session').hidden = false;
        }
      } else if (state.token) {
        notice('Could not refresh the portfolio: ' + describe(err), true);
        document.body.dataset.state = 'ready';
      } else {
        showLogin('Could not load the portfolio: ' + describe(err));
      }
      return;
    }
    state.user = user;
    state.token = token;
    if (token !== OpenPmoSignIn.SESSION) sessionStorage.setItem(STORE_KEY, JSON.stringify({ user, token }));
    state.portfolio = portfolio;
    state.months = monthRange();
    const from = state.months[0], to = state.months[state.months.length - 1];
    const utilQuery = `/reports/utilisation?from=${from}&to=${to}`;
    $('#util-csv').setAttribute('data-api', utilQuery + '&format=csv');
    $('#util-csv').href = API + utilQuery + '&format=csv';
    $('#util-range').textContent = `${monthLabel(from)} – ${monthLabel(to)}`;
    $('#current-user').textContent = user;
    $('#generated-at').parentElement.hidden = false;
    $('#refresh').hidden = false;
    $('#login').hidden = true;
    $('#session').hidden = false;
    $('#dashboard').hidden = false;
    notice(null);
    renderAll();

    const [cycle, util, objectives, deviations] = await Promise.allSettled([apiJson('/reports/cycle-times', token),
      apiJson(utilQuery, token), apiJson('/objectives/coverage', token), apiJson('/portfolio-plans/deviations', token)]);
    state.objectives = objectives.status === 'fulfilled' ? objectives.value : null;
    state.errors.objectives = objectives.status === 'rejected' ? objectives.reason : null;
    state.deviations = deviations.status === 'fulfilled' ? deviations.value : null;
    state.errors.deviations = deviations.status === 'rejected' ? deviations.reason : null;
    state.cycle = cycle.status === 'fulfilled' ? cycle.value : null;
    state.errors.cycle = cycle.status === 'rejected' ? cycle.reason : null;
    state.util = util.status === 'fulfilled' ? util.value : null;
    state.errors.util = util.status === 'rejected' ? util.reason : null;
    renderAll();
    document.body.dataset.state = 'ready';
  }

  function notice(text, isError) {
    const n = $('#notice');
    n.textContent = text || '';
    n.hidden = !text;
    n.classList.toggle('error', !!isError);
  }

  function logout() {
    if (provider) { OpenPmoSignIn.signOut(provider); return; }
    sessionStorage.removeItem(STORE_KEY);
    Object.assign(state, { user: null, token: null, portfolio: null, cycle: null, util: null, errors: {} });
    for (const c of document.querySelectorAll('[data-chart], [data-table]')) c.replaceChildren();
    $('#login-user').value = '';
    showLogin(null);
  }

  // Links to the API need the Basic header (or the session marker): fetch, then open or save the blob.
  async function openApiLink(a) {
    const path = a.getAttribute('data-api');
    const mode = a.getAttribute('data-open') || 'download';
    // a window opened now, inside the click, is not blocked as a pop-up
    const win = mode === 'tab' ? window.open('', '_blank') : null;
    if (win) { win.document.title = 'Loading…'; win.document.body.textContent = 'Loading…'; }
    try {
      const res = await apiFetch(path, state.token, '*/*');
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      setTimeout(() => URL.revokeObjectURL(url), 120000);
      if (win) { win.location.href = url; return; }
      const cd = res.headers.get('Content-Disposition') || '';
      const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
      const name = (m && decodeURIComponent(m[1])) || a.getAttribute('data-filename') || 'download';
      const save = h('a', { href: url, download: name });
      document.body.append(save);
      save.click();
      save.remove();
    } catch (err) {
      if (win) win.close();
      const auth = authFailure(err);
      if (auth === MSG_ENDED) { showLogin(MSG_ENDED); return; }
      if (auth === MSG_WRONG) { logout(); showLogin(MSG_WRONG); return; }
      notice(`Could not open ${path}: ${describe(err)}`, true);
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
    for (const a of document.querySelectorAll('a[data-api]')) a.href = API + a.getAttribute('data-api');

    $('#login-form').addEventListener('submit', async e => {
      e.preventDefault();
      const user = $('#login-user').value.trim();
      const password = $('#login-password').value;
      if (!user || !password) { showLogin('Enter your user id and password'); return; }
      const btn = $('#login-submit');
      btn.disabled = true;
      btn.textContent = 'Signing in…';
      try {
        await load(user, basicToken(user, password));
      } finally {
        btn.disabled = false;
        btn.textContent = 'Sign in';
        $('#login-password').value = '';
      }
    });
    $('#logout').addEventListener('click', logout);
    $('#refresh').addEventListener('click', () => {
      if (state.token && document.body.dataset.state !== 'loading') load(state.user, state.token);
    });

    document.addEventListener('click', e => {
      const a = e.target.closest && e.target.closest('a[data-api]');
      if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      if (state.token) openApiLink(a);
    });

    let lastWidth = window.innerWidth, timer = null;
    window.addEventListener('resize', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (window.innerWidth !== lastWidth && state.portfolio) { lastWidth = window.innerWidth; renderAll(); }
      }, 150);
    });

    if (provider) {
      if (provider.userId) load(provider.userId, OpenPmoSignIn.SESSION);
      else showLogin(null);
      return;
    }
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.user && saved.token) {
      $('#login-user').value = saved.user;
      load(saved.user, saved.token);
    } else {
      showLogin(null);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
