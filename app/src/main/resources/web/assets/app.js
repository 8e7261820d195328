// Horizon dashboard. Every number comes from the API under the signed-in user's clearance; text from
// reports is only ever placed with textContent, so no report can inject markup into the page.
'use strict';

const state = { me: null, chart: null, map: null, names: {}, histories: {}, sorts: {}, route: 0 };
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
  view.replaceChildren(el('h1', { tabindex: '-1' }, 'Could not load this page'), el('p', { className: 'error', role: 'alert' }, error.message));
  setTitle('Error');
}

/** Names the page in the browser's title and history, so that a screen reader announces where the reader is. */
function setTitle(text) {
  document.title = text + ' · Horizon';
}

function table(headers, rows) {
  const head = el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)));
  return el('div', { className: 'table-scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, rows)));
}

/**
 * A table sortable by any column with a key, by mouse or keyboard: each such header holds a button (Enter
 * or Space sorts), and the sorted column says its order in aria-sort. Columns are {label, key, cell, num,
 * ascending (first order; default descending for numbers)}; rowAttrs gives each row's attributes.
 */
function sortableTable(attrs, columns, rows, rowAttrs, initial) {
  // the order chosen survives the page reloading itself on a live update
  const kept = state.sorts[attrs.id] || initial || { column: -1, descending: false };
  let sortBy = kept.column;
  let descending = kept.descending;
  const body = el('tbody');
  const headers = columns.map((c, i) => el('th', { scope: 'col', className: c.num ? 'num' : null },
    c.key ? el('button', { type: 'button', className: 'sort', id: attrs.id + '-by-' + i, onclick: () => sort(i) }, c.label) : c.label));
  const render = () => {
    const sorted = rows.slice();
    if (sortBy >= 0) {
      const key = columns[sortBy].key;
      sorted.sort((a, b) => {
        const x = key(a); const y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
      });
    }
    body.replaceChildren(...sorted.map((r) => el('tr', rowAttrs(r), columns.map((c) => el('td', { className: c.num ? 'num' : null }, c.cell(r))))));
    headers.forEach((h, i) => {
      if (!columns[i].key) return;
      h.setAttribute('aria-sort', i === sortBy ? (descending ? 'descending' : 'ascending') : 'none');
    });
  };
  function sort(i) {
    descending = sortBy === i ? !descending : !columns[i].ascending;
    sortBy = i;
    state.sorts[attrs.id] = { column: sortBy, descending };
    render();
  }
  render();
  return el('div', { className: 'table-scroll' }, el('table', attrs, el('thead', {}, el('tr', {}, headers)), body));
}

/** Days from one ISO date to another, both included. */
function daysBetween(from, to) {
  const days = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86400000) days.push(new Date(t).toISOString().substring(0, 10));
  return days;
}

/**
 * A score history on a daily axis. Points are published only on days the score or level changed, so each
 * day holds the last point on or before it: unchanged days are shown, never skipped.
 */
