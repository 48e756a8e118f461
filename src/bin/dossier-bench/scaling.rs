//! How cleaning time grows with the size of one page
//! (`dossier-bench clean-scaling`).
//!
//! Real folders hold odd pages: a 30 MB text dump hard-wrapped without a
//! blank line, a forum thread of 100,000 links, a table of 20,000 rows. A
//! cleaner that is linear on ordinary pages can be quadratic on one such
//! shape, and then a single file stalls the whole build (a 2 MB hard-wrapped
//! text once took 42 s). Each shape is cleaned at one size and at eight
//! times that size; a linear cleaner takes about eight times as long, a
//! quadratic one about sixty-four.

use dossier::clean::{clean, Hints, Kind};

use crate::generate::Rng;
use crate::stats::median_ms;

/// Growth above this (for 8× the input) is reported as superlinear: twice
/// the linear ratio leaves room for cache effects and a noisy machine.
const SUSPECT: f64 = 16.0;

/// One odd shape of page: its name, kind and the text at `k` units.
struct Shape {
    name: &'static str,
    kind: Kind,
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
        kind: Kind::Text,
        make: |rng, k| repeat(2000 * k, |_| words(rng, 12) + "\n"),
    },
    Shape {
        name: "text one sentence a line",
        kind: Kind::Text,
        make: |rng, k| repeat(4000 * k, |_| rng.sentence() + "\n"),
    },
    Shape {
        name: "text paragraphs",
        kind: Kind::Text,
        make: |rng, k| {
            repeat(1000 * k, |_| {
                (0..3).map(|_| rng.sentence() + " ").collect::<String>() + "\n\n"
            })
        },
    },
    Shape {
        name: "text two-word lines (a menu)",
        kind: Kind::Text,
        make: |rng, k| repeat(20_000 * k, |_| words(rng, 2) + "\n"),
    },
    Shape {
        name: "HTML one long paragraph",
        kind: Kind::Html,
        make: |rng, k| {
            format!(
                "<html><body><article><p>{}</p></article></body></html>",
                words(rng, 40_000 * k)
            )
        },
    },
    Shape {
        name: "HTML many paragraphs",
        kind: Kind::Html,
        make: |rng, k| {
            let ps = repeat(2500 * k, |_| format!("<p>{}</p>", rng.sentence()));
            format!("<html><body><article>{ps}</article></body></html>")
        },
    },
    Shape {
        name: "HTML headings and paragraphs",
        kind: Kind::Html,
        make: |rng, k| {
            let ps = repeat(2000 * k, |_| {
                format!("<h2>{}</h2><p>{}</p>", words(rng, 4), rng.sentence())
            });
            format!("<html><body><article>{ps}</article></body></html>")
        },
    },
    Shape {
        name: "HTML links",
        kind: Kind::Html,
        make: |rng, k| {
            let links = repeat(10_000 * k, |i| {
                format!("<a href=\"/x{i}\">{}</a> ", words(rng, 3))
            });
            format!("<html><body><article>{links}</article></body></html>")
        },
    },
    Shape {
        name: "HTML nested divs",
        kind: Kind::Html,
        make: |rng, k| {
            let divs = repeat(10_000 * k, |_| {
                format!("<div><div><span>{}</span></div></div>", words(rng, 6))
            });
            format!("<html><body>{divs}</body></html>")
        },
    },
    Shape {
        name: "HTML list items",
        kind: Kind::Html,
        make: |rng, k| {
            let items = repeat(10_000 * k, |_| format!("<li>{}</li>", words(rng, 5)));
            format!("<html><body><article><ul>{items}</ul></article></body></html>")
        },
    },
    Shape {
        name: "HTML table rows",
        kind: Kind::Html,
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
];

/// Cleans every shape at `k` and `8k` units (median of `runs`) and prints
/// the times and their ratio; an error names the shapes that grew
/// superlinearly.
pub(crate) fn clean_scaling(k: usize, runs: usize) -> Result<(), String> {
    let hints = Hints::default();
    let mut suspect = Vec::new();
    println!("cleaning one page at 1× and 8× its size, one thread, median of {runs}:");
    for shape in SHAPES {
        let mut rng = Rng(0x5CA1E);
        let small = (shape.make)(&mut rng, k);
        let large = (shape.make)(&mut rng, 8 * k);
        let time = |text: &str| {
            median_ms(runs, || {
                std::hint::black_box(clean(text, shape.kind, &hints));
            })
        };
        let (a, b) = (time(&small), time(&large));
        let ratio = b / a.max(0.001);
        println!(
            "  {:<48} {:>6.0} KB {:>8.1} ms  {:>6.0} KB {:>8.1} ms  {ratio:>5.1}×",
            shape.name,
            small.len() as f64 / 1e3,
            a,
            large.len() as f64 / 1e3,
            b
        );
        if ratio > SUSPECT {
            suspect.push(shape.name);
        }
    }
    match suspect.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "cleaning grew more than {SUSPECT}× for 8× the input (superlinear): {}",
            suspect.join("; ")
        )),
    }
}
