// The organisation in the browser: the tree at a date, a unit's and a person's page, their
// history, and the local edits of the role edit. Plain JavaScript over the REST API; the server
// decides every edit again (the controls shown here are only a convenience).
import { TEXTS } from './i18n.js';

const state = { me: null, t: TEXTS.da, classes: new Map(), persons: new Map(), units: new Map() };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET' && state.me && state.me.csrfToken) headers[state.me.csrfHeader] = state.me.csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { window.location.href = '/login'; throw new ApiError(401, 'not logged in'); }
  const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const violations = (json && json.violations) ? json.violations.map((v) => v.message).join('; ') : null;
    const errors = (json && json.errors) ? json.errors.map((e) => e.parameter + ' ' + e.message).join('; ') : null;
    throw new ApiError(response.status, violations || errors || (json && (json.detail || json.title)) || ('HTTP ' + response.status));
  }
  return json;
}

// every item of a collection, page by page
async function all(path) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += 1000) {
    const page = await api('GET', path + sep + 'limit=1000&offset=' + offset);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

const t = (key) => state.t[key] || key;
const field = (name) => state.t.fields[name] || name;
const q = (params) => Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
  .map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');

function today() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

function notice(text) {
  const n = document.getElementById('notice');
  n.textContent = text || '';
  n.hidden = !text;
}

function period(validity) {
  return t('from') + ' ' + validity.from + ' ' + t('to') + ' ' + (validity.to || t('open'));
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function klass(uuid) {
  const c = uuid && state.classes.get(uuid);
  return c ? c.title : (uuid || '');
}

function classesOf(facet) {
  return [...state.classes.values()].filter((c) => c.facetName === facet);
}

async function person(uuid) {
  if (!state.persons.has(uuid)) state.persons.set(uuid, api('GET', '/api/v1/persons/' + uuid).catch(() => null));
  return state.persons.get(uuid);
}

// the persons with these UUIDs at a date, in one request per 150 (the URL stays short); the
// answer has no CPR numbers (those need includeCpr and the role administer)
async function persons(uuids, at) {
  const wanted = [...new Set(uuids.filter((u) => u))];
  const found = new Map();
  for (let i = 0; i < wanted.length; i += 150) {
    const chunk = wanted.slice(i, i + 150);
    const page = await api('GET', '/api/v1/persons?' + q({ uuids: chunk.join(','), at, limit: chunk.length }));
    page.items.forEach((p) => found.set(p.uuid, p));
  }
  await Promise.all(wanted.filter((u) => !found.has(u)).map(async (u) => found.set(u, await person(u))));
  return found;
}

async function unitName(uuid, at) {
  const key = uuid + '@' + at;
  if (!state.units.has(key)) state.units.set(key, api('GET', '/api/v1/org-units/' + uuid + '?' + q({ at })).then((u) => u.name).catch(() => uuid));
  return state.units.get(key);
}

const fullName = (p) => p ? [p.givenName, p.surname].filter((x) => x).join(' ') : '?';
const unitLink = (uuid, name, at) => el('a', { href: '#/unit/' + uuid + '?' + q({ at }), 'data-unit': uuid }, name);
const personLink = (p, at) => p ? el('a', { href: '#/person/' + p.uuid + '?' + q({ at }), 'data-person': p.uuid }, fullName(p)) : '?';
const isLocal = (version) => version.registration.actor.startsWith('user:');
const sourceOf = (version) => el('span', { class: 'source' }, version.registration.actor);

function table(headers, rows, attrs) {
  return el('table', attrs || {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headers.length, class: 'muted' }, t('none')))));
}

function section(title, ...content) {
  return el('section', {}, el('h2', {}, title), ...content);
}

// ---------------------------------------------------------------- the tree

// the targets whose configured unit scope (hub.targets.sts.units.*, hub.exports.<export>.units.*)
// leaves the unit out at the date, as the server tells in leftOutBy (by default: every unit
// outside the line organisation)
function leftOut(unit) {
  if (!unit.leftOutBy || !unit.leftOutBy.length) return null;
  const hierarchy = state.classes.get(unit.hierarchy);
  const label = (hierarchy && hierarchy.userKey !== 'Linjeorganisation' ? hierarchy.title + ': ' : '') + t('leftOut') + ' ' + unit.leftOutBy.join(', ');
  return el('span', { class: 'badge left-out', 'data-left-out': unit.uuid, 'data-left-out-by': unit.leftOutBy.join(' '), title: t('leftOutHint') }, label);
}

