//! Benchmarks for Dossier (see the README's "Benchmarks" section).
//!
//! `dossier-bench gen --articles N --out DIR` writes a deterministic digest
//! site: Markdown articles with front matter (title, date, 2-4 tags from a
//! pool of 50, an author, a summary), 800-1,200 words of varied prose with
//! headings and lists, a fenced code block in one article of five, and a
//! share of raw `.txt` and `.html` articles with boilerplate.
//!
//! `dossier-bench edit-latency --articles N --edits 50` generates such a
//! site, starts `dossier serve` on it and measures, for each edit of one
//! article, the time from saving the file to its page serving the new text
//! (the front page, its tag page and the feed are then checked to have it
//! too: a rebuild swaps the whole site at once); prints p50 and p95.
//! `rebuild` times the same rebuilds in process, without watcher or HTTP.
//!
//! `dossier-bench compare` builds 1,000 and 10,000 articles with Dossier and
//! Hugo side by side, then prints cleaning throughput, what the digest costs
//! and the edit latency at the largest size.
//!
//! `dossier-bench digest-cost --articles N` times the digest's steps in
//! process on a site with 10% raw articles and one syndicated copy (a
//! hard-wrapped raw text of another article) per 20 articles: signatures,
//! folding, summaries, the whole digest and the editions, beside the whole
//! build in memory.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "market",
    "policy",
    "rates",
    "inflation",
    "supply",
    "demand",
    "energy",
    "shipping",
    "election",
    "budget",
    "growth",
    "trade",
    "tariff",
    "currency",
    "bond",
    "yield",
    "labour",
    "wages",
    "housing",
    "credit",
    "risk",
    "outlook",
    "forecast",
    "capacity",
    "investment",
    "export",
    "import",
    "grain",
    "freight",
    "chip",
    "battery",
    "lithium",
    "copper",
    "storage",
    "pipeline",
    "treaty",
    "coalition",
    "ministry",
    "agency",
    "report",
    "survey",
    "analysts",
    "traders",
    "officials",
    "voters",
    "companies",
    "households",
    "regulators",
    "banks",
    "ports",
];
const GLUE: &[&str] = &[
    "the", "a", "of", "in", "and", "to", "for", "on", "with", "as", "that", "while", "because",
    "although", "since", "under", "across", "against", "between", "after",
];
const AUTHORS: &[&str] = &[
    "Ada Byron",
    "Grace Hopper",
    "Ida Tarbell",
    "Nellie Bly",
    "Walter Lippmann",
    "Martha Gellhorn",
];
const SECTIONS: &[&str] = &["analysis", "briefings", "markets", "policy"];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn word(&mut self) -> &'static str {
        if self.below(3) == 0 {
            GLUE[self.below(GLUE.len())]
        } else {
            WORDS[self.below(WORDS.len())]
        }
    }
    fn sentence(&mut self) -> String {
        let n = 8 + self.below(18);
        let mut s: Vec<&str> = (0..n).map(|_| self.word()).collect();
        let first = s[0];
        let mut out = first[..1].to_uppercase() + &first[1..];
        s.remove(0);
        for w in s {
            out.push(' ');
            out.push_str(w);
        }
        out.push(['.', '.', '.', '?', '!'][self.below(5)]);
        out
    }
}

