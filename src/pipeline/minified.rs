//! `--minify` in the pipeline: which outputs go through `crate::minify`,
//! and when. Stylesheets and scripts are minified before they are hashed,
//! so their content-hashed names are those of the bytes published; pages
//! last, once every page exists, in parallel.

use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, CONFIG_FILE};
use crate::diagnostic::Diagnostic;
use crate::minify;
use crate::output::{Data, Output};
use crate::theme::ThemeFiles;

/// Whether this build minifies; an error when it is asked to and this
/// `dossier` has no minifiers (publishing unminified files instead would
/// hide that the flag or the key did nothing).
pub fn wanted(asked: Option<bool>, config: &Config) -> Result<bool, Diagnostic> {
    let minify = asked.unwrap_or(config.minify);
    if minify && !minify::AVAILABLE {
        let error = if asked == Some(true) {
            Diagnostic::new("cannot minify (--minify)")
        } else {
            Diagnostic::in_file(CONFIG_FILE, "cannot minify (`minify: true`)")
        };
        return Err(error.hint(minify::MISSING_HINT));
    }
    Ok(minify)
}

/// Minifies the stylesheets and scripts about to be hashed and published;
/// one that cannot be read is published as written, with a warning naming
/// where it came from.
pub fn assets(files: &mut [(String, Arc<[u8]>)], theme: &ThemeFiles) -> Vec<Diagnostic> {
    let results: Vec<_> = files
        .par_iter()
        .map(|(path, bytes)| minify::minify(path, bytes))
        .collect();
    let mut warnings = Vec::new();
    for ((path, bytes), result) in files.iter_mut().zip(results) {
        match result {
            Ok(minified) => *bytes = minified.into(),
            Err(why) => {
                let origin = theme.statics.get(path).map_or(path.as_str(), |f| &f.origin);
                warnings.push(
                    Diagnostic::in_file(origin, format!("not minified: {why}"))
                        .hint("it is published as written; fix it to have it minified"),
                );
            }
        }
    }
    warnings
}

/// Minifies every page Dossier rendered (files copied from `content/` or
/// `static/` as they are stay so).
pub fn pages(outputs: &mut [Output]) {
    outputs.par_iter_mut().for_each(|o| {
        if let Data::Bytes(bytes) = &o.data {
            if o.path.ends_with(".html") {
                if let Ok(minified) = minify::minify(&o.path, bytes) {
                    o.data = Data::Bytes(minified.into());
                }
            }
        }
    });
}
