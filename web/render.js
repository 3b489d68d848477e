// Builds the result list, the facets, the active filters, the pager and the page's messages.
import { el, html, replace } from './dom.js';
import { language, number, t } from './i18n.js';
import { FILTERS, MAX_DEPTH } from './state.js';

const FACETS = ['lang', 'year', 'journal', 'jcr', 'category'];

/** The titles to show: the one in the interface's language first when the record has it. */
function titles(hit) {
  const en = hit.title ? hit.title_html || '' : '';
  const zh = hit.title_zh ? hit.title_zh_html || '' : '';
  if (language() === 'zh' && zh) return { main: zh, mainLang: 'zh', other: en, otherLang: 'en' };
  if (en) return { main: en, mainLang: 'en', other: zh, otherLang: 'zh' };
  return { main: zh, mainLang: 'zh', other: '', otherLang: '' };
}

function authors(list) {
  if (!list.length) return '';
  if (list.length <= 3) return list.join(', ');
  return t('authorsMore', { first: list.slice(0, 3).join(', ') });
}

/** JCR, impact factor and citation badges for a hit or a record. */
export function badges(r) {
  const out = [];
  if (r.jcr) out.push(el('span', { class: `badge jcr ${r.jcr.toLowerCase()}` }, `JCR ${r.jcr}`));
  if (r.impact_factor !== null && r.impact_factor !== undefined) {
    out.push(el('span', { class: 'badge if' }, t('impactFactor', { value: r.impact_factor })));
  }
  if (r.citations) {
    out.push(el('span', { class: 'badge cites' }, r.citations === 1 ? t('citation1') : t('citations', { n: number(r.citations) })));
  }
  if (r.category) out.push(el('span', { class: 'badge cat' }, r.category));
  return out;
}

/** A link to the DOI resolver, opened in a new tab. */
export function doiLink(doi) {
  return el('a', { class: 'doi', href: `https://doi.org/${encodeURI(doi)}`, target: '_blank', rel: 'noopener noreferrer' }, `doi:${doi}`);
}

/** One result: titles, authors, source, badges, DOI and snippets; the title opens the record. */
function hitItem(hit, href, onOpen) {
  const tt = titles(hit);
  const source = [hit.journal, hit.year].filter((x) => x !== '' && x !== null).join(' · ');
  const hasMeta = hit.authors.length > 0 || source !== '';
  const hitBadges = [...badges(hit), hit.doi ? doiLink(hit.doi) : null].filter(Boolean);
  const link = el('a', { class: 'hit-link', href, 'aria-describedby': hasMeta ? `meta-${hit.rank}` : null,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;  // new tab: let it be
      event.preventDefault();
      onOpen(hit.id);
    } });
  if (tt.main) link.innerHTML = tt.main;
  else link.textContent = hit.title || hit.title_zh || t('untitled');
  link.lang = tt.mainLang === 'zh' ? 'zh-CN' : 'en';
  return el('li', { class: 'hit' },
    el('h3', { class: 'hit-title' }, link),
    tt.other ? html('p', { class: 'hit-other', lang: tt.otherLang === 'zh' ? 'zh-CN' : 'en' }, tt.other) : null,
    hasMeta ? el('p', { class: 'hit-meta', id: `meta-${hit.rank}` },
      hit.authors.length ? el('span', { class: 'authors' }, authors(hit.authors)) : null,
      source ? el('span', { class: 'source' }, source) : null) : null,
    hitBadges.length ? el('p', { class: 'hit-badges' }, hitBadges) : null,
    hit.snippets.map((s) => html('p', { class: 'snippet' }, s)));
}

/** Fills the result list. `hrefFor(id)` is the shareable URL of a record, `onOpen(id)` opens it. */
export function renderHits(list, body, hrefFor, onOpen) {
  replace(list, body.hits.map((hit) => hitItem(hit, hrefFor(hit.id), onOpen)));
  list.start = body.offset + 1;
}

/** "12 results, showing 1–10 (2.3 ms)". */
export function statusText(body) {
  const total = number(body.total);
  let text = body.total === 1 ? t('result1') : t(body.total_exact ? 'results' : 'resultsAbout', { total });
  if (body.hits.length) {
    text += ` · ${t('showing', { from: number(body.offset + 1), to: number(body.offset + body.hits.length) })}`;
  }
  return `${text} (${t('took', { ms: body.took_ms })})`;
}

function facetLabel(name, value) {
  if (name === 'lang') return t(`lang_${value}`);
  return value;
}

