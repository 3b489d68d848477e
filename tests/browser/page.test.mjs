// Drives the search page in headless Chromium against duet-serve over an index of the seed records:
// typing in both languages, highlights, a facet, paging, history, a record and its similar records, keys,
// languages, errors.
// Usage: node page.test.mjs DUET_INDEX DUET_SERVE SEEDS_DIR WEB_DIR SCREENSHOT_PNG
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const [indexBin, serveBin, seeds, web, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node page.test.mjs DUET_INDEX DUET_SERVE SEEDS_DIR WEB_DIR SCREENSHOT_PNG');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT = { timeout: 15000 };

const work = mkdtempSync(join(tmpdir(), 'duet-browser-'));
let server;
let context;

function step(name) {
  console.log(`- ${name}`);
}

// Starts duet-serve on a free port and resolves with its base URL once it says where it listens.
function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(serveBin, ['--db', db, '--listen', '127.0.0.1:0', '--web', web, '--threads', '8'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => reject(new Error(`duet-serve did not start:\n${log}`)), 30000);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`duet-serve exited (${code}):\n${log}`)));
  });
}

function stopServer() {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve(server?.exitCode ?? 0);
    server.removeAllListeners('exit');
    server.on('exit', (code, signal) => resolve(code ?? signal));
    server.kill('SIGTERM');
  });
}

async function typeInto(page, text) {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(text, { delay: 40 });
}

