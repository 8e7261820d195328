// Horizon dashboard. Every number comes from the API under the signed-in user's clearance; text from
// reports is only ever placed with textContent, so no report can inject markup into the page.
'use strict';

const state = { me: null, chart: null };
const view = document.getElementById('view');

// ---- helpers ---------------------------------------------------------------------------------------

/** Builds an element: attributes, then children (strings become text nodes, never HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Calls the API with the session cookie; changes carry the CSRF token. A lost session goes to sign-in. */
async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (options.method && options.method !== 'GET' && state.me && state.me.csrfToken) {
    headers['X-CSRF-Token'] = state.me.csrfToken;
  }
  const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
  if (response.status === 401) {
    location.href = '/login';
    throw new Error('signed out');
  }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(body && body.message ? body.message : 'HTTP ' + response.status);
  return body;
}

/** Facet dimensions and the search parameter that filters on each (classification is shown, not filtered). */
const FILTERS = { kind: 'kind', country: 'country', source_kind: 'source', level: 'level', indicator: 'indicator' };
const isAnalyst = () => state.me && state.me.roles.includes('analyst');
const fmt = (n) => (Math.round(n * 10) / 10).toString();
const signed = (n) => (n === null || n === undefined ? 'new' : (n > 0 ? '+' : '') + fmt(n));
const countryLink = (code, name) => el('a', { href: '#/country/' + code }, name || code);
const signalLink = (signal, text) => el('a', { href: '#/signal/' + encodeURIComponent(signal.id) }, text);
const reportLink = (id, text) => el('a', { href: '#/report/' + encodeURIComponent(id) }, text);
const levelBadge = (level) => el('span', { className: 'level level-' + level }, level);
const marking = (c) => el('span', { className: 'marking marking-' + c }, c);
/** The AIV/CAVV phase of state failure (absent: stable), its tests in the tooltip; docs/scoring.md, section 6. */
const phaseTest = (c) => c.id + ': ' + fmt(c.observed) + (c.bound === 'at-least' ? ' ≥ ' : ' ≤ ') + fmt(c.threshold) + ' (' + c.from + ' to ' + c.to + ')';
const phaseBadge = (p) => el('span', { className: 'phase phase-' + (p ? p.phase : 'stable'), title: p && p.criteria.length ? p.criteria.map(phaseTest).join('; ') : 'no phase of state failure' }, 'phase: ' + (p ? p.phase : 'stable'));
const phaseDetail = (p) => p && p.criteria.length ? el('p', { className: 'phase-detail' }, 'Phase ', phaseBadge(p), ' since ', p.since, ': ', p.criteria.map(phaseTest).join('; '), '. Evidence: ',
  ...p.evidence.flatMap((id, i) => [i ? ', ' : '', reportLink(id, id)])) : null;
const status = (decision) => decision
  ? el('span', { className: 'triage triage-' + decision.outcome }, decision.outcome)
  : el('span', { className: 'triage triage-open' }, 'untriaged');

/** Only web links are followed; anything else in a report stays text. */
function safeLink(url) {
  return typeof url === 'string' && /^https?:\/\//.test(url) ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'source') : null;
}

/**
 * Search highlights arrive HTML-escaped with the matches in <mark>. They are split on the markers and
 * decoded to plain text, then rebuilt with DOM nodes: the report's own text never becomes markup.
 */
function highlight(passage) {
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'").replace(/&#x2F;/g, '/').replace(/&amp;/g, '&');
  const node = el('span', { className: 'highlight' });
  passage.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const m = /^<mark>(.*?)<\/mark>$/.exec(part);
    node.append(m ? el('mark', {}, decode(m[1])) : document.createTextNode(decode(part)));
  });
  return node;
}

function toast(text, href) {
  const box = el('div', { className: 'toast' }, href ? el('a', { href }, text) : text);
  document.getElementById('toasts').append(box);
  setTimeout(() => box.remove(), 8000);
}

function showError(error) {
  view.replaceChildren(el('p', { className: 'error' }, 'Could not load this page: ' + error.message));
}

function table(headers, rows) {
  const head = el('tr', {}, headers.map((h) => el('th', {}, h)));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, rows));
}

