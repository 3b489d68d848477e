// The search page: wires the box, the filters, the URL and the results together.
import { ApiError, Latest, exportUrl, searchUrl, suggestUrl } from './api.js';
import { el, replace } from './dom.js';
import { applyStatic, language, setLanguage, t } from './i18n.js';
import { closeRecord, openRecord, setupRecord } from './record.js';
import { failure, noResults, renderActiveFilters, renderFacets, renderHits, renderPager, statusText, welcome } from './render.js';
import { hasSearch, readState, toParams, toUrl, withChanges } from './state.js';

const TYPING_DELAY_MS = 200;   // results follow typing without a request per keystroke
const SPINNER_DELAY_MS = 300;  // fast answers never flash a spinner

const $ = (id) => document.getElementById(id);
const box = $('q');

let state = readState(location.search);
let shown = { key: null, body: null, error: null };  // the last answer, kept to re-render on a language switch
const searches = new Latest();
const suggestions = new Latest();
let typingTimer = 0;
let spinnerTimer = 0;
let typingEntry = false;   // the current history entry was made by typing: replace it while typing goes on
let recordPushed = false;  // the open record has its own history entry: closing goes back
let recordShown = '';      // the id in the dialog, so other changes of state do not fetch it again

// --- navigation: every change of what is shown goes through the URL -------------------------------

function navigate(next, { typing = false, replaceEntry = false } = {}) {
  const url = toUrl(next);
  const sameUrl = url === toUrl(state);
  state = next;
  if (!sameUrl) {
    if (replaceEntry || (typing && typingEntry)) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    typingEntry = typing;
  }
  update();
}

function update() {
  syncRecord();
  const key = toParams(state, 'search').toString();
  if (key === shown.key) return;
  if (!hasSearch(state)) {
    searches.cancel();
    stopSpinner();
    shown = { key, body: null, error: null };
    render();
    return;
  }
  runSearch(key);
}

async function runSearch(key) {
  clearTimeout(spinnerTimer);
  spinnerTimer = setTimeout(() => setBusy(true), SPINNER_DELAY_MS);
  try {
    const body = await searches.get(searchUrl(state));
    if (body === undefined) return;  // a newer search is on its way
    shown = { key, body, error: null };
  } catch (e) {
    shown = { key: null, body: null, error: e instanceof ApiError ? e : new ApiError(0, 'network', '') };
  }
  stopSpinner();
  render();
}

function setBusy(busy) {
  $('spinner').hidden = !busy;
  $('results').setAttribute('aria-busy', busy ? 'true' : 'false');
  document.body.classList.toggle('loading', busy);
}

function stopSpinner() {
  clearTimeout(spinnerTimer);
  setBusy(false);
}

function syncRecord() {
  if (state.doc === recordShown) return;
  recordShown = state.doc;
  if (state.doc) openRecord(state.doc, onRecordClosed, recordLinks);
  else closeRecord();
}

// A similar record replaces the one in the dialog without a history entry of its own, so closing the
// dialog still goes back to the list.
const recordLinks = {
  href: (id) => hrefFor({ doc: id }),
  open: (id) => navigate(withChanges(state, { doc: id }), { replaceEntry: true }),
};

function onRecordClosed() {
  recordShown = '';
  if (!state.doc) return;
  if (recordPushed) {
    recordPushed = false;
    history.back();  // popstate brings the list's URL back
  } else {
    navigate(withChanges(state, { doc: '' }), { replaceEntry: true });
  }
}

// --- rendering --------------------------------------------------------------------------------------

function hrefFor(changes) {
  return toUrl(withChanges(state, changes));
}

function render() {
  const { body, error } = shown;
  const message = $('message');
  renderActiveFilters($('active-filters'), state, (changes) => navigate(withChanges(state, { filters: changes, page: 1 })));
  $('sort').value = state.sort;
  for (const format of ['ris', 'bibtex', 'csv']) $(`export-${format}`).href = exportUrl(state, format);
  $('toolbar').hidden = !body;
  document.querySelector('.facets').hidden = !body;
  $('notice').hidden = true;
  message.hidden = true;
  message.className = 'message';
  if (!body) {
    replace($('hits'));
    replace($('facet-list'));
    renderPager($('pager'), { total: 0 }, state, () => '', () => {});
    message.hidden = false;
    if (error) {
      message.classList.add('error');
      replace(message, failure(error, () => { shown.key = null; update(); }));
    } else {
      message.classList.add('welcome');
      replace(message, welcome((q) => { box.value = q; navigate(withChanges(state, { q, page: 1 })); }));
    }
    return;
  }
  $('status').textContent = statusText(body);
  renderNotice(body);
  renderHits($('hits'), body, (id) => hrefFor({ doc: id }), (id) => {
    recordPushed = true;
    navigate(withChanges(state, { doc: id }));
  });
  renderFacets($('facet-list'), body, state, (name, value) => navigate(withChanges(state, { filters: { [name]: value }, page: 1 })));
  renderPager($('pager'), body, state, (page) => hrefFor({ page }), (page) => {
    navigate(withChanges(state, { page }));
    $('results').focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  });
  if (body.total === 0) {
    message.hidden = false;
    message.classList.add('empty');
    replace(message, noResults(state.q));
  }
}