async function main() {
  step('index the seed records');
  const db = join(work, 'db');
  const indexed = spawnSync(indexBin, ['--db', db, seeds], { encoding: 'utf8' });
  assert.equal(indexed.status, 0, indexed.stderr);
  const base = await startServer(db);

  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Failed requests are listed by URL (the console only says "Failed to load resource"); the one
  // deliberate bad request below is expected.
  const expectedFailure = /\/api\/search\?q=osteoarthritis&year=abc$/;
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expectedFailure.test(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });

  step('the empty page welcomes, with the box focused');
  await page.goto(base);
  await page.locator('.message.welcome').waitFor(WAIT);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');

  step('typing 间充质干细胞 brings a highlighted result');
  await typeInto(page, '间充质干细胞');
  const zhMark = page.locator('.hit mark', { hasText: '间充质干细胞' }).first();
  await zhMark.waitFor(WAIT);
  await page.waitForURL(/q=%E9%97%B4%E5%85%85%E8%B4%A8%E5%B9%B2%E7%BB%86%E8%83%9E/, WAIT);
  assert.match(await page.locator('#status').textContent(), /result/);
  // The engine widened the Chinese query with English terms: the page says so.
  await page.locator('#notice .expansions', { hasText: /mesenchymal/i }).waitFor(WAIT);

  step('typing osteoarthritis brings highlighted results');
  await typeInto(page, 'osteoarthritis');
  await page.locator('.hit mark', { hasText: /osteoarthritis/i }).first().waitFor(WAIT);
  await page.waitForURL(/q=osteoarthritis/, WAIT);
  const hits = await page.locator('.hit').count();
  assert.ok(hits >= 1, `expected hits, got ${hits}`);
  // Highlights arrive as HTML; everything else is text: no other element sneaks in.
  const tags = await page.evaluate(() => [...document.querySelectorAll('.snippet *, .hit-link *, .hit-other *')]
    .map((n) => n.tagName));
  assert.ok(tags.every((tag) => tag === 'MARK'), `unexpected elements in highlights: ${tags}`);

  step('a facet filters, shows a removable chip, and removing it restores the list');
  const totalBefore = await page.locator('#status').textContent();
  await page.locator('#q').fill('mesenchymal');
  await page.locator('#search-form').evaluate((f) => f.requestSubmit());
  await page.waitForURL(/q=mesenchymal/, WAIT);
  await page.locator('.facet-value[data-facet="jcr"][data-value="Q1"]').click();
  await page.waitForURL(/jcr=Q1/, WAIT);
  await page.locator('.chip[data-filter="jcr"]').waitFor(WAIT);
  await page.locator('.facet-value[data-facet="jcr"][data-value="Q1"][aria-pressed="true"]').waitFor(WAIT);
  await page.waitForFunction(() => document.querySelectorAll('.hit').length === 1, null, WAIT);
  assert.match(await page.locator('.hit .badge.jcr').first().textContent(), /Q1/);
  await page.locator('.chip[data-filter="jcr"]').click();
  await page.waitForFunction(() => !location.search.includes('jcr=') && document.querySelectorAll('.hit').length === 3,
    null, WAIT);
  assert.notEqual(totalBefore, null);

  step('the language facet narrows a bilingual result to one language');
  await page.locator('.facet-value[data-facet="lang"][data-value="zh"]').click();
  await page.waitForURL(/lang=zh/, WAIT);
  await page.locator('.chip[data-filter="lang"]').waitFor(WAIT);
  // Of the three seeds only the rheumatoid arthritis review has Chinese text.
  await page.waitForFunction(() => document.querySelectorAll('.hit').length === 1, null, WAIT);
  assert.match(await page.locator('.hit .hit-other, .hit .hit-link').allTextContents().then((t) => t.join(' ')),
    /[\u4e00-\u9fff]/);
  await page.locator('.chip[data-filter="lang"]').click();
  await page.waitForFunction(() => !location.search.includes('lang=') && document.querySelectorAll('.hit').length === 3,
    null, WAIT);

  step('pages of one: next, then back through history');
  await page.goto(`${base}?q=mesenchymal&size=1`);
  await page.locator('#pager .page.current').waitFor(WAIT);
  const firstId = await page.locator('.hit-link').first().getAttribute('href');
  await page.locator('#pager .page.next').click();
  await page.waitForURL(/page=2/, WAIT);
  await page.waitForFunction((href) => document.querySelector('.hit-link')?.getAttribute('href') !== href, firstId, WAIT);
  assert.equal((await page.locator('#pager .page.current').textContent()).trim(), '2');
  await page.goBack();
  await page.waitForFunction((href) => document.querySelector('.hit-link')?.getAttribute('href') === href, firstId, WAIT);
  assert.ok(!page.url().includes('page=2'));

  step('a click opens the full record; Escape closes it and the URL follows');
  await page.goto(`${base}?q=${encodeURIComponent('间充质干细胞 rheumatoid')}`);
  await page.locator('.hit-link').first().click();
  await page.waitForURL(/doc=/, WAIT);
  const dialog = page.locator('#record');
  await dialog.locator('.record-section h3').first().waitFor(WAIT);
  assert.match(await page.locator('#record-title').textContent(), /rheumatoid/i);
  assert.match(await dialog.textContent(), /Stem Cell Research & Therapy/);

  step('the record lists the records like it; one opens in its place, and closing still returns to the list');
  const similar = dialog.locator('#record-similar:not([hidden]) a');
  await similar.first().waitFor(WAIT);
  assert.equal(await similar.count(), 2);  // the two other seeds
  await dialog.locator('#record-similar a', { hasText: /osteoarthritis/i }).click();
  await page.waitForURL(/doc=10\.1080/, WAIT);
  await page.waitForFunction(() => /osteoarthritis/i.test(document.getElementById('record-title').textContent), null, WAIT);
  assert.ok(page.url().includes('q='));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('record').open && !location.search.includes('doc='), null, WAIT);
  assert.match(page.url(), /q=/);

  step('keys: / focuses the box, arrows move through results, Enter opens');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'hit-link');
  await page.keyboard.press('Enter');
  await page.locator('#record[open] .record-section').first().waitFor(WAIT);
  await page.locator('#record-close').click();
  await page.waitForFunction(() => !document.getElementById('record').open && !location.search.includes('doc='), null, WAIT);

  step('a shared link with a record opens it directly');
  await page.goto(`${base}?q=osteoarthritis&doc=${encodeURIComponent('10.1080/03008207.2025.2536148')}`);
  await page.locator('#record[open] .record-section').first().waitFor(WAIT);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !location.search.includes('doc='), null, WAIT);

  step('no results, and an error from the API, are explained');
  await page.goto(`${base}?q=zzzyyyxxx`);
  await page.locator('.message.empty').waitFor(WAIT);
  await page.goto(`${base}?q=osteoarthritis&year=abc`);
  await page.locator('.message.error', { hasText: 'year' }).waitFor(WAIT);

  step('"did you mean" offers the spelling the index knows, and applies it on click');
  await page.goto(`${base}?q=osteoarthritus`);
  await page.locator('#notice button.link', { hasText: 'osteoarthritis' }).click();
  await page.waitForURL(/q=osteoarthritis$/, WAIT);
  await page.locator('.hit mark', { hasText: /osteoarthritis/i }).first().waitFor(WAIT);

  step('a slow answer shows the spinner, then the results');
  await page.route('**/api/search?**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await route.continue();
  });
  await typeInto(page, 'rheumatoid');
  await page.locator('#spinner').waitFor({ state: 'visible', ...WAIT });
  assert.equal(await page.locator('#results').getAttribute('aria-busy'), 'true');
  await page.locator('#spinner').waitFor({ state: 'hidden', ...WAIT });
  await page.locator('.hit mark', { hasText: /rheumatoid/i }).first().waitFor(WAIT);
  await page.unroute('**/api/search?**');

  step('export links carry the query');
  await page.goto(`${base}?q=osteoarthritis&jcr=Q3`);
  await page.locator('.hit').first().waitFor(WAIT);
  const ris = await page.locator('#export-ris').getAttribute('href');
  assert.equal(ris, '/api/export?q=osteoarthritis&jcr=Q3&format=ris');
  const exported = await page.evaluate(async (url) => (await fetch(url)).text(), ris);
  assert.match(exported, /^TY {2}- JOUR/);

  step('suggestions complete the word being typed');
  await typeInto(page, 'mesenchymal oste');
  await page.locator('.suggestion', { hasText: 'osteoarthritis' }).click();
  await page.waitForURL(/q=mesenchymal\+osteoarthritis/, WAIT);

  step('the interface switches to Chinese and remembers it');
  await page.goto(`${base}?q=${encodeURIComponent('间充质干细胞')}`);
  await page.locator('.hit').first().waitFor(WAIT);
  await page.locator('#lang-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.reload();
  await page.locator('.hit').first().waitFor(WAIT);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await page.locator('#status').textContent(), /条结果/);

  step('screenshot');
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.goto(`${base}?q=${encodeURIComponent('间充质干细胞 osteoarthritis')}`);
  await page.locator('.hit mark').first().waitFor(WAIT);
  await page.screenshot({ path: screenshot, fullPage: true });

  step('a phone-sized screen: one column, filters behind a button');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#facets-toggle').waitFor({ state: 'visible', ...WAIT });
  assert.equal(await page.locator('#facet-panel').isVisible(), false);
  await page.locator('#facets-toggle').click();
  assert.equal(await page.locator('#facet-panel').isVisible(), true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone screen`);

  assert.deepEqual(problems, []);
  await context.close();
  context = null;
  step('duet-serve stops cleanly on SIGTERM');
  assert.equal(await stopServer(), 0);
  console.log('browser test passed');
}

main()
  .catch(async (e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await context?.close().catch(() => {});
    await stopServer();
    rmSync(work, { recursive: true, force: true });
  });
