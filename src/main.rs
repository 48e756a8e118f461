//! The `dossier` command line: a thin layer over the library's stages.

use dossier::words::count;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use dossier::config::Overrides;
use dossier::content::extract::site_of;
use dossier::diagnostic::Diagnostics;
use dossier::pipeline::{self, Options};

/// Turns a folder of articles into a clean, fast static digest website.
#[derive(Parser)]
#[command(name = "dossier", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more about what happens (-vv for even more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    ///
    /// The new site replaces the output folder only when the whole build
    /// succeeded; on errors, every problem is printed and the previous output
    /// stays as it was.
    Build(BuildArgs),
    /// Create a new site: a commented dossier.yaml, a Markdown article, a raw
    /// article with boilerplate to drop, and a .gitignore.
    Init {
        /// Folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Build, serve the site on a local web server, rebuild on every change
    /// and reload open browser tabs.
    ///
    /// Serves from memory (public/ is not touched). Build errors never stop
    /// the server: it keeps serving the last good build and shows the error
    /// over every open page until the file is fixed.
    Serve {
        /// The site's root folder (holding dossier.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (the next free one is used if it is taken).
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback exposes the preview.
        #[arg(short, long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Include draft articles.
        #[arg(long)]
        drafts: bool,
        /// Base URL for the served pages (default: the server's own address).
        #[arg(short = 'u', long)]
        base_url: Option<String>,
    },
    /// Clean one raw article (.txt or .html) and print it as Markdown with
    /// front matter, or as JSON with every field.
    Extract {
        /// The raw article.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Show which blocks were dropped and why, instead of the article.
        #[arg(long)]
        explain: bool,
        /// The site the file belongs to, whose `clean:` rules, folder and
        /// sidecar apply (default: the site found above FILE, if any).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Clean the file on its own, even inside a site.
        #[arg(long, conflicts_with = "root")]
        alone: bool,
    },
    /// Measure cleaning quality: clean every page in PAGES (.html, .html.gz
    /// or .txt named by id) and score it against a truth file: bodies
    /// ({id: {"articleBody": …}}, word 4-gram shingles) and metadata
    /// ({id: {"title", "author", "publish_date"}}, exact per field).
    Eval {
        /// Folder of pages.
        pages: PathBuf,
        /// Ground-truth JSON.
        #[arg(long)]
        truth: PathBuf,
        /// Also write each page's Markdown body to DIR/<id>.txt and all it
        /// found to DIR/<id>.json.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the N worst pages by body F1, and up to N wrong fields.
        #[arg(long, default_value_t = 0)]
        worst: usize,
    },
    /// The built-in theme: list its files, or copy them into the site to
    /// edit there.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Render everything in memory and check internal links and anchors;
    /// writes nothing.
    Check {
        /// The site's root folder (holding dossier.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include draft articles.
        #[arg(long)]
        drafts: bool,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// List the built-in theme's templates and static files.
    List,
    /// Copy built-in templates (all of them when none is named) or static
    /// files into the site's templates/ and static/, never overwriting a
    /// file already there. Site files replace the theme's file by file.
    Copy {
        /// Files to copy, such as `page.html` or `static/style.css`.
        files: Vec<String>,
        /// The site's root folder (holding dossier.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Json,
}

#[derive(Args)]
struct BuildArgs {
    /// The site's root folder (holding dossier.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder (overrides output_dir in dossier.yaml; relative to the root).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Base URL (overrides base_url in dossier.yaml).
    #[arg(short = 'u', long)]
    base_url: Option<String>,
    /// Include draft articles.
    #[arg(long)]
    drafts: bool,
    /// Minify pages, stylesheets and scripts (as `minify: true` in
    /// dossier.yaml does); needs a dossier built with `--features minify`.
    #[arg(long)]
    minify: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.quiet, cli.verbose);
    let started = Instant::now();
    let result = match cli.command {
        Command::Build(args) => {
            let options = Options {
                root: args.root,
                overrides: Overrides {
                    base_url: args.base_url,
                    output_dir: args.output,
                },
                drafts: args.drafts,
                defer_search: false,
                fingerprint_assets: true,
                // Without the flag, dossier.yaml's `minify` decides.
                minify: args.minify.then_some(true),
            };
            with_progress(cli.quiet, |stage| pipeline::build(&options, stage)).map(|built| {
                print_report(&built.report, cli.quiet, cli.verbose);
                let stats = built.stats;
                format!(
                    "Built {}{}, {}, {}: {} in {} ({} ms){}",
                    count(stats.articles, "article", "articles"),
                    folded_note(&built.report),
                    count(stats.sections, "section", "sections"),
                    count(stats.terms, "term", "terms"),
                    count(stats.files, "file", "files"),
                    built.out.display(),
                    started.elapsed().as_millis(),
                    warnings_note(&built.report),
                )
            })
        }
        Command::Check { root, drafts } => {
            let options = Options {
                root,
                overrides: Overrides::default(),
                drafts,
                // `check` writes nothing, so it needs no index.
                defer_search: true,
                fingerprint_assets: true,
                // Links and anchors are the same minified or not.
                minify: Some(false),
            };
            with_progress(cli.quiet, |stage| pipeline::check(&options, stage)).map(
                |(stats, report)| {
                    print_report(&report, cli.quiet, cli.verbose);
                    format!(
                        "Checked {}: no broken internal links or anchors; {}{}{}",
                        count(stats.files, "file", "files"),
                        count(stats.articles, "article", "articles"),
                        folded_note(&report),
                        warnings_note(&report),
                    )
                },
            )
        }
        Command::Serve {
            root,
            port,
            interface,
            open,
            drafts,
            base_url,
        } => {
            let options = dossier::serve::ServeOptions {
                root,
                interface,
                port,
                open,
                drafts,
                base_url,
            };
            dossier::serve::serve(options).map(|()| String::new())
        }
        Command::Extract {
            file,
            format,
            explain,
            root,
            alone,
        } => {
            let root = root.or_else(|| (!alone).then(|| site_of(&file)).flatten());
            extract(&file, format, explain, root.as_deref())
        }
        Command::Eval {
            pages,
            truth,
            out,
            worst,
        } => eval(&pages, &truth, out.as_deref(), worst),
        Command::Init { dir } => dossier::init::init(&dir)
            .map_err(Diagnostics::from)
            .map(|()| dossier::init::next_steps(&dir)),
        Command::Theme {
            action: ThemeAction::List,
        } => {
            // To stdout, one per line, for scripts.
            println!("{}", dossier::theme_copy::list().join("\n"));
            Ok(String::new())
        }
        Command::Theme {
            action: ThemeAction::Copy { files, root },
        } => {
            dossier::theme_copy::copy(&root, &files).map(|done| dossier::theme_copy::summary(&done))
        }
    };
    match result {
        Ok(summary) => {
            if !cli.quiet && !summary.is_empty() {
                eprintln!("{summary}");
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            let n = diagnostics.0.len();
            eprintln!("{}; nothing was written", count(n, "error", "errors"));
            ExitCode::FAILURE
        }
    }
}

/// Warnings shown without `-v`; the rest are counted.
const WARNINGS_SHOWN: usize = 10;

/// Prints the digest's warnings (all of them with `-v`) and, with `-v`,
/// every folded story with its copies.
fn print_report(report: &dossier::digest::Report, quiet: bool, verbose: u8) {
    if quiet {
        return;
    }
    let shown = if verbose > 0 {
        usize::MAX
    } else {
        WARNINGS_SHOWN
    };
    for w in report.warnings.iter().take(shown) {
        eprintln!("warning: {w}");
    }
    if report.warnings.len() > shown {
        eprintln!(
            "… and {} more warnings (`-v` lists them all)",
            report.warnings.len() - shown
        );
    }
    if verbose > 0 {
        for (kept, copies) in &report.folded {
            eprintln!("folded into {}:", kept.display());
            for c in copies {
                eprintln!("  {}", c.display());
            }
        }
    }
}

fn folded_note(report: &dossier::digest::Report) -> String {
    match report.copies() {
        0 => String::new(),
        n => format!(
            " ({} folded into {})",
            count(n, "syndicated copy", "syndicated copies"),
            count(report.folded.len(), "story", "stories")
        ),
    }
}

fn warnings_note(report: &dossier::digest::Report) -> String {
    match report.warnings.len() {
        0 => String::new(),
        n => format!(", {}", count(n, "warning", "warnings")),
    }
}

/// `dossier extract`: prints to stdout, so it composes with redirection.
/// Inside a site (`root`), the file is cleaned as `build` cleans it and the
/// front matter printed is the one it is published with.
fn extract(
    file: &std::path::Path,
    format: Format,
    explain: bool,
    root: Option<&std::path::Path>,
) -> Result<String, Diagnostics> {
    use dossier::diagnostic::Diagnostic;
    let name = dossier::clean::source::RawName::of(file).ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::in_file(file, "not a raw article")
                .hint("extract reads .txt, .html or .htm files, gzipped (.gz) or not"),
        )
    })?;
    let kind = name.kind;
    let (article, published) = match root {
        Some(root) => {
            let config = dossier::config::Config::load(root, &Overrides::default())?;
            let site = dossier::content::extract::extract_in_site(root, &config, file)?;
            tracing::info!(
                "cleaned as the site at {} builds it{}",
                root.display(),
                site.sidecar
                    .as_ref()
                    .map(|s| format!(", with the sidecar {}", s.display()))
                    .unwrap_or_default()
            );
            (site.article, Some(site.front_matter))
        }
        None => {
            let bytes =
                dossier::clean::source::read(file, name, file).map_err(Diagnostics::from)?;
            let hints = dossier::clean::Hints {
                file_name: file.file_stem().map(|s| s.to_string_lossy().into_owned()),
                ..Default::default()
            };
            let text = dossier::clean::decode_for(&bytes, kind);
            (dossier::clean::clean(&text, kind, &hints), None)
        }
    };
    if let Some(warning) = dossier::content::raw::no_text(file, &article.body_markdown()) {
        eprintln!("warning: {warning}");
    }
    if explain {
        print!("{}", explanation(&article));
        return Ok(String::new());
    }
    match (format, published) {
        (Format::Md, None) => print!("{}", article.to_markdown()),
        (Format::Md, Some(fm)) => print!(
            "---\n{}---\n\n{}",
            dossier::yaml::to_string(&fm),
            article.body_markdown()
        ),
        (Format::Json, published) => {
            let mut v = serde_json::to_value(&article).unwrap_or_default();
            if let (Some(fm), Some(map)) = (published, v.as_object_mut()) {
                map.insert(
                    "front_matter".into(),
                    serde_json::to_value(fm).unwrap_or_default(),
                );
            }
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
    }
    Ok(String::new())
}