/// One generated article: (relative path, file text).
fn article(i: usize, rng: &mut Rng) -> (String, String) {
    let section = SECTIONS[i % SECTIONS.len()];
    let title = format!(
        "{} {} {} {i}",
        cap(WORDS[rng.below(WORDS.len())]),
        rng.word(),
        WORDS[rng.below(WORDS.len())]
    );
    // Later articles are newer: two hours apart from the start of 2023.
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let date = (start + chrono::Duration::hours(2 * i as i64))
        .format("%Y-%m-%dT%H:%M:00Z")
        .to_string();
    let tags: Vec<String> = (0..2 + rng.below(3))
        .map(|_| format!("tag-{}", rng.below(50)))
        .collect();
    let author = AUTHORS[rng.below(AUTHORS.len())];
    let words_target = 800 + rng.below(401);
    let mut body = String::new();
    let mut words = 0;
    let mut part = 1;
    while words < words_target {
        if words > 0 && rng.below(4) == 0 {
            body.push_str(&format!(
                "## Part {part}: {} {}\n\n",
                cap(rng.word()),
                WORDS[rng.below(WORDS.len())]
            ));
            part += 1;
        }
        if rng.below(6) == 0 {
            for _ in 0..3 + rng.below(3) {
                let s = rng.sentence();
                words += s.split_whitespace().count();
                body.push_str(&format!("- {s}\n"));
            }
            body.push('\n');
        }
        let sentences: Vec<String> = (0..3 + rng.below(4)).map(|_| rng.sentence()).collect();
        let p = sentences.join(" ");
        words += p.split_whitespace().count();
        body.push_str(&p);
        body.push_str("\n\n");
    }
    if i.is_multiple_of(5) {
        body.push_str(&format!(
            "```rust\nfn estimate(supply: f64, demand: f64) -> f64 {{\n    // gap {i}\n    (demand - supply) / supply * 100.0\n}}\n```\n"
        ));
    }
    let summary = rng.sentence();
    let text = format!(
        "---\ntitle: \"{title}\"\ndate: {date}\ntags: [{}]\nauthors: [\"{author}\"]\nsummary: \"{summary}\"\n---\n{body}",
        tags.join(", ")
    );
    (format!("content/{section}/article-{i:05}.md"), text)
}

