// Search, sharing metadata and accessibility in a real browser, driven by
// tests/browser.rs:
//
//   node tests/browser/search.mjs <site url> <axe.min.js> <pages.json>
//
// <site url> is a `dossier build` output served by a plain static file
// server under a sub-path (`http://127.0.0.1:PORT/digest/`). <pages.json>
// names the fixture's pages: {"article": path, "unique": [word, path, title],
// "xss": word, "lists": [paths of list pages to check]}.
//
// Checks: a page view without a search downloads none of the index; a word
// found in one article returns that article first, under the sub-path; the
// keyboard works (↓ to the results, ↑ and Esc back, Enter opens); result
// text is never HTML (a title carrying markup stays text, runs nothing);
// every page loads with no console error and no failed request (favicon
// included); axe-core finds no serious or critical violation.
//
// Environment: DOSSIER_PLAYWRIGHT (the playwright-core folder) and
// DOSSIER_CHROMIUM (default /usr/bin/chromium). Exit 0 when all passed.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [base, axePath, pagesFile] = process.argv.slice(2);
if (!base || !axePath || !pagesFile) {
  console.error('usage: node search.mjs <site url> <axe.min.js> <pages.json>');
  process.exit(2);
}
const fixture = JSON.parse(readFileSync(pagesFile, 'utf8'));
const axeSource = readFileSync(axePath, 'utf8');
const WAIT = 15_000;

const started = Date.now();
const log = (msg) => console.log(`[${String(Date.now() - started).padStart(6)} ms] ${msg}`);
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.DOSSIER_PLAYWRIGHT || 'playwright-core');

class Failure extends Error {}
function check(ok, what) {
  if (!ok) throw new Failure(what);
}

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const failures = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => requests.push(r.url()));

  async function visit(path, what) {
    problems.length = 0;
    requests.length = 0;
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
    return what;
  }
  function clean(what) {
    check(problems.length === 0, `${what}: ${problems.join('; ')}`);
  }
  async function axe(what) {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, {
      resultTypes: ['violations'],
    }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(bad.length === 0, `${what}: axe: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
  }
  async function step(what, fn) {
    const t = Date.now();
    try {
      await fn();
      log(`ok: ${what} (${Date.now() - t} ms)`);
    } catch (e) {
      failures.push(`${what}: ${e.message}`);
      log(`FAILED: ${what}: ${e.message}`);
    }
  }

  await step('an article loads cleanly and downloads no search index', async () => {
    await visit(fixture.article);
    clean('article');
    const index = requests.filter((u) => u.includes('/pagefind/') || /\/search(\.[0-9a-f]{10})?\.js$/.test(u));
    check(index.length === 0, `the article page fetched search files: ${index.join(', ')}`);
    check(await page.locator('form[role=search] input[name=q]').count() === 1, 'no search box in the masthead');
    await axe('article');
  });

  for (const path of fixture.lists) {
    await step(`${path} loads cleanly and passes axe`, async () => {
      await visit(path);
      clean(path);
      await axe(path);
    });
  }

  const [word, wantPath, wantTitle] = fixture.unique;
  await step(`searching "${word}" returns its one article first`, async () => {
    await visit(`search/?q=${encodeURIComponent(word)}`);
    await page.locator('.search-result').first().waitFor({ timeout: WAIT });
    const first = page.locator('.search-result-title').first();
    check((await first.textContent()).trim() === wantTitle, `first result is "${await first.textContent()}", not "${wantTitle}"`);
    const href = await first.evaluate((a) => a.href);
    check(href === new URL(wantPath, base).href, `first result links to ${href}, not ${new URL(wantPath, base).href}`);
    check(await page.locator('.search-result-excerpt mark').count() > 0, 'the snippet marks no hit');
    const status = await page.locator('#search-status').textContent();
    check(/1 article/.test(status), `status says "${status}"`);
    clean('search page');
    await axe('search page with results');
  });

  await step('the keyboard reaches, opens and leaves results', async () => {
    await visit('search/');
    const input = page.locator('#search-input');
    check(await input.evaluate((el) => el === document.activeElement), 'the search box is not focused on arrival');
    check(!requests.some((u) => u.includes('/pagefind/')), 'the empty search page fetched the index');
    await input.fill(word);
    await page.locator('.search-result').first().waitFor({ timeout: WAIT });
    await page.keyboard.press('ArrowDown');
    check(await page.evaluate(() => document.activeElement.classList.contains('search-result-title')), 'ArrowDown did not focus the first result');
    await page.keyboard.press('Escape');
    check(await input.evaluate((el) => el === document.activeElement), 'Escape did not return to the box');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(new URL(wantPath, base).href, { timeout: WAIT }), page.keyboard.press('Enter')]);
  });

  await step('result text is never HTML', async () => {
    await visit(`search/?q=${encodeURIComponent(fixture.xss)}`);
    await page.locator('.search-result').first().waitFor({ timeout: WAIT });
    const title = await page.locator('.search-result-title').first().textContent();
    check(title.includes('<img'), `the markup in the title was not kept as text: "${title}"`);
    check(await page.locator('#search-results img, #search-results script').count() === 0, 'markup from a result became elements');
    check(await page.evaluate(() => window.__xss === undefined), 'a payload ran');
  });

  await step('dark mode: every kind of page passes axe (colour contrast of text and code)', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const path of [fixture.article, fixture.code, ...fixture.lists]) {
        await visit(path);
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        check(dark, `${path}: the dark scheme is not in effect`);
        clean(`${path} (dark)`);
        await axe(`${path} (dark)`);
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  await step('on a phone, no wrapped line of the meta line starts with its separator', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await visit(fixture.article);
      const found = await page.evaluate(() => {
        const spans = [...document.querySelectorAll('.meta-line > span')];
        const tops = new Set(spans.map((s) => Math.round(s.getClientRects()[0].top)));
        const bad = [];
        spans.forEach((span, i) => {
          const boxes = [...span.getClientRects()];
          const range = document.createRange();
          range.selectNodeContents(span);
          const text = [...range.getClientRects()];
          const [firstBox, lastBox] = [boxes[0], boxes[boxes.length - 1]];
          const [firstText, lastText] = [text[0], text[text.length - 1]];
          // Something generated after the text sits on a line of its own.
          if (lastBox.top > lastText.top + 1) bad.push(`"${span.textContent.trim()}": its separator wrapped to the next line`);
          // Something generated before the text starts a line.
          const before = i > 0 ? [...spans[i - 1].getClientRects()].pop() : null;
          const startsLine = before && firstBox.top > before.top + 1;
          if (startsLine && firstText.left - firstBox.left > 1) bad.push(`"${span.textContent.trim()}": a line starts with its separator`);
        });
        return { lines: tops.size, bad };
      });
      check(found.lines > 1, `the meta line did not wrap at 320 px (${found.lines} line): the check proves nothing`);
      check(found.bad.length === 0, found.bad.join('; '));
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  await step('no results says so', async () => {
    await visit('search/?q=qqqxxyyzz');
    await page.waitForFunction(() => /No articles/.test(document.getElementById('search-status').textContent), null, { timeout: WAIT });
    check(await page.locator('.search-result').count() === 0, 'results for a word in no article');
  });
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
log('all search checks passed');
