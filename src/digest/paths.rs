//! Every page a path of its own, with no clash the editor did not ask for.
//!
//! Real folders are full of repeated titles ("Lorem", "Home", a site name
//! as every headline), and raw articles take their slug from the title. A
//! clash between *derived* slugs is therefore settled, not reported as an
//! error: the page whose file sorts first keeps the path, the others get
//! `<slug>-<file name>/` (then `-2`, `-3`, … if that is taken too), and a
//! warning names both files. The result depends only on the set of files,
//! never on walk order or threads. Only a clash the editor wrote — two
//! `slug:`s, or a `slug:` onto a section or taxonomy page — is an error.
//!
//! Aliases (redirects) go where nothing else is: one that would shadow a
//! page, a list or another redirect is dropped with a warning.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::Report;
use crate::config::{Config, Editions};
use crate::content::slug::slugify;
use crate::content::{Page, Section};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The list pages under `editions/`.
pub const EDITIONS_PATH: &str = "editions/";

/// Who holds a path.
#[derive(Clone, Copy)]
enum Holder<'a> {
    Page(usize),
    List(&'a str),
}

/// Gives every page a unique path; see the module doc.
pub fn resolve(
    pages: &mut [Arc<Page>],
    sections: &BTreeMap<String, Section>,
    config: &Config,
    report: &mut Report,
) -> Result<(), Diagnostics> {
    let mut lists: Vec<(String, String)> = sections
        .values()
        .map(|s| {
            let owner = match &s.file {
                Some(f) => f.display().to_string(),
                None => format!("the list page of section folder `{}`", s.path),
            };
            (s.path.clone(), owner)
        })
        .collect();
    lists.extend(
        config
            .taxonomies
            .iter()
            .map(|t| (format!("{t}/"), format!("the `{t}` taxonomy pages"))),
    );
    if config.editions != Editions::Off {
        lists.push((EDITIONS_PATH.to_string(), "the edition pages".to_string()));
    }
    let mut taken: BTreeMap<String, Holder> = BTreeMap::new();
    for (path, owner) in &lists {
        taken.insert(path.clone(), Holder::List(owner));
    }

    // Explicit slugs first, then by file: whoever sorts first keeps a path.
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&pages[a], &pages[b]);
        pa.path
            .cmp(&pb.path)
            .then(pb.explicit_slug.cmp(&pa.explicit_slug))
            .then(pa.file.cmp(&pb.file))
    });
    let describe = |h: Holder, pages: &[Arc<Page>]| match h {
        Holder::Page(j) => pages[j].file.display().to_string(),
        Holder::List(owner) => owner.to_string(),
    };
    let mut errors = Vec::new();
    let mut movers = Vec::new();
    for &i in &order {
        let page = &pages[i];
        match taken.get(&page.path).copied() {
            None => {
                taken.insert(page.path.clone(), Holder::Page(i));
            }
            Some(holder) if page.explicit_slug => errors.push(
                Diagnostic::in_file(
                    &page.file,
                    format!(
                        "`slug:` puts this article at `{}`, which {} also uses",
                        page.path,
                        describe(holder, pages)
                    ),
                )
                .hint("give one of them a different `slug:`"),
            ),
            Some(holder) => movers.push((i, holder)),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }

    for (i, holder) in movers {
        let page = &pages[i];
        let stem = page
            .file
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
        let mut candidates = Vec::new();
        if !stem.is_empty() && stem != page.slug {
            candidates.push(format!("{}-{stem}", page.slug));
        }
        let free = candidates
            .into_iter()
            .chain((2..).map(|n| format!("{}-{n}", page.slug)))
            .find(|slug| !taken.contains_key(&format!("{}{slug}/", page.section)))
            .unwrap_or_default();
        let path = format!("{}{free}/", page.section);
        report.warnings.push(
            Diagnostic::in_file(
                &page.file,
                format!(
                    "`{}` is taken by {}; this article is at `{path}` instead",
                    page.path,
                    describe(holder, pages)
                ),
            )
            .hint(if crate::content::is_markdown(&page.file) {
                "set `slug:` in its front matter to choose its URL".to_string()
            } else {
                format!(
                    "set `slug:` in a sidecar file {} to choose its URL",
                    page.file.with_extension("yaml").display()
                )
            }),
        );
        taken.insert(path.clone(), Holder::Page(i));
        let page = Arc::make_mut(&mut pages[i]);
        page.slug = free;
        page.path = path;
    }

    place_aliases(pages, &mut taken, report);
    Ok(())
}