/// A raw article with typical boilerplate around the body.
fn raw_article(i: usize, rng: &mut Rng, html: bool) -> (String, String) {
    let title = format!(
        "{} {} wire {i}",
        cap(WORDS[rng.below(WORDS.len())]),
        WORDS[rng.below(WORDS.len())]
    );
    let paragraphs: Vec<String> = (0..6 + rng.below(6))
        .map(|_| {
            (0..4 + rng.below(4))
                .map(|_| rng.sentence())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if html {
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        let text = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} - Wire Service</title></head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/markets\">Markets</a></nav>\n<article><h1>{title}</h1>\n{body}</article>\n<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/x\">Other story</a></li><li><a href=\"/y\">More news</a></li></ul></aside>\n<footer>© 2026 Wire Service. All rights reserved.</footer></body></html>\n"
        );
        (format!("content/wire/raw-{i:05}.html"), text)
    } else {
        let text = format!(
            "\n{title}\n{}\n\nLegal Disclaimer:\nThe provider supplies this information as is without warranty of any kind.\nMost popular stories\n- Promo headline one\n- Promo headline two\nComments\nNo comment\n",
            paragraphs.join("\n")
        );
        (format!("content/wire/raw-{i:05}.txt"), text)
    }
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Writes `text` to `root/rel`, making its folders.
fn write_file(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// A syndicated copy of Markdown article text: hard-wrapped raw text under
/// another site's navigation, with its own boilerplate tail.
fn syndicated_copy(markdown: &str) -> String {
    let body = markdown.splitn(3, "---\n").nth(2).unwrap_or(markdown);
    let mut out = String::from("Mirror Wire | Markets\nHome  World  Markets\n\n");
    for para in body
        .split("\n\n")
        .filter(|p| !p.starts_with(['#', '`', '-']))
    {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if line.len() + word.len() > 70 {
                out.push_str(line.trim_end());
                out.push('\n');
                line.clear();
            }
            line.push_str(word);
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push_str("\n\n");
    }
    out.push_str("Share this story\nCopyright 2026 Mirror Wire. All rights reserved.\n");
    out
}

/// Writes a site of `n` articles (`raw_per_mille` of them raw) into `out`.
fn generate(n: usize, raw_per_mille: usize, out: &Path) -> std::io::Result<()> {
    generate_with_copies(n, raw_per_mille, 0, out)
}

/// [`generate`], plus a syndicated copy of every `copy_every`-th Markdown
/// article in `content/syndicated/` (none when 0).
fn generate_with_copies(
    n: usize,
    raw_per_mille: usize,
    copy_every: usize,
    out: &Path,
) -> std::io::Result<()> {
    let write = |rel: &str, text: &str| write_file(out, rel, text);
    write(
        "dossier.yaml",
        "title: Bench Digest\ndescription: Generated for benchmarks\nbase_url: https://example.org/\ntaxonomies: [tags, authors]\npaginate_by: 10\nfeed_limit: 50\n",
    )?;
    let mut rng = Rng(0x5EED);
    for i in 0..n {
        let (rel, text) = if i % 1000 < raw_per_mille {
            raw_article(i, &mut rng, i % 2 == 0)
        } else {
            article(i, &mut rng)
        };
        if copy_every > 0 && i % copy_every == 0 && rel.ends_with(".md") {
            write(
                &format!("content/syndicated/copy-{i:05}.txt"),
                &syndicated_copy(&text),
            )?;
        }
        write(&rel, &text)?;
    }
    Ok(())
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median(times)
}

/// What the digest costs at `n` articles; see the module doc.
fn digest_cost(n: usize) -> Result<(), String> {
    use dossier::digest::{self, fold, summary};
    let dir = std::env::temp_dir().join(format!("dossier-digest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate_with_copies(n, 100, 20, &dir).map_err(|e| e.to_string())?;
    let config =
        dossier::config::Config::load(&dir, &Default::default()).map_err(|e| e.to_string())?;
    let content = dossier::content::load(&dir, &config, false).map_err(|e| e.to_string())?;
    let pages = &content.pages;
    let raw = pages
        .iter()
        .filter(|p| !dossier::content::is_markdown(&p.file))
        .count();
    use rayon::prelude::*;
    let runs = 5;
    let mut sigs = Vec::new();
    let signatures = median_ms(runs, || {
        sigs = pages
            .par_iter()
            .map(|p| fold::signature(&p.body))
            .collect::<Vec<_>>();
    });
    let docs: Vec<(&fold::Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
    let mut groups = Vec::new();
    let grouping = median_ms(runs, || groups = fold::groups(&docs, &Default::default()));
    let raw_pages: Vec<_> = pages
        .iter()
        .filter(|p| !dossier::content::is_markdown(&p.file))
        .collect();
    let summaries = median_ms(runs, || {
        raw_pages.par_iter().for_each(|p| {
            std::hint::black_box(summary::summarize(&p.body, digest::SUMMARY_WORDS));
        })
    });
    let mut digested = None;
    let whole = median_ms(runs, || {
        let mut cache = digest::DigestCache::default();
        digested =
            Some(digest::digest(content.clone(), &config, &mut cache).map_err(|e| e.to_string()));
    });
    let digested = digested.ok_or("no run")??;
    let mut editions = Vec::new();
    let edition_ms = median_ms(runs, || {
        editions = dossier::site::editions::build(&digested.content.pages, config.editions)
    });
    let options = dossier::pipeline::Options {
        root: dir.clone(),
        ..Default::default()
    };
    let build = median_ms(3, || {
        std::hint::black_box(dossier::pipeline::assemble(&options, &|_| {}).ok());
    });
    println!(
        "digest of {} loaded articles ({raw} raw, {} folded into {} stories), median of {runs}:",
        pages.len(),
        digested.report.copies(),
        digested.report.folded.len()
    );
    println!("  fold signatures {signatures:>8.1} ms   (all articles, 2 threads)");
    println!(
        "  folding groups  {grouping:>8.1} ms   ({} groups)",
        groups.len()
    );
    println!(
        "  summaries       {summaries:>8.1} ms   ({} raw articles)",
        raw_pages.len()
    );
    println!("  whole digest    {whole:>8.1} ms   (sources, folding, summaries, paths)");
    println!(
        "  editions        {edition_ms:>8.1} ms   ({} editions)",
        editions.len()
    );
    println!(
        "  whole build in memory {build:.0} ms: the digest is {:.0}% of it",
        whole / build * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// `p50 …, p95 …, min …, max …` of latencies in milliseconds.
fn latencies(times: &mut [f64]) -> String {
    times.sort_by(|a, b| a.total_cmp(b));
    match (times.first(), times.last()) {
        (Some(min), Some(max)) => format!(
            "p50 {:.1} ms, p95 {:.1} ms, min {min:.1} ms, max {max:.1} ms",
            percentile(times, 0.5),
            percentile(times, 0.95)
        ),
        _ => "no samples".to_string(),
    }
}

fn edit_latency(n: usize, edits: usize) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(n, 0, &dir).map_err(|e| e.to_string())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let exe = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .with_file_name("dossier");
    let started = Instant::now();
    let mut child = Command::new(&exe)
        .args(["serve", "--root"])
        .arg(&dir)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "{}: {e} (build it first: cargo build --release)",
                exe.display()
            )
        })?;
    while get(port, "/").is_none_or(|r| !r.starts_with("HTTP/1.1 200")) {
        if started.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            return Err("server did not start".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "site of {n} articles: first build and start {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let target = EditTarget::newest(n, &dir);
    let paths = target.paths();
    let file = &target.file;
    let mut times: Vec<f64> = Vec::new();
    for e in 0..edits {
        let marker = format!("edit-marker-{e}-{}", std::process::id());
        // The summary shows on lists and in the feed, the body on the page.
        let text = target.edited(&marker);
        let t0 = Instant::now();
        std::fs::write(file, text).map_err(|e| e.to_string())?;
        // A rebuild swaps in the whole site at once, so polling the page is
        // enough; the lists and the feed are then checked to be sure.
        loop {
            if get(port, &paths[0]).is_some_and(|r| r.contains(&marker)) {
                let elapsed = t0.elapsed();
                let stale = paths[1..]
                    .iter()
                    .find(|p| !get(port, p).is_some_and(|r| r.contains(&marker)));
                if let Some(stale) = stale {
                    let _ = child.kill();
                    return Err(format!("edit {e}: the page changed but {stale} did not"));
                }
                times.push(elapsed.as_secs_f64() * 1000.0);
                break;
            }
            if t0.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                return Err(format!("edit {e} not visible after 30 s"));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "edit saved → page updated (front page, tag page, feed checked), over {edits} edits: {}",
        latencies(&mut times)
    );
    Ok(())
}

/// The article a latency bench edits: the newest, so the edit shows on its
/// page, the front page, its first tag page and the feed.
struct EditTarget {
    file: PathBuf,
    original: String,
    section: String,
    slug: String,
    tag: String,
}

impl EditTarget {
    fn newest(n: usize, dir: &Path) -> EditTarget {
        // Its generated number is the highest; the generator is replayed
        // to find its text.
        let newest = n - 1;
        let (rel, original) = article(newest, &mut {
            let mut rng = Rng(0x5EED);
            for i in 0..newest {
                article(i, &mut rng);
            }
            rng
        });
        // Markdown pages take their slug from the file name.
        let slug = Path::new(&rel)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let section = rel.split('/').nth(1).unwrap_or("").to_string();
        let tag = original
            .lines()
            .find(|l| l.starts_with("tags:"))
            .and_then(|l| l.split(['[', ',', ']']).nth(1))
            .unwrap_or("")
            .trim()
            .to_string();
        EditTarget {
            file: dir.join(&rel),
            original,
            section,
            slug,
            tag,
        }
    }

    /// URL paths that must show edit `marker`: the page first.
    fn paths(&self) -> [String; 4] {
        [
            format!("/{}/{}/", self.section, self.slug),
            "/".to_string(),
            format!("/tags/{}/", self.tag),
            "/atom.xml".to_string(),
        ]
    }

    /// The article with `marker` in its summary (shown on lists and in the
    /// feed) and its body (shown on the page).
    fn edited(&self, marker: &str) -> String {
        self.original
            .replacen("summary: \"", &format!("summary: \"{marker} "), 1)
            .replacen("\n---\n", &format!("\n---\n{marker} "), 1)
    }
}

/// Rebuild time alone, in process: the same rebuilds `dossier serve` runs,
/// without the watcher's debounce or HTTP. Shows what the pipeline costs
/// apart from the plumbing around it.
fn rebuild(n: usize, edits: usize) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("dossier-rebuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(n, 0, &dir).map_err(|e| e.to_string())?;
    let mut rebuilder = dossier::serve::Rebuilder::new(dossier::pipeline::Options {
        root: dir.clone(),
        ..Default::default()
    });
    let started = Instant::now();
    let first = rebuilder
        .rebuild(&[])
        .ok_or("the first build produced nothing")?;
    if let Some(error) = &first.error {
        return Err(error.clone());
    }
    println!(
        "site of {n} articles: first build {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let target = EditTarget::newest(n, &dir);
    let page = format!("{}index.html", &target.paths()[0][1..]);
    // In-place edits take the patch path; a tag added or removed changes
    // the lists, so it takes the full (cached) path.
    /// Makes edit number `e` with `marker` in it.
    type Edit<'a> = &'a dyn Fn(&str, usize) -> String;
    let kinds: [(&str, Edit); 2] = [
        ("one edit in place (text, summary)", &|marker, _| {
            target.edited(marker)
        }),
        ("one retagging (a tag added or removed)", &|marker, e| {
            let text = target.edited(marker);
            match e % 2 {
                0 => text.replacen("tags: [", "tags: [bench-retag, ", 1),
                _ => text,
            }
        }),
    ];
    for (what, edit) in kinds {
        let mut times = Vec::with_capacity(edits);
        for e in 0..edits {
            let marker = format!("edit-marker-{what:.3}-{e}");
            std::fs::write(&target.file, edit(&marker, e)).map_err(|e| e.to_string())?;
            let t0 = Instant::now();
            let snapshot = rebuilder
                .rebuild(std::slice::from_ref(&target.file))
                .ok_or("an edit changed nothing")?;
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            let shown = snapshot
                .files
                .get(&page)
                .is_some_and(|b| String::from_utf8_lossy(b).contains(&marker));
            if !shown {
                return Err(format!("edit {e}: {page} does not show it"));
            }
        }
        println!(
            "rebuild after {what}, in process, over {edits} edits: {}",
            latencies(&mut times)
        );
    }
    // A raw article dropped in: a new file, so a new walk, cleaning, and
    // the full path.
    let mut rng = Rng(0xD209);
    let mut times = Vec::with_capacity(edits);
    let mut files = first.files.len();
    for e in 0..edits {
        let (rel, text) = raw_article(n + e, &mut rng, e % 2 == 0);
        write_file(&dir, &rel, &text).map_err(|e| e.to_string())?;
        let file = dir.join(rel);
        let t0 = Instant::now();
        let snapshot = rebuilder
            .rebuild(std::slice::from_ref(&file))
            .ok_or("a new article changed nothing")?;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        if let Some(error) = &snapshot.error {
            return Err(error.clone());
        }
        if snapshot.files.len() <= files {
            return Err(format!("drop {e}: no new page"));
        }
        files = snapshot.files.len();
    }
    println!(
        "rebuild after a raw article dropped in, in process, over {edits} drops: {}",
        latencies(&mut times)
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// A Hugo site with the same articles and the same work: article pages with
/// class-based highlighting, paginated front page and sections (10 per
/// page), tag and author pages, a feed and a sitemap.
fn write_hugo_site(dossier_site: &Path, out: &Path) -> std::io::Result<()> {
    let write = |rel: &str, text: &str| write_file(out, rel, text);
    write(
        "hugo.toml",
        "baseURL = 'https://example.org/'\ntitle = 'Bench Digest'\npaginate = 10\n\
         [taxonomies]\ntag = 'tags'\nauthor = 'authors'\n\
         [markup.highlight]\nnoClasses = false\n\
         [services.rss]\nlimit = 50\n\
         [outputs]\nhome = ['HTML', 'RSS']\nsection = ['HTML']\ntaxonomy = ['HTML']\nterm = ['HTML']\n",
    )?;
    let base = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }} · {{ .Site.Title }}</title>\
<link rel=\"stylesheet\" href=\"{{ \"style.css\" | relURL }}\"></head><body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a>\
<nav>{{ range .Site.Sections }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ end }}</nav></header><main>{{ block \"main\" . }}{{ end }}</main></body></html>";
    write("layouts/_default/baseof.html", base)?;
    write(
        "layouts/_default/single.html",
        "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p><time datetime=\"{{ .Date.Format \"2006-01-02\" }}\">{{ .Date.Format \"2 January 2006\" }}</time> · {{ .ReadingTime }} min · {{ range .Params.authors }}{{ . }} {{ end }}</p>\
<ul>{{ range .GetTerms \"tags\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ .TableOfContents }}{{ .Content }}\
{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</article>{{ end }}",
    )?;
    let list = "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}<article><h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2>\
<p>{{ .Date.Format \"2 January 2006\" }} · {{ .ReadingTime }} min</p><p>{{ .Summary }}</p><ul>{{ range .GetTerms \"tags\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}\
{{ with $p.Prev }}<a href=\"{{ .URL }}\">Newer</a>{{ end }} Page {{ $p.PageNumber }} of {{ $p.TotalPages }} {{ with $p.Next }}<a href=\"{{ .URL }}\">Older</a>{{ end }}{{ end }}";
    write("layouts/_default/list.html", list)?;
    write(
        "layouts/index.html",
        &list.replace(".Paginate .Pages", ".Paginate .Site.RegularPages"),
    )?;
    write(
        "layouts/_default/terms.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}",
    )?;
    write("static/style.css", "body { font-family: serif; }\n")?;
    // Same Markdown files; Hugo reads the YAML front matter as it is.
    for entry in walk(&dossier_site.join("content")) {
        let rel = entry
            .strip_prefix(dossier_site)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel.ends_with(".md") {
            let text = std::fs::read_to_string(&entry)?;
            write(&rel, &text)?;
        }
    }
    Ok(())
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// Runs `cmd` under `/usr/bin/time` and returns (wall s, cpu s, peak RSS MB).
/// One timed run: wall, user and system seconds, peak RSS in MB.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    wall: f64,
    user: f64,
    sys: f64,
    rss: f64,
}

impl Run {
    /// The median of each figure over `runs`.
    fn median(runs: &[Run]) -> Run {
        let of = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
        Run {
            wall: of(|r| r.wall),
            user: of(|r| r.user),
            sys: of(|r| r.sys),
            rss: of(|r| r.rss),
        }
    }
}

fn measure(cmd: &mut Command) -> Result<Run, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("command failed: {stderr}"));
    }
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("BENCH "))
        .ok_or("no timing line (is GNU time installed?)")?;
    let v: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    if v.len() != 4 {
        return Err(format!("bad timing line {line:?}"));
    }
    Ok(Run {
        wall: v[0],
        user: v[1],
        sys: v[2],
        rss: v[3] / 1024.0,
    })
}

fn timed(program: &Path) -> Command {
    let mut c = Command::new("/usr/bin/time");
    c.args(["-f", "BENCH %e %U %S %M"]).arg(program);
    c
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Dossier against Hugo on the same articles, alternating runs. Every run
/// writes a new, empty output folder, and nothing is deleted until the
/// caller is done with all sizes: on ext4 without a journal, creating files
/// within 30 s of deleting many others makes the kernel scan the recently
/// deleted inodes for each new one, a slowdown that grows with the number
/// deleted and swamped both tools' figures.
fn compare(n: usize, runs: usize) -> Result<Compared, String> {
    let hugo = which("hugo").ok_or("hugo is not installed (apt-get install hugo)")?;
    if !Path::new("/usr/bin/time").exists() {
        return Err("GNU time is not installed (apt-get install time)".into());
    }
    let dir = std::env::temp_dir().join(format!("dossier-compare-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (site, hugo_site) = (dir.join("dossier"), dir.join("hugo"));
    generate(n, 0, &site).map_err(|e| e.to_string())?;
    write_hugo_site(&site, &hugo_site).map_err(|e| e.to_string())?;
    let exe = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .with_file_name("dossier");
    let (mut d, mut h) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let out = dir.join(format!("out-dossier-{run}"));
        d.push(measure(
            timed(&exe)
                .args(["build", "-q", "--root"])
                .arg(&site)
                .arg("-o")
                .arg(&out),
        )?);
        let out = dir.join(format!("out-hugo-{run}"));
        h.push(measure(
            timed(&hugo)
                .args(["--quiet", "--source"])
                .arg(&hugo_site)
                .arg("--destination")
                .arg(&out),
        )?);
    }
    let (d, h) = (Run::median(&d), Run::median(&h));
    println!("{n} articles, median of {runs} alternating runs:");
    for (name, r) in [("dossier", d), ("hugo", h)] {
        println!(
            "  {name:<7}: wall {:.2} s, cpu {:.2} s (user {:.2}, system {:.2}), peak RSS {:.0} MB",
            r.wall,
            r.user + r.sys,
            r.user,
            r.sys,
            r.rss
        );
    }
    println!(
        "  dossier/hugo: wall {:.2}, cpu {:.2}, RSS {:.2}",
        d.wall / h.wall,
        (d.user + d.sys) / (h.user + h.sys),
        d.rss / h.rss
    );
    Ok(Compared {
        dir,
        dossier: d,
        hugo: h,
    })
}

/// What [`compare`] measured for one size, and the folder to delete.
struct Compared {
    dir: PathBuf,
    dossier: Run,
    hugo: Run,
}

/// How cost grows from the smallest to the largest size compared.
fn print_growth(sizes: &[(usize, &Compared)]) {
    let (Some((small, a)), Some((large, b))) = (sizes.first(), sizes.last()) else {
        return;
    };
    if small == large {
        return;
    }
    println!(
        "growth from {small} to {large} articles ({:.0}× the articles):",
        *large as f64 / *small as f64
    );
    for (name, x, y) in [("dossier", a.dossier, b.dossier), ("hugo", a.hugo, b.hugo)] {
        println!(
            "  {name:<7}: wall {:.1}×, user CPU {:.1}×, system CPU {:.1}×",
            y.wall / x.wall,
            y.user / x.user,
            y.sys / x.sys
        );
    }
}

/// Cleaning speed on generated raw articles (half `.txt`, half `.html`, with
/// boilerplate), on one thread: pages/s and MB/s of raw input.
fn clean_throughput(n: usize) -> Result<(), String> {
    let mut rng = Rng(0xC1EA);
    let docs: Vec<(dossier::clean::Kind, String)> = (0..n)
        .map(|i| {
            let html = i % 2 == 0;
            let kind = if html {
                dossier::clean::Kind::Html
            } else {
                dossier::clean::Kind::Text
            };
            (kind, raw_article(i, &mut rng, html).1)
        })
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let hints = dossier::clean::Hints::default();
    let mut times = Vec::new();
    for _ in 0..5 {
        let t0 = Instant::now();
        for (kind, text) in &docs {
            std::hint::black_box(dossier::clean::clean(text, *kind, &hints));
        }
        times.push(t0.elapsed().as_secs_f64());
    }
    let secs = median(times);
    println!(
        "cleaning {n} generated raw articles on one thread (median of 5): {:.0} pages/s, {:.1} MB/s",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // DOSSIER_LOG=debug shows the pipeline's stage timings.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => {
            let out = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)).map(PathBuf::from);
            match out {
                Some(out) => generate(arg(&args, "--articles", 1000), arg(&args, "--raw-per-mille", 100), &out)
                    .map_err(|e| e.to_string()),
                None => Err("usage: dossier-bench gen --articles N --out DIR [--raw-per-mille 100]".into()),
            }
        }
        Some("compare") => {
            let runs = arg(&args, "--runs", 5);
            // Both sizes by default: the ratio between them shows whether
            // cost grows linearly.
            let sizes = match args.iter().any(|a| a == "--articles") {
                true => vec![arg(&args, "--articles", 1000)],
                false => vec![1000, 10_000],
            };
            let largest = sizes.iter().copied().max().unwrap_or(1000);
            let mut done = Vec::new();
            let result = sizes
                .iter()
                .try_for_each(|&n| compare(n, runs).map(|c| done.push((n, c))))
                .map(|()| print_growth(&done.iter().map(|(n, c)| (*n, c)).collect::<Vec<_>>()))
                .and_then(|()| clean_throughput(1000))
                .and_then(|()| digest_cost(largest))
                .and_then(|()| edit_latency(largest, 50));
            for dir in done.into_iter().map(|(_, c)| c.dir) {
                if std::env::var_os("DOSSIER_BENCH_KEEP").is_some() {
                    println!("kept {}", dir.display());
                } else {
                    let _ = std::fs::remove_dir_all(&dir);
                }
            }
            result
        }
        Some("clean-throughput") => clean_throughput(arg(&args, "--articles", 1000)),
        Some("digest-cost") => digest_cost(arg(&args, "--articles", 10_000)),
        Some("rebuild") => rebuild(arg(&args, "--articles", 10_000), arg(&args, "--edits", 50)),
        Some("edit-latency") => edit_latency(arg(&args, "--articles", 10_000), arg(&args, "--edits", 50)),
        _ => Err("usage: dossier-bench gen --articles N --out DIR | compare [--articles N] [--runs 5] | clean-throughput [--articles 1000] | digest-cost [--articles 10000] | edit-latency [--articles 10000] [--edits 50] | rebuild [--articles 10000] [--edits 50]".into()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
