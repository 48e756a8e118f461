// Live reload in a real browser, driven by tests/browser.rs:
//
//   node tests/browser/live_reload.mjs <article url> <site dir>
//
// The site is the fixture tests/browser.rs writes: `content/live.md` (the
// article at <article url>) and `static/extra.css`, linked from every page by
// the site's `templates/partials/head_extra.html`. A `dossier serve` of that
// site is already running. This script edits those files on disk and checks
// what an open page does: reload on a content edit, show the error overlay on
// a broken file, drop it on the fix, swap the stylesheet on a CSS-only edit
// without reloading.
//
// Environment: DOSSIER_PLAYWRIGHT, the playwright-core package folder (it is
// loaded by absolute path: ES imports ignore NODE_PATH); DOSSIER_CHROMIUM,
// the browser (default /usr/bin/chromium). Never downloads a browser.
//
// Exit status 0 when every check passed; otherwise 1, after printing what
// failed, the page's console output and the page's text.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [url, siteDir] = process.argv.slice(2);
if (!url || !siteDir) {
  console.error('usage: node live_reload.mjs <article url> <site dir>');
  process.exit(2);
}

/// Bound of every wait for the page to react to a file change.
const WAIT = 10_000;
/// Bound of the whole script, browser start included.
const OVERALL = 90_000;

const ARTICLE = 'content/live.md';
const STYLESHEET = 'static/extra.css';
const FRONT_MATTER = 'title: Live page\ndate: 2026-01-01';

const started = Date.now();
const log = (msg) => console.log(`[${String(Date.now() - started).padStart(6)} ms] ${msg}`);

const require = createRequire(import.meta.url);
const playwrightPath = process.env.DOSSIER_PLAYWRIGHT || 'playwright-core';
const { chromium } = require(playwrightPath);

const article = (body) => `---\n${FRONT_MATTER}\n---\n${body}\n`;
const writeSite = (path, text) => writeFileSync(join(siteDir, path), text);

class Failure extends Error {}
function check(ok, what) {
  if (!ok) throw new Failure(what);
}

/// Runs `fn`, turning a timeout into a readable failure.
async function step(what, fn) {
  const t = Date.now();
  try {
    const result = await fn();
    log(`ok: ${what} (${Date.now() - t} ms)`);
    return result;
  } catch (err) {
    const why = err instanceof Failure ? err.message : String(err?.message ?? err).split('\n')[0];
    throw new Failure(`${what}: ${why}`);
  }
}

const watchdog = setTimeout(() => {
  console.error(`FAIL: the whole run took more than ${OVERALL} ms`);
  process.exit(1);
}, OVERALL);

const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
  timeout: 60_000,
});
log(`browser ${browser.version()} started`);