function daily(history, to) {
  if (history.length === 0) return [];
  let at = 0;
  return daysBetween(history[0].day, to || history[history.length - 1].day).map((day) => {
    while (at + 1 < history.length && history[at + 1].day <= day) at++;
    return { day, point: history[at] };
  });
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

const LEVELS = ['calm', 'watch', 'warning', 'alert'];
const LEVEL_COLOURS = { calm: '#5a8f5a', watch: '#c9a227', warning: '#d9730d', alert: '#b3261e' };
const SPARK_DAYS = 90;

const percent = (p) => (p < 0.01 ? '<1' : Math.round(p * 100)) + '%';
/** A forecast's horizon of {@code months} (1, 3 or 6), if it has one. */
const forecastHorizon = (f, months) => (f ? f.horizons.find((h) => h.months === months) : null);
/** What moved a horizon's log-odds most: the forecast's own explanation, in words. */
const forecastReasons = (h) => h.contributions.filter((c) => c.contribution !== 0)
  .map((c) => c.feature + (c.contribution > 0 ? ' +' : ' ') + fmt(c.contribution)).join(', ');
/** A country's chance of an onset or escalation within 3 months, with what explains it in the tooltip. */
function forecastCell(f) {
  const h = forecastHorizon(f, 3);
  if (!h) return '';
  return el('span', { className: 'forecast', title: 'p(onset or escalation within 3 months), ' + f.model + ' on the data of ' + f.month + ': ' + forecastReasons(h) },
    percent(h.probability));
}

/** The country page's forecast: each horizon's probability and the features behind it, the model named. */
function forecastDetail(f) {
  if (!f) return el('p', { className: 'forecast-detail' }, 'No onset forecast issued yet.');
  return el('div', { className: 'forecast-detail' },
    el('p', {}, 'Issued ', f.issued, ' on the data of ', f.month, ' by model ', el('code', {}, f.model),
      f.missing.length ? ' (no value for ' + f.missing.join(', ') + ': taken as the training mean)' : '', '.'),
    table(['Within', 'Probability', 'What moved it most (log-odds)'], f.horizons.map((h) => el('tr', {},
      el('td', {}, h.months + (h.months === 1 ? ' month' : ' months')), el('td', { className: 'num' }, percent(h.probability)), el('td', {}, forecastReasons(h))))));
}

/** Each indicator of the latest score with the reports that counted for it, corroborating reports first. */
function indicatorDetail(indicators) {
  if (!indicators || indicators.length === 0) return el('p', {}, 'No indicator contributes to the latest score.');
  return el('ul', { className: 'indicators' }, indicators.map((i) => el('li', {},
    el('details', {}, el('summary', {}, el('strong', {}, i.indicator), ' ', fmt(i.contribution), ' points · ', i.reports + (i.reports === 1 ? ' report' : ' reports')),
      el('ul', { className: 'reports' }, i.evidence.map((e) => el('li', {}, el('span', { className: 'kind' }, e.sourceKind), ' ', reportLink(e.id, e.title || e.id), ' · ', e.publishedAt.slice(0, 10),
        safeLink(e.link) ? [' · ', safeLink(e.link)] : null)))))));
}

/** Why a country's level is not what its score alone suggests; absent when it is. */
const whyLevel = (r) => (r.whyLevel && r.whyLevel.explanation) || null;

async function overview(params) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const since = params.get('since');
  const data = await api('/api/overview' + (since ? '?since=' + encodeURIComponent(since) : ''));
  data.countries.forEach((r) => { state.names[r.country] = r.name; });
  const urgent = data.countries.filter((r) => r.level === 'alert' || r.level === 'warning');
  const rest = data.countries.filter((r) => r.level !== 'alert' && r.level !== 'warning');
  const sinceInput = el('input', { type: 'date', id: 'since', value: data.since || '' });
  const changes = data.changes.length === 0 ? el('p', {}, 'No new, escalating or cooling signals since then.')
    : el('ul', { className: 'changes' }, data.changes.map((c) => el('li', { className: 'change change-' + c.signal.lifecycle },
      levelBadge(c.signal.level), ' ', signalLink(c.signal, c.name + ': ' + c.signal.lifecycle + ' ' + c.signal.level),
      ' · ', c.signal.day, ' · ', c.signal.detection.indicator, ' ', status(c.status))));
  const mapBox = el('div', { id: 'world-map', className: 'world-map', role: 'img', 'aria-label': mapSummary(data.countries) });
  const sparks = {};
  const group = (id, rows, caption) => rows.length === 0 ? el('p', { id }, 'None.') : countryTable(id, rows, caption, data.asOf, sparks);
  if (seq !== state.route) return;
  view.replaceChildren(
    el('h1', { tabindex: '-1' }, 'Overview'),
    el('form', { className: 'inline', onsubmit: (e) => { e.preventDefault(); location.hash = '#/?since=' + sinceInput.value; } },
      'Scores as of ', data.asOf || '—', '. ', el('label', { for: 'since' }, 'Changes since the last meeting on '), sinceInput,
      el('button', { type: 'submit' }, 'Show')),
    data.countries.length === 0 ? el('p', {}, 'No country has been scored yet.') : el('div', { id: 'countries' },
      el('section', { className: 'group group-urgent', 'aria-labelledby': 'urgent-heading' },
        el('h2', { id: 'urgent-heading' }, 'Alerts and warnings (' + urgent.length + ')'), group('countries-urgent', urgent, 'Countries at alert or warning')),
      el('section', { className: 'group', 'aria-labelledby': 'map-heading' }, el('h2', { id: 'map-heading' }, 'Map'), mapBox, mapLegend()),
      el('section', { className: 'group', 'aria-labelledby': 'changes-heading' }, el('h2', { id: 'changes-heading' }, 'What changed'), changes),
      el('section', { className: 'group group-rest', 'aria-labelledby': 'rest-heading' },
        el('h2', { id: 'rest-heading' }, 'Watch and calm (' + rest.length + ')'), group('countries-rest', rest, 'Countries at watch or calm'))));
  setTitle('Overview');
  drawMap(mapBox, data.countries);
  fillSparklines(data.countries, data.asOf, sparks);
}

/** One group of the overview: a sortable table, the most urgent first (level, then score). */
function countryTable(id, rows, caption, asOf, sparks) {
  const has = (field) => rows.some((r) => r[field] !== undefined && r[field] !== null);
  const columns = [
    { label: 'Country', key: (r) => r.name, ascending: true, cell: (r) => [countryLink(r.country, r.name), ' ', el('span', { className: 'code' }, r.country)] },
    { label: 'Level', key: (r) => LEVELS.indexOf(r.level) * 1000 + r.score, cell: (r) => [levelBadge(r.level), ' ', phaseBadge(r.phase)] },
    { label: 'Score', key: (r) => r.score, num: true, cell: (r) => fmt(r.score) },
    { label: 'Last ' + SPARK_DAYS + ' days', cell: (r) => { sparks[r.country] = el('span', { className: 'spark' }); return sparks[r.country]; } },
    { label: 'Change', key: (r) => (r.change === null || r.change === undefined ? Infinity : r.change), num: true, cell: (r) => signed(r.change) },
    { label: 'Trend', key: (r) => r.trend, ascending: true, cell: (r) => r.trend },
  ];
  if (has('forecast')) columns.push({ label: 'Onset risk, 3 months', key: (r) => { const h = forecastHorizon(r.forecast, 3); return h ? h.probability : -1; }, num: true, cell: (r) => forecastCell(r.forecast) });
  if (rows.some(whyLevel)) columns.push({ label: 'Why this level', cell: (r) => whyLevel(r) || '' });
  columns.push({ label: 'Last changed', key: (r) => r.day, cell: (r) => el('span', { className: 'day' }, r.day) });
  return sortableTable({ id, className: 'countries' }, columns, rows, (r) => ({ className: 'country-row', 'data-country': r.country }),
    { column: 1, descending: true });
}

