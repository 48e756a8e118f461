//! One raw article of a site, cleaned exactly as `dossier build` cleans it,
//! for `dossier extract` run inside a site (or with `--root`): the
//! boilerplate its folder's other raw articles repeat, the editor's
//! `clean.drop` rules, the folder's `clean.sources` name and the sidecar
//! `NAME.yaml` all apply, so what `extract` prints is what is published.

use std::path::Path;

use super::files::walk_content;
use super::front_matter::PageFrontMatter;
use super::raw::{clean_one, folder_hints, folder_of, front_matter};
use super::CONTENT_DIR;
use crate::clean::Article;
use crate::config::{Config, CONFIG_FILE};
use crate::diagnostic::Diagnostic;

/// What `extract` shows of a raw article in a site.
#[derive(Debug)]
pub struct Extracted {
    /// What the cleaner found, with the site's hints.
    pub article: Article,
    /// The front matter the article is published with (cleaner, folder
    /// rule, sidecar).
    pub front_matter: PageFrontMatter,
    /// The sidecar's path, relative to the site root, when there is one.
    pub sidecar: Option<std::path::PathBuf>,
}

/// The site `file` belongs to: the nearest folder above it holding
/// `dossier.yaml` whose `content/` holds the file.
pub fn site_of(file: &Path) -> Option<std::path::PathBuf> {
    let abs = file.canonicalize().ok()?;
    abs.ancestors()
        .skip(1)
        .find(|dir| dir.join(CONFIG_FILE).is_file() && abs.starts_with(dir.join(CONTENT_DIR)))
        .map(Path::to_path_buf)
}

/// Cleans `file`, a raw article under `root/content/`, as a build would.
pub fn extract_in_site(root: &Path, config: &Config, file: &Path) -> Result<Extracted, Diagnostic> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (abs, content_abs) = match (file.canonicalize(), root.join(CONTENT_DIR).canonicalize()) {
        (Ok(a), Ok(c)) if a.starts_with(&c) => (a, c),
        _ => {
            return Err(Diagnostic::in_file(
                file,
                format!("not a file of the site's {CONTENT_DIR}/ folder"),
            )
            .hint(format!(
                "pass --root with the site that holds it (the folder with {CONFIG_FILE}), \
                 or run extract without --root to clean the file on its own"
            )))
        }
    };
    let walk = walk_content(&root, &content_abs);
    let Some(me) = walk.raw_files.iter().find(|f| f.abs == abs) else {
        return Err(
            Diagnostic::in_file(file, "not a raw article of the site").hint(
                "extract reads .txt, .html or .htm files; hidden and editor temp files are skipped",
            ),
        );
    };
    let folder = folder_of(&me.rel);
    // The folder's other raw articles teach the cleaner its boilerplate.
    let mut mine = None;
    let mut visible = Vec::new();
    for f in walk
        .raw_files
        .iter()
        .filter(|f| folder_of(&f.rel) == folder)
    {
        let (text, lines) = match super::raw::decode(f) {
            Ok(decoded) => decoded,
            Err(e) if f.abs == abs => return Err(e),
            // A sibling that cannot be read only teaches less.
            Err(_) => continue,
        };
        visible.push(lines);
        if f.abs == abs {
            mine = Some(text);
        }
    }
    let text = mine.unwrap_or_default();
    let hints = folder_hints(config, folder, visible.iter().map(String::as_str));
    let article = clean_one(me, &text, &hints);
    let (front_matter, _) = front_matter(me, article.clone(), config)?;
    Ok(Extracted {
        article,
        front_matter,
        sidecar: me.sidecar.as_ref().map(|(_, file)| file.clone()),
    })
}