function reportItem(report, passages) {
  return el('li', { className: 'report', 'data-id': report.id },
    el('div', { className: 'meta' }, marking(report.classification), ' ', report.sourceKind, ' · ', report.sourceName || '',
      ' · ', (report.publishedAt || '').substring(0, 10), ' ', safeLink((report.links || [])[0])),
    el('div', { className: 'title' }, reportLink(report.id, report.title || '(untitled)'), alertNote(report.alert)),
    passages && passages.length ? el('div', { className: 'passages' }, passages.map(highlight))
      : el('div', { className: 'excerpt' }, (report.body || '').substring(0, 280)));
}

// what another alerting system said of a report it sent as a CAP alert: severity, and a withdrawal
function alertNote(alert) {
  if (!alert) {
    return null;
  }
  return el('span', { className: alert.msgType === 'Cancel' ? 'withdrawn' : 'alert-note' },
    alert.msgType === 'Cancel' ? ' (withdrawn by its sender, ' + alert.sender + ')'
      : ' (' + [alert.severity, alert.urgency, alert.certainty].filter(Boolean).join(', ') + ' · ' + alert.sender + ')');
}

// ---- overview -------------------------------------------------------------------------------------

async function overview(params) {
  const since = params.get('since');
  const data = await api('/api/overview' + (since ? '?since=' + encodeURIComponent(since) : ''));
  let rows = data.countries.slice();
  const keys = [(r) => r.name, (r) => r.score, (r) => ['calm', 'watch', 'warning', 'alert'].indexOf(r.level), (r) => (r.change === null || r.change === undefined ? Infinity : r.change), (r) => r.trend, (r) => r.day];
  let sortBy = 1;
  let descending = true;
  const body = el('tbody');
  const render = () => {
    rows.sort((a, b) => {
      const x = keys[sortBy](a); const y = keys[sortBy](b);
      return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
    });
    body.replaceChildren(...rows.map((r) => el('tr', { className: 'country-row', 'data-country': r.country },
      el('td', {}, countryLink(r.country, r.name)), el('td', { className: 'num' }, fmt(r.score)), el('td', {}, levelBadge(r.level), ' ', phaseBadge(r.phase)),
      el('td', { className: 'num' }, signed(r.change)), el('td', {}, r.trend), el('td', {}, r.day))));
  };
  const sort = (i) => { descending = sortBy === i ? !descending : i !== 0; sortBy = i; render(); };
  render();
  const head = el('tr', {}, ['Country', 'Score', 'Level', 'Change', 'Trend', 'As of'].map((h, i) => el('th', { className: 'sortable', onclick: () => sort(i) }, h)));
  const sinceInput = el('input', { type: 'date', id: 'since', value: data.since || '' });
  const changes = data.changes.length === 0 ? el('p', {}, 'No new, escalating or cooling signals since then.')
    : el('ul', { className: 'changes' }, data.changes.map((c) => el('li', { className: 'change change-' + c.signal.lifecycle },
      levelBadge(c.signal.level), ' ', signalLink(c.signal, c.name + ': ' + c.signal.lifecycle + ' ' + c.signal.level),
      ' · ', c.signal.day, ' · ', c.signal.detection.indicator, ' ', status(c.status))));
  view.replaceChildren(
    el('h1', {}, 'Overview'),
    el('p', {}, 'Scores as of ', data.asOf || '—', '. ', el('label', { for: 'since' }, 'Changes since the last meeting on '), sinceInput,
      el('button', { type: 'button', onclick: () => { location.hash = '#/?since=' + sinceInput.value; } }, 'Show')),
    el('section', {}, el('h2', {}, 'What changed'), changes),
    el('section', {}, el('h2', {}, 'Countries'), rows.length === 0 ? el('p', {}, 'No country has been scored yet.')
      : el('table', { id: 'countries' }, el('thead', {}, head), body)));
}

// ---- country --------------------------------------------------------------------------------------

