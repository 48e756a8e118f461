//! How build time grows with the size of one odd page, or with what odd
//! articles share (`dossier-bench page-scaling`).
//!
//! Real folders hold odd pages: a 30 MB text dump hard-wrapped without a
//! blank line, a forum thread of 100,000 links, a table of 20,000 rows, a
//! Markdown page of a thousand headings that all say "Update". A build
//! that is linear on ordinary pages can be quadratic on one such shape, and
//! then a single file stalls it (a 2 MB hard-wrapped text once took 42 s).
//! Each shape is built alone, in memory (load, clean, digest, Markdown,
//! templates), at one size and at eight times that size; a linear build
//! takes about eight times as long, a quadratic one about sixty-four.

use std::path::Path;

use crate::generate::Rng;
use crate::stats::median_ms;

/// Growth above this (for 8× the input) is reported as superlinear: twice
/// the linear ratio leaves room for cache effects and a noisy machine.
const SUSPECT: f64 = 16.0;

/// One odd shape of page: its name, file name (whose extension says how it
/// is read) and the text at `k` units.
struct Shape {
    name: &'static str,
    file: &'static str,
    make: fn(&mut Rng, usize) -> String,
}

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| rng.word()).collect::<Vec<_>>().join(" ")
}

fn repeat(k: usize, mut part: impl FnMut(usize) -> String) -> String {
    (0..k).map(&mut part).collect()
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "text hard-wrapped, no blank line, no full stop",
        file: "page.txt",
        make: |rng, k| repeat(2000 * k, |_| words(rng, 12) + "\n"),
    },
    Shape {
        name: "text one sentence a line",
        file: "page.txt",
        make: |rng, k| repeat(4000 * k, |_| rng.sentence() + "\n"),
    },
    Shape {
        name: "text paragraphs",
        file: "page.txt",
        make: |rng, k| {
            repeat(1000 * k, |_| {
                (0..3).map(|_| rng.sentence() + " ").collect::<String>() + "\n\n"
            })
        },
    },
    Shape {
        name: "text two-word lines (a menu)",
        file: "page.txt",
        make: |rng, k| repeat(20_000 * k, |_| words(rng, 2) + "\n"),
    },
    Shape {
        name: "HTML one long paragraph",
        file: "page.html",
        make: |rng, k| {
            format!(
                "<html><body><article><p>{}</p></article></body></html>",
                words(rng, 40_000 * k)
            )
        },
    },
    Shape {
        name: "HTML many paragraphs",
        file: "page.html",
        make: |rng, k| {
            let ps = repeat(2500 * k, |_| format!("<p>{}</p>", rng.sentence()));
            format!("<html><body><article>{ps}</article></body></html>")
        },
    },
    Shape {
        name: "HTML headings and paragraphs",
        file: "page.html",
        make: |rng, k| {
            let ps = repeat(2000 * k, |_| {
                format!("<h2>{}</h2><p>{}</p>", words(rng, 4), rng.sentence())
            });
            format!("<html><body><article>{ps}</article></body></html>")
        },
    },
    Shape {
        name: "HTML one paragraph of word spans",
        file: "page.html",
        make: |rng, k| {
            let spans = repeat(20_000 * k, |_| format!("<span>{}</span> ", rng.word()));
            format!("<html><body><p>{spans}</p></body></html>")
        },
    },
    Shape {
        name: "HTML lines split by <br>",
        file: "page.html",
        make: |rng, k| {
            let lines = repeat(3000 * k, |_| format!("{}<br>", rng.sentence()));
            format!("<html><body><div>{lines}</div></body></html>")
        },
    },
    Shape {
        name: "HTML links",
        file: "page.html",
        make: |rng, k| {
            let links = repeat(10_000 * k, |i| {
                format!("<a href=\"/x{i}\">{}</a> ", words(rng, 3))
            });
            format!("<html><body><article>{links}</article></body></html>")
        },
    },
    Shape {
        name: "HTML nested divs",
        file: "page.html",
        make: |rng, k| {
            let divs = repeat(10_000 * k, |_| {
                format!("<div><div><span>{}</span></div></div>", words(rng, 6))
            });
            format!("<html><body>{divs}</body></html>")
        },
    },
    Shape {
        name: "HTML list items",
        file: "page.html",
        make: |rng, k| {
            let items = repeat(10_000 * k, |_| format!("<li>{}</li>", words(rng, 5)));
            format!("<html><body><article><ul>{items}</ul></article></body></html>")
        },
    },
    Shape {
        name: "HTML table rows",
        file: "page.html",
        make: |rng, k| {
            let rows = repeat(1000 * k, |_| {
                format!(
                    "<tr>{}</tr>",
                    repeat(10, |_| format!("<td>{}</td>", words(rng, 3)))
                )
            });
            format!("<html><body><table>{rows}</table></body></html>")
        },
    },
    Shape {
        name: "Markdown headings with the same name",
        file: "page.md",
        make: |rng, k| {
            front_matter() + &repeat(2000 * k, |_| format!("## Update\n\n{}\n\n", rng.sentence()))
        },
    },
    Shape {
        name: "Markdown footnotes",
        file: "page.md",
        make: |rng, k| {
            front_matter()
                + &repeat(2000 * k, |i| {
                    format!("{}[^{i}]\n\n[^{i}]: {}\n\n", rng.sentence(), rng.sentence())
                })
        },
    },
    Shape {
        name: "Markdown code block",
        file: "page.md",
        make: |_, k| {
            front_matter()
                + "```rust\n"
                + &repeat(3000 * k, |i| format!("fn f{i}() {{ let x = {i}; }}\n"))
                + "```\n"
        },
    },
    Shape {
        name: "Markdown table rows",
        file: "page.md",
        make: |rng, k| {
            front_matter()
                + "| a | b |\n|---|---|\n"
                + &repeat(3000 * k, |i| format!("| {i} | {} |\n", words(rng, 4)))
        },
    },
];