/// `extract --explain`: the metadata candidates seen and the choices made,
/// then every dropped block with its reason.
fn explanation(article: &dossier::clean::Article) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut field = "";
    for s in &article.seen {
        if s.field != field {
            field = s.field;
            let _ = writeln!(out, "{field}:");
        }
        // Titles run long: more of a value than of a dropped block.
        let value = clipped(&s.value, 120);
        match &s.chosen {
            Some(why) => {
                let _ = writeln!(out, "  * {value} (chosen: {why})");
            }
            None => {
                let _ = writeln!(out, "    {value} ({})", s.from);
            }
        }
    }
    let _ = writeln!(
        out,
        "kept {} blocks, dropped {}:",
        article.blocks.len(),
        article.dropped.len()
    );
    for d in &article.dropped {
        let _ = writeln!(out, "  - {}\n      {}", clipped(&d.text, 70), d.reason);
    }
    out
}

/// `text` quoted, cut to `most` characters with "…" after the quote when
/// cut, so a reader never takes a clipped value for the whole one.
fn clipped(text: &str, most: usize) -> String {
    let head: String = text.chars().take(most).collect();
    let more = if text.chars().count() > most {
        "…"
    } else {
        ""
    };
    format!("{head:?}{more}")
}

/// `dossier eval`: quality and speed of the cleaner on a benchmark folder.
fn eval(
    pages: &std::path::Path,
    truth: &std::path::Path,
    out: Option<&std::path::Path>,
    worst: usize,
) -> Result<String, Diagnostics> {
    use dossier::clean::eval::FIELDS;
    let fail = |m: String| Diagnostics::from(dossier::diagnostic::Diagnostic::new(m));
    let report = dossier::clean::eval::evaluate(pages, truth).map_err(fail)?;
    if let Some(out) = out {
        std::fs::create_dir_all(out).map_err(|e| fail(format!("{}: {e}", out.display())))?;
        for p in &report.pages {
            let json = serde_json::to_string_pretty(&p.article).unwrap_or_default();
            for (ext, bytes) in [("txt", &p.predicted), ("json", &json)] {
                let path = out.join(format!("{}.{ext}", p.id));
                std::fs::write(&path, bytes)
                    .map_err(|e| fail(format!("{}: {e}", path.display())))?;
            }
        }
    }
    let f1 = |(p, r): (f64, f64)| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let mut ranked: Vec<_> = report.pages.iter().filter(|p| p.body.is_some()).collect();
    ranked
        .sort_by(|a, b| f1(a.body.unwrap_or_default()).total_cmp(&f1(b.body.unwrap_or_default())));
    for p in ranked.iter().take(worst) {
        let (precision, recall) = p.body.unwrap_or_default();
        println!(
            "{:.3} P={precision:.3} R={recall:.3} {}",
            f1((precision, recall)),
            p.id
        );
    }
    let wrong = report.pages.iter().flat_map(|p| {
        p.meta
            .iter()
            .zip(FIELDS)
            .filter(|(exact, _)| **exact == Some(false))
            .map(move |(_, field)| (p, field))
    });
    for (p, field) in wrong.take(worst) {
        let a = &p.article;
        let found = match field {
            "title" => a.title.clone().unwrap_or_default(),
            "author" => a.authors.join(", "),
            _ => a.date.clone().unwrap_or_default(),
        };
        println!("wrong {field:<6} {:<40} found {found:?}", p.id);
    }
    if let Some(score) = report.score {
        println!(
            "pages: {}  precision: {:.4}  recall: {:.4}  F1: {:.4}",
            ranked.len(),
            score.precision,
            score.recall,
            score.f1
        );
    }
    if report.meta.any() {
        println!("field   pages  found   exact  token F1");
        for (field, s) in FIELDS.iter().zip(report.meta.0) {
            if s.pages > 0 {
                let f1 = if *field == "date" {
                    "-".to_string()
                } else {
                    format!("{:.3}", s.token_f1())
                };
                println!(
                    "{field:<7} {:>5}  {:>5.1}%  {:>5.1}%  {f1:>8}",
                    s.pages,
                    100.0 * s.found_share(),
                    100.0 * s.exact_share()
                );
            }
        }
    }
    let secs = report.elapsed.as_secs_f64().max(1e-9);
    println!(
        "speed (one thread): {:.0} pages/s, {:.1} MB/s ({:.3} s for {:.1} MB)",
        report.pages.len() as f64 / secs,
        report.bytes as f64 / 1e6 / secs,
        secs,
        report.bytes as f64 / 1e6
    );
    Ok(String::new())
}

fn init_tracing(quiet: bool, verbose: u8) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .init();
}

/// Runs `work`, showing a spinner with the current stage when stderr is a
/// terminal and the work takes longer than a moment.
fn with_progress<T>(quiet: bool, work: impl FnOnce(&dyn Fn(&str)) -> T) -> T {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    if !quiet && std::io::stderr().is_terminal() {
        let delayed = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            if !delayed.is_finished() {
                delayed.set_draw_target(ProgressDrawTarget::stderr());
                delayed.enable_steady_tick(Duration::from_millis(100));
            }
        });
    }
    let stage = |msg: &str| {
        tracing::info!("{msg}");
        bar.set_message(msg.to_string());
    };
    let result = work(&stage);
    bar.finish_and_clear();
    result
}
