//! Micro-benchmarks of the hot stages: front matter, Markdown, highlighting,
//! templates (a whole small site), cleaning. `cargo bench --bench stages`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use dossier::clean::{clean, Hints, Kind};
use dossier::config::{Config, Overrides};
use dossier::config::{Highlight, MarkdownConfig};
use dossier::content::front_matter::{self, PageFrontMatter};
use dossier::highlight::Highlighter;
use dossier::pipeline::{assemble, Options};
use dossier::render::{render_all, Templates};
use dossier::site::Site;
use dossier::theme;

fn article(i: usize) -> String {
    let para = "Analysts said on Monday that oil prices rose sharply after the announcement, \
                surprising traders who had expected a quieter week in energy markets. ";
    let body: String = (0..8)
        .map(|k| {
            format!(
                "## Part {k}\n\n{}\n\n- first point\n- second point\n\n",
                para.repeat(4)
            )
        })
        .collect();
    format!(
        "---\ntitle: \"Article {i}\"\ndate: 2026-01-{:02}\ntags: [energy, rates, t{}]\nauthors: [Ada]\nsummary: \"A summary.\"\n---\n{body}",
        i % 28 + 1,
        i % 7
    )
}

const CODE: &str = "fn estimate(supply: f64, demand: f64) -> f64 {\n    // the gap, in percent\n    let gap = demand - supply;\n    gap / supply * 100.0\n}\n";

fn stages(c: &mut Criterion) {
    let text = article(1);
    let path = Path::new("content/a.md");
    c.bench_function("front matter: split and parse", |b| {
        b.iter(|| {
            let split = front_matter::split(black_box(&text), path).unwrap();
            let fm: PageFrontMatter = front_matter::parse(&split, path).unwrap();
            black_box(fm)
        })
    });

    let highlighter = Highlighter::new(&Highlight::default()).unwrap();
    let body = front_matter::split(&text, path).unwrap().body.to_string();
    let config = MarkdownConfig::default();
    c.bench_function("markdown: 1,000-word article", |b| {
        b.iter(|| {
            black_box(dossier::markdown::render(
                black_box(&body),
                &config,
                &highlighter,
                &|_| None,
            ))
        })
    });
    // Blocks are cached by content: a new block each iteration measures the
    // highlighting itself, the same block again measures the cache.
    let mut n = 0u64;
    c.bench_function("highlight: 5 lines of Rust (new block)", |b| {
        b.iter(|| {
            n += 1;
            let code = format!("{CODE}// {n}\n");
            black_box(highlighter.highlight(black_box(&code), "rust"))
        })
    });
    c.bench_function("highlight: 5 lines of Rust (seen before)", |b| {
        b.iter(|| black_box(highlighter.highlight(black_box(CODE), "rust")))
    });

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dossier.yaml"),
        "base_url: https://example.org/\ntaxonomies: [tags, authors]\n",
    )
    .unwrap();
    for i in 0..50 {
        let p = dir.path().join(format!("content/s{}/a{i}.md", i % 3));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, article(i)).unwrap();
    }
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    c.bench_function(
        "site: assemble 50 articles (all stages, templates included)",
        |b| b.iter(|| black_box(assemble(&options, &|_| {}).unwrap().stats)),
    );
    let config = Config::load(dir.path(), &Overrides::default()).unwrap();
    let templates = Templates::new(&theme::load(dir.path(), &config.theme).unwrap()).unwrap();
    let content = dossier::content::load(dir.path(), &config, false).unwrap();
    let site = Site::build(config, content, &highlighter).unwrap();
    c.bench_function("templates: render every page of the 50-article site", |b| {
        b.iter(|| black_box(render_all(&site, &templates).unwrap().len()))
    });

    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/wire/000_1920e010a6a74911.txt"),
    )
    .unwrap();
    c.bench_function("clean: the seed .txt", |b| {
        b.iter(|| black_box(clean(black_box(&seed), Kind::Text, &Hints::default())))
    });
    let html = format!(
        "<html><head><title>T - Site</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>T</h1>{}</article><footer>© Site</footer></body></html>",
        "<p>Analysts said on Monday that oil prices rose sharply after the announcement, surprising traders.</p>".repeat(30)
    );
    c.bench_function("clean: a 30-paragraph .html page", |b| {
        b.iter(|| black_box(clean(black_box(&html), Kind::Html, &Hints::default())))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