async function treePage(params) {
  const at = params.get('at') || today();
  const search = params.get('q') || '';
  const page = document.getElementById('page');
  const dateInput = el('input', { type: 'date', id: 'at', value: at });
  const searchInput = el('input', { type: 'search', id: 'search', value: search, placeholder: t('searchHint') });
  const go = () => { window.location.hash = '#/tree?' + q({ at: dateInput.value, q: searchInput.value }); };
  dateInput.addEventListener('change', go);
  searchInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
  const results = el('div', { id: 'results' });
  const tree = el('div', { class: 'tree', id: 'tree' }, t('loading'));
  page.replaceChildren(el('h1', {}, t('tree')),
    el('div', { class: 'toolbar' }, el('label', {}, t('date'), dateInput), el('label', {}, t('search'), searchInput),
      el('button', { class: 'action secondary', id: 'search-button', onclick: go }, t('search'))),
    results, tree);

  const units = await api('GET', '/api/v1/org-units/tree?' + q({ at }));
  const direct = new Map(units.map((u) => [u.uuid, u.engagements]));
  const employees = units.reduce((sum, u) => sum + u.engagements, 0);
  const children = new Map();
  units.forEach((u) => { const k = u.parent || 'root'; if (!children.has(k)) children.set(k, []); children.get(k).push(u); });
  children.forEach((list) => list.sort((a, b) => a.name.localeCompare(b.name, 'da')));
  const total = new Map();
  const sum = (u) => { const n = (direct.get(u.uuid) || 0) + (children.get(u.uuid) || []).reduce((s, c) => s + sum(c), 0); total.set(u.uuid, n); return n; };
  const known = new Set(units.map((u) => u.uuid));
  const roots = units.filter((u) => !u.parent || !known.has(u.parent));
  roots.sort((a, b) => (leftOut(a) ? 1 : 0) - (leftOut(b) ? 1 : 0)); // the line organisation first
  roots.forEach(sum);

  const node = (u, depth) => {
    const kids = children.get(u.uuid) || [];
    const label = [unitLink(u.uuid, u.name, at),
      el('span', { class: 'count', title: t('direct') + ' / ' + t('below') }, (direct.get(u.uuid) || 0) + ' / ' + total.get(u.uuid)),
      leftOut(u)];
    if (!kids.length) return el('li', { class: 'leaf' }, label);
    return el('li', {}, el('details', { open: depth < 2 }, el('summary', {}, label), el('ul', {}, kids.map((k) => node(k, depth + 1)))));
  };
  tree.replaceChildren(el('p', { class: 'hint' }, units.length + ' ' + t('units') + ', ' + employees + ' ' + t('employees').toLowerCase() + ' (' + t('direct') + ' / ' + t('below') + ')'),
    el('ul', {}, roots.map((r) => node(r, 0))));

  if (search.trim()) {
    const found = await api('GET', '/api/v1/search?' + q({ q: search.trim(), at, limit: 50 }));
    const hits = (list, link) => list.length ? el('ul', {}, list.map((h) => el('li', {}, link(h)))) : el('p', { class: 'muted' }, t('noMatch'));
    results.replaceChildren(el('div', { class: 'results' },
      el('h3', {}, t('unitsTitle')), hits(found.units, (u) => unitLink(u.uuid, u.name, at)),
      el('h3', {}, t('persons')), hits(found.persons, (p) => el('a', { href: '#/person/' + p.uuid + '?' + q({ at }), 'data-person': p.uuid }, p.name))));
  }
}

// ---------------------------------------------------------------- a unit

async function mayEdit(unit, at) {
  if (!state.me.editUnits) return false;
  return (await api('GET', '/api/v1/me/may-edit?' + q({ unit, at }))).allowed;
}

// runs an edit, shows its outcome, and draws the page again
async function edit(method, path, body, next) {
  try {
    const result = await api(method, path, body);
    notice(t('saved'));
    if (next) next(result);
    else await route();
  } catch (e) {
    notice(t('refused') + ': ' + e.message);
  }
}

function dateField(name, label, value) {
  return el('label', {}, label, el('input', { type: 'date', name, value: value || '' }));
}

function formValues(form) {
  const values = {};
  new FormData(form).forEach((v, k) => { if (v !== '') values[k] = v; });
  return values;
}

function addressChangeForm(address, at) {
  const multiline = (state.classes.get(address.addressType) || {}).scope === 'MULTILINE_TEXT';
  const value = multiline ? el('textarea', { name: 'value' }, address.value) : el('input', { name: 'value', value: address.value });
  const form = el('form', { class: 'form', 'data-form': 'change-address' }, el('label', {}, t('value'), value),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('PUT', '/api/v1/addresses/' + address.uuid, formValues(form)); });
  return form;
}

function endForm(path, at) {
  const form = el('form', { class: 'form', 'data-form': 'end' }, dateField('date', t('endDate'), at),
    el('button', { class: 'action danger', type: 'submit' }, t('end')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('POST', path + '?' + q(formValues(form))); });
  return form;
}

function kleChangeForm(kle, at) {
  const form = el('form', { class: 'form', 'data-form': 'change-kle' },
    el('label', {}, t('kleNumber'), el('input', { name: 'kleNumber', value: kle.kleNumber, size: 10 })),
    el('label', {}, t('aspect'), el('select', { name: 'aspect' }, classesOf('kle_aspect').map((c) => el('option', { value: c.userKey, selected: c.uuid === kle.aspect }, c.title)))),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('PUT', '/api/v1/kle/' + kle.uuid, formValues(form)); });
  return form;
}

function toggle(button, form) {
  form.hidden = true;
  button.addEventListener('click', () => { form.hidden = !form.hidden; });
  return [button, form];
}

// a new address of the unit; with a type (e.g. CONTACT_PLACE) only of that type
function newAddressForm(unit, at, fixedType) {
  const types = classesOf('address_type').sort((a, b) => a.title.localeCompare(b.title));
  const visibilities = classesOf('visibility');
  const form = el('form', { class: 'form', 'data-form': fixedType ? 'new-' + fixedType.toLowerCase().replace('_', '-') : 'new-address' },
    fixedType ? el('input', { type: 'hidden', name: 'addressType', value: fixedType })
      : el('label', {}, t('type'), el('select', { name: 'addressType' }, types.map((c) => el('option', { value: c.userKey }, c.title)))),
    el('label', {}, t('value'), el('textarea', { name: 'value' })),
    el('label', {}, t('visibility'), el('select', { name: 'visibility' }, el('option', { value: '' }, '—'), visibilities.map((c) => el('option', { value: c.userKey }, c.title)))),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('POST', '/api/v1/org-units/' + unit + '/addresses', formValues(form)); });
  return form;
}

function newKleForm(unit, at) {
  const form = el('form', { class: 'form', 'data-form': 'new-kle' },
    el('label', {}, t('kleNumber'), el('input', { name: 'kleNumber', placeholder: '27.24.00', size: 10 })),
    el('label', {}, t('aspect'), el('select', { name: 'aspect' }, classesOf('kle_aspect').map((c) => el('option', { value: c.userKey }, c.title)))),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('POST', '/api/v1/org-units/' + unit + '/kle', formValues(form)); });
  return form;
}

function classSelect(name, facet, selected, optional) {
  return el('select', { name }, optional ? el('option', { value: '' }, '—') : null,
    classesOf(facet).map((c) => el('option', { value: c.userKey, selected: c.uuid === selected }, c.title)));
}