/** Where the map's text alternative says what the colours say: each level and its countries. */
function mapSummary(rows) {
  const parts = LEVELS.slice().reverse().map((level) => {
    const at = rows.filter((r) => r.level === level);
    if (at.length === 0) return null;
    return level + ': ' + (level === 'calm' && at.length > 5 ? at.length + ' countries' : at.map((r) => r.name).join(', '));
  }).filter(Boolean);
  return 'World map of risk levels. ' + (parts.length ? parts.join('; ') + '.' : 'No country scored yet.');
}

function mapLegend() {
  return el('ul', { className: 'legend', 'aria-hidden': 'true' }, LEVELS.slice().reverse().map((level) =>
    el('li', {}, el('span', { className: 'swatch level-' + level }), level)).concat([el('li', {}, el('span', { className: 'swatch unscored' }), 'not scored')]));
}

/** Natural Earth's short names (the map's) for the codes whose English name differs. */
const MAP_NAMES = {
  ALA: 'Aland', ATF: 'Fr. S. Antarctic Lands', ATG: 'Antigua and Barb.', BIH: 'Bosnia and Herz.', CAF: 'Central African Rep.',
  COD: 'Dem. Rep. Congo', COG: 'Congo', CYM: 'Cayman Is.', CZE: 'Czech Rep.', DOM: 'Dominican Rep.', ESH: 'W. Sahara',
  FLK: 'Falkland Is.', FRO: 'Faeroe Is.', GNQ: 'Eq. Guinea', HMD: 'Heard I. and McDonald Is.', IOT: 'Br. Indian Ocean Ter.',
  KOR: 'Korea', LAO: 'Lao PDR', LCA: 'Saint Lucia', MKD: 'Macedonia', MMR: 'Myanmar', MNP: 'N. Mariana Is.', PRK: 'Dem. Rep. Korea',
  PSE: 'Palestine', PYF: 'Fr. Polynesia', SGS: 'S. Geo. and S. Sandw. Is.', SHN: 'Saint Helena', SLB: 'Solomon Is.', SPM: 'St. Pierre and Miquelon',
  SSD: 'S. Sudan', STP: 'São Tomé and Principe', SWZ: 'Swaziland', TCA: 'Turks and Caicos Is.', TTO: 'Trinidad and Tobago', TUR: 'Turkey',
  VCT: 'St. Vin. and Gren.', VIR: 'U.S. Virgin Is.',
};
const simple = (name) => name.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();

/**
 * The world coloured by level (ECharts with its Natural Earth world map, both from the WebJar). A click on
 * a country opens its page; the tables above and the element's label carry the same facts as text.
 */
function drawMap(box, rows) {
  if (state.map) { state.map.dispose(); state.map = null; }
  if (!window.echarts || !echarts.getMap('world')) { box.textContent = 'The map could not be loaded; the tables list every country.'; return; }
  const features = {};
  echarts.getMap('world').geoJson.features.forEach((f) => { features[simple(f.properties.name)] = f.properties.name; });
  const data = rows.map((r) => ({ r, feature: features[simple(MAP_NAMES[r.country] || r.name)] })).filter((x) => x.feature)
    .map(({ r, feature }) => ({ name: feature, value: r.score, code: r.country, label: r.name, level: r.level,
      itemStyle: { areaColor: LEVEL_COLOURS[r.level] }, emphasis: { itemStyle: { areaColor: LEVEL_COLOURS[r.level] } } }));
  box.setAttribute('data-coloured', String(data.length));
  const escape = echarts.format.encodeHTML;
  state.map = echarts.init(box);
  state.map.setOption({
    animation: false,
    tooltip: { trigger: 'item', formatter: (p) => (p.data ? escape(p.data.label + ': ' + p.data.level + ' (' + fmt(p.data.value) + ')') : escape(p.name) + ': not scored') },
    series: [{ type: 'map', map: 'world', roam: false, top: 0, bottom: 0, left: 0, right: 0, label: { show: false }, emphasis: { label: { show: false } },
      itemStyle: { areaColor: '#e6e8ec', borderColor: '#fff', borderWidth: 0.5 }, data }],
  });
  state.map.on('click', (p) => { if (p.data && p.data.code) location.hash = '#/country/' + p.data.code; });
}

/** The sparklines: each country's score over the last days, from the overview's series when it has one. */
async function fillSparklines(rows, asOf, sparks) {
  const from = new Date(Date.parse(asOf) - (SPARK_DAYS - 1) * 86400000).toISOString().substring(0, 10);
  const queue = rows.slice();
  const work = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      try {
        const history = r.series || await countryHistory(r.country);
        if (sparks[r.country]) sparks[r.country].replaceChildren(sparkline(history, from, asOf, r.name));
      } catch (e) {
        // a sparkline is a convenience; the row still says everything
      }
    }
  };
  await Promise.all([work(), work(), work(), work()]);
}

