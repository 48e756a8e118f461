//! The `dossier` command line: a thin layer over the library's stages.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use dossier::config::Overrides;
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
    /// Create a new site (config, a sample article, a themes/ note).
    Init {
        /// Folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
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
            };
            with_progress(cli.quiet, |stage| pipeline::build(&options, stage)).map(|(stats, out)| {
                format!(
                    "Built {} articles, {} sections, {} terms: {} files in {} ({} ms)",
                    stats.articles,
                    stats.sections,
                    stats.terms,
                    stats.files,
                    out.display(),
                    started.elapsed().as_millis()
                )
            })
        }
        Command::Check { root, drafts } => {
            let options = Options {
                root,
                overrides: Overrides::default(),
                drafts,
            };
            with_progress(cli.quiet, |stage| pipeline::check(&options, stage)).map(|stats| {
                format!(
                    "Checked {} files: no broken internal links or anchors",
                    stats.files
                )
            })
        }
        Command::Init { dir } => dossier::init::init(&dir).map_err(Diagnostics::from).map(|()| {
            format!(
                "Created a new site in {}. Next: `dossier build --root {}` and open public/index.html",
                dir.display(),
                dir.display()
            )
        }),
    };
    match result {
        Ok(summary) => {
            if !cli.quiet {
                eprintln!("{summary}");
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            let n = diagnostics.0.len();
            eprintln!(
                "{n} error{}; nothing was written",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
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
