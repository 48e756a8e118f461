//! The generated digest every benchmark builds: deterministic Markdown and
//! raw articles (see `dossier-bench gen`).

use std::path::Path;

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
pub(crate) struct Rng(pub(crate) u64);

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
    pub(crate) fn word(&mut self) -> &'static str {
        if self.below(3) == 0 {
            GLUE[self.below(GLUE.len())]
        } else {
            WORDS[self.below(WORDS.len())]
        }
    }
    pub(crate) fn sentence(&mut self) -> String {
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
pub(crate) fn article(i: usize, rng: &mut Rng) -> (String, String) {
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
pub(crate) fn raw_article(i: usize, rng: &mut Rng, html: bool) -> (String, String) {
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
pub(crate) fn write_file(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
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
pub(crate) fn generate(n: usize, raw_per_mille: usize, out: &Path) -> std::io::Result<()> {
    generate_with_copies(n, raw_per_mille, 0, out)
}

/// [`generate`], plus a syndicated copy of every `copy_every`-th Markdown
/// article in `content/syndicated/` (none when 0).
pub(crate) fn generate_with_copies(
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