// "Did you mean" and the cross-language words the engine added.
function renderNotice(body) {
  const parts = [];
  if (body.suggestion) {
    parts.push(el('span', {}, `${t('didYouMean')} `,
      el('button', { type: 'button', class: 'link', onclick: () => { box.value = body.suggestion; navigate(withChanges(state, { q: body.suggestion, page: 1 })); } },
        body.suggestion), '?'));
  }
  if (body.expansions?.length) {
    parts.push(el('span', {}, `${t('expanded')} `, el('span', { class: 'expansions' }, body.expansions.join(', '))));
  }
  replace($('notice'), parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
  $('notice').hidden = parts.length === 0;
}

// --- suggestions under the box -------------------------------------------------------------------------

function lastWord(text) {
  const m = /(\S+)\s*$/.exec(text);
  return m ? m[1] : '';
}

async function suggest(text) {
  const area = $('suggestions');
  if (!text.trim()) {
    suggestions.cancel();
    area.hidden = true;
    return;
  }
  let body;
  try {
    body = await suggestions.get(suggestUrl(text));
  } catch (e) {
    body = null;  // suggestions are a convenience: failing quietly is right
  }
  if (body === undefined) return;
  const word = lastWord(text).toLowerCase();
  const items = (body?.suggestions ?? []).filter((s) => s.text.toLowerCase() !== word).slice(0, 8);
  replace(area, items.length ? el('span', { class: 'suggest-label', 'aria-hidden': 'true' }, t('complete')) : null,
    items.map((s) => el('button', { type: 'button', class: `suggestion ${s.kind}`, dataset: { kind: s.kind },
      'aria-label': `${s.text} (${t(`kind_${s.kind}`)})`, onclick: () => choose(s) },
    s.text, s.kind === 'journal' ? el('span', { class: 'kind' }, ` · ${t('kind_journal')}`) : null)));
  area.hidden = items.length === 0;
}

// A word replaces the one being typed; a journal becomes a filter instead of words.
function choose(s) {
  const head = box.value.replace(/\S+\s*$/, '');
  $('suggestions').hidden = true;
  if (s.kind === 'journal') {
    box.value = head.trimEnd();
    navigate(withChanges(state, { q: box.value, page: 1, doc: '', filters: { journal: s.text } }));
  } else {
    box.value = `${head}${s.text} `;
    navigate(withChanges(state, { q: box.value.trim(), page: 1, doc: '' }));
  }
  box.focus();
}

// --- input and keys -------------------------------------------------------------------------------

function searchNow({ typing }) {
  clearTimeout(typingTimer);
  navigate(withChanges(state, { q: box.value.trim(), page: 1, doc: '' }), { typing });
}

box.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    searchNow({ typing: true });
    suggest(box.value);
  }, TYPING_DELAY_MS);
});

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('suggestions').hidden = true;
  suggestions.cancel();
  typingEntry = false;
  searchNow({ typing: false });
});

box.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown') {
    const first = document.querySelector('.hit-link');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  } else if (event.key === 'Escape' && !$('suggestions').hidden) {
    event.preventDefault();
    $('suggestions').hidden = true;
  }
});

$('hits').addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...document.querySelectorAll('.hit-link')];
  const at = links.indexOf(document.activeElement);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown' && at + 1 < links.length) links[at + 1].focus();
  if (event.key === 'ArrowUp') (at > 0 ? links[at - 1] : box).focus();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.closest('input, textarea, select, [contenteditable="true"]') || $('record').open) return;
  event.preventDefault();
  box.focus();
  box.select();
});

$('sort').addEventListener('change', () => navigate(withChanges(state, { sort: $('sort').value, page: 1 })));

$('lang-toggle').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  render();
  if (state.doc) openRecord(state.doc, onRecordClosed, recordLinks);
});

$('facets-toggle').addEventListener('click', () => {
  const toggle = $('facets-toggle');
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  document.querySelector('.facets').classList.toggle('open', open);
});

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  state = readState(location.search);
  box.value = state.q;
  typingEntry = false;
  recordPushed = false;
  $('suggestions').hidden = true;
  update();
});

// --- start ------------------------------------------------------------------------------------------

setupRecord();
applyStatic();
box.value = state.q;
update();
if (!state.q && !state.doc) box.focus();
