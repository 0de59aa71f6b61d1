// The hub's dashboard: plain JavaScript over the REST API, refreshed every few seconds.
'use strict';

const state = { me: null, selectedRun: null, busy: false };
const REFRESH_MS = 3000;

const STATUS_TEXT = {
  SUCCEEDED: 'Succeeded', PARTIAL: 'Succeeded with failures', FAILED: 'Failed', PREVIEW: 'Preview',
  AWAITING_APPROVAL: 'Awaiting approval', REJECTED: 'Rejected', EXPIRED: 'Expired', SKIPPED: 'Skipped',
  RUNNING: 'Running', PAUSED: 'Paused', NEVER: 'Not run yet'
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

function badge(status) {
  return el('span', { class: 'badge ' + status, 'data-status': status }, STATUS_TEXT[status] || status);
}

function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function duration(ms) {
  if (ms === null || ms === undefined) return '';
  if (ms < 1000) return ms + ' ms';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(1) + ' s';
  return Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
}

async function api(method, path) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET' && state.me && state.me.csrfToken) headers[state.me.csrfHeader] = state.me.csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin' });
  if (response.status === 401) { window.location.href = '/login'; throw new Error('not logged in'); }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
  return body;
}

function canOperate() {
  return state.me && state.me.roles.includes('OPERATE');
}

function notice(text) {
  const n = document.getElementById('notice');
  n.textContent = text || '';
  n.hidden = !text;
}

async function act(label, method, path) {
  if (state.busy) return;
  state.busy = true;
  try {
    const result = await api(method, path);
    notice('');
    if (result && result.id && result.sync) state.selectedRun = result.id;
    await refresh();
  } catch (e) {
    notice(label + ': ' + e.message);
  } finally {
    state.busy = false;
  }
}

function lastStatus(sync) {
  if (sync.running) return 'RUNNING';
  if (sync.paused) return 'PAUSED';
  const last = sync.lastRuns.find((r) => r.status !== 'PREVIEW' && r.status !== 'SKIPPED');
  return last ? last.status : 'NEVER';
}

function arrowClass(status) {
  return { SUCCEEDED: 'ok', PARTIAL: 'warn', AWAITING_APPROVAL: 'warn', FAILED: 'bad', RUNNING: 'busy' }[status] || '';
}

// STS Organisation (GET /api/v1/targets/sts/status): published through its outbox, not a sync
function stsStatus(sts) {
  const since = [sts.lastDrain, sts.lastPublish, sts.lastReconcile].filter((l) => l).map((l) => new Date(l.finished));
  const failed = sts.lastFailure && since.every((t) => new Date(sts.lastFailure.at) > t);
  if (failed) return 'FAILED';
  if (sts.quarantine.length) return 'PARTIAL';
  return sts.lastPublish || sts.lastDrain ? 'SUCCEEDED' : 'NEVER';
}

function stsArrow(sts) {
  const status = stsStatus(sts);
  const text = sts.outboxBacklog ? sts.outboxBacklog + ' waiting' : STATUS_TEXT[status];
  return el('div', { class: 'arrow ' + arrowClass(status), title: sts.lastFailure ? sts.lastFailure.message : 'sts' }, el('span', {}, text));
}

// a certificate of signed calls: its expiry, amber from 60 days ahead, red once expired
function stsCertificate(c) {
  const badge = c.state === 'OK' ? 'SUCCEEDED' : c.state === 'WARNING' ? 'PARTIAL' : 'FAILED';
  const text = c.state === 'EXPIRED' ? 'expired' : c.daysLeft + ' days';
  return el('small', { 'data-certificate': c.role, title: c.subject + ', expires ' + c.notAfter },
    c.role + ' certificate ', el('span', { class: 'badge ' + badge }, text));
}