async function country(code) {
  const data = await api('/api/countries/' + encodeURIComponent(code));
  const canvas = el('canvas', { id: 'history-chart', height: '110' });
  const signals = data.signals.length === 0 ? el('p', {}, 'No signals.') : table(['Day', 'Signal', 'Level', 'Score', 'Indicator', 'Triage'],
    data.signals.map((s) => el('tr', {}, el('td', {}, s.signal.day), el('td', {}, signalLink(s.signal, s.signal.lifecycle),
        s.signal.revision && s.signal.revision.historical ? el('span', { className: 'historical', title: 'recorded from input that arrived long after the day' }, ' (historical)') : null),
      el('td', {}, levelBadge(s.signal.level)), el('td', { className: 'num' }, fmt(s.signal.score)), el('td', {}, s.signal.detection.indicator), el('td', {}, status(s.status)))));
  const results = el('ul', { className: 'reports' }, data.reports.map((r) => reportItem(r)));
  const query = el('input', { type: 'search', id: 'country-query', placeholder: 'Search this country\'s reports' });
  const searchHere = async (event) => {
    event.preventDefault();
    const found = await api('/api/search?kind=report&country=' + code + '&q=' + encodeURIComponent(query.value));
    results.replaceChildren(...found.hits.map((h) => reportItem(h.document, h.highlights)));
  };
  const latest = data.latest;
  view.replaceChildren(
    el('h1', {}, data.name + ' (' + code + ')'),
    latest ? el('p', { className: 'standing' }, 'Score ', el('strong', {}, fmt(latest.score)), ' ', levelBadge(latest.level), ' trend ', latest.trend, ' · ', latest.day, ' ', marking(latest.classification))
      : el('p', {}, 'Nothing scored for this country that you may see.'),
    el('div', {}, latest && latest.heldBack ? el('p', { className: 'held-back' }, 'Level held back: ' + latest.heldBack + '.') : null),
    el('div', {}, latest ? phaseDetail(data.phase) || el('p', { className: 'phase-detail' }, phaseBadge(data.phase)) : null),
    el('section', {}, el('h2', {}, 'Score and what drives it'), canvas),
    el('section', {}, el('h2', {}, 'Signals'), signals),
    el('section', {}, el('h2', {}, 'Evidence'), el('form', { onsubmit: searchHere }, query, el('button', { type: 'submit' }, 'Search')), results));
  drawHistory(canvas, data.history);
}

/**
 * Stacked bars of each indicator's contribution per day, with the composite score as a line. A
 * de-escalation indicator's contribution is negative: the points its relief took off the score. So that no
 * bar is negative, the escalating bars are drawn at their share of the score (they then reach the line)
 * and each relief as a pale bar above them, up to what the score would have been without it; tooltips
 * give the contributions as published.
 */
function drawHistory(canvas, history) {
  if (state.chart) state.chart.destroy();
  if (!window.Chart || history.length === 0) return;
  const contribution = (p, indicator) => { const c = p.contributions.find((x) => x.indicator === indicator); return c ? c.contribution : 0; };
  const all = [...new Set(history.flatMap((p) => p.contributions.map((c) => c.indicator)))].sort();
  const relieving = new Set(history.flatMap((p) => p.contributions.filter((c) => c.contribution < 0).map((c) => c.indicator)));
  const raising = all.filter((indicator) => !relieving.has(indicator));
  const kept = history.map((p) => {
    const raised = p.contributions.filter((c) => c.contribution > 0).reduce((sum, c) => sum + c.contribution, 0);
    return raised > 0 ? Math.min(1, p.score / raised) : 0;
  });
  const palette = ['#1b6ca8', '#d1495b', '#edae49', '#66a182', '#8d6a9f', '#2e4057', '#00798c', '#c2847a'];
  const pale = ['rgba(102, 161, 130, 0.35)', 'rgba(0, 121, 140, 0.3)', 'rgba(141, 106, 159, 0.3)'];
  const datasets = raising.map((indicator, i) => ({
    type: 'bar', label: indicator, stack: 'contributions', backgroundColor: palette[i % palette.length],
    published: history.map((p) => contribution(p, indicator)),
    data: history.map((p, day) => contribution(p, indicator) * kept[day]),
  })).concat([...relieving].sort().map((indicator, i) => ({
    type: 'bar', label: indicator + ' (relief)', stack: 'contributions', backgroundColor: pale[i % pale.length],
    borderColor: '#66a182', borderWidth: 1,
    published: history.map((p) => contribution(p, indicator)),
    data: history.map((p) => -contribution(p, indicator)),
  })));
  datasets.push({ type: 'line', label: 'score', data: history.map((p) => p.score), borderColor: '#111', pointRadius: 0, borderWidth: 1.5 });
  const label = (ctx) => ctx.dataset.label + ': ' + fmt(ctx.dataset.published ? ctx.dataset.published[ctx.dataIndex] : ctx.parsed.y);
  state.chart = new window.Chart(canvas, {
    data: { labels: history.map((p) => p.day), datasets },
    options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100 } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label } } } },
  });
}

// ---- signal ---------------------------------------------------------------------------------------

