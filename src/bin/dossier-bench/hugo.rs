//! Dossier against Hugo on the same articles (`dossier-bench compare`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::generate::{generate, write_file};
use crate::stats::median;

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

pub(crate) fn walk(dir: &Path) -> Vec<PathBuf> {
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
pub(crate) struct Run {
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

/// Dossier against Hugo on the same articles, alternating runs. Every run
/// writes a new, empty output folder, and nothing is deleted until the
/// caller is done with all sizes: on ext4 without a journal, creating files
/// within 30 s of deleting many others makes the kernel scan the recently
/// deleted inodes for each new one, a slowdown that grows with the number
/// deleted and swamped both tools' figures.
pub(crate) fn compare(n: usize, runs: usize) -> Result<Compared, String> {
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
pub(crate) struct Compared {
    pub(crate) dir: PathBuf,
    dossier: Run,
    hugo: Run,
}

/// How cost grows from the smallest to the largest size compared.
pub(crate) fn print_growth(sizes: &[(usize, &Compared)]) {
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

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}