async function countryHistory(code) {
  const cached = state.histories[code];
  if (cached && Date.now() - cached.at < 60000) return cached.history;
  const page = await api('/api/countries/' + encodeURIComponent(code));
  state.histories[code] = { at: Date.now(), history: page.history };
  return page.history;
}

/** A small line of the daily score (0-100) from one day to another, with what it shows as its label. */
function sparkline(history, from, to, name) {
  const days = daily(history, to).filter((d) => d.day >= from);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + SPARK_DAYS + ' 24');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  if (days.length === 0) {
    svg.setAttribute('aria-label', name + ': not scored in the last ' + SPARK_DAYS + ' days');
    return svg;
  }
  const offset = SPARK_DAYS - days.length;
  const y = (d) => (23 - d.point.score * 0.22).toFixed(1);
  const line = document.createElementNS(ns, 'polyline');
  // a single day is a short level stroke, so that a country scored once still shows where it stands
  line.setAttribute('points', days.length === 1 ? (SPARK_DAYS - 3) + ',' + y(days[0]) + ' ' + SPARK_DAYS + ',' + y(days[0])
    : days.map((d, i) => (offset + i) + ',' + y(d)).join(' '));
  line.setAttribute('class', 'level-line-' + days[days.length - 1].point.level);
  svg.append(line);
  const scores = days.map((d) => d.point.score);
  svg.setAttribute('aria-label', name + ' score from ' + fmt(scores[0]) + ' on ' + days[0].day + ' to ' + fmt(scores[scores.length - 1])
    + ' on ' + days[days.length - 1].day + ', lowest ' + fmt(Math.min(...scores)) + ', highest ' + fmt(Math.max(...scores)));
  return svg;
}

// ---- country --------------------------------------------------------------------------------------

async function country(code) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const data = await api('/api/countries/' + encodeURIComponent(code));
  state.names[code] = data.name;
  state.histories[code] = { at: Date.now(), history: data.history };
  const canvas = el('canvas', { id: 'history-chart', role: 'img', 'aria-label': chartSummary(data) });
  const signals = data.signals.length === 0 ? el('p', {}, 'No signals.') : table(['Day', 'Signal', 'Level', 'Score', 'Indicator', 'Triage'],
    data.signals.map((s) => el('tr', {}, el('td', {}, s.signal.day), el('td', {}, signalLink(s.signal, s.signal.lifecycle),
        s.signal.revision && s.signal.revision.historical ? el('span', { className: 'historical', title: 'recorded from input that arrived long after the day' }, ' (historical)') : null,
        s.signal.lifecycle === 'withdrawn' ? el('span', { className: 'withdrawn-mark' }, ' (withdrawn)') : null),
      el('td', {}, levelBadge(s.signal.level)), el('td', { className: 'num' }, fmt(s.signal.score)), el('td', {}, s.signal.detection.indicator), el('td', {}, status(s.status)))));
  const results = el('ul', { className: 'reports' }, data.reports.map((r) => reportItem(r)));
  const query = el('input', { type: 'search', id: 'country-query', placeholder: 'Search this country\'s reports' });
  const searchMessage = el('span', { className: 'error', id: 'country-search-error', role: 'alert' });
  const searchHere = async (event) => {
    event.preventDefault();
    searchMessage.textContent = '';
    try {
      const found = await api('/api/search?kind=report&country=' + code + '&q=' + encodeURIComponent(query.value));
      results.replaceChildren(...found.hits.map((h) => reportItem(h.document, h.highlights)));
    } catch (e) {
      searchMessage.textContent = e.message;
    }
  };
  const latest = data.latest;
  if (seq !== state.route) return;
  view.replaceChildren(
    el('h1', { tabindex: '-1' }, data.name + ' (' + code + ')'),
    latest ? el('p', { className: 'standing' }, 'Score ', el('strong', {}, fmt(latest.score)), ' ', levelBadge(latest.level), ' trend ', latest.trend, ' · last changed ', latest.day, ' ', marking(latest.classification))
      : el('p', {}, 'Nothing scored for this country that you may see.'),
    el('div', {}, data.whyLevel ? el('p', { className: 'held-back' }, 'Why this level: ' + data.whyLevel.explanation + '.') : null),
    el('div', {}, latest ? phaseDetail(data.phase) || el('p', { className: 'phase-detail' }, phaseBadge(data.phase)) : null),
    el('section', {}, el('h2', {}, 'Score and what drives it'), el('div', { className: 'chart-box' }, canvas), historyTable(data.history)),
    el('section', {}, el('h2', {}, 'Each indicator and its reports'), indicatorDetail(data.indicators)),
    el('section', {}, el('h2', {}, 'Onset forecast'), forecastDetail(data.forecast)),
    el('section', {}, el('h2', {}, 'Signals'), signals),
    data.evidence && data.evidence.length ? el('section', {}, el('h2', {}, 'Behind the latest signal'), el('ul', { className: 'reports' }, data.evidence.map((r) => reportItem(r)))) : null,
    el('section', {}, el('h2', {}, 'Evidence'), el('form', { onsubmit: searchHere }, el('label', { for: 'country-query', className: 'visually-hidden' }, 'Search this country\'s reports'),
      query, el('button', { type: 'submit' }, 'Search'), searchMessage), results));
  setTitle(data.name);
  drawHistory(canvas, data.history);
}