function stsNode(sts) {
  const published = sts.lastPublish ? 'full publish ' + when(sts.lastPublish.finished) : 'no full publish yet';
  const since = [sts.lastDrain, sts.lastPublish, sts.lastReconcile].filter((l) => l).map((l) => new Date(l.finished));
  const failing = sts.lastFailure && since.every((t) => new Date(sts.lastFailure.at) > t);
  return el('div', { class: 'node', id: 'sts-target' }, el('strong', {}, 'STS Organisation'),
    el('small', {}, published),
    el('small', {}, sts.outboxBacklog + ' in outbox, ' + sts.quarantine.length + ' quarantined'),
    el('small', {}, sts.signedCalls ? 'signed calls (KOMBIT token)' : 'unsigned calls (local service)'),
    ...(sts.certificates || []).map(stsCertificate),
    failing ? el('small', { class: 'sts-failure', title: sts.lastFailure.message },
      el('span', { class: 'badge FAILED' }, sts.lastFailure.kind), ' ' + sts.lastFailure.operation + ' ' + when(sts.lastFailure.at)) : null,
    el('div', { style: 'display:flex;gap:6px;margin-top:6px;flex-wrap:wrap' },
      el('button', { class: 'action secondary', disabled: !canOperate(), onclick: () => act('Publish', 'POST', '/api/v1/targets/sts/publish') }, 'Publish'),
      el('button', { class: 'action secondary', disabled: !canOperate(), onclick: () => act('Reconcile', 'POST', '/api/v1/targets/sts/reconcile') }, 'Reconcile'),
      el('button', { class: 'action secondary', 'data-action': 'sts-test-connection', disabled: !canOperate(), onclick: () => testConnection('sts-publish') }, 'Test connection')));
}

function renderFlow(syncs) {
  const imports = syncs.filter((s) => s.kind === 'IMPORT');
  const publishes = syncs.filter((s) => s.kind === 'PUBLISH');
  const node = (s) => el('div', { class: 'node' }, el('strong', {}, s.adapter), el('small', {}, s.name));
  const arrow = (s) => {
    const status = lastStatus(s);
    return el('div', { class: 'arrow ' + arrowClass(status), title: s.name }, el('span', {}, STATUS_TEXT[status]));
  };
  // STS Organisation is one target, fed by its outbox; its syncs (publish, reconcile) are on their cards
  const targets = publishes.filter((s) => !(state.sts && s.adapter === 'sts-organisation'));
  const flow = document.getElementById('flow');
  flow.replaceChildren(
    el('div', { class: 'column' }, imports.length ? imports.map(node) : el('div', { class: 'empty' }, 'No sources configured')),
    el('div', { class: 'arrows' }, imports.map(arrow)),
    el('div', { class: 'node hub' }, el('strong', {}, 'Organisation hub'), el('small', {}, 'canonical, bitemporal store')),
    el('div', { class: 'arrows' }, state.sts ? stsArrow(state.sts) : null, targets.map(arrow)),
    el('div', { class: 'column' }, (targets.length || state.sts) ? [state.sts ? stsNode(state.sts) : null, ...targets.map(node)]
      : el('div', { class: 'empty' }, 'No targets yet: STS Organisation, the consumer profiles and the exports appear here when their adapters are installed.')));
}

function trend(runs) {
  const recent = runs.filter((r) => r.status !== 'SKIPPED').slice(0, 12).reverse();
  const max = Math.max(1, ...recent.map((r) => r.durationMillis || 0));
  return el('div', { class: 'trend', title: 'Recent runs, oldest first: height is the duration' },
    recent.map((r) => el('div', {
      class: r.status, style: 'height:' + Math.max(10, Math.round(100 * (r.durationMillis || 0) / max)) + '%',
      title: '#' + r.id + ' ' + (STATUS_TEXT[r.status] || r.status) + ', ' + duration(r.durationMillis)
    })));
}

function counts(run) {
  const c = run.counts;
  return c.read + ' read, ' + c.created + ' created, ' + c.changed + ' changed, ' + c.ended + ' ended'
    + (c.failed ? ', ' + c.failed + ' failed' : '');
}