/** The facet lists; a value is a toggle button (pressed when it is the active filter). */
export function renderFacets(container, body, state, onToggle) {
  const sections = [];
  for (const name of FACETS) {
    const facet = body.facets?.[name];
    if (!facet || !facet.values.length) continue;
    const heading = el('h3', { id: `facet-${name}` }, t(`facet_${name}`));
    const items = facet.values.map((v) => {
      const active = state.filters[name] === v.value;
      return el('li', {},
        el('button', { type: 'button', class: 'facet-value', 'aria-pressed': active ? 'true' : 'false',
          dataset: { facet: name, value: v.value },
          title: t('addFilter', { name: t(`facet_${name}`), value: v.value, count: v.count }),
          onclick: () => onToggle(name, active ? null : v.value) },
        el('span', { class: 'facet-name' }, facetLabel(name, v.value)),
        // Counts of a very large result are estimated from a sample (facet.exact is false).
        el('span', { class: 'count' }, `${facet.exact ? '' : '≈'}${number(v.count)}`)));
    });
    sections.push(el('section', { class: 'facet', 'aria-labelledby': `facet-${name}` }, heading,
      el('ul', {}, items)));
  }
  replace(container, sections);
}

/** Chips for the filters in force, each removable, and a "clear all". */
export function renderActiveFilters(container, state, onRemove) {
  const chips = FILTERS.filter((name) => state.filters[name]).map((name) => {
    const value = state.filters[name];
    return el('button', { type: 'button', class: 'chip', dataset: { filter: name },
      'aria-label': t('removeFilter', { name: t(`facet_${name}`), value: facetLabel(name, value) }),
      onclick: () => onRemove({ [name]: null }) },
    el('span', { class: 'chip-name' }, `${t(`facet_${name}`)}: `), facetLabel(name, value),
    el('span', { class: 'chip-x', 'aria-hidden': 'true' }, ' ×'));
  });
  if (chips.length > 1) {
    const none = Object.fromEntries(FILTERS.map((name) => [name, null]));
    chips.push(el('button', { type: 'button', class: 'chip clear', onclick: () => onRemove(none) }, t('clearFilters')));
  }
  replace(container, chips);
  container.hidden = chips.length === 0;
}

/** Previous, numbered pages around the current one, next — never past what the API will serve. */
export function renderPager(nav, body, state, hrefFor, onPage) {
  const last = Math.min(Math.ceil(body.total / state.size), Math.floor(MAX_DEPTH / state.size));
  if (last <= 1) {
    replace(nav);
    nav.hidden = true;
    return;
  }
  const link = (page, label, extra = {}) => el('a', { href: hrefFor(page), class: 'page', ...extra,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      onPage(page);
    } }, label);
  const items = [];
  if (state.page > 1) items.push(link(state.page - 1, t('previous'), { rel: 'prev', class: 'page prev' }));
  const shown = new Set([1, last, state.page - 2, state.page - 1, state.page, state.page + 1, state.page + 2]);
  let previous = 0;
  for (let page = 1; page <= last; page++) {
    if (!shown.has(page)) continue;
    if (page > previous + 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(page === state.page
      ? el('span', { class: 'page current', 'aria-current': 'page' }, number(page))
      : link(page, number(page), { 'aria-label': t('pageN', { n: page }) }));
    previous = page;
  }
  if (state.page < last) items.push(link(state.page + 1, t('next'), { rel: 'next', class: 'page next' }));
  replace(nav, items);
  nav.hidden = false;
}

/** The welcome shown before anything is typed, with example queries to click. */
export function welcome(onExample) {
  const examples = ['间充质干细胞', 'osteoarthritis', '类风湿关节炎', 'PD-L1 exosomes psoriasis'];
  return [
    el('h2', {}, t('welcomeTitle')),
    el('p', {}, t('welcomeText')),
    el('ul', { class: 'examples' }, examples.map((q) => el('li', {},
      el('button', { type: 'button', class: 'example', onclick: () => onExample(q) }, q)))),
  ];
}

/** "No results for …" with what to try next. */
export function noResults(q) {
  return [
    el('h2', {}, q.trim() ? t('noResults', { q }) : t('noResultsFiltered')),
    el('p', {}, t('noResultsTips')),
  ];
}

/** What went wrong, in the API's words; a retry button when trying again could help (no answer, or
 *  the server's trouble rather than the request's). */
export function failure(error, onRetry) {
  const transient = error.status === 0 || error.status >= 500;
  return [
    el('h2', {}, t('errorTitle')),
    el('p', { class: 'error-detail' }, error.status === 0 ? t('networkError') : error.message),
    transient ? el('button', { type: 'button', class: 'retry', onclick: onRetry }, t('retry')) : null,
  ];
}