/** The chart's text alternative: the period it covers and where the score went. */
function chartSummary(data) {
  const h = data.history;
  if (h.length === 0) return 'No score history.';
  const scores = h.map((p) => p.score);
  return 'Daily score of ' + data.name + ' from ' + h[0].day + ' to ' + h[h.length - 1].day + ': from ' + fmt(scores[0]) + ' to '
    + fmt(scores[scores.length - 1]) + ', highest ' + fmt(Math.max(...scores)) + '. Each change is listed in the table below the chart.';
}

/** Every published change of the score as a table, the chart's data for those who cannot see it. */
function historyTable(days) {
  const history = days.filter((p) => p.changed !== false);
  if (history.length === 0) return null;
  const rows = history.slice().reverse().map((p) => el('tr', {}, el('td', {}, p.day), el('td', { className: 'num' }, fmt(p.score)), el('td', {}, levelBadge(p.level)),
    el('td', {}, p.contributions.filter((c) => c.contribution !== 0).map((c) => c.indicator + ' ' + fmt(c.contribution)).join(', '))));
  return el('details', { className: 'chart-data' }, el('summary', {}, 'The score history as a table (' + history.length + ' changes)'),
    el('div', { className: 'table-scroll' }, el('table', { id: 'history-table' }, el('thead', {}, el('tr', {}, ['Day', 'Score', 'Level', 'Contributions'].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows))));
}

/**
 * Stacked bars of each indicator's contribution per day, with the composite score as a line, on a daily
 * axis (a day without a new point holds the last one). A de-escalation indicator's contribution is
 * negative: the points its relief took off the score. So that no bar is negative, the escalating bars are
 * drawn at their share of the score (they then reach the line) and each relief as a pale bar above them,
 * up to what the score would have been without it; tooltips give the contributions as published.
 */
function drawHistory(canvas, published) {
  if (state.chart) state.chart.destroy();
  state.chart = null;
  if (!window.Chart || published.length === 0) return;
  const history = daily(published).map((d) => Object.assign({}, d.point, { day: d.day }));
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
    type: 'bar', label: indicator, stack: 'contributions', backgroundColor: palette[i % palette.length], barPercentage: 1, categoryPercentage: 1,
    published: history.map((p) => contribution(p, indicator)),
    data: history.map((p, day) => contribution(p, indicator) * kept[day]),
  })).concat([...relieving].sort().map((indicator, i) => ({
    type: 'bar', label: indicator + ' (relief)', stack: 'contributions', backgroundColor: pale[i % pale.length], barPercentage: 1, categoryPercentage: 1,
    borderColor: '#66a182', borderWidth: 0,
    published: history.map((p) => contribution(p, indicator)),
    data: history.map((p) => -contribution(p, indicator)),
  })));
  datasets.push({ type: 'line', label: 'score', data: history.map((p) => p.score), borderColor: '#111', pointRadius: 0, borderWidth: 1.5, stepped: true });
  const label = (ctx) => ctx.dataset.label + ': ' + fmt(ctx.dataset.published ? ctx.dataset.published[ctx.dataIndex] : ctx.parsed.y);
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  state.chart = new window.Chart(canvas, {
    data: { labels: history.map((p) => p.day), datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: narrow ? 16 : 24 } }, y: { stacked: true, min: 0, max: 100 } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: narrow ? 10 : 30, font: { size: narrow ? 10 : 12 } } }, tooltip: { callbacks: { label } } } },
  });
}

// ---- signal ---------------------------------------------------------------------------------------

async function signal(id) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const data = await api('/api/signals/' + encodeURIComponent(id));
  const s = data.signal.signal;
  const d = s.detection;
  const decisions = data.decisions.length === 0 ? el('p', {}, 'Not triaged yet.')
    : el('ol', { id: 'decisions' }, data.decisions.map((t) => el('li', { className: 'decision' }, status(t), ' by ', t.analyst, ' on ',
      t.decidedAt.substring(0, 16).replace('T', ' '), t.reason ? el('span', { className: 'reason' }, ' — ' + t.reason) : null)));
  const triage = isAnalyst() ? triageForm(s) : null;
  if (seq !== state.route) return;
  view.replaceChildren(
    el('h1', { tabindex: '-1' }, countryLink(s.country, data.signal.name), ': ', s.lifecycle, ' ', s.level,
      s.lifecycle === 'withdrawn' ? el('span', { className: 'withdrawn-mark' }, ' (withdrawn)') : null),
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
  setTitle(data.signal.name + ': ' + s.lifecycle + ' ' + s.level);
}

