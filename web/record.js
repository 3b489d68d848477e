// The full-record dialog: fetches /api/doc/{id} and shows every field as text, then the records like it.
import { ApiError, Latest, recordUrl, similarUrl } from './api.js';
import { el, replace } from './dom.js';
import { t } from './i18n.js';
import { badges, doiLink } from './render.js';

const dialog = () => document.getElementById('record');
const loader = new Latest();
const similarLoader = new Latest();
const SIMILAR_SHOWN = 5;

function section(title, ...content) {
  return el('section', { class: 'record-section' }, el('h3', {}, title), ...content);
}

function paragraphs(text, lang) {
  return text.split(/\n{2,}|\r\n\r\n/).filter((p) => p.trim()).map((p) => el('p', { lang }, p));
}

// Long texts (full text, references) start folded so the record stays readable.
function folded(title, text) {
  return el('details', { class: 'record-section' }, el('summary', {}, title), paragraphs(text));
}

function fill(r) {
  const body = document.getElementById('record-body');
  const heading = document.getElementById('record-title');
  heading.textContent = r.title || r.title_zh || t('untitled');
  heading.lang = r.title ? 'en' : 'zh-CN';
  const where = [r.journal, r.volume && t('volume', { v: r.volume }), r.pages && t('pagesRange', { p: r.pages }),
    r.date || r.year].filter(Boolean).join(' · ');
  const links = [];
  if (r.doi) links.push(doiLink(r.doi));
  if (r.url && !r.url.endsWith(r.doi || '\u0000')) {
    links.push(el('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, t('landing')));
  }
  if (r.pdf_url) links.push(el('a', { href: r.pdf_url, target: '_blank', rel: 'noopener noreferrer' }, t('pdf')));
  replace(body,
    r.title && r.title_zh ? el('p', { class: 'record-other', lang: 'zh-CN' }, r.title_zh) : null,
    r.authors.length ? el('p', { class: 'record-authors' }, r.authors.join(', ')) : null,
    where ? el('p', { class: 'record-where' }, where) : null,
    el('p', { class: 'record-badges' }, badges(r), r.jcr_category ? el('span', { class: 'badge' }, r.jcr_category) : null),
    links.length ? el('p', { class: 'record-links' }, links) : null,
    r.keywords.length ? section(t('keywords'), el('p', {}, r.keywords.join('; '))) : null,
    r.abstract ? section(t('abstract'), paragraphs(r.abstract)) : null,
    r.abstract_zh && r.abstract_zh !== r.abstract ? section(t('abstractZh'), paragraphs(r.abstract_zh, 'zh-CN')) : null,
    r.body ? folded(t('fullText'), r.body) : null,
    r.references ? folded(t('references'), r.references) : null,
    r.journal_info ? folded(t('journalInfo'), r.journal_info) : null);
}

// Titles of records like the one shown, each a link that opens it in this dialog.
async function showSimilar(id, links) {
  const list = el('ol', { class: 'similar-list' });
  const part = section(t('similar'), list);
  part.id = 'record-similar';
  part.hidden = true;
  document.getElementById('record-body').append(part);
  let body;
  try {
    body = await similarLoader.get(similarUrl(id, SIMILAR_SHOWN));
  } catch (e) {
    return;  // an extra: the record itself is already shown
  }
  if (!body || body.hits.length === 0) return;
  replace(list, body.hits.map((hit) => {
    const where = [hit.journal, hit.year].filter((x) => x !== '' && x !== null).join(' · ');
    return el('li', {},
      el('a', { href: links.href(hit.id), lang: hit.title ? 'en' : 'zh-CN',
        onclick: (event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // new tab
          event.preventDefault();
          links.open(hit.id);
        } }, hit.title || hit.title_zh || t('untitled')),
      where ? el('span', { class: 'similar-where' }, ` · ${where}`) : null);
  }));
  part.hidden = false;
}

/** Opens the dialog on record `id`; `onClose` runs when the reader closes it. `links.href(id)` is the
 *  address of another record and `links.open(id)` shows it (for the similar records under this one). */
export async function openRecord(id, onClose, links) {
  const d = dialog();
  d.onclose = onClose;
  document.getElementById('record-title').textContent = t('recordLoading');
  replace(document.getElementById('record-body'), el('div', { class: 'spinner big', role: 'status', 'aria-label': t('loading') }));
  if (!d.open) d.showModal();
  d.scrollTop = 0;  // a similar record opened from the bottom of the last one starts at its top
  try {
    similarLoader.cancel();
    const record = await loader.get(recordUrl(id));
    if (!record) return;
    fill(record);
    showSimilar(id, links);
  } catch (e) {
    const missing = e instanceof ApiError && e.status === 404;
    document.getElementById('record-title').textContent = missing ? t('recordMissing') : t('errorTitle');
    replace(document.getElementById('record-body'),
      el('p', { class: 'error-detail' }, missing ? id : (e.status === 0 ? t('networkError') : e.message)));
  }
}

/** Closes the dialog without running its onClose (the URL already says it is closed). */
export function closeRecord() {
  const d = dialog();
  loader.cancel();
  similarLoader.cancel();
  if (!d.open) return;
  d.onclose = null;
  d.close();
}

/** Wires the close button and a click on the backdrop. */
export function setupRecord() {
  const d = dialog();
  document.getElementById('record-close').addEventListener('click', () => d.close());
  d.addEventListener('click', (event) => {
    if (event.target === d) d.close();  // the backdrop: the dialog box itself is covered by its content
  });
}