// a search box that fills a select with the units or persons found; the select's value is sent
function picker(name, kind, at, label, optional) {
  const empty = () => (optional ? [el('option', { value: '' }, '—')] : []);
  const select = el('select', { name }, empty());
  const input = el('input', { type: 'search', placeholder: t('pickHint'), 'data-pick': name, size: 14 });
  const find = async () => {
    const found = await api('GET', '/api/v1/search?' + q({ q: input.value.trim(), at, limit: 20 }));
    const list = kind === 'unit' ? found.units : found.persons;
    select.replaceChildren(...empty(), ...list.map((x) => el('option', { value: x.uuid }, x.name)));
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); find(); } });
  return el('label', {}, label, el('span', {}, input, ' ',
    el('button', { type: 'button', class: 'action secondary', 'data-find': name, onclick: find }, t('pick')), ' ', select));
}

const UNIT_EDITS = ['name', 'unitType', 'unitLevel', 'parent', 'payoutUnit'];

// the fields of the unit no source holds, from a date; a move is a new parent
function changeUnitForm(unit, held, at) {
  const free = (f) => !held[f];
  const form = el('form', { class: 'form', 'data-form': 'change-unit' },
    free('name') ? el('label', {}, t('name'), el('input', { name: 'name', value: unit.name, size: 30 })) : null,
    free('unitType') ? el('label', {}, t('type'), classSelect('unitType', 'org_unit_type', unit.unitType)) : null,
    free('unitLevel') ? el('label', {}, t('level'), classSelect('unitLevel', 'org_unit_level', unit.unitLevel, true)) : null,
    free('parent') ? picker('parent', 'unit', at, t('parent'), true) : null,
    free('payoutUnit') ? picker('payoutUnit', 'unit', at, t('payoutUnit'), true) : null,
    free('payoutUnit') && unit.payoutUnit ? el('label', {}, t('noPayoutUnit'), el('input', { type: 'checkbox', name: 'noPayoutUnit', value: 'true' })) : null,
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('PUT', '/api/v1/org-units/' + unit.uuid, formValues(form)); });
  return form;
}

function newUnitForm(parent, at) {
  const form = el('form', { class: 'form', 'data-form': 'new-unit' },
    el('label', {}, t('name'), el('input', { name: 'name', size: 30 })),
    el('label', {}, t('type'), classSelect('unitType', 'org_unit_type')),
    el('label', {}, t('level'), classSelect('unitLevel', 'org_unit_level', null, true)),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = formValues(form).validFrom || at;
    edit('POST', '/api/v1/org-units', { ...formValues(form), parent },
      (created) => { window.location.hash = '#/unit/' + created.uuid + '?' + q({ at: from }); });
  });
  return form;
}

function newManagerForm(unit, at) {
  const form = el('form', { class: 'form', 'data-form': 'new-manager' },
    picker('person', 'person', at, t('person')),
    el('label', {}, t('managerType'), classSelect('managerType', 'manager_type')),
    el('label', {}, t('managerLevel'), classSelect('managerLevel', 'manager_level', null, true)),
    dateField('validFrom', t('validFrom'), at), dateField('validTo', t('validTo')),
    el('button', { class: 'action', type: 'submit' }, t('save')));
  form.addEventListener('submit', (e) => { e.preventDefault(); edit('POST', '/api/v1/managers', { ...formValues(form), unit }); });
  return form;
}

function addressRows(addresses, editable, at) {
  return addresses.map((a) => {
    const local = isLocal(a);
    const controls = [];
    if (editable && local) {
      controls.push(...toggle(el('button', { class: 'action secondary', 'data-action': 'change-address' }, t('change')), addressChangeForm(a, at)));
      controls.push(...toggle(el('button', { class: 'action danger', 'data-action': 'end-address' }, t('end')), endForm('/api/v1/addresses/' + a.uuid + '/end', at)));
    }
    return el('tr', { 'data-address': a.uuid, 'data-type': (state.classes.get(a.addressType) || {}).userKey },
      el('td', {}, klass(a.addressType)), el('td', { class: 'value' }, el('span', { style: 'white-space: pre-line' }, a.value)),
      el('td', {}, klass(a.visibility)), el('td', {}, period(a.validity)),
      el('td', {}, sourceOf(a), local ? null : el('div', { class: 'source' }, t('sourceOwned'))), el('td', {}, controls));
  });
}

async function stsSection(unit) {
  const status = await api('GET', '/api/v1/targets/sts/status').catch(() => null);
  if (!status) return section(t('sts'), el('p', { class: 'muted' }, t('stsNone')));
  const profiles = await api('GET', '/api/v1/profiles').catch(() => []);
  const quarantined = status.quarantine.filter((x) => x.uuid === unit);
  return section(t('sts'), el('div', { id: 'sts-status', class: 'card' },
    quarantined.length
      ? quarantined.map((x) => el('p', {}, el('span', { class: 'badge FAILED' }, t('stsQuarantined')), ' ', x.kind + ': ' + x.reason))
      : el('p', {}, el('span', { class: 'badge SUCCEEDED' }, 'OK'), ' ', t('stsSent')),
    status.outboxBacklog ? el('p', { class: 'muted' }, status.outboxBacklog + ' ' + t('stsWaiting')) : null,
    el('h3', {}, t('profiles')),
    el('ul', {}, profiles.map((p) => {
      const findings = p.findings.filter((f) => f.uuid === unit);
      return el('li', { 'data-profile': p.name }, el('strong', {}, p.name), ': ',
        findings.length ? t('missing') + ' ' + findings.map((f) => f.problem).join('; ') : t('ready'));
    }))));
}

