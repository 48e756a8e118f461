//! Incremental rebuilds must equal clean builds: random sequences of edits
//! (bodies, titles, dates, tags, new, deleted and renamed files, raw
//! articles, templates, config), each followed by a cached rebuild that is
//! compared byte for byte with a fresh full build of the same files.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use dossier::pipeline::{assemble, assemble_cached, Caches, Options};

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
    match rng.below(10) {
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
    for seed in [7u64, 1234, 987654321] {
        let mut rng = Rng(seed);
        let files: Vec<(String, String)> = (0..8)
            .map(|i| {
                (
                    format!("content/{}/p{i}.md", ["a", "b"][i % 2]),
                    random_article(&mut rng, i),
                )
            })
            .collect();
        let dir = site_owned(CONFIG, &files);
        let options = Options {
            root: dir.path().to_path_buf(),
            ..Options::default()
        };
        let mut caches = Caches::default();
        let quiet = |_: &str| {};
        outputs(assemble_cached(&options, &quiet, &mut caches)).expect("first build");
        for step in 0..25 {
            let touched = edit(&mut rng, dir.path(), step);
            for p in &touched {
                caches.forget(p);
            }
            let incremental = outputs(assemble_cached(&options, &quiet, &mut caches));
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
}