async function signal(id) {
  const data = await api('/api/signals/' + encodeURIComponent(id));
  const s = data.signal.signal;
  const d = s.detection;
  const decisions = data.decisions.length === 0 ? el('p', {}, 'Not triaged yet.')
    : el('ol', { id: 'decisions' }, data.decisions.map((t) => el('li', { className: 'decision' }, status(t), ' by ', t.analyst, ' on ',
      t.decidedAt.substring(0, 16).replace('T', ' '), t.reason ? el('span', { className: 'reason' }, ' — ' + t.reason) : null)));
  const triage = isAnalyst() ? triageForm(s) : null;
  view.replaceChildren(
    el('h1', {}, countryLink(s.country, data.signal.name), ': ', s.lifecycle, ' ', s.level),
    el('p', { className: 'standing' }, levelBadge(s.level), ' score ', el('strong', {}, fmt(s.score)), ' (', signed(s.delta), ') on ', s.day, ' ', marking(s.classification)),
    el('div', {}, s.revision ? el('p', { className: 'revision' }, 'Revision ' + s.revision.number + ', as known on ' + s.revision.knownAsOf
      + (s.revision.historical ? ' (historical: recorded from input that arrived long after the day)' : '')
      + (s.lifecycle === 'withdrawn' ? '; withdrawn: later input showed that it no longer holds' : '') + '.') : null),
    el('p', {}, d.indicator, ': observed ', fmt(d.observed), ' against ', fmt(d.baseline), ' expected; surprise ', fmt(d.statistic),
      ' (', d.detector, ' v', d.version, '). Independent sources: ', s.sourceKinds.join(', ') || '—', '.'),
    el('p', {}, el('a', { href: '/api/signals/' + encodeURIComponent(s.id) + '/cap', target: '_blank' }, 'CAP 1.2 alert')),
    el('section', {}, el('h2', {}, 'Triage'), decisions, triage),
    el('section', {}, el('h2', {}, 'Evidence (' + data.evidence.length + ')'),
      data.evidence.length === 0 ? el('p', {}, 'No evidence you may read.') : el('ul', { className: 'reports', id: 'evidence' }, data.evidence.map((r) => reportItem(r)))));
}

function triageForm(s) {
  const outcome = el('select', { id: 'triage-outcome' }, ['acknowledged', 'escalated', 'dismissed'].map((o) => el('option', { value: o }, o)));
  const reason = el('input', { id: 'triage-reason', type: 'text', maxlength: '2000', placeholder: 'Reason (required to dismiss)' });
  const message = el('span', { className: 'form-message' });
  const submit = async (event) => {
    event.preventDefault();
    try {
      await api('/api/signals/' + encodeURIComponent(s.id) + '/triage', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: outcome.value, reason: reason.value }),
      });
      message.textContent = 'Recorded; it shows here for everyone once stored.';
    } catch (e) {
      message.textContent = e.message;
    }
  };
  return el('form', { id: 'triage', onsubmit: submit }, outcome, reason, el('button', { type: 'submit', id: 'triage-submit' }, 'Record decision'), message);
}

// ---- report ---------------------------------------------------------------------------------------

/** One report in full, as the API gives it to this reader (a report they may not see is not found). */
async function report(id) {
  const r = await api('/api/reports/' + encodeURIComponent(id));
  const links = (r.links || []).map((url) => el('li', {}, /^https?:\/\//.test(url)
    ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : url));
  view.replaceChildren(el('h1', {}, r.title || '(untitled)', alertNote(r.alert)),
    el('p', { className: 'meta' }, marking(r.classification), ' ', r.sourceKind, ' · ', r.sourceName || '', ' · ',
      (r.publishedAt || '').substring(0, 10), ' · ', r.countries.flatMap((c, i) => [i ? ', ' : '', countryLink(c)]),
      (r.caveats || []).length ? ' · caveats ' + r.caveats.join(', ') : ''),
    el('div', { className: 'body', id: 'report-body' }, r.body || ''),
    links.length ? el('section', {}, el('h2', {}, 'Links'), el('ul', { id: 'report-links' }, links)) : null);
}

// ---- search ---------------------------------------------------------------------------------------