async function unitPage(uuid, params) {
  const at = params.get('at') || today();
  const page = document.getElementById('page');
  let unit;
  try {
    unit = await api('GET', '/api/v1/org-units/' + uuid + '?' + q({ at }));
  } catch (e) {
    page.replaceChildren(el('h1', {}, t('unit')), el('p', { class: 'muted' }, t('notFound') + ' ' + at + ' (' + e.message + ')'), dateChooser('#/unit/' + uuid, at));
    return;
  }
  const [editable, allAddresses, managers, resolution, engagements, kle, sources, itUsers] = await Promise.all([
    mayEdit(uuid, at), all('/api/v1/addresses?' + q({ owner: uuid, at })), all('/api/v1/managers?' + q({ unit: uuid, at })),
    api('GET', '/api/v1/org-units/' + uuid + '/manager?' + q({ at })), all('/api/v1/engagements?' + q({ unit: uuid, at })),
    all('/api/v1/kle?' + q({ unit: uuid, at })), api('GET', '/api/v1/org-units/' + uuid + '/sources?' + q({ at })),
    api('GET', '/api/v1/org-units/' + uuid + '/it-users?' + q({ at }))]);
  const inheritedManager = resolution.manager && resolution.inherited ? resolution.manager : null;
  const people = await persons([...engagements.map((e) => e.person), ...managers.map((m) => m.person),
    ...itUsers.map((u) => u.person), inheritedManager && inheritedManager.person], at);
  const parentName = unit.parent ? await unitName(unit.parent, at) : null;
  const payoutName = unit.payoutUnit ? await unitName(unit.payoutUnit, at) : null;
  const isContactPlace = (a) => (state.classes.get(a.addressType) || {}).userKey === 'CONTACT_PLACE';
  const addresses = allAddresses.filter((a) => !isContactPlace(a));
  const contactPlaces = allAddresses.filter(isContactPlace);
  const held = sources.fields;
  const heldBy = (f) => held[f] ? el('span', { class: 'source', 'data-held': f }, ' (' + t('heldBy') + ' ' + held[f] + ')') : null;
  const managerFromSource = managers.some((m) => !isLocal(m));

  let inherited = null;
  if (inheritedManager) {
    const [who, from] = [people.get(inheritedManager.person), await unitName(inheritedManager.unit, at)];
    inherited = el('p', { id: 'inherited-manager' }, el('strong', {}, personLink(who, at)), ' (' + klass(resolution.manager.managerType) + '), ',
      t('inheritedFrom') + ' ', unitLink(resolution.manager.unit, from, at));
  }

  const addressAdd = editable ? toggle(el('button', { class: 'action', 'data-action': 'new-address' }, t('newAddress')), newAddressForm(uuid, at)) : [];
  const contactPlaceAdd = editable ? toggle(el('button', { class: 'action', 'data-action': 'new-contact-place' }, t('newContactPlace')), newAddressForm(uuid, at, 'CONTACT_PLACE')) : [];
  const managerAdd = editable && !managerFromSource ? toggle(el('button', { class: 'action', 'data-action': 'new-manager' }, t('newManager')), newManagerForm(uuid, at)) : [];
  const changeable = UNIT_EDITS.some((f) => !held[f]);
  const unitControls = editable ? [
    ...(changeable ? toggle(el('button', { class: 'action secondary', 'data-action': 'change-unit' }, t('changeUnit')), changeUnitForm(unit, held, at)) : []),
    ...toggle(el('button', { class: 'action secondary', 'data-action': 'new-unit' }, t('newUnit')), newUnitForm(uuid, at)),
    ...(sources.sources.length ? [] : toggle(el('button', { class: 'action danger', 'data-action': 'end-unit' }, t('endUnit')), endForm('/api/v1/org-units/' + uuid + '/end', at)))] : [];
  const kleAdd = editable ? toggle(el('button', { class: 'action', 'data-action': 'new-kle' }, t('newKle')), newKleForm(uuid, at)) : [];
  // a readiness link (add=KLE or add=<address type>) opens the form that fixes what is missing
  const wanted = params.get('add');
  if (wanted === 'KLE' && kleAdd.length) kleAdd[1].hidden = false;
  else if (wanted === 'CONTACT_PLACE' && contactPlaceAdd.length) contactPlaceAdd[1].hidden = false;
  else if (wanted && addressAdd.length) {
    addressAdd[1].hidden = false;
    const type = classesOf('address_type').find((c) => c.userKey === wanted);
    if (type) addressAdd[1].querySelector('select[name=addressType]').value = type.userKey;
  }

  page.replaceChildren(...[
    el('h1', { id: 'unit-name' }, unit.name),
    el('div', { class: 'toolbar' }, dateChooser('#/unit/' + uuid, at), el('a', { href: '#/history/unit/' + uuid + '?' + q({ at }), id: 'history-link' }, t('history')),
      el('a', { href: '#/chart/' + uuid + '?' + q({ at }), id: 'chart-link' }, t('chart')), el('a', { href: '#/tree?' + q({ at }) }, t('back'))),
    editable ? null : el('p', { class: 'hint', id: 'read-only' }, t('readOnly')),
    el('dl', { class: 'facts', id: 'unit-facts' },
      el('dt', {}, t('userKey')), el('dd', {}, unit.userKey),
      el('dt', {}, t('name')), el('dd', {}, unit.name, heldBy('name')),
      el('dt', {}, t('type')), el('dd', {}, klass(unit.unitType), heldBy('unitType')),
      el('dt', {}, t('level')), el('dd', {}, klass(unit.unitLevel) || t('none'), heldBy('unitLevel')),
      el('dt', {}, t('parent')), el('dd', {}, unit.parent ? unitLink(unit.parent, parentName, at) : t('none'), heldBy('parent')),
      el('dt', {}, t('payoutUnit')), el('dd', { id: 'payout-unit' }, unit.payoutUnit ? unitLink(unit.payoutUnit, payoutName, at) : t('none'), heldBy('payoutUnit')),
      el('dt', {}, t('validity')), el('dd', {}, period(unit.validity)),
      el('dt', {}, t('source')), el('dd', {}, sourceOf(unit), ' ', el('span', { class: 'source' }, when(unit.registration.time)),
        sources.sources.length ? null : el('div', { class: 'source', id: 'local-unit' }, t('localUnit')))),
    unitControls.length ? el('div', { class: 'toolbar', id: 'unit-controls' }, ...unitControls) : null,
    section(t('addresses'), table([t('type'), t('value'), t('visibility'), t('validity'), t('source'), ''], addressRows(addresses, editable, at), { id: 'addresses' }), ...addressAdd),
    section(t('contactPlaces'), table([t('type'), t('value'), t('visibility'), t('validity'), t('source'), ''], addressRows(contactPlaces, editable, at), { id: 'contact-places' }), ...contactPlaceAdd),
    section(t('managers'),
      table([t('name'), t('managerType'), t('validity'), t('source'), ''], managers.map((m) => el('tr', { 'data-manager': m.uuid },
        el('td', {}, m.person ? personLink(people.get(m.person), at) : el('em', {}, t('vacant'))), el('td', {}, klass(m.managerType)),
        el('td', {}, period(m.validity)), el('td', {}, sourceOf(m)),
        el('td', {}, editable && isLocal(m) ? toggle(el('button', { class: 'action danger', 'data-action': 'end-manager' }, t('end')), endForm('/api/v1/managers/' + m.uuid + '/end', at)) : null))), { id: 'managers' }),
      inherited || (resolution.manager ? null : el('p', { class: 'muted' }, t('noManager'))),
      editable && managerFromSource ? el('p', { class: 'hint' }, t('managerFromSource')) : null, ...managerAdd),
    section(t('engagements') + ' (' + engagements.length + ')', table([t('person'), t('jobFunction'), t('engagementType'), t('fraction'), t('primary'), t('validity')],
      engagements.map((e) => el('tr', {}, el('td', {}, personLink(people.get(e.person), at)), el('td', {}, klass(e.jobFunction)), el('td', {}, klass(e.engagementType)),
        el('td', {}, e.fraction ?? ''), el('td', {}, e.primary ? t('yes') : t('no')), el('td', {}, period(e.validity)))), { id: 'engagements' })),
    section(t('kle'), table([t('kleNumber'), t('aspect'), t('validity'), t('source'), ''], kle.map((k) => el('tr', { 'data-kle': k.uuid },
      el('td', {}, k.kleNumber), el('td', {}, klass(k.aspect)), el('td', {}, period(k.validity)), el('td', {}, sourceOf(k)),
      el('td', {}, editable && isLocal(k) ? [...toggle(el('button', { class: 'action secondary', 'data-action': 'change-kle' }, t('change')), kleChangeForm(k, at)),
        ...toggle(el('button', { class: 'action danger', 'data-action': 'end-kle' }, t('end')), endForm('/api/v1/kle/' + k.uuid + '/end', at))] : null))), { id: 'kle' }), ...kleAdd),
    section(t('itUsers'), table([t('person'), t('itSystem'), t('account'), t('enabled')], itUsers.map((u) => el('tr', {},
      el('td', {}, personLink(people.get(u.person), at)), el('td', {}, klass(u.itSystem)),
      el('td', {}, u.userKey), el('td', {}, u.enabled ? t('enabled') : t('disabled')))), { id: 'it-users' })),
    await stsSection(uuid)].filter((c) => c));
}

