//! The theme's templates, compiled once: Tera errors turned into
//! diagnostics on the template's own file and line.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use tera::{Context, Tera};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::theme::ThemeFiles;

/// Compiled templates and where each came from.
pub struct Templates {
    tera: Tera,
    origins: HashMap<String, String>,
    /// Hash of every template's name and text (and the stylesheet): outputs
    /// rendered with other templates are never reused.
    pub(super) fingerprint: u64,
    /// The theme's `style.css` (the site's own, where it has one), inlined
    /// into the 404 page, which is served at any path and opened from disk.
    pub(super) stylesheet: String,
}

impl Templates {
    /// Compiles every template; syntax errors name the template file and line.
    pub fn new(files: &ThemeFiles) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".htm", ".xml"]);
        let origins: HashMap<String, String> = files
            .templates
            .iter()
            .map(|(name, (_, origin))| (name.clone(), origin.clone()))
            .collect();
        let templates = files
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str()));
        let stylesheet = files
            .statics
            .get("style.css")
            .map(|f| match &f.source {
                crate::theme::Source::BuiltIn(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                crate::theme::Source::File(path) => {
                    std::fs::read_to_string(path).unwrap_or_default()
                }
            })
            .unwrap_or_default();
        let mut h = fingerprint::hasher();
        files
            .templates
            .iter()
            .for_each(|(name, (text, _))| (name, text).hash(&mut h));
        stylesheet.hash(&mut h);
        let fingerprint = h.finish();
        match tera.add_raw_templates(templates) {
            Ok(()) => Ok(Templates {
                tera,
                origins,
                fingerprint,
                stylesheet,
            }),
            Err(e) => Err(Templates::error_with(&origins, e).into()),
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.tera.get_template_names().collect();
        names.sort();
        names
    }

    pub(super) fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| Templates::error_with(&self.origins, e))
    }

    /// A template that includes or extends itself (`verb`), through `chain`,
    /// as a diagnostic on its real file.
    fn loop_error(
        origins: &HashMap<String, String>,
        tpl: &str,
        chain: &[String],
        verb: &str,
        hint: &str,
    ) -> Diagnostic {
        let file = origins.get(tpl).map_or(tpl, String::as_str);
        Diagnostic::in_file(
            file,
            format!(
                "template error: {verb} itself, so it would never end ({})",
                chain.join(&format!(" {verb} "))
            ),
        )
        .hint(hint)
    }

    /// A Tera error as a diagnostic on the template's real file and line.
    fn error_with(origins: &HashMap<String, String>, e: tera::Error) -> Diagnostic {
        match e.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let file = origins
                    .get(report.filename())
                    .cloned()
                    .unwrap_or_else(|| report.filename().to_string());
                Diagnostic::in_file(file, format!("template error: {}", report.message()))
                    .line(report.span().start_line)
            }
            tera::ErrorKind::CircularInclude { tpl, include_chain } => Templates::loop_error(
                origins,
                tpl,
                include_chain,
                "includes",
                "remove the `{% include %}` that leads back to this template",
            ),
            tera::ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => Templates::loop_error(
                origins,
                tpl,
                inheritance_chain,
                "extends",
                "make the `{% extends %}` chain end at a template that extends nothing",
            ),
            _ => {
                let mut message = format!("template error: {e}");
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    message.push_str(&format!(": {s}"));
                    source = s.source();
                }
                Diagnostic::new(message)
            }
        }
    }
}
