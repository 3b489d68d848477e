// Talks to duet-serve: searches (the newest request wins), suggestions and records.
import { toParams } from './state.js';

/** An error answer from the API, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
  }
  if (!response.ok) {
    const err = body?.error ?? {};
    throw new ApiError(response.status, err.code ?? 'http', err.message ?? `HTTP ${response.status}`);
  }
  return body;
}

/** Runs one kind of request at a time: starting a new one aborts the one in flight, and a late answer to
 *  an older request is never delivered (sequence numbers guard what abort() cannot). */
export class Latest {
  constructor() {
    this.seq = 0;
    this.controller = null;
  }

  /** Resolves with the answer to `url`, or with undefined when a newer request superseded it. */
  async get(url) {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const seq = ++this.seq;
    try {
      const body = await getJson(url, controller.signal);
      return seq === this.seq ? body : undefined;
    } catch (e) {
      if (e.name === 'AbortError' || seq !== this.seq) return undefined;
      throw e;
    }
  }

  /** Forgets the request in flight (its answer will be dropped). */
  cancel() {
    this.controller?.abort();
    this.seq++;
  }
}

/** /api/search for `state`. */
export function searchUrl(state) {
  return `/api/search?${toParams(state, 'search')}`;
}

/** /api/suggest for the text in the box. */
export function suggestUrl(text) {
  return `/api/suggest?${new URLSearchParams({ q: text })}`;
}

/** /api/doc/{id}: ids may hold "/" (DOIs), so the id is one encoded path segment. */
export function recordUrl(id) {
  return `/api/doc/${encodeURIComponent(id)}`;
}

/** /api/similar/{id}: the first `size` records like record `id`. */
export function similarUrl(id, size) {
  return `/api/similar/${encodeURIComponent(id)}?size=${size}`;
}

/** A download link for `state`'s records in `format` (ris, bibtex, csv). */
export function exportUrl(state, format) {
  const p = toParams(state, 'export');
  p.set('format', format);
  return `/api/export?${p}`;
}