function dateChooser(path, at, others) {
  const input = el('input', { type: 'date', id: 'at', value: at });
  input.addEventListener('change', () => { window.location.hash = path + '?' + q({ ...others, at: input.value }); });
  return el('label', {}, t('date'), input);
}

// ---------------------------------------------------------------- a person

async function personPage(uuid, params) {
  const at = params.get('at') || today();
  const page = document.getElementById('page');
  const p = await api('GET', '/api/v1/persons/' + uuid + '?' + q({ at }));
  const [current, itUsers, addresses] = await Promise.all([all('/api/v1/engagements?' + q({ person: uuid, at })),
    all('/api/v1/it-users?' + q({ person: uuid, at })), all('/api/v1/addresses?' + q({ owner: uuid, at }))]);
  const histories = await Promise.all(current.map((e) => api('GET', '/api/v1/engagements/' + e.uuid + '/history')));
  const overTime = histories.flat().filter((v) => !v.supersededAt).sort((a, b) => a.validity.from.localeCompare(b.validity.from));
  const unitNames = await Promise.all(overTime.map((e) => unitName(e.unit, e.validity.from)));
  const managers = await Promise.all(current.map((e) => api('GET', '/api/v1/org-units/' + e.unit + '/manager?' + q({ at }))));
  const managerRows = await Promise.all(managers.filter((m) => m.manager).map(async (m) => el('tr', {},
    el('td', {}, personLink(await person(m.manager.person), at)), el('td', {}, klass(m.manager.managerType)),
    el('td', {}, unitLink(m.manager.unit, await unitName(m.manager.unit, at), at)))));
  const cpr = el('span', { class: 'cpr', id: 'cpr' }, '••••••-•••• (' + t('cprHidden') + ')');
  const showCpr = state.me.roles.includes('ADMINISTER') ? el('button', { class: 'action secondary', id: 'show-cpr', onclick: async () => {
    const full = await api('GET', '/api/v1/persons/' + uuid + '?' + q({ at, includeCpr: true }));
    cpr.textContent = full.cpr ? full.cpr.slice(0, 6) + '-' + full.cpr.slice(6) : t('none');
  } }, t('showCpr')) : null;
  page.replaceChildren(
    el('h1', { id: 'person-name' }, fullName(p)),
    el('div', { class: 'toolbar' }, dateChooser('#/person/' + uuid, at), el('a', { href: '#/history/person/' + uuid + '?' + q({ at }), id: 'history-link' }, t('history'))),
    el('dl', { class: 'facts' }, el('dt', {}, t('userKey')), el('dd', {}, p.userKey), el('dt', {}, t('cpr')), el('dd', {}, cpr, ' ', showCpr),
      el('dt', {}, t('source')), el('dd', {}, sourceOf(p))),
    section(t('engagements'), table([t('unit'), t('jobFunction'), t('engagementType'), t('fraction'), t('primary'), t('validity')],
      overTime.map((e, i) => el('tr', { class: e.validity.from <= at && (!e.validity.to || e.validity.to > at) ? '' : 'muted' },
        el('td', {}, unitLink(e.unit, unitNames[i], e.validity.from)), el('td', {}, klass(e.jobFunction)), el('td', {}, klass(e.engagementType)),
        el('td', {}, e.fraction ?? ''), el('td', {}, e.primary ? t('yes') : t('no')), el('td', {}, period(e.validity)))), { id: 'engagements' })),
    section(t('managersAbove'), table([t('name'), t('managerType'), t('unit')], managerRows, { id: 'managers' })),
    section(t('itUsers'), table([t('itSystem'), t('account'), t('enabled'), t('validity')], itUsers.map((u) => el('tr', {},
      el('td', {}, klass(u.itSystem)), el('td', {}, u.userKey), el('td', {}, u.enabled ? t('enabled') : t('disabled')), el('td', {}, period(u.validity)))), { id: 'it-users' })),
    section(t('addresses'), table([t('type'), t('value'), t('visibility'), t('validity'), t('source')], addresses.map((a) => el('tr', {},
      el('td', {}, klass(a.addressType)), el('td', {}, a.value), el('td', {}, klass(a.visibility)), el('td', {}, period(a.validity)), el('td', {}, sourceOf(a)))), { id: 'addresses' })));
}