fn front_matter() -> String {
    "---\ntitle: Odd page\ndate: 2026-01-05\n---\n".to_string()
}

/// A site whose articles are odd together: each ordinary, but the lists,
/// feeds and editions they share grow with more than their number. The
/// files at `k` units.
struct SiteShape {
    name: &'static str,
    make: fn(&mut Rng, usize) -> Vec<(String, String)>,
}

/// `n` Markdown articles, article `i` with front matter `fields(i)`.
fn articles(rng: &mut Rng, n: usize, fields: impl Fn(usize) -> String) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let body = (0..5).map(|_| rng.sentence() + " ").collect::<String>();
            (
                format!("a{i}.md"),
                format!("---\n{}\n---\n{body}\n", fields(i)),
            )
        })
        .collect()
}

/// `n` names made from `stem` as a YAML list.
fn names(stem: &str, n: usize) -> String {
    let names: Vec<String> = (0..n).map(|j| format!("{stem} {j}")).collect();
    format!("[{}]", names.join(", "))
}

const SITE_SHAPES: &[SiteShape] = &[
    SiteShape {
        name: "20 articles, each with many tags",
        make: |rng, k| {
            articles(rng, 20, |i| {
                format!(
                    "title: T{i}\ndate: 2026-01-05\ntags: {}",
                    names("tag", 100 * k)
                )
            })
        },
    },
    SiteShape {
        name: "20 articles, each with many authors",
        make: |rng, k| {
            articles(rng, 20, |i| {
                format!(
                    "title: T{i}\ndate: 2026-01-05\nauthors: {}",
                    names("Ann Lee", 100 * k)
                )
            })
        },
    },
    SiteShape {
        name: "many articles of one title, tag and day",
        make: |rng, k| {
            articles(rng, 150 * k, |_| {
                "title: Breaking news\ndate: 2026-01-05\ntags: [news]".into()
            })
        },
    },
    SiteShape {
        name: "many articles, a week apart (editions)",
        make: |rng, k| {
            articles(rng, 150 * k, |i| {
                let start = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).expect("a valid day");
                let day = start + chrono::Duration::days(7 * i as i64);
                format!("title: T{i}\ndate: {day}")
            })
        },
    },
];

/// What a shape writes at `k` units: its files under `content/`.
type Files = Box<dyn Fn(&mut Rng, usize) -> Vec<(String, String)>>;

/// The whole build, in memory, of a site whose articles are `files`.
fn build_ms(site: &Path, files: &[(String, String)], runs: usize) -> Result<f64, String> {
    let _ = std::fs::remove_dir_all(site.join("content"));
    for (file, text) in files {
        crate::generate::write_file(site, &format!("content/{file}"), text)
            .map_err(|e| e.to_string())?;
    }
    let options = dossier::pipeline::Options {
        root: site.to_path_buf(),
        ..Default::default()
    };
    let mut failed = None;
    let ms = median_ms(runs, || {
        if let Err(e) = dossier::pipeline::assemble(&options, &|_| {}) {
            failed = Some(e.to_string());
        }
    });
    match failed {
        Some(e) => Err(format!("the odd site did not build: {e}")),
        None => Ok(ms),
    }
}

/// Builds every shape, of one page and of a site, at `k` and `8k` units
/// (median of `runs`) and prints the times and their ratio; an error names
/// the shapes that grew superlinearly.
pub(crate) fn page_scaling(k: usize, runs: usize) -> Result<(), String> {
    let site = std::env::temp_dir().join(format!("dossier-scaling-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::generate::write_file(
        &site,
        "dossier.yaml",
        "title: Odd\nbase_url: https://example.org/\n",
    )
    .map_err(|e| e.to_string())?;
    let one = |file: &'static str, make: fn(&mut Rng, usize) -> String| {
        move |rng: &mut Rng, k: usize| vec![(file.to_string(), make(rng, k))]
    };
    let pages = SHAPES
        .iter()
        .map(|s| (s.name, Box::new(one(s.file, s.make)) as Files));
    let sites = SITE_SHAPES
        .iter()
        .map(|s| (s.name, Box::new(s.make) as Files));
    let mut suspect = Vec::new();
    println!("building one odd page, or a site of odd articles, at 1× and 8× its size, in memory, median of {runs}:");
    for (name, make) in pages.chain(sites) {
        let mut rng = Rng(0x5CA1E);
        let small = make(&mut rng, k);
        let large = make(&mut rng, 8 * k);
        let size = |files: &[(String, String)]| {
            files.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e3
        };
        let a = build_ms(&site, &small, runs)?;
        let b = build_ms(&site, &large, runs)?;
        let ratio = b / a.max(0.001);
        println!(
            "  {name:<48} {:>6.0} KB {a:>8.1} ms  {:>6.0} KB {b:>8.1} ms  {ratio:>5.1}×",
            size(&small),
            size(&large),
        );
        if ratio > SUSPECT {
            suspect.push(name);
        }
    }
    let _ = std::fs::remove_dir_all(&site);
    match suspect.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "the build grew more than {SUSPECT}× for 8× the input (superlinear): {}",
            suspect.join("; ")
        )),
    }
}
