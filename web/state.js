// What is being searched — query, filters, sort, page, open record — and its form in the address bar.

/** The filter parameters the API takes, in display order. */
export const FILTERS = ['year', 'journal', 'jcr', 'lang', 'category'];

const SORTS = ['relevance', 'date', 'citations', 'if'];
const DEFAULT_SIZE = 10;
/** The API refuses page * size beyond this. */
export const MAX_DEPTH = 1000;

/** The state a URL's query string describes; anything unusable falls back to the default. */
export function readState(search) {
  const p = new URLSearchParams(search);
  const whole = (name, fallback, max) => {
    const n = Number(p.get(name));
    return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
  };
  const size = whole('size', DEFAULT_SIZE, 50);
  const state = {
    q: p.get('q') ?? '',
    size,
    page: whole('page', 1, Math.floor(MAX_DEPTH / size)),
    sort: SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance',
    filters: {},
    doc: p.get('doc') ?? '',
  };
  for (const name of FILTERS) {
    const value = p.get(name);
    if (value) state.filters[name] = value;
  }
  return state;
}

/** Query-string parameters for `state`, defaults left out. `what`: 'page' (the address bar), 'search',
 *  'export' (no paging) or 'list' (no record). */
export function toParams(state, what = 'page') {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const name of FILTERS) {
    if (state.filters[name]) p.set(name, state.filters[name]);
  }
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (what !== 'export') {
    if (state.page > 1) p.set('page', String(state.page));
    if (state.size !== DEFAULT_SIZE) p.set('size', String(state.size));
  }
  if (what === 'page' && state.doc) p.set('doc', state.doc);
  return p;
}

/** The address-bar form of `state` ("?q=…", or "./" for the empty page). */
export function toUrl(state) {
  const query = toParams(state, 'page').toString();
  return query ? `?${query}` : location.pathname;
}

/** True when there is something to search: words or at least one filter. */
export function hasSearch(state) {
  return state.q.trim() !== '' || FILTERS.some((name) => state.filters[name]);
}

/** A copy of `state` with `changes` applied (filters merged; a null filter value removes it). */
export function withChanges(state, changes) {
  const next = { ...state, ...changes, filters: { ...state.filters } };
  for (const [name, value] of Object.entries(changes.filters ?? {})) {
    if (value) next.filters[name] = value;
    else delete next.filters[name];
  }
  return next;
}