// ---------------------------------------------------------------- history

const SKIP = new Set(['uuid', 'validity', 'registration', 'supersededAt', 'userKey', 'owner', 'ownerKind']);
const UNIT_FIELDS = ['parent', 'payoutUnit', 'unit', 'originalUnit'];
const names = new Map();

function describe(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => klass(v)).join(', ');
  if (typeof value === 'object' && 'from' in value) return period(value);
  if (typeof value === 'string' && state.classes.has(value)) return klass(value);
  if (typeof value === 'string' && names.has(value)) return names.get(value);
  return String(value);
}

// the version a version follows: the one it replaced (same start, registered before it), else
// the one that held before it started; with the fields that differ (and the validity when it replaced one)
function changes(versions) {
  return versions.map((v) => {
    const before = versions.filter((o) => o !== v && o.registration.time <= v.registration.time
      && (o.validity.from < v.validity.from || (o.validity.from === v.validity.from && o.registration.time < v.registration.time)))
      .sort((a, b) => b.validity.from.localeCompare(a.validity.from) || b.registration.time.localeCompare(a.registration.time))[0];
    const fields = Object.keys(v).filter((k) => !SKIP.has(k) && before && JSON.stringify(before[k]) !== JSON.stringify(v[k]));
    if (before && before.validity.from === v.validity.from && before.validity.to !== v.validity.to) fields.push('validity');
    return { version: v, before, fields };
  });
}

async function resolveUnitNames(versions) {
  const wanted = versions.flatMap((v) => UNIT_FIELDS.filter((f) => v[f]).map((f) => [v[f], v.validity.from]));
  await Promise.all(wanted.filter(([u]) => !names.has(u)).map(async ([u, at]) => names.set(u, await unitName(u, at))));
}

async function historyPage(kind, uuid, params) {
  const at = params.get('at') || today();
  const page = document.getElementById('page');
  const objects = [];
  if (kind === 'unit') {
    const unit = await api('GET', '/api/v1/org-units/' + uuid + '/history');
    objects.push({ label: t('unit'), versions: unit });
    const [addresses, kle] = await Promise.all([all('/api/v1/addresses?' + q({ owner: uuid, at })), all('/api/v1/kle?' + q({ unit: uuid, at }))]);
    for (const a of addresses) objects.push({ label: t('address') + ': ' + klass(a.addressType), versions: await api('GET', '/api/v1/addresses/' + a.uuid + '/history') });
    for (const k of kle) objects.push({ label: 'KLE ' + k.kleNumber, versions: await api('GET', '/api/v1/kle/' + k.uuid + '/history') });
  } else {
    objects.push({ label: t('person'), versions: await api('GET', '/api/v1/persons/' + uuid + '/history') });
    const [engagements, itUsers] = await Promise.all([all('/api/v1/engagements?' + q({ person: uuid, at })), all('/api/v1/it-users?' + q({ person: uuid, at }))]);
    for (const e of engagements) objects.push({ label: t('engagements') + ': ' + e.userKey, versions: await api('GET', '/api/v1/engagements/' + e.uuid + '/history') });
    for (const u of itUsers) objects.push({ label: t('itUsers') + ': ' + u.userKey, versions: await api('GET', '/api/v1/it-users/' + u.uuid + '/history') });
  }
  await resolveUnitNames(objects.flatMap((o) => o.versions));
  const entries = objects.flatMap((o) => changes(o.versions).map((c) => ({ ...c, label: o.label })))
    .sort((a, b) => b.version.registration.time.localeCompare(a.version.registration.time) || b.version.validity.from.localeCompare(a.version.validity.from));
  const name = objects[0].versions.length ? (objects[0].versions.at(-1).name || fullName(objects[0].versions.at(-1))) : uuid;
  page.replaceChildren(
    el('h1', {}, t('historyOf') + ' ' + name),
    el('p', {}, el('a', { href: '#/' + kind + '/' + uuid + '?' + q({ at }) }, '← ' + name)),
    el('ul', { class: 'timeline', id: 'timeline' }, entries.map((e) => el('li', { class: e.version.supersededAt ? 'superseded' : '', 'data-object': e.version.uuid },
      el('div', {}, el('strong', {}, e.label), ' — ', e.before ? t('changed') : t('created'), ', ', t('when').toLowerCase() + ' ' + period(e.version.validity)),
      el('div', { class: 'meta' }, t('learned') + ' ' + when(e.version.registration.time) + ' ' + t('by') + ' ' + e.version.registration.actor
        + (e.version.registration.note ? ' — ' + e.version.registration.note : '')
        + (e.version.supersededAt ? ' (' + t('superseded') + ' ' + when(e.version.supersededAt) + ')' : '')),
      e.fields.map((f) => el('div', { class: 'field' }, field(f) + ': ', el('span', { class: 'old' }, describe(e.before[f])), ' → ', el('span', { class: 'new' }, describe(e.version[f])))),
      e.before ? null : el('div', { class: 'field' }, Object.keys(e.version).filter((k) => !SKIP.has(k) && e.version[k] !== null
        && (typeof e.version[k] !== 'object' || Array.isArray(e.version[k]))).map((k) => field(k) + ': ' + describe(e.version[k])).join(', '))))));
}

