//! Incremental rebuilds must equal clean builds: random sequences of edits
//! (bodies, titles, dates, tags, new, deleted and renamed files, raw
//! articles, templates, config), each followed by a cached rebuild that is
//! compared byte for byte with a fresh full build of the same files. Long
//! "stories" and their copies (Markdown and hard-wrapped raw text) make
//! the digest fold and unfold along the way, across editions.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use dossier::pipeline::{assemble, assemble_cached, Caches, Changed, Options};

fn outputs(
    result: Result<dossier::pipeline::Assembled, dossier::diagnostic::Diagnostics>,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    match result {
        Ok(a) => Ok(a
            .outputs
            .iter()
            .map(|(p, o)| (p.clone(), o.bytes().unwrap().into_owned()))
            .collect()),
        Err(d) => Err(d.to_string()),
    }
}

/// A tiny deterministic generator (no dependency, reproducible by seed).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TAGS: [&str; 5] = ["energy", "rates", "trade", "Energy", "elections"];
const WORDS: [&str; 8] = [
    "oil", "markets", "rates", "policy", "ships", "votes", "grain", "chips",
];

fn random_article(rng: &mut Rng, n: usize) -> String {
    let title = format!("{} {} {}", WORDS[rng.below(8)], WORDS[rng.below(8)], n % 7);
    let date = format!("2026-0{}-1{}", 1 + rng.below(9), rng.below(10));
    let tags: Vec<&str> = (0..rng.below(3)).map(|_| TAGS[rng.below(5)]).collect();
    let link = if rng.below(4) == 0 {
        "\n\nSee [a](@/a/p0.md)."
    } else {
        ""
    };
    let body: Vec<&str> = (0..5 + rng.below(20))
        .map(|_| WORDS[rng.below(8)])
        .collect();
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\ntags: [{}]\n---\n{}.\n\n## Part {}\n\nMore {}.{link}\n",
        tags.join(", "),
        body.join(" "),
        rng.below(3),
        rng.below(100)
    )
}

fn raw_article(rng: &mut Rng) -> String {
    format!(
        "\nHeadline about {}\nAnalysts said on Monday that {} prices rose sharply after the announcement, surprising traders.\nThey expect the move to persist into the next quarter, citing tight supply and firm demand for {}.\nFollow our coverage on the partner network for daily updates\n",
        WORDS[rng.below(8)],
        WORDS[rng.below(8)],
        WORDS[rng.below(8)]
    )
}

