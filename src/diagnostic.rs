//! Errors a person can act on: every problem names its file (and line where
//! known), says what is wrong and, where we can tell, what to do about it.
//!
//! A build collects *all* diagnostics before giving up, so one run shows every
//! broken file instead of making the user fix them one at a time.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found while building a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file at fault, as the user would type it (relative to the site root
    /// where possible).
    pub file: Option<PathBuf>,
    /// 1-based line in `file`, when known.
    pub line: Option<usize>,
    pub message: String,
    /// What to do about it, when there is a clear answer.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            file: None,
            line: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn in_file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic::new(message).file(file)
    }

    /// `file` could not be read, said in words: a permission problem and a
    /// file gone mid-build each say what to do (the system's own wording,
    /// "Permission denied (os error 13)", says neither).
    pub fn unreadable(file: impl AsRef<Path>, error: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::PermissionDenied => {
                Diagnostic::in_file(file, "cannot be read: permission denied")
                    .hint("make it readable (`chmod`), or move it out of the site folder")
            }
            ErrorKind::NotFound => {
                Diagnostic::in_file(file, "disappeared while the site was being read")
                    .hint("build again once files stop changing")
            }
            _ => Diagnostic::in_file(file, format!("cannot be read: {}", io_words(error))),
        }
    }

    pub fn file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn maybe_line(mut self, line: Option<usize>) -> Self {
        self.line = line.or(self.line);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => {
                write!(f, "{}:{}: ", visible(&file.display().to_string()), line)?
            }
            (Some(file), None) => write!(f, "{}: ", visible(&file.display().to_string()))?,
            _ => {}
        }
        write!(f, "{}", visible(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {}", visible(hint))?;
        }
        Ok(())
    }
}

/// `text` with control characters shown as escapes (`\u{1b}`): messages
/// quote file names and values from content, and a scraped page must not
/// drive the editor's terminal (colours, titles, cursor moves).
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// Every problem a build found; non-empty by construction when returned as an
/// error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn one(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl Diagnostics {
    /// One diagnostic per cause: the same message at the same place (a
    /// template typo hit by every page) is reported once, its hint telling
    /// how many more `things` hit it, in the order first seen.
    pub fn once_per_cause(errors: Vec<Diagnostic>, things: &str) -> Diagnostics {
        let mut groups: Vec<(Diagnostic, usize)> = Vec::new();
        let mut index: std::collections::HashMap<(Option<PathBuf>, Option<usize>, String), usize> =
            std::collections::HashMap::new();
        for d in errors {
            let key = (d.file.clone(), d.line, d.message.clone());
            match index.get(&key) {
                Some(&i) => groups[i].1 += 1,
                None => {
                    index.insert(key, groups.len());
                    groups.push((d, 0));
                }
            }
        }
        Diagnostics(
            groups
                .into_iter()
                .map(|(d, more)| match more {
                    0 => d,
                    _ => {
                        let also = format!("{more} more {things} hit the same error");
                        let hint = match &d.hint {
                            Some(h) => format!("{h}; {also}"),
                            None => also,
                        };
                        d.hint(hint)
                    }
                })
                .collect(),
        )
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics::one(d)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Returns the closest candidate to `word`, if one is close enough to be a
/// plausible typo; used to suggest valid config and front matter keys.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// An I/O error as a person reads it: the system's words without Rust's
/// " (os error 28)" suffix, which names nothing a user can act on.
pub fn io_words(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_lose_the_os_error_number() {
        let full = std::io::Error::from_raw_os_error(28);
        assert_eq!(io_words(&full), "No space left on device");
        let custom = std::io::Error::other("odd (os error x");
        assert_eq!(io_words(&custom), "odd (os error x");
    }

    #[test]
    fn unreadable_files_are_said_in_words() {
        use std::io::{Error, ErrorKind};
        let said = |kind| Diagnostic::unreadable("content/a.md", &Error::from(kind)).to_string();
        let denied = said(ErrorKind::PermissionDenied);
        assert!(
            denied.contains("content/a.md") && denied.contains("permission denied"),
            "{denied}"
        );
        assert!(
            denied.contains("chmod") && !denied.contains("os error"),
            "{denied}"
        );
        let gone = said(ErrorKind::NotFound);
        assert!(
            gone.contains("disappeared while the site was being read"),
            "{gone}"
        );
        assert!(gone.contains("build again"), "{gone}");
    }

    #[test]
    fn display_names_file_line_and_hint() {
        let d = Diagnostic::in_file("content/a.md", "bad date")
            .line(3)
            .hint("use YYYY-MM-DD");
        assert_eq!(
            d.to_string(),
            "content/a.md:3: bad date\n  help: use YYYY-MM-DD"
        );
    }

    #[test]
    fn one_diagnostic_per_cause_counting_the_rest() {
        let typo = |page: &str| {
            Diagnostic::in_file("templates/page.html", "unknown field `nope`")
                .line(1)
                .hint(format!("while rendering {page}"))
        };
        let other = Diagnostic::in_file("templates/list.html", "bad filter").line(4);
        let merged = Diagnostics::once_per_cause(
            vec![typo("a/"), other.clone(), typo("b/"), typo("c/")],
            "pages",
        );
        assert_eq!(merged.0.len(), 2);
        assert_eq!(
            merged.0[0].hint.as_deref(),
            Some("while rendering a/; 2 more pages hit the same error")
        );
        assert_eq!(merged.0[1].to_string(), other.to_string());
    }

    #[test]
    fn control_characters_from_content_are_shown_not_sent() {
        let d = Diagnostic::in_file(
            "content/\u{1b}[31mevil.md",
            "`date: \u{1b}]0;pwned\u{7}` is bad",
        )
        .hint("tab\there");
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(shown.contains("\\u{1b}[31mevil.md"), "{shown}");
        assert!(shown.contains("\\u{7}"), "{shown}");
    }

    #[test]
    fn closest_suggests_typos_only() {
        let keys = ["title", "description", "base_url"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("baseurl", keys), Some("base_url"));
        assert_eq!(closest("zzz", keys), None);
    }
}