function renderSync(sync) {
  const status = lastStatus(sync);
  const last = sync.lastRuns[0];
  const awaiting = sync.lastRuns.find((r) => r.status === 'AWAITING_APPROVAL');
  const operate = canOperate();
  const running = !!sync.running;
  const card = el('div', { class: 'card', 'data-sync': sync.name },
    el('h3', {}, sync.name, badge(status)),
    el('div', { class: 'desc' }, sync.description || (sync.kind === 'IMPORT' ? 'Imports from ' : 'Publishes to ') + sync.adapter));
  if (running) {
    const p = sync.running.progress;
    const pct = p && p.total > 0 ? Math.round(100 * p.done / p.total) : null;
    card.appendChild(el('div', { class: 'muted' }, 'Running: ' + (sync.running.phase || 'starting')
      + (p && p.total > 0 ? ' ' + p.done + ' of ' + p.total : '')));
    card.appendChild(el('div', { class: 'progress' }, el('div', { style: 'width:' + (pct === null ? 30 : pct) + '%' })));
  }
  if (awaiting) {
    card.appendChild(el('div', { class: 'approval' },
      el('strong', {}, 'Run #' + awaiting.id + ' is waiting for approval. '), awaiting.message || '',
      el('div', { class: 'buttons', style: 'margin-top:8px' },
        el('button', { class: 'action secondary', onclick: () => showRun(awaiting.id) }, 'See the changes'),
        el('button', { class: 'action ok', 'data-action': 'approve', disabled: !operate, onclick: () => act('Approve', 'POST', '/api/v1/runs/' + awaiting.id + '/approve') }, 'Approve'),
        el('button', { class: 'action danger', 'data-action': 'reject', disabled: !operate, onclick: () => act('Reject', 'POST', '/api/v1/runs/' + awaiting.id + '/reject') }, 'Reject'))));
  }
  const next = sync.nextRuns && sync.nextRuns.length ? when(sync.nextRuns[0]) : null;
  card.appendChild(el('dl', {},
    el('dt', {}, 'Schedule'), el('dd', {}, sync.cron ? sync.cron + ' (' + sync.timeZone + ')' : 'When started by hand'),
    el('dt', {}, 'Next run'), el('dd', {}, sync.paused ? 'Paused' : (next || '—')),
    el('dt', {}, 'Last run'), el('dd', {}, last ? when(last.startedAt) + ', ' + duration(last.durationMillis) : 'never'),
    el('dt', {}, 'Result'), el('dd', {}, last ? counts(last) : '—'),
    el('dt', {}, 'Safety limit'), el('dd', {}, sync.endedShareLimit === null ? 'off'
      : sync.kind === 'PUBLISH' ? 'stops before deactivating more than ' + (sync.endedShareLimit * 100).toFixed(0) + '% of the units, users or functions the target holds'
        : 'stops before ending more than ' + (sync.endedShareLimit * 100).toFixed(0) + '% of the engagements, accounts or units'),
    el('dt', {}, 'Trend'), el('dd', {}, trend(sync.lastRuns))));
  card.appendChild(el('div', { class: 'buttons' },
    el('button', { class: 'action', 'data-action': 'run', disabled: !operate || running, onclick: () => act('Run', 'POST', '/api/v1/syncs/' + sync.name + '/run') }, 'Run now'),
    el('button', { class: 'action secondary', 'data-action': 'preview', disabled: !operate || running, title: sync.kind === 'PUBLISH' ? 'Shows what would be sent, and sends nothing' : 'Shows what would change, and changes nothing', onclick: () => act('Preview', 'POST', '/api/v1/syncs/' + sync.name + '/run?preview=true') }, 'Preview'),
    sync.paused
      ? el('button', { class: 'action secondary', 'data-action': 'resume', disabled: !operate, onclick: () => act('Resume', 'POST', '/api/v1/syncs/' + sync.name + '/resume') }, 'Resume schedule')
      : el('button', { class: 'action secondary', 'data-action': 'pause', disabled: !operate || !sync.cron, onclick: () => act('Pause', 'POST', '/api/v1/syncs/' + sync.name + '/pause') }, 'Pause schedule'),
    sync.capabilities.includes('ConnectionTestable')
      ? el('button', { class: 'action secondary', 'data-action': 'test-connection', disabled: !operate, onclick: () => testConnection(sync.name) }, 'Test connection')
      : null));
  return card;
}

async function testConnection(name) {
  try {
    const result = await api('POST', '/api/v1/syncs/' + name + '/test-connection');
    notice(result.ok ? 'The connection of ' + name + ' works (' + duration(result.durationMillis) + ').'
      : 'The connection test of ' + name + ' failed: ' + result.message);
  } catch (e) {
    notice('Test connection: ' + e.message);
  }
}