/// Keeps each page's aliases that shadow nothing; the first page by file
/// gets an alias two pages claim.
fn place_aliases(
    pages: &mut [Arc<Page>],
    taken: &mut BTreeMap<String, Holder>,
    report: &mut Report,
) {
    let mut order: Vec<usize> = (0..pages.len())
        .filter(|&i| !pages[i].aliases.is_empty())
        .collect();
    order.sort_by(|&a, &b| pages[a].file.cmp(&pages[b].file));
    let mut redirects: BTreeSet<String> = BTreeSet::new();
    for i in order {
        let mut kept = Vec::with_capacity(pages[i].aliases.len());
        for alias in &pages[i].aliases {
            if *alias == pages[i].path {
                continue;
            }
            let clash = taken.contains_key(alias) || redirects.contains(alias);
            if clash {
                report.warnings.push(
                    Diagnostic::in_file(
                        &pages[i].file,
                        format!("no redirect from `{alias}`: another page or redirect is there"),
                    )
                    .hint("remove the alias, or move what is at that path"),
                );
                continue;
            }
            redirects.insert(alias.clone());
            kept.push(alias.clone());
        }
        if kept != pages[i].aliases {
            Arc::make_mut(&mut pages[i]).aliases = kept;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(file: &str, slug: &str, explicit: bool) -> Arc<Page> {
        Arc::new(Page {
            file: file.into(),
            slug: slug.into(),
            path: format!("{slug}/"),
            explicit_slug: explicit,
            ..Page::default()
        })
    }

    fn config() -> Config {
        Config::parse(
            "base_url: https://e.org/\n",
            std::path::Path::new("d.yaml"),
            &Default::default(),
        )
        .unwrap()
    }

    /// `resolve` with no sections and the default config.
    fn run(pages: &mut [Arc<Page>]) -> Result<(), Diagnostics> {
        run_into(pages, &mut Report::default())
    }

    fn run_into(pages: &mut [Arc<Page>], report: &mut Report) -> Result<(), Diagnostics> {
        resolve(pages, &BTreeMap::new(), &config(), report)
    }

    fn paths(pages: &[Arc<Page>]) -> Vec<&str> {
        pages.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn derived_clashes_move_deterministically_and_warn() {
        let make = || {
            vec![
                page("content/z/9.html", "lorem", false),
                page("content/a/1.html", "lorem", false),
                page("content/b/lorem.html", "lorem", false),
                page("content/c/1.html", "lorem", false),
            ]
        };
        let mut pages = make();
        let mut report = Report::default();
        run_into(&mut pages, &mut report).unwrap();
        assert_eq!(
            paths(&pages),
            ["lorem-9/", "lorem/", "lorem-2/", "lorem-1/"]
        );
        assert_eq!(report.warnings.len(), 3);
        assert!(report.warnings[0].to_string().contains("content/a/1.html"));

        let mut reversed: Vec<_> = make().into_iter().rev().collect();
        run(&mut reversed).unwrap();
        let mut a: Vec<_> = pages
            .iter()
            .map(|p| (p.file.clone(), p.path.clone()))
            .collect();
        let mut b: Vec<_> = reversed
            .iter()
            .map(|p| (p.file.clone(), p.path.clone()))
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn explicit_slugs_win_and_clash_only_with_each_other() {
        let mut pages = vec![
            page("content/a.md", "x", false),
            page("content/b.md", "x", true),
        ];
        run(&mut pages).unwrap();
        assert_eq!(paths(&pages), ["x-a/", "x/"]);

        let mut pages = vec![
            page("content/a.md", "x", true),
            page("content/b.md", "x", true),
        ];
        let err = run(&mut pages).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert!(
            err.0[0].to_string().contains("content/a.md"),
            "{}",
            err.0[0]
        );
    }

    #[test]
    fn lists_keep_their_paths() {
        let mut pages = vec![
            page("content/tags.md", "tags", false),
            page("content/e.md", "editions", true),
        ];
        let err = run(&mut pages).unwrap_err();
        assert!(err.0[0].message.contains("edition pages"), "{}", err.0[0]);
        let mut pages = vec![page("content/tags.md", "tags", false)];
        run(&mut pages).unwrap();
        assert_eq!(paths(&pages), ["tags-2/"]);
    }

    #[test]
    fn aliases_never_shadow() {
        let mut a = Page::clone(&page("content/a.md", "a", false));
        a.aliases = vec!["b/".into(), "old/".into(), "a/".into()];
        let mut c = Page::clone(&page("content/c.md", "c", false));
        c.aliases = vec!["old/".into()];
        let mut pages = vec![Arc::new(a), page("content/b.md", "b", false), Arc::new(c)];
        let mut report = Report::default();
        run_into(&mut pages, &mut report).unwrap();
        assert_eq!(pages[0].aliases, ["old/"]);
        assert!(pages[2].aliases.is_empty());
        assert_eq!(report.warnings.len(), 2);
    }
}