function triageForm(s) {
  const outcome = el('select', { id: 'triage-outcome' }, ['acknowledged', 'escalated', 'dismissed'].map((o) => el('option', { value: o }, o)));
  const reason = el('input', { id: 'triage-reason', type: 'text', maxlength: '2000', placeholder: 'Reason (required to dismiss)' });
  const message = el('span', { className: 'form-message', role: 'status' });
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
  return el('form', { id: 'triage', onsubmit: submit }, el('label', { for: 'triage-outcome' }, 'Decision'), outcome,
    el('label', { for: 'triage-reason', className: 'visually-hidden' }, 'Reason'), reason, el('button', { type: 'submit', id: 'triage-submit' }, 'Record decision'), message);
}

// ---- report ---------------------------------------------------------------------------------------

/** One report in full, as the API gives it to this reader (a report they may not see is not found). */
async function report(id) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const r = await api('/api/reports/' + encodeURIComponent(id));
  const links = (r.links || []).map((url) => el('li', {}, /^https?:\/\//.test(url)
    ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : url));
  if (seq !== state.route) return;
  view.replaceChildren(el('h1', { tabindex: '-1' }, r.title || '(untitled)', alertNote(r.alert)),
    el('p', { className: 'meta' }, marking(r.classification), ' ', r.sourceKind, ' · ', r.sourceName || '', ' · ',
      (r.publishedAt || '').substring(0, 10), ' · ', r.countries.flatMap((c, i) => [i ? ', ' : '', countryLink(c)]),
      (r.caveats || []).length ? ' · caveats ' + r.caveats.join(', ') : ''),
    el('div', { className: 'body', id: 'report-body' }, r.body || ''),
    links.length ? el('section', {}, el('h2', {}, 'Links'), el('ul', { id: 'report-links' }, links)) : null);
  setTitle(r.title || 'Report');
}

// ---- search ---------------------------------------------------------------------------------------

const FACET_NAMES = { kind: 'Kind', country: 'Country', source_kind: 'Source', level: 'Level', indicator: 'Indicator', classification: 'Classification' };
const FACET_SHOWN = 8;
/** The most values the API gives a facet; a facet with that many may have more. */
const FACET_LIMIT = 20;

/** The link to a document of any kind the index holds: a report, a signal, a country's risk point or a triage decision. */
function documentLink(kind, id, doc, text) {
  if (kind === 'signal') return signalLink({ id }, text);
  if (kind === 'country-risk') return countryLink((doc && doc.country) || id.split(':')[0], text);
  if (kind === 'triage') return doc && doc.signalId ? signalLink({ id: doc.signalId }, text) : el('span', {}, text);
  return reportLink(id, text);
}

/** One search hit of a kind other than report, as a line that links to what it is about. */
function hitItem(h) {
  const d = h.document;
  const name = (code) => (state.names[code] ? state.names[code] + ' (' + code + ')' : code);
  const text = h.kind === 'signal' ? name(d.country) + ': ' + d.lifecycle + ' ' + d.level + ' on ' + d.day
    : h.kind === 'country-risk' ? name(d.country) + ': risk ' + fmt(d.score) + ' (' + d.level + ') on ' + d.day
      : h.kind === 'triage' ? name(d.country) + ': signal ' + d.outcome + ' by ' + d.analyst + ' on ' + String(d.decidedAt).substring(0, 10) + (d.reason ? ' — ' + d.reason : '')
        : h.kind;
  return el('li', { className: 'report hit-' + h.kind, 'data-id': d.id }, el('div', { className: 'meta' }, h.kind, ' ', marking(d.classification)),
    documentLink(h.kind, d.id, d, text), h.kind === 'signal' && d.lifecycle === 'withdrawn' ? el('span', { className: 'withdrawn-mark' }, ' (withdrawn)') : null);
}

/**
 * Learns the English names of countries the page has not seen yet (the overview names only scored ones),
 * from each country's page, which names any country; a name is a convenience, so a failure leaves the code.
 */
async function nameCountries(codes) {
  const unknown = [...new Set(codes)].filter((code) => /^[A-Z]{3}$/.test(code) && !state.names[code]).slice(0, 20);
  await Promise.all(unknown.map((code) => api('/api/countries/' + code).then((page) => { state.names[code] = page.name; }, () => null)));
}

/**
 * A facet's values as filter links, the first few shown and the rest behind a "more" button; counts the API
 * estimated from a sample of the matches (a search with over 100,000) read "≈".
 */
function facet(dim, values, params, estimated) {
  const param = FILTERS[dim];
  const label = (value) => (dim === 'country' && state.names[value] ? state.names[value] + ' (' + value + ')' : value);
  const items = Object.entries(values).map(([value, n]) => {
    const count = (estimated ? '≈' : '') + n;
    if (!param) return el('li', {}, label(value) + ' (' + count + ')');
    const p = new URLSearchParams(params);
    const on = p.getAll(param).includes(value);
    if (on) p.delete(param); else p.append(param, value);
    p.delete('offset');
    return el('li', {}, el('a', { href: '#/search?' + p, className: on ? 'on' : '', 'aria-current': on ? 'true' : null }, label(value)), ' (' + count + ')');
  });
  const id = 'facet-' + dim;
  const list = el('ul', { id }, items.slice(0, FACET_SHOWN));
  const more = items.length > FACET_SHOWN ? el('button', { type: 'button', className: 'more', 'aria-expanded': 'false', 'aria-controls': id, onclick: () => {
    const open = more.getAttribute('aria-expanded') === 'true';
    list.replaceChildren(...(open ? items.slice(0, FACET_SHOWN) : items));
    more.setAttribute('aria-expanded', String(!open));
    more.textContent = open ? 'More (' + (items.length - FACET_SHOWN) + ')' : 'Fewer';
  } }, 'More (' + (items.length - FACET_SHOWN) + ')') : null;
  const capped = items.length >= FACET_LIMIT ? el('p', { className: 'facet-note' }, 'The ' + FACET_LIMIT + ' most frequent') : null;
  return el('div', { className: 'facet' }, el('h3', {}, FACET_NAMES[dim] || dim), list, more, capped);
}