async function search(params) {
  const q = params.get('q') || '';
  const query = el('input', { type: 'search', id: 'query', value: q, placeholder: 'mnla AND kidal, title:coup, "state of emergency"' });
  const go = (change) => { const p = new URLSearchParams(params); change(p); location.hash = '#/search?' + p; };
  const form = el('form', { id: 'search-form', onsubmit: (e) => { e.preventDefault(); go((p) => { p.set('q', query.value); p.delete('offset'); }); } },
    query, el('button', { type: 'submit', id: 'search-button' }, 'Search'));
  const parts = [el('h1', {}, 'Search'), form];
  if (isAnalyst()) {
    parts.push(el('button', { type: 'button', id: 'save-query', onclick: async () => {
      try { await api('/api/subscriptions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: query.value }) }); route(); } catch (e) { toast(e.message); }
    } }, 'Save as a standing query'));
  }
  const apiParams = new URLSearchParams(params);
  if (!apiParams.has('sort') && !q) apiParams.set('sort', 'time');
  const result = await api('/api/search?' + apiParams);
  const sortBy = el('select', { id: 'sort', onchange: () => go((p) => { p.set('sort', sortBy.value); p.delete('offset'); }) },
    [['relevance', 'Most relevant first'], ['time', 'Newest first']].map(([value, text]) =>
      el('option', { value, selected: (apiParams.get('sort') || 'relevance') === value }, text)));
  form.append(' ', el('label', {}, 'Order ', sortBy));
  const facets = el('aside', { className: 'facets' }, Object.entries(result.facets).filter(([, values]) => Object.keys(values).length > 0).map(([dim, values]) =>
    el('div', { className: 'facet' }, el('h3', {}, dim), el('ul', {}, Object.entries(values).map(([value, count]) => {
      const param = FILTERS[dim];
      if (!param) return el('li', {}, value + ' (' + count + ')');
      const p = new URLSearchParams(params);
      const on = p.getAll(param).includes(value);
      if (on) p.delete(param); else p.append(param, value);
      p.delete('offset');
      return el('li', {}, el('a', { href: '#/search?' + p, className: on ? 'on' : '' }, value), ' (' + count + ')');
    })))));
  const hits = el('ol', { className: 'reports', id: 'hits' }, result.hits.map((h) => h.kind === 'report' ? reportItem(h.document, h.highlights)
    : el('li', { className: 'report' }, el('div', { className: 'meta' }, h.kind, ' ', marking(h.document.classification)),
      h.kind === 'signal' ? signalLink(h.document, h.document.country + ': ' + h.document.lifecycle + ' ' + h.document.level + ' on ' + h.document.day)
        : countryLink(h.document.country, h.document.country + ': risk ' + fmt(h.document.score) + ' on ' + h.document.day))));
  parts.push(el('p', { id: 'total' }, result.total + ' found'), el('div', { className: 'results' }, facets, hits), pager(params, result));
  if (isAnalyst()) parts.push(await standingQueries());
  view.replaceChildren(...parts);
}

/** Previous and next pages of a search, by offset; the page size is the API's (limit, 20 unless asked). */
function pager(params, result) {
  const size = Number(params.get('limit')) || 20;
  const offset = result.offset;
  const at = (o) => { const p = new URLSearchParams(params); if (o > 0) p.set('offset', o); else p.delete('offset'); return '#/search?' + p; };
  if (result.total <= size && offset === 0) return null;
  return el('p', { className: 'pager', id: 'pager' },
    offset > 0 ? el('a', { href: at(Math.max(0, offset - size)), id: 'previous-page' }, '‹ Previous') : null, ' ',
    result.hits.length ? (offset + 1) + '–' + (offset + result.hits.length) + ' of ' + result.total : 'none here of ' + result.total, ' ',
    offset + result.hits.length < result.total ? el('a', { href: at(offset + size), id: 'next-page' }, 'Next ›') : null);
}

async function standingQueries() {
  const [subs, matches] = await Promise.all([api('/api/subscriptions'), api('/api/matches')]);
  return el('section', { id: 'standing' }, el('h2', {}, 'Standing queries'),
    subs.subscriptions.length === 0 ? el('p', {}, 'None yet.') : el('ul', {}, subs.subscriptions.map((s) => el('li', {},
      el('a', { href: '#/search?q=' + encodeURIComponent(s.query) }, s.query), ' ',
      el('button', { type: 'button', onclick: async () => { await api('/api/subscriptions/' + s.id, { method: 'DELETE' }); route(); } }, 'Remove')))),
    el('h2', {}, 'New matches'),
    matches.matches.length === 0 ? el('p', {}, 'No matches yet.') : el('ul', {}, matches.matches.slice(-20).reverse().map((m) => el('li', {},
      m.documentKind === 'signal' ? signalLink({ id: m.documentId }, m.title) : reportLink(m.documentId, m.title || m.documentId), ' · ', m.matchedAt.substring(0, 16).replace('T', ' ')))));
}

// ---- briefing -------------------------------------------------------------------------------------

async function briefing(params) {
  const today = new Date().toISOString().substring(0, 10);
  const from = el('input', { type: 'date', id: 'briefing-from', value: params.get('from') || '' });
  const to = el('input', { type: 'date', id: 'briefing-to', value: params.get('to') || today });
  const link = (format) => '/api/briefing?format=' + format + '&from=' + from.value + '&to=' + to.value;
  const preview = el('div', { id: 'briefing-preview' });
  const show = async () => {
    const b = await api(link('json'));
    preview.replaceChildren(
      el('p', {}, 'Marking: ', marking(b.marking)),
      el('h2', {}, 'Top risers'),
      b.risers.length === 0 ? el('p', {}, 'None.') : el('ol', {}, b.risers.map((r) => el('li', {}, countryLink(r.country, r.name), ' ', fmt(r.score), ' (', signed(r.change), ') ', levelBadge(r.level)))),
      el('h2', {}, 'New and escalating alerts'),
      b.alerts.length === 0 ? el('p', {}, 'None.') : el('ul', {}, b.alerts.map((a) => el('li', {}, signalLink(a.signal.signal, a.signal.name + ': ' + a.signal.signal.lifecycle + ' ' + a.signal.signal.level),
        ' · ', a.evidence.length, ' evidence reports'))));
  };
  if (!from.value) {
    const overview = await api('/api/overview');
    const asOf = overview.asOf || today;
    to.value = params.get('to') || asOf;
    from.value = new Date(Date.parse(to.value) - 7 * 86400000).toISOString().substring(0, 10);
  }
  view.replaceChildren(el('h1', {}, 'Horizon-scan briefing'),
    el('p', {}, el('label', {}, 'From ', from), ' ', el('label', {}, 'to ', to), ' ',
      el('button', { type: 'button', id: 'briefing-show', onclick: show }, 'Preview'), ' ',
      el('a', { id: 'briefing-html', href: '#', onclick: (e) => { e.preventDefault(); window.open(link('html'), '_blank'); } }, 'Printable page'), ' · ',
      el('a', { id: 'briefing-md', href: '#', onclick: (e) => { e.preventDefault(); location.href = link('md'); } }, 'Markdown')),
    preview);
  await show();
}

// ---- live updates, routing, start -----------------------------------------------------------------

function listen() {
  const live = document.getElementById('live');
  const source = new EventSource('/api/events');
  source.onopen = () => { live.textContent = 'live'; live.className = 'live on'; };
  source.onerror = () => { live.textContent = 'reconnecting'; live.className = 'live'; };
  source.addEventListener('signal', (event) => {
    const s = JSON.parse(event.data);
    toast('New signal: ' + s.country + ' ' + s.lifecycle + ' ' + s.level, '#/signal/' + encodeURIComponent(s.id));
    const hash = location.hash || '#/';
    if (hash === '#/' || hash.startsWith('#/?') || hash === '#/country/' + s.country) route();
  });
  source.addEventListener('triage', (event) => {
    const t = JSON.parse(event.data);
    if ((location.hash || '').startsWith('#/signal/') && decodeURIComponent(location.hash.substring(9)) === t.signalId) route();
  });
}

async function countMatches() {
  if (!isAnalyst()) return;
  const matches = await api('/api/matches');
  const badge = document.getElementById('matches');
  badge.hidden = matches.matches.length === 0;
  badge.textContent = matches.matches.length + ' matches';
}

async function route() {
  const hash = location.hash || '#/';
  const [path, query] = hash.substring(1).split('?');
  const params = new URLSearchParams(query || '');
  try {
    if (path.startsWith('/country/')) await country(path.substring(9));
    else if (path.startsWith('/signal/')) await signal(decodeURIComponent(path.substring(8)));
    else if (path.startsWith('/report/')) await report(decodeURIComponent(path.substring(8)));
    else if (path === '/search') await search(params);
    else if (path === '/briefing') await briefing(params);
    else await overview(params);
  } catch (e) {
    showError(e);
  }
}

async function start() {
  state.me = await api('/api/me');
  document.getElementById('who').textContent = state.me.name + ' · ' + state.me.clearance;
  document.getElementById('sign-out').addEventListener('click', async () => {
    await api('/logout', { method: 'POST' });
    location.href = '/login';
  });
  window.addEventListener('hashchange', route);
  listen();
  await route();
  await countMatches();
  setInterval(countMatches, 60000);
}

start().catch(showError);