/// A long story (about 90 words, enough to fold), the same for one `id`.
fn story_text(id: u64) -> String {
    const VOCAB: [&str; 24] = [
        "harbour",
        "tariff",
        "senate",
        "drought",
        "refinery",
        "lender",
        "strike",
        "budget",
        "export",
        "pipeline",
        "coalition",
        "reactor",
        "wheat",
        "bond",
        "currency",
        "freight",
        "election",
        "subsidy",
        "mine",
        "court",
        "census",
        "vaccine",
        "satellite",
        "treaty",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (id + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut out = String::new();
    for sentence in 0..9 {
        let words: Vec<&str> = (0..10).map(|_| VOCAB[rng.below(VOCAB.len())]).collect();
        out.push_str(&format!("The {} {sentence}. ", words.join(" ")));
    }
    out
}

/// A Markdown article telling story `id`.
fn story_article(id: u64, date: &str) -> String {
    format!(
        "---\ntitle: \"Story {id}\"\ndate: {date}\ntags: [trade]\n---\n{}\n",
        story_text(id)
    )
}

/// A raw, hard-wrapped copy of story `id` from another site.
fn story_copy(id: u64) -> String {
    let mut out = format!("Story {id} as syndicated\n\n");
    let mut line = String::new();
    for word in story_text(id).split(' ') {
        if line.len() + word.len() > 60 {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(&line);
    out.push_str("\n\nShare this story on the partner network\n");
    out
}

/// Changes what an article says but (mostly) not where it sits: its body,
/// summary, description or template, sometimes with a broken or working
/// `@/` link, a draft flag or broken front matter.
fn edit_in_place(rng: &mut Rng, text: &str, step: usize) -> String {
    let Some((front, body)) = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
    else {
        return text.to_string();
    };
    let kept: Vec<&str> = front
        .lines()
        .filter(|l| {
            !["summary:", "description:", "template:", "draft:", "broken:"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    let mut front = kept.join("\n");
    // Earlier links go, so a broken one lasts one step (the patch path is
    // only tried after a good build).
    let mut body: String = body
        .lines()
        .filter(|l| !l.starts_with("See ["))
        .map(|l| format!("{l}\n"))
        .collect();
    // Mostly edits that keep the article in place; the rest must fall back
    // (and leave an error until the file is edited again).
    match rng.below(16) {
        // The body becomes a story's: the article may now fold with it.
        14 | 15 => body = format!("{}\n", story_text(rng.below(3) as u64)),
        0..=3 => body.push_str(&format!("\nUpdate {step}: {}.\n", WORDS[rng.below(8)])),
        // Lists show the summary: the edit must reach every pager.
        4..=6 => front.push_str(&format!("\nsummary: \"Summary {step}\"")),
        7 => body = format!("New lead {step}.\n\n{body}"),
        8 => front.push_str(&format!("\ndescription: \"About {}\"", WORDS[rng.below(8)])),
        9 => body.push_str("\nSee [p1](@/b/p1.md).\n"),
        10 => body.push_str("\nSee [gone](@/nowhere.md).\n"),
        11 => front.push_str("\ndraft: true"),
        12 => front.push_str("\ntemplate: missing.html"),
        _ => front.push_str("\nbroken: [unclosed"),
    }
    format!("---\n{front}\n---\n{body}")
}

/// One random edit; returns the paths it touched.
fn edit(rng: &mut Rng, root: &Path, step: usize) -> Vec<PathBuf> {
    let content = root.join("content");
    let existing: Vec<PathBuf> = walkdir(&content)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .filter(|p| !p.ends_with("_index.md"))
        .collect();
    let pick = |rng: &mut Rng| {
        existing[rng
            .below(existing.len().max(1))
            .min(existing.len().saturating_sub(1))]
        .clone()
    };
    let markdown: Vec<&PathBuf> = existing
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    match rng.below(19) {
        // Copies of a story: the digest folds them into it.
        16 => {
            let p = content.join(format!("c/copy{step}.md"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, story_article(rng.below(3) as u64, "2026-05-04")).unwrap();
            vec![p]
        }
        17 => {
            let p = content.join(format!("wire/copy{step}.txt"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, story_copy(rng.below(3) as u64)).unwrap();
            vec![p]
        }
        // A story's body replaced by another story's, or a new story.
        18 if !markdown.is_empty() => {
            let p = markdown[rng.below(markdown.len())].clone();
            std::fs::write(&p, story_article(rng.below(4) as u64, "2026-05-11")).unwrap();
            vec![p]
        }
        // In-place edits (the rebuild's patch path), and edits that look
        // like them but must fall back to the full path.
        10..=15 if !markdown.is_empty() => {
            // Sometimes two at once: one rebuild patches both, or neither.
            let count = if rng.below(3) == 0 { 2 } else { 1 };
            let mut touched = Vec::new();
            // Mostly articles that are not folded copies (those have no
            // page to patch, and take the full path).
            let originals: Vec<&PathBuf> = markdown
                .iter()
                .copied()
                .filter(|p| !p.to_string_lossy().contains("copy"))
                .collect();
            let pool = if originals.is_empty() || rng.below(4) == 0 {
                &markdown
            } else {
                &originals
            };
            for _ in 0..count {
                let p = pool[rng.below(pool.len())].clone();
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, edit_in_place(rng, &text, step)).unwrap();
                touched.push(p);
            }
            touched
        }
        0..=2 if !existing.is_empty() => {
            let p = pick(rng);
            let text = if p.extension().is_some_and(|e| e == "txt") {
                raw_article(rng)
            } else {
                random_article(rng, step)
            };
            std::fs::write(&p, text).unwrap();
            vec![p]
        }
        3 => {
            let dir = ["a", "b", "c"][rng.below(3)];
            let p = content.join(format!("{dir}/n{step}.md"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, random_article(rng, step)).unwrap();
            vec![p]
        }
        4 if existing.len() > 3 => {
            let p = pick(rng);
            std::fs::remove_file(&p).unwrap();
            vec![p]
        }
        5 if !existing.is_empty() => {
            let from = pick(rng);
            let to = from.with_file_name(format!(
                "r{step}.{}",
                from.extension().unwrap().to_string_lossy()
            ));
            std::fs::rename(&from, &to).unwrap();
            vec![from, to]
        }
        6 => {
            let p = content.join(format!("wire/w{step}.txt"));
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, raw_article(rng)).unwrap();
            vec![p]
        }
        7 => {
            let p = root.join("templates/page.html");
            let marker = rng.below(3);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, format!("{{% extends \"base.html\" %}}{{% block content %}}<h1>{{{{ page.title }}}}</h1>v{marker}{{{{ page.content | safe }}}}{{% endblock content %}}")).unwrap();
            vec![p]
        }
        8 => {
            let p = root.join("dossier.yaml");
            std::fs::write(
                &p,
                format!("{CONFIG}paginate_by: {}\n", 1 + rng.below(3))
                    .replace("paginate_by: 2\n", ""),
            )
            .unwrap();
            vec![p]
        }
        _ => {
            let p = content.join("a/_index.md");
            std::fs::write(
                &p,
                format!(
                    "---\ntitle: Section {}\n---\nIntro {}.\n",
                    rng.below(3),
                    rng.below(9)
                ),
            )
            .unwrap();
            vec![p]
        }
    }
}

#[test]
fn random_edit_sequences_equal_clean_builds() {
    random_edits(CONFIG, 12);
}

/// The same with topics on: they hang on statistics over every article, so
/// an edit keeps the patch path only when no topic anywhere can change.
#[test]
fn random_edit_sequences_equal_clean_builds_with_topics() {
    let config = CONFIG.replace(
        "taxonomies: [tags, authors]",
        "taxonomies: [tags, authors, topics]",
    );
    assert_ne!(config, CONFIG);
    random_edits(&config, 6);
}

/// Random edit sequences on a fixture site with `config`: after each, the
/// incremental build equals a clean one; at least `min_patched` rebuilds
/// took the patch path.
fn random_edits(config: &str, min_patched: usize) {
    let mut patched = 0;
    let mut folded = 0;
    for seed in [7u64, 1234, 987654321] {
        let mut rng = Rng(seed);
        let mut files: Vec<(String, String)> = (0..8)
            .map(|i| {
                (
                    format!("content/{}/p{i}.md", ["a", "b"][i % 2]),
                    random_article(&mut rng, i),
                )
            })
            .collect();
        files.push(("content/a/s0.md".into(), story_article(0, "2026-04-27")));
        files.push(("content/b/s1.md".into(), story_article(1, "2026-04-28")));
        files.push(("content/wire/s0.txt".into(), story_copy(0)));
        let dir = site_owned(config, &files);
        let options = Options {
            root: dir.path().to_path_buf(),
            ..Options::default()
        };
        let mut caches = Caches::default();
        let quiet = |_: &str| {};
        outputs(assemble_cached(&options, &quiet, &mut caches)).expect("first build");
        for step in 0..60 {
            let touched = edit(&mut rng, dir.path(), step);
            for p in &touched {
                caches.forget(p);
            }
            let result = assemble_cached(&options, &quiet, &mut caches);
            if let Ok(Changed::Only(_)) = result.as_ref().map(|a| &a.changed) {
                patched += 1;
            }
            if result.as_ref().is_ok_and(|a| a.report.copies() > 0) {
                folded += 1;
            }
            let incremental = outputs(result);
            let clean = outputs(assemble(&options, &quiet));
            match (&incremental, &clean) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(
                        a.keys().collect::<Vec<_>>(),
                        b.keys().collect::<Vec<_>>(),
                        "seed {seed} step {step}: file lists differ"
                    );
                    for (path, bytes) in a {
                        if bytes != &b[path] {
                            let (x, y) = (
                                String::from_utf8_lossy(bytes),
                                String::from_utf8_lossy(&b[path]),
                            );
                            let first = x.lines().zip(y.lines()).find(|(l, r)| l != r);
                            panic!("seed {seed} step {step}: {path} differs from a clean build: {first:?}");
                        }
                    }
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "seed {seed} step {step}"),
                _ => panic!(
                    "seed {seed} step {step}: incremental {incremental:?} vs clean {clean:?}",
                    incremental = incremental.as_ref().err(),
                    clean = clean.as_ref().err()
                ),
            }
        }
    }
    // Both rebuild paths must have been exercised, and folding too.
    assert!(
        patched >= min_patched,
        "only {patched} rebuilds took the patch path"
    );
    assert!(folded >= 10, "only {folded} rebuilds folded copies");
}

/// An edit that keeps an article in place is patched into the last build,
/// touching exactly the outputs that show it; one that moves it (a new
/// title re-sorts lists) rebuilds everything. Both equal a clean build.
#[test]
fn in_place_edits_touch_only_what_shows_the_article() {
    let article = |title: &str, date: &str, tags: &str, summary: &str| {
        format!("---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\nsummary: {summary}\n---\nBody of {title}.\n")
    };
    let dir = site(
        CONFIG,
        &[
            (
                "content/a/new.md",
                &article("New", "2026-03-01", "energy", "First"),
            ),
            (
                "content/a/mid.md",
                &article("Mid", "2026-02-01", "rates", "Mid"),
            ),
            (
                "content/a/old.md",
                &article("Old", "2026-01-01", "energy", "Old"),
            ),
            (
                "content/b/other.md",
                &article("Other", "2025-12-01", "rates", "Other"),
            ),
        ],
    );
    // As `serve` builds: the search index is left to its own thread (a
    // `build`-style patch rebuilds the whole index, checked by the random
    // edit sequences above).
    let options = Options {
        root: dir.path().to_path_buf(),
        defer_search: true,
        ..Options::default()
    };
    let quiet = |_: &str| {};
    let mut caches = Caches::default();
    let first = assemble_cached(&options, &quiet, &mut caches).unwrap();
    assert_eq!(first.changed, Changed::All);

    let file = dir.path().join("content/a/new.md");
    std::fs::write(&file, article("New", "2026-03-01", "energy", "Second")).unwrap();
    caches.forget(&file);
    let patched = assemble_cached(&options, &quiet, &mut caches).unwrap();
    let Changed::Only(mut touched) = patched.changed.clone() else {
        panic!("a summary edit was not patched");
    };
    touched.sort();
    // Its page, the front page, its section's first pager, its tag's page,
    // its edition and the feeds of the site, its section, its tag and the
    // editions; not
    // the other articles, sections or tags, nor their feeds.
    assert_eq!(
        touched,
        [
            "a/atom.xml",
            "a/feed.json",
            "a/index.html",
            "a/new/index.html",
            "a/rss.xml",
            "atom.xml",
            "editions/2026-W09/index.html",
            "editions/atom.xml",
            "editions/feed.json",
            "editions/rss.xml",
            "feed.json",
            "index.html",
            "rss.xml",
            "tags/energy/atom.xml",
            "tags/energy/feed.json",
            "tags/energy/index.html",
            "tags/energy/rss.xml",
        ]
    );
    let clean = outputs(assemble(&options, &quiet)).unwrap();
    assert_eq!(outputs(Ok(patched)).unwrap(), clean);

    std::fs::write(&file, article("Renamed", "2026-03-01", "energy", "Second")).unwrap();
    caches.forget(&file);
    let full = assemble_cached(&options, &quiet, &mut caches).unwrap();
    assert_eq!(full.changed, Changed::All);
    assert_eq!(
        outputs(Ok(full)).unwrap(),
        outputs(assemble(&options, &quiet)).unwrap()
    );
}

/// Several files in one rebuild: in-place edits to two articles are patched
/// together; an in-place edit with a structural one falls back to the full
/// path. Both equal a clean build.
#[test]
fn batches_of_edits_patch_together_or_not_at_all() {
    let article = |title: &str, date: &str, summary: &str| {
        format!("---\ntitle: {title}\ndate: {date}\ntags: [energy]\nsummary: {summary}\n---\nBody of {title}.\n")
    };
    let dir = site(
        CONFIG,
        &[
            ("content/a/one.md", &article("One", "2026-03-01", "s1")),
            ("content/b/two.md", &article("Two", "2026-02-01", "s2")),
            ("content/b/three.md", &article("Three", "2026-01-01", "s3")),
        ],
    );
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    let quiet = |_: &str| {};
    let mut caches = Caches::default();
    assemble_cached(&options, &quiet, &mut caches).unwrap();
    let path = |rel: &str| dir.path().join(rel);

    std::fs::write(
        path("content/a/one.md"),
        article("One", "2026-03-01", "new 1"),
    )
    .unwrap();
    std::fs::write(
        path("content/b/two.md"),
        article("Two", "2026-02-01", "new 2"),
    )
    .unwrap();
    caches.forget(&path("content/a/one.md"));
    caches.forget(&path("content/b/two.md"));
    let both = assemble_cached(&options, &quiet, &mut caches).unwrap();
    let Changed::Only(touched) = &both.changed else {
        panic!("two in-place edits were not patched");
    };
    for page in ["a/one/index.html", "b/two/index.html", "index.html"] {
        assert!(
            touched.iter().any(|t| t == page),
            "{page} not in {touched:?}"
        );
    }
    assert_eq!(
        outputs(Ok(both)).unwrap(),
        outputs(assemble(&options, &quiet)).unwrap()
    );

    std::fs::write(
        path("content/a/one.md"),
        article("One", "2026-03-01", "newer 1"),
    )
    .unwrap();
    std::fs::write(
        path("content/b/three.md"),
        article("Three", "2026-04-01", "moved"),
    )
    .unwrap();
    caches.forget(&path("content/a/one.md"));
    caches.forget(&path("content/b/three.md"));
    let mixed = assemble_cached(&options, &quiet, &mut caches).unwrap();
    assert_eq!(
        mixed.changed,
        Changed::All,
        "a re-dated article must not be patched"
    );
    assert_eq!(
        outputs(Ok(mixed)).unwrap(),
        outputs(assemble(&options, &quiet)).unwrap()
    );
}

/// `.markdown` articles are Markdown too: an in-place edit is patched.
#[test]
fn markdown_extension_articles_are_patched_too() {
    let text = |summary: &str| {
        format!("---\ntitle: Long\ndate: 2026-01-01\nsummary: {summary}\n---\nBody.\n")
    };
    let dir = site(CONFIG, &[("content/a/long.markdown", &text("one"))]);
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    let quiet = |_: &str| {};
    let mut caches = Caches::default();
    assemble_cached(&options, &quiet, &mut caches).unwrap();
    let file = dir.path().join("content/a/long.markdown");
    std::fs::write(&file, text("two")).unwrap();
    caches.forget(&file);
    let patched = assemble_cached(&options, &quiet, &mut caches).unwrap();
    assert!(matches!(patched.changed, Changed::Only(_)), "not patched");
    assert_eq!(
        outputs(Ok(patched)).unwrap(),
        outputs(assemble(&options, &quiet)).unwrap()
    );
}