/**
 * The search page. The form is built first and kept: a query the API refuses shows its reason beside the
 * form, with what was typed still in it, instead of replacing the page.
 */
async function search(params) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const q = params.get('q') || '';
  const go = (change) => { const p = new URLSearchParams(params); change(p); location.hash = '#/search?' + p; };
  const query = el('input', { type: 'search', id: 'query', value: q, placeholder: 'mnla AND kidal, title:coup, "state of emergency"' });
  const from = el('input', { type: 'date', id: 'search-from', value: params.get('from') || '' });
  const to = el('input', { type: 'date', id: 'search-to', value: params.get('to') || '' });
  const apiParams = new URLSearchParams(params);
  if (!apiParams.has('sort') && !q) apiParams.set('sort', 'time');
  const sortBy = el('select', { id: 'sort' }, [['relevance', 'Most relevant first'], ['time', 'Newest first']].map(([value, text]) =>
    el('option', { value, selected: (apiParams.get('sort') || 'relevance') === value }, text)));
  const error = el('p', { className: 'error', id: 'search-error', role: 'alert' });
  const submit = (e) => {
    e.preventDefault();
    go((p) => {
      p.set('q', query.value);
      [['from', from.value], ['to', to.value]].forEach(([k, v]) => (v ? p.set(k, v) : p.delete(k)));
      p.set('sort', sortBy.value);
      p.delete('offset');
    });
  };
  sortBy.addEventListener('change', submit);
  const form = el('form', { id: 'search-form', role: 'search', onsubmit: submit },
    el('label', { for: 'query', className: 'visually-hidden' }, 'Query'), query,
    el('label', { for: 'search-from' }, 'From'), from, el('label', { for: 'search-to' }, 'to'), to,
    el('label', { for: 'sort' }, 'Order'), sortBy, el('button', { type: 'submit', id: 'search-button' }, 'Search'));
  const parts = [el('h1', { tabindex: '-1' }, 'Search'), form, error];
  if (isAnalyst()) {
    parts.push(el('button', { type: 'button', id: 'save-query', onclick: async () => {
      try { await api('/api/subscriptions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: query.value }) }); route(); } catch (e) { toast(e.message); }
    } }, 'Save as a standing query'));
  }
  setTitle(q ? 'Search: ' + q : 'Search');
  let result = null;
  try {
    result = await api('/api/search?' + apiParams);
  } catch (e) {
    error.textContent = 'This search could not run: ' + e.message;
  }
  if (result) {
    await nameCountries(Object.keys(result.facets.country || {}).concat(result.hits.map((h) => h.document.country).filter(Boolean)));
    const facets = el('aside', { className: 'facets', 'aria-label': 'Narrow the results' }, Object.entries(result.facets)
      .filter(([, values]) => Object.keys(values).length > 0).map(([dim, values]) => facet(dim, values, params, result.facetsEstimated)));
    if (result.facetsEstimated) facets.prepend(el('p', { className: 'facet-note' }, 'Counts (≈) estimated from a sample of the matches'));
    const hits = el('ol', { className: 'reports', id: 'hits' }, result.hits.map((h) => (h.kind === 'report' ? reportItem(h.document, h.highlights) : hitItem(h))));
    parts.push(el('p', { id: 'total', role: 'status' }, result.total + ' found'), el('div', { className: 'results' }, facets, el('div', {}, hits, pager(params, result))));
  }
  if (isAnalyst()) parts.push(await standingQueries());
  if (seq !== state.route) return;
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
  return el('section', { id: 'standing' }, el('h2', { id: 'standing-heading' }, 'Standing queries'),
    subs.subscriptions.length === 0 ? el('p', {}, 'None yet.') : el('ul', {}, subs.subscriptions.map((s) => el('li', {},
      el('a', { href: '#/search?q=' + encodeURIComponent(s.query) }, s.query), ' ',
      el('button', { type: 'button', onclick: async () => { await api('/api/subscriptions/' + s.id, { method: 'DELETE' }); route(); } }, 'Remove')))),
    el('h2', { id: 'new-matches' }, 'New matches'),
    matches.matches.length === 0 ? el('p', {}, 'No matches yet.') : el('ul', {}, matches.matches.slice(-20).reverse().map((m) => el('li', {},
      documentLink(m.documentKind, m.documentId, null, m.title || m.documentId), ' · ', m.matchedAt.substring(0, 16).replace('T', ' ')))));
}

// ---- briefing -------------------------------------------------------------------------------------

async function briefing(params) {
  const seq = state.route; // this render's navigation; a later one owns the page
  const from = el('input', { type: 'date', id: 'briefing-from', value: params.get('from') || '' });
  const to = el('input', { type: 'date', id: 'briefing-to', value: params.get('to') || '' });
  // without dates the API takes the week up to the latest scored day the reader may see
  const link = (format) => '/api/briefing?format=' + format + (from.value ? '&from=' + from.value : '') + (to.value ? '&to=' + to.value : '');
  const preview = el('div', { id: 'briefing-preview' });
  const show = async () => {
    const b = await api(link('json'));
    from.value = b.from;
    to.value = b.to;
    preview.replaceChildren(
      el('p', {}, 'Marking: ', marking(b.marking)),
      el('h2', {}, 'Alerts and warnings'),
      b.countries.length === 0 ? el('p', {}, 'No country was at warning or alert in this period.') : el('ul', { id: 'briefing-countries', className: 'briefed' }, b.countries.map((c) => el('li', {},
        levelBadge(c.highest), ' ', countryLink(c.standing.country, c.standing.name), ' now ', c.standing.level, ', score ', fmt(c.standing.score), ' (', signed(c.standing.change), ')',
        whyLevel(c.standing) ? el('div', { className: 'held-back' }, 'Why this level: ' + whyLevel(c.standing) + '.') : null,
        el('ul', { className: 'reports' }, c.evidence.map((r) => reportItem(r)))))),
      el('h2', {}, 'Top risers'),
      b.risers.length === 0 ? el('p', {}, 'None.') : el('ol', {}, b.risers.map((r) => el('li', {}, countryLink(r.country, r.name), ' ', fmt(r.score), ' (', signed(r.change), ') ', levelBadge(r.level)))),
      el('h2', {}, 'New and escalating alerts'),
      b.alerts.length === 0 ? el('p', {}, 'None.') : el('ul', {}, b.alerts.map((a) => el('li', {}, signalLink(a.signal.signal, a.signal.headline || a.signal.name),
        ' · ', a.evidence.length, ' evidence reports'))));
  };
  const open = (format) => (e) => { e.preventDefault(); window.open(link(format), '_blank'); };
  if (seq !== state.route) return;
  view.replaceChildren(el('h1', { tabindex: '-1' }, 'Horizon-scan briefing'),
    el('p', {}, el('label', { for: 'briefing-from' }, 'From '), from, ' ', el('label', { for: 'briefing-to' }, 'to '), to, ' ',
      el('button', { type: 'button', id: 'briefing-show', onclick: show }, 'Preview'), ' ',
      el('a', { id: 'briefing-html', href: '#', onclick: open('html') }, 'Printable page'), ' · ',
      el('a', { id: 'briefing-pdf', href: '#', onclick: open('pdf') }, 'PDF'), ' · ',
      el('a', { id: 'briefing-md', href: '#', onclick: (e) => { e.preventDefault(); location.href = link('md'); } }, 'Markdown')),
    preview);
  setTitle('Briefing');
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
    toast('New signal: ' + s.headline, '#/signal/' + encodeURIComponent(s.id));
    const hash = location.hash || '#/';
    if (hash === '#/' || hash.startsWith('#/?') || hash === '#/country/' + s.country) route(false);
  });
  source.addEventListener('triage', (event) => {
    const t = JSON.parse(event.data);
    if ((location.hash || '').startsWith('#/signal/') && decodeURIComponent(location.hash.substring(9)) === t.signalId) route(false);
  });
}