function renderAdReport(report) {
  const section = document.getElementById('ad-report-section');
  section.hidden = !report;
  if (!report) return;
  const rows = (items, cells) => items.length
    ? el('table', {}, el('tbody', {}, items.slice(0, 50).map((i) => el('tr', {}, cells(i).map((c) => el('td', {}, c ?? ''))))))
    : el('p', { class: 'muted' }, 'None.');
  document.getElementById('ad-report').replaceChildren(
    el('p', {}, report.accountsRead + ' accounts read, ' + report.itUsers + ' IT users, ' + report.disabled + ' disabled, '
      + report.unmatched.length + ' of no person, ' + report.conflicts.length + ' conflicts, ' + report.warnings.length + ' warnings.'),
    el('h3', {}, 'Accounts of no person'), rows(report.unmatched, (u) => [u.accountName, u.reason, u.maskedCpr, u.enabled ? 'enabled' : 'disabled', u.dn]),
    el('h3', {}, 'Conflicts'), rows(report.conflicts, (c) => [c.maskedCpr, c.accounts.join(', '), 'primary ' + c.primary, c.fields.join(', ')]),
    el('h3', {}, 'Warnings'), rows(report.warnings, (w) => [w.accountName, w.message]));
}

async function loadAdReport(syncs) {
  if (!syncs.some((s) => s.adapter === 'ad')) return renderAdReport(null);
  try {
    renderAdReport(await api('GET', '/api/v1/sources/ad/report'));
  } catch (e) {
    renderAdReport(null);
  }
}

async function loadUnits() {
  document.getElementById('survey-at').value = new Date().toLocaleDateString('sv-SE');
  const page = await api('GET', '/api/v1/org-units?limit=1000');
  document.getElementById('survey-units').replaceChildren(...page.items.map((u) => el('option', { value: u.userKey }, u.name)));
}

function renderRuns(page) {
  const body = document.querySelector('#runs tbody');
  body.replaceChildren(...page.items.map((r) => el('tr', { class: 'clickable', 'data-run': r.id, onclick: () => showRun(r.id) },
    el('td', {}, '#' + r.id), el('td', {}, r.sync), el('td', {}, when(r.startedAt)),
    el('td', {}, r.startedBy + (r.trigger !== 'MANUAL' ? ' (' + r.trigger.toLowerCase() + ')' : '')),
    el('td', {}, duration(r.durationMillis)), el('td', {}, badge(r.status)),
    el('td', { class: 'num' }, r.counts.read), el('td', { class: 'num' }, r.counts.created),
    el('td', { class: 'num' }, r.counts.changed), el('td', { class: 'num' }, r.counts.ended),
    el('td', { class: 'num' }, r.counts.unchanged), el('td', { class: 'num' }, r.counts.failed))));
  if (!page.items.length) body.appendChild(el('tr', {}, el('td', { colspan: 12, class: 'muted' }, 'No runs yet.')));
}

async function showRun(id) {
  state.selectedRun = id;
  const run = await api('GET', '/api/v1/runs/' + id + '?limit=50');
  const detail = document.getElementById('run-detail');
  const what = run.preview || run.status === 'AWAITING_APPROVAL' ? 'would change' : 'changed';
  detail.replaceChildren(
    el('h3', {}, 'Run #' + run.id + ' of ' + run.sync + ' ', badge(run.status)),
    el('div', { class: 'muted' }, 'Started ' + when(run.startedAt) + ' by ' + run.startedBy
      + (run.decidedBy ? '; decided by ' + run.decidedBy : '') + '. ' + counts(run) + '.'),
    run.message ? el('p', {}, run.message) : null,
    el('p', { class: 'muted' }, run.changes.total + ' objects it ' + what + (run.changes.total > run.changes.items.length ? ' (first ' + run.changes.items.length + ' shown)' : '') + ':'),
    run.changes.items.map((c) => el('div', { class: 'change' },
      el('span', { class: 'what' }, c.kind.toLowerCase() + ' ' + c.type.toLowerCase().replace('_', ' ') + ' ' + (c.userKey || c.uuid)),
      el('span', { class: 'muted' }, ' from ' + c.actor),
      c.intervals.slice(0, 3).map((i) => el('div', {},
        el('span', { class: 'muted' }, (i.from || '') + ' – ' + (i.to || 'open') + ': '),
        i.fields.slice(0, 6).map((f) => el('span', {}, el('span', { class: 'field' }, ' ' + f.field + ' '),
          f.before !== null ? el('span', { class: 'old' }, f.before) : null, ' ',
          f.after !== null ? el('span', { class: 'new' }, f.after) : null)))))));
  detail.hidden = false;
}

