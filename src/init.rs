//! `dossier init`: a new site that builds at once, with notes on where to go
//! next. Never overwrites anything.

use std::path::Path;

use crate::config::CONFIG_FILE;
use crate::diagnostic::{io_words, Diagnostic};

const THEMES_NOTE: &str = r#"# Themes

The default theme is built into `dossier`, so this folder can stay empty.

- To change one template, run `dossier theme copy page.html` (or
  `dossier theme copy` for all of them): it copies the default theme's
  template into this site's `templates/` folder, to edit there. Your file
  replaces the theme's, file by file; every template you do not override
  still comes from the theme. `dossier theme list` names them all.
- To make a whole theme, create `themes/<name>/templates/` and
  `themes/<name>/static/`, and set `theme: <name>` in dossier.yaml.
  Templates missing from your theme fall back to the default theme's.

Templates use Tera 2 (https://keats.github.io/tera/).
"#;

/// The scaffold: (path in the new site, text). Each file lives beside this
/// module in `src/init/`, so it reads as what the editor will see.
const FILES: [(&str, &str); 6] = [
    (CONFIG_FILE, include_str!("init/dossier.yaml")),
    (".gitignore", include_str!("init/gitignore")),
    ("content/_index.md", include_str!("init/_index.md")),
    ("content/notes/welcome.md", include_str!("init/welcome.md")),
    (
        "content/wire/harbour-strike.txt",
        include_str!("init/harbour-strike.txt"),
    ),
    ("themes/README.md", THEMES_NOTE),
];

/// What to do after `init`, with the real paths: the new site's output is
/// `my-digest/public/index.html`, not `public/index.html`.
pub fn next_steps(dir: &Path) -> String {
    let here = dir == Path::new(".") || dir.as_os_str().is_empty();
    let shown = dir.display();
    let index = dir.join("public").join("index.html");
    if here {
        format!(
            "Created a new site here.\nNext: `dossier serve` to preview it as you edit \
             (it prints the address), or `dossier build` and open {}",
            index.strip_prefix(".").unwrap_or(&index).display()
        )
    } else {
        format!(
            "Created a new site in {shown}.\nNext: `cd {shown} && dossier serve` to preview it as \
             you edit (it prints the address), or `dossier build --root {shown}` and open {}",
            index.display()
        )
    }
}

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
    for (path, text) in FILES {
        let dest = dir.join(path);
        // A folder being turned into a site may be a Git checkout already.
        if dest.exists() {
            continue;
        }
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::in_file(parent, format!("cannot create: {}", io_words(&e)))
            })?;
        }
        std::fs::write(&dest, text)
            .map_err(|e| Diagnostic::in_file(&dest, format!("cannot write: {}", io_words(&e))))?;
    }
    for empty in ["static", "templates"] {
        let d = dir.join(empty);
        std::fs::create_dir_all(&d)
            .map_err(|e| Diagnostic::in_file(&d, format!("cannot create: {}", io_words(&e))))?;
    }
    Ok(())
}