async function countMatches() {
  if (!isAnalyst()) return;
  const matches = await api('/api/matches');
  const badge = document.getElementById('matches');
  badge.hidden = matches.matches.length === 0;
  badge.textContent = matches.matches.length + (matches.matches.length === 1 ? ' match' : ' matches');
}

/**
 * Shows the page the address names. On a navigation the page's heading takes the focus, so that keyboard
 * and screen-reader users start at the new content; a reload by live updates leaves the focus alone.
 */
async function route(navigated) {
  // views render when their data arrives: one started earlier (a slow overview) must not replace the page a
  // later navigation already showed, so each render knows its navigation and only the latest draws
  const seq = ++state.route;
  const hash = location.hash || '#/';
  const focused = view.contains(document.activeElement) ? document.activeElement.id : null;
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
    if (seq === state.route) showError(e);
  }
  if (seq !== state.route) return;
  const heading = view.querySelector('h1');
  if (navigated === true && heading) heading.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  // a live reload replaced what had the focus (or overtook a navigation's own render): it goes back to the
  // page's heading, where navigation puts it, without scrolling the reader away from where they are
  if (navigated !== true && heading && document.activeElement === document.body) heading.focus({ preventScroll: true });
}

async function start() {
  state.me = await api('/api/me');
  document.getElementById('who').textContent = state.me.name + ' · ' + state.me.clearance;
  document.getElementById('sign-out').addEventListener('click', async () => {
    await api('/logout', { method: 'POST' });
    location.href = '/login';
  });
  window.addEventListener('hashchange', () => route(true));
  listen();
  await route();
  await countMatches();
  setInterval(countMatches, 60000);
}

start().catch(showError);