function renderQuarantine(page) {
  const box = document.getElementById('quarantine');
  document.getElementById('quarantine-count').textContent = page.total ? '(' + page.total + ')' : '';
  if (!page.items.length) {
    box.replaceChildren(el('p', { class: 'muted' }, 'Nothing in quarantine.'));
    return;
  }
  box.replaceChildren(
    el('div', { class: 'buttons', style: 'margin-bottom:8px' },
      el('button', { class: 'action', 'data-action': 'retry-all', disabled: !canOperate(), onclick: () => act('Retry all', 'POST', '/api/v1/quarantine/retry') }, 'Retry all')),
    el('table', {}, el('thead', {}, el('tr', {}, ['Sync', 'Object', 'Rule', 'Reason', 'Since', 'Attempts', ''].map((h) => el('th', {}, h)))),
      el('tbody', {}, page.items.map((q) => el('tr', { 'data-quarantine': q.id },
        el('td', {}, q.sync), el('td', {}, q.type.toLowerCase().replace('_', ' ') + ' ' + (q.userKey || q.uuid)),
        el('td', {}, q.rule || ''), el('td', {}, q.reason), el('td', {}, when(q.firstSeen)), el('td', { class: 'num' }, q.attempts),
        el('td', {}, el('button', { class: 'action secondary', disabled: !canOperate(), onclick: () => act('Retry', 'POST', '/api/v1/quarantine/' + q.id + '/retry') }, 'Retry')))))));
}

function renderProfiles(overview) {
  const box = document.getElementById('profiles');
  if (!overview.profilesAvailable) {
    box.replaceChildren(el('p', { class: 'muted' }, overview.profilesMessage));
    return;
  }
  box.replaceChildren(...overview.profiles.map((p) => el('div', { class: 'card profile' },
    el('h3', {}, p.name, badge(p.ready ? 'SUCCEEDED' : 'PARTIAL')),
    p.ready ? el('div', { class: 'muted' }, 'Ready') : el('ul', {}, p.missing.map((m) => el('li', {}, m))))));
}

async function refresh() {
  const [syncs, runs, quarantine] = await Promise.all([
    api('GET', '/api/v1/syncs'), api('GET', '/api/v1/runs?limit=15'), api('GET', '/api/v1/quarantine?limit=50')]);
  // the STS Organisation target is there when the profiles are (it provides them)
  state.sts = (state.overview && state.overview.profilesAvailable)
    ? await api('GET', '/api/v1/targets/sts/status').catch(() => null) : null;
  renderFlow(syncs);
  document.getElementById('syncs').replaceChildren(...syncs.map(renderSync));
  renderRuns(runs);
  renderQuarantine(quarantine);
  await loadAdReport(syncs);
  if (state.selectedRun) {
    const selected = runs.items.find((r) => r.id === state.selectedRun);
    if (selected && selected.status === 'RUNNING') await showRun(state.selectedRun);
  }
}

async function start() {
  state.me = await api('GET', '/api/v1/me');
  document.getElementById('user').textContent = state.me.name + ' (' + state.me.roles.map((r) => r.toLowerCase()).join(', ') + ')';
  const csrf = document.getElementById('logout-csrf');
  csrf.name = '_csrf';
  csrf.value = state.me.csrfToken || '';
  if (!canOperate()) notice('You can see everything here; running, pausing and approving need the operate role.');
  state.overview = await api('GET', '/api/v1/dashboard');
  renderProfiles(state.overview);
  loadUnits().catch((e) => notice('Could not read the units: ' + e.message));
  await refresh();
  setInterval(() => refresh().catch((e) => notice('Could not refresh: ' + e.message)), REFRESH_MS);
}

start().catch((e) => notice('The dashboard could not start: ' + e.message));