// ---------------------------------------------------------------- readiness

// the address type (canonical user key) or KLE form that fixes a profile's problem on a unit
const FIXES = { PAYOUT_UNIT_WITHOUT_LOS: 'LOS_SHORT_NAME', NO_KLE: 'KLE', NO_PHONE: 'PHONE', NO_LOCATION: 'LOCATION',
  NO_OPENING_HOURS: 'OPENING_HOURS', NO_POSTAL: 'POSTAL', NO_RETURN_ADDRESS: 'RETURN_ADDRESS', NO_CONTACT_DATA: 'EMAIL' };
const QUALITY = ['UNIT_WITHOUT_MANAGER', 'NO_PRIMARY_ENGAGEMENT'];

async function readinessPage(params) {
  const at = params.get('at') || today();
  const shown = params.get('profile') || 'KY';
  const page = document.getElementById('page');
  const tabs = el('div', { class: 'toolbar tabs' }, ['KY', 'KSD', 'SAPA', 'QUALITY'].map((name) =>
    el('a', { href: '#/readiness?' + q({ profile: name, at }), class: name === shown ? 'active' : '', 'data-tab': name },
      name === 'QUALITY' ? t('dataQuality') : name)));
  page.replaceChildren(el('h1', {}, t('readiness')), tabs, el('p', { class: 'muted' }, t('loading')));
  if (shown === 'QUALITY') {
    const findings = (await api('GET', '/api/v1/exports/survey/findings?' + q({ at }))).filter((f) => QUALITY.includes(f.kind));
    page.replaceChildren(el('h1', {}, t('readiness')), tabs,
      el('div', { class: 'toolbar' }, dateChooser('#/readiness', at, { profile: shown })),
      el('p', { class: 'hint' }, t('qualityHint')),
      table([t('object'), t('problem'), t('unit'), t('fix')], findings.map((f) => {
        const isUnit = f.kind === 'UNIT_WITHOUT_MANAGER';
        const link = isUnit ? unitLink(f.object, f.name, at) : el('a', { href: '#/person/' + f.object + '?' + q({ at }), 'data-person': f.object }, f.name || f.userKey);
        return el('tr', { 'data-finding': f.kind, 'data-object': f.object }, el('td', {}, link), el('td', {}, t('kinds')[f.kind]),
          el('td', {}, f.unit && !isUnit ? unitLink(f.unit, f.unitName || f.unit, at) : ''), el('td', { class: 'muted' }, t(isUnit ? 'fixManager' : 'fixPrimary')));
      }), { id: 'findings' }));
    return;
  }
  const profile = await api('GET', '/api/v1/profiles/' + shown).catch(() => null);
  if (!profile) {
    page.replaceChildren(el('h1', {}, t('readiness')), tabs, el('p', { class: 'muted' }, t('stsNone')));
    return;
  }
  const rows = profile.findings.map((f) => {
    const isUnit = f.kind === 'ENHED';
    const link = isUnit ? unitLink(f.uuid, f.name || f.userKey, at)
      : (f.person ? el('a', { href: '#/person/' + f.person + '?' + q({ at }), 'data-person': f.person }, f.name || f.userKey) : f.userKey);
    const problems = f.problems.length ? f.problems : [];
    const fixes = isUnit ? problems.filter((p) => FIXES[p]).map((p) => el('a', { class: 'fix', 'data-fix': p,
      href: '#/unit/' + f.uuid + '?' + q({ at, add: FIXES[p] }) }, t('fixes')[p])) : [];
    return el('tr', { 'data-kind': f.kind, 'data-object': isUnit ? f.uuid : (f.person || f.uuid) },
      el('td', {}, isUnit ? t('unit') : t('itUser')), el('td', {}, link, el('div', { class: 'source' }, f.userKey)),
      el('td', {}, problems.map((p) => t('problems')[p]).join('; ') || f.problem), el('td', {}, fixes.length ? fixes : el('span', { class: 'muted' }, t('noFixHere'))));
  });
  page.replaceChildren(el('h1', {}, t('readiness')), tabs,
    el('p', {}, el('span', { class: 'badge ' + (profile.ready ? 'SUCCEEDED' : 'FAILED') }, profile.ready ? t('ready') : t('notReady')), ' ',
      t('profileHint')[profile.name], ' ', profile.findings.length + ' / ' + profile.checked + ' ' + t('blocking')),
    table([t('kindOf'), t('object'), t('problem'), t('fix')], rows, { id: 'findings' }));
}

// ---------------------------------------------------------------- org chart

const BOX = { w: 190, h: 52, gapX: 16, gapY: 40 };
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return node;
}

const cut = (text, n) => text.length > n ? text.slice(0, n - 1) + '…' : text;

// lays the subtree out leaves first (each leaf its own column, a parent centred over its children)
function layout(root, childrenOf, depth) {
  const placed = [];
  let column = 0;
  const place = (u, level) => {
    const kids = level < depth ? childrenOf(u.uuid) : [];
    const xs = kids.map((k) => place(k, level + 1));
    const x = xs.length ? (xs[0] + xs[xs.length - 1]) / 2 : column++;
    placed.push({ unit: u, x, level, kids: kids.map((k) => k.uuid), more: level >= depth ? childrenOf(u.uuid).length : 0 });
    return x;
  };
  place(root, 0);
  return placed;
}

