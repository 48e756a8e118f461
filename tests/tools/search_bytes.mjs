// What a first search downloads: loads <site url>search/?q=<query> in
// headless Chromium and sums the bytes of every request under pagefind/.
//
//   node tests/tools/search_bytes.mjs http://127.0.0.1:8000/ oil
//
// Serve the built site with any static server first (python3 -m http.server
// --directory public 8000). Environment as for tests/browser.rs:
// DOSSIER_PLAYWRIGHT (default ~/.cache/dossier-ci/npm/node_modules/playwright-core),
// DOSSIER_CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';

const [base, query] = process.argv.slice(2);
if (!base || !query) {
  console.error('usage: node search_bytes.mjs <site url> <query>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.DOSSIER_PLAYWRIGHT
  || `${process.env.HOME}/.cache/dossier-ci/npm/node_modules/playwright-core`);
const browser = await chromium.launch({
  executablePath: process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
const sizes = new Map();
page.on('requestfinished', async (request) => {
  const sizesOf = await request.sizes();
  sizes.set(request.url(), sizesOf.responseBodySize + sizesOf.responseHeadersSize);
});
const started = Date.now();
await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, base).href);
await page.waitForFunction(() => /match|No articles/.test(document.getElementById('search-status').textContent), null, { timeout: 30_000 });
const took = Date.now() - started;
await page.waitForTimeout(300);
const status = await page.locator('#search-status').textContent();
let total = 0;
let count = 0;
for (const [url, bytes] of sizes) {
  if (url.includes('/pagefind/')) {
    total += bytes;
    count += 1;
  }
}
console.log(`${status} — first search downloaded ${(total / 1024).toFixed(1)} KiB in ${count} requests under pagefind/ (${took} ms to results)`);
await browser.close();
