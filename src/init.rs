//! `dossier init`: a new site that builds at once, with notes on where to go
//! next. Never overwrites anything.

use std::path::Path;

use crate::config::CONFIG_FILE;
use crate::diagnostic::Diagnostic;

const CONFIG: &str = r#"# Dossier site configuration. Every key is optional except base_url.
title: "My Digest"
description: "Analysis worth keeping, collected and cleaned."
# The address the site will be served from; a sub-path works too
# (https://example.org/digest/). `dossier build -u URL` overrides it.
base_url: "https://example.org/"
language: en
theme: default
output_dir: public
taxonomies: [tags, authors]
paginate_by: 10
highlight:
  light: InspiredGitHub
  dark: base16-ocean.dark
markdown:
  smart_punctuation: true
  unsafe_html: false
extra: {}
"#;

const INDEX: &str = r#"---
title: "My Digest"
description: "Analysis worth keeping."
---
Welcome to the digest. Articles in `content/` appear below, newest first.
"#;

const ARTICLE: &str = r#"---
title: "Welcome to your digest"
date: 2026-01-05
tags: [meta]
authors: [The Editors]
source: "My Digest"
---
This is a sample article. Edit or delete `content/notes/welcome.md`, then add
your own Markdown files (with front matter like this one's) to `content/`.

## What goes where

- `content/`: articles; each folder is a section with its own list page.
- `static/`: files copied as they are (images, downloads).
- `templates/`: your own versions of theme templates (see `themes/README.md`).

Run `dossier build` and open `public/index.html`.
"#;

const THEMES_NOTE: &str = r#"# Themes

The default theme is built into `dossier`, so this folder can stay empty.

- To change one template, copy it from the default theme (in Dossier's
  repository: `themes/default/templates/`) into this site's `templates/`
  folder and edit it there. Your file replaces the theme's, file by file;
  every template you do not override still comes from the theme.
- To make a whole theme, create `themes/<name>/templates/` and
  `themes/<name>/static/`, and set `theme: <name>` in dossier.yaml.
  Templates missing from your theme fall back to the default theme's.

Templates use Tera 2 (https://keats.github.io/tera/).
"#;

/// Creates a site in `dir` (made if missing). Refuses to touch a folder that
/// already holds a `dossier.yaml` or `content/`.
pub fn init(dir: &Path) -> Result<(), Diagnostic> {
    for existing in [CONFIG_FILE, "content"] {
        if dir.join(existing).exists() {
            return Err(Diagnostic::in_file(
                dir.join(existing),
                "already exists; `dossier init` never overwrites a site",
            )
            .hint("choose an empty or new folder: `dossier init my-digest`"));
        }
    }
    let files = [
        (CONFIG_FILE, CONFIG),
        ("content/_index.md", INDEX),
        ("content/notes/welcome.md", ARTICLE),
        ("themes/README.md", THEMES_NOTE),
    ];
    for (path, text) in files {
        let dest = dir.join(path);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::in_file(parent, format!("cannot create: {e}")))?;
        }
        std::fs::write(&dest, text)
            .map_err(|e| Diagnostic::in_file(&dest, format!("cannot write: {e}")))?;
    }
    for empty in ["static", "templates"] {
        let d = dir.join(empty);
        std::fs::create_dir_all(&d)
            .map_err(|e| Diagnostic::in_file(&d, format!("cannot create: {e}")))?;
    }
    Ok(())
}
