/*
 * The search page. Loads Pagefind's engine and index only once there is
 * something to look for, so a page view without a search downloads none of
 * it. Result text is never inserted as HTML: Pagefind's excerpt is parsed
 * into an inert document and only its text and <mark> elements are copied.
 */
const form = document.querySelector(".search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const root = form.dataset.root;
// import() resolves against this script's address, not the page's: make it absolute.
const bundle = new URL(form.dataset.bundle, location.href).href;
const PAGE = 10;

let engine = null;
let sequence = 0;
let pending = null;

function say(text) {
  status.textContent = text;
}

async function load() {
  if (!engine) {
    engine = import(bundle + "pagefind.js").then(async (pagefind) => {
      await pagefind.options({ baseUrl: "/" });
      pagefind.init();
      return pagefind;
    });
    // A failed load may be retried on the next query.
    engine.catch(() => { engine = null; });
  }
  return engine;
}

/* Site path (with or without a leading slash) -> link from this page. */
function href(url) {
  let rel = url.replace(/^\/+/, "");
  if (location.protocol === "file:" && (rel === "" || rel.endsWith("/"))) rel += "index.html";
  return root + rel;
}

/* Pagefind's excerpt, as text nodes and <mark> elements only. */
function excerpt(html) {
  const out = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString("<!DOCTYPE html><body>" + html, "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function item(data) {
  const li = document.createElement("li");
  li.className = "search-result";
  const link = document.createElement("a");
  link.href = href(data.url);
  link.className = "search-result-title";
  link.textContent = (data.meta && data.meta.title) || data.url;
  const heading = document.createElement("h3");
  heading.append(link);
  li.append(heading);
  const facts = [];
  if (data.meta && data.meta.date) {
    const time = document.createElement("time");
    time.dateTime = data.meta.date;
    time.textContent = data.meta.date_display || data.meta.date;
    facts.push(time);
  }
  if (data.meta && data.meta.source) facts.push(document.createTextNode(data.meta.source));
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    facts.forEach((fact, i) => {
      if (i) meta.append(document.createTextNode(" · "));
      meta.append(fact);
    });
    li.append(meta);
  }
  const text = document.createElement("p");
  text.className = "search-result-excerpt";
  text.append(excerpt(data.excerpt || ""));
  li.append(text);
  return li;
}

async function show(results, from, query, mine) {
  const page = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
  if (mine !== sequence) return;
  list.querySelector(".search-more")?.remove();
  for (const data of page) list.append(item(data));
  const shown = Math.min(from + PAGE, results.length);
  if (shown < results.length) {
    const li = document.createElement("li");
    li.className = "search-more";
    const more = document.createElement("button");
    more.type = "button";
    more.textContent = `Show more results (${results.length - shown} left)`;
    more.addEventListener("click", () => {
      show(results, shown, query, mine).then(() => {
        list.querySelectorAll(".search-result-title")[shown]?.focus();
      });
    });
    li.append(more);
    list.append(li);
  }
}

async function run(query) {
  const mine = ++sequence;
  query = query.trim();
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    say("");
    return;
  }
  if (location.protocol === "file:") {
    say("Search needs the site served over HTTP (for example with `dossier serve`, or any static file server); it cannot run from files opened on disk.");
    return;
  }
  say("Searching…");
  let found;
  try {
    const pagefind = await load();
    found = await pagefind.search(query);
  } catch (error) {
    if (mine === sequence) say("Search could not load its index. Reload the page to try again.");
    return;
  }
  if (mine !== sequence || !found) return;
  const results = found.results;
  list.replaceChildren();
  if (!results.length) {
    say(`No articles match “${query}”.`);
    return;
  }
  await show(results, 0, query, mine);
  if (mine === sequence) {
    say(`${results.length} article${results.length === 1 ? "" : "s"} match “${query}”.`);
  }
}

input.addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(() => run(input.value), 150);
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(pending);
  run(input.value);
});

/* Arrows move through results, Escape goes back to the box (and clears it there). */
function links() {
  return [...list.querySelectorAll(".search-result-title, .search-more button")];
}

document.addEventListener("keydown", (event) => {
  const all = links();
  const at = all.indexOf(document.activeElement);
  if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
    if (at + 1 < all.length) {
      all[at + 1].focus();
      event.preventDefault();
    }
  } else if (event.key === "ArrowUp" && at >= 0) {
    (at === 0 ? input : all[at - 1]).focus();
    event.preventDefault();
  } else if (event.key === "Escape") {
    if (document.activeElement === input) {
      input.value = "";
      run("");
    } else if (at >= 0) {
      input.focus();
    }
  }
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
} else {
  input.focus();
}