function chartSvg(placed, managerOf) {
  const px = (x) => 10 + x * (BOX.w + BOX.gapX);
  const py = (level) => 10 + level * (BOX.h + BOX.gapY);
  const at = new Map(placed.map((p) => [p.unit.uuid, p]));
  const width = px(Math.max(...placed.map((p) => p.x)) + 1) + 10 - BOX.gapX;
  const height = py(Math.max(...placed.map((p) => p.level)) + 1) + 10 - BOX.gapY;
  const root = svg('svg', { xmlns: SVG, width, height, viewBox: '0 0 ' + width + ' ' + height, 'font-family': 'sans-serif', id: 'chart-svg' });
  root.appendChild(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  placed.forEach((p) => p.kids.forEach((k) => {
    const c = at.get(k);
    const x1 = px(p.x) + BOX.w / 2; const y1 = py(p.level) + BOX.h; const x2 = px(c.x) + BOX.w / 2; const y2 = py(c.level);
    const mid = y1 + BOX.gapY / 2;
    root.appendChild(svg('path', { d: `M${x1},${y1} V${mid} H${x2} V${y2}`, fill: 'none', stroke: '#8a94a6' }));
  }));
  placed.forEach((p) => {
    const x = px(p.x); const y = py(p.level);
    const manager = managerOf(p.unit.uuid);
    root.appendChild(svg('g', { 'data-unit': p.unit.uuid },
      svg('rect', { x, y, width: BOX.w, height: BOX.h, rx: 6, fill: '#f4f7fb', stroke: '#2f6fbf' }),
      svg('text', { x: x + 8, y: y + 20, 'font-size': 13, 'font-weight': 'bold', fill: '#1d2533' }, svg('title', {}, p.unit.name), cut(p.unit.name, 24)),
      svg('text', { x: x + 8, y: y + 40, 'font-size': 12, fill: manager ? '#1d2533' : '#8a94a6' },
        cut(manager || t('noManager'), 26) + (p.more ? ' (+' + p.more + ')' : ''))));
  });
  return root;
}

async function chartPage(uuid, params) {
  const at = params.get('at') || today();
  const depth = Number(params.get('depth') || 3);
  const page = document.getElementById('page');
  const [units, managers] = await Promise.all([api('GET', '/api/v1/org-units/tree?' + q({ at })), all('/api/v1/managers?' + q({ at }))]);
  const root = units.find((u) => u.uuid === uuid);
  if (!root) {
    page.replaceChildren(el('h1', {}, t('chart')), el('p', { class: 'muted' }, t('notFound') + ' ' + at), dateChooser('#/chart/' + uuid, at));
    return;
  }
  const children = new Map();
  units.forEach((u) => { if (!children.has(u.parent)) children.set(u.parent, []); children.get(u.parent).push(u); });
  children.forEach((list) => list.sort((a, b) => a.name.localeCompare(b.name, 'da')));
  const placed = layout(root, (u) => children.get(u) || [], depth);
  const shownUnits = new Set(placed.map((p) => p.unit.uuid));
  const held = managers.filter((m) => m.person && shownUnits.has(m.unit));
  const people = new Map(await Promise.all(held.map(async (m) => [m.unit, fullName(await person(m.person))])));
  const drawing = chartSvg(placed, (u) => people.get(u));
  const source = new XMLSerializer().serializeToString(drawing);
  const svgUrl = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
  const fileName = 'org-chart-' + root.userKey + '-' + at;
  const png = el('button', { class: 'action secondary', id: 'chart-png', onclick: () => {
    const image = new Image();
    image.onload = () => {
      const canvas = el('canvas', { width: drawing.getAttribute('width'), height: drawing.getAttribute('height') });
      canvas.getContext('2d').drawImage(image, 0, 0);
      el('a', { href: canvas.toDataURL('image/png'), download: fileName + '.png' }).click();
    };
    image.src = svgUrl;
  } }, t('downloadPng'));
  const depthInput = el('input', { type: 'number', id: 'depth', min: 1, max: 12, value: depth, size: 3 });
  depthInput.addEventListener('change', () => { window.location.hash = '#/chart/' + uuid + '?' + q({ at, depth: depthInput.value }); });
  page.replaceChildren(el('h1', {}, t('chart') + ': ' + root.name),
    el('div', { class: 'toolbar' }, dateChooser('#/chart/' + uuid, at, { depth }), el('label', {}, t('depth'), depthInput),
      el('a', { class: 'action', id: 'chart-svg-download', href: svgUrl, download: fileName + '.svg' }, t('downloadSvg')), png,
      unitLink(uuid, '← ' + root.name, at)),
    el('div', { class: 'chart', id: 'chart' }, drawing));
}

// ---------------------------------------------------------------- routing

async function route() {
  const [path, query] = (window.location.hash.slice(1) || '/tree').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter((p) => p);
  try {
    if (parts[0] === 'unit' && parts[1]) await unitPage(parts[1], params);
    else if (parts[0] === 'person' && parts[1]) await personPage(parts[1], params);
    else if (parts[0] === 'history' && parts[2]) await historyPage(parts[1], parts[2], params);
    else if (parts[0] === 'readiness') await readinessPage(params);
    else if (parts[0] === 'chart' && parts[1]) await chartPage(parts[1], params);
    else await treePage(params);
  } catch (e) {
    notice(t('error') + ': ' + e.message);
  }
}

async function start() {
  const [me, settings, classes, facets] = await Promise.all([api('GET', '/api/v1/me'), api('GET', '/api/v1/ui'),
    all('/api/v1/classes'), all('/api/v1/facets')]);
  state.me = me;
  state.lang = settings.language;
  state.t = TEXTS[settings.language] || TEXTS.da;
  document.documentElement.lang = state.lang;
  const facetNames = new Map(facets.map((f) => [f.uuid, f.userKey]));
  classes.forEach((c) => state.classes.set(c.uuid, { ...c, facetName: facetNames.get(c.facet) }));
  document.getElementById('subtitle').textContent = t('title');
  document.getElementById('link-tree').textContent = t('tree');
  document.getElementById('link-readiness').textContent = t('readiness');
  document.getElementById('link-operations').textContent = t('operations');
  document.getElementById('logout').textContent = t('logout');
  document.getElementById('user').textContent = me.name + ' (' + me.roles.map((r) => state.t.roles[r] || r).join(', ') + ')';
  const csrf = document.getElementById('logout-csrf');
  csrf.name = '_csrf';
  csrf.value = me.csrfToken || '';
  window.addEventListener('hashchange', () => { notice(''); route(); });
  await route();
}

start().catch((e) => notice('The page could not start: ' + e.message));