const context = await browser.newContext();
const page = await context.newPage();
const consoleLines = [];
page.on('console', (m) => consoleLines.push(`console.${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => consoleLines.push(`page error: ${e.message}`));

// Full page loads, counted outside the page (a reload resets anything inside).
let loads = 0;
page.on('load', () => {
  loads += 1;
});

// Counts live-reload streams that reached `open` in this document: before
// editing a file, wait until the page is listening, so the test checks the
// pushed event and not the catch-up on connect. Wrapping only adds a
// listener; the page's own script is untouched.
await page.addInitScript(() => {
  window.__liveOpened = 0;
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => {
        window.__liveOpened += 1;
      });
    }
  };
});

const overlay = page.locator('#dossier-error-overlay');
const main = page.locator('main');

const listening = () =>
  page.waitForFunction(() => window.__liveOpened > 0, null, { timeout: WAIT });
const showsText = (text) => main.getByText(text).first().waitFor({ state: 'visible', timeout: WAIT });
const probe = () =>
  page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--dossier-probe').trim(),
  );

let failed = null;
try {
  await step('open the article page', async () => {
    const res = await page.goto(url, { waitUntil: 'load', timeout: WAIT });
    check(res && res.status() === 200, `status ${res && res.status()}`);
    await showsText('Original body text.');
    check(loads === 1, `expected 1 load, saw ${loads}`);
    check((await overlay.count()) === 0, 'an error overlay is shown on a good build');
  });
  await step('the live-reload stream opens', listening);
  await step('the site stylesheet applies', async () => {
    const value = await probe();
    check(value === 'one', `--dossier-probe is ${JSON.stringify(value)}, expected "one"`);
  });

  await step('a Markdown edit reloads the page by itself', async () => {
    await page.evaluate(() => {
      window.__marker = 1;
    });
    const before = loads;
    const reloaded = page.waitForEvent('load', { timeout: WAIT });
    writeSite(ARTICLE, article('Edited body text.'));
    await reloaded;
    await showsText('Edited body text.');
    check(loads > before, 'no new page load');
    check(
      (await page.evaluate(() => window.__marker)) === undefined,
      'window.__marker survived: the text changed without a real reload',
    );
    check((await main.getByText('Original body text.').count()) === 0, 'old text still there');
  });
  await step('the live-reload stream reopens after the reload', listening);

  await step('broken front matter shows the error overlay', async () => {
    await page.evaluate(() => {
      window.__marker = 2;
    });
    const before = loads;
    writeSite(ARTICLE, `---\ntitle: [unclosed\ndate: 2026-01-01\n---\nBroken body text.\n`);
    await overlay.waitFor({ state: 'visible', timeout: WAIT });
    await page.waitForFunction(
      () => /live\.md/.test(document.getElementById('dossier-error-overlay')?.textContent ?? ''),
      null,
      { timeout: WAIT },
    );
    const text = await overlay.textContent();
    log(`overlay text: ${JSON.stringify(text)}`);
    check((await overlay.getAttribute('role')) === 'alert', 'the overlay has no role="alert"');
    check(/live\.md:\d+/.test(text), 'the overlay does not give the line (live.md:N)');
    check(loads === before, 'the page reloaded on a build error');
    check((await page.evaluate(() => window.__marker)) === 2, 'the page reloaded on a build error');
    // The last good build stays on screen under the overlay.
    await showsText('Edited body text.');
  });

  await step('fixing the file removes the overlay and shows the fix', async () => {
    const before = loads;
    // The new document's text can show before its `load` event (which
    // waits for the stylesheet): wait for the event itself, as the first
    // edit does, not only for the text.
    const reloaded = page.waitForEvent('load', { timeout: WAIT });
    writeSite(ARTICLE, article('Fixed body text.'));
    await reloaded;
    await overlay.waitFor({ state: 'detached', timeout: WAIT });
    await showsText('Fixed body text.');
    check((await overlay.count()) === 0, 'the overlay is back');
    check(loads > before, 'the page did not reload after the fix');
  });
  await step('the live-reload stream reopens after the fix', listening);

  await step('a CSS-only edit restyles the page without reloading it', async () => {
    await page.evaluate(() => {
      window.__marker = 1;
    });
    const before = loads;
    const restyled = page.waitForFunction(
      () =>
        getComputedStyle(document.documentElement).getPropertyValue('--dossier-probe').trim() ===
        'two',
      null,
      { timeout: WAIT },
    );
    writeSite(STYLESHEET, ':root { --dossier-probe: two; }\n');
    await restyled;
    // Give a wrongly scheduled reload a moment to show up.
    await page.waitForTimeout(500);
    check(loads === before, `the page reloaded (${loads - before} loads)`);
    check((await page.evaluate(() => window.__marker)) === 1, 'window.__marker is gone: full reload');
    check((await probe()) === 'two', 'the new style does not apply');
    const href = await page.evaluate(
      () => document.querySelector('link[rel="stylesheet"][href*="extra.css"]')?.href ?? '',
    );
    check(/[?&]v=/.test(href), `extra.css was not re-requested with ?v= (href ${href})`);
    check((await overlay.count()) === 0, 'an error overlay appeared');
    await showsText('Fixed body text.');
  });
} catch (err) {
  failed = err;
}

if (failed) {
  console.error(`FAIL: ${failed.message}`);
  for (const line of consoleLines) console.error(`  ${line}`);
  try {
    const text = await page.evaluate(() => document.body?.innerText ?? '');
    console.error(`page text at ${page.url()}:\n${text.slice(0, 2000)}`);
  } catch (e) {
    console.error(`(no page text: ${e.message})`);
  }
}
await browser.close().catch(() => {});
clearTimeout(watchdog);
if (!failed) log('all checks passed');
process.exit(failed ? 1 : 0);
