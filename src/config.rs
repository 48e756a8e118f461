//! `dossier.yaml` → [`Config`]: the site-wide settings, validated once so the
//! rest of the pipeline can trust them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::site::feed::{FeedConfig, RawFeedConfig};
use crate::yaml;

/// The config file's name, at the site root.
pub const CONFIG_FILE: &str = "dossier.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    theme: Option<String>,
    output_dir: Option<PathBuf>,
    taxonomies: Option<Vec<String>>,
    paginate_by: Option<usize>,
    /// The older spelling of `feeds.limit`.
    feed_limit: Option<usize>,
    #[serde(default)]
    feeds: RawFeedConfig,
    #[serde(default)]
    highlight: Highlight,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    clean: CleanConfig,
    #[serde(default)]
    editions: Editions,
    #[serde(default)]
    dedup: Dedup,
    #[serde(default)]
    summaries: Summaries,
    #[serde(default)]
    related: Related,
    #[serde(default)]
    search: Search,
    #[serde(default)]
    topics: TopicsConfig,
    /// Stylesheets and scripts also under content-hashed names.
    fingerprint_assets: Option<bool>,
    /// Minify pages, stylesheets and scripts (feature `minify`).
    #[serde(default)]
    minify: bool,
    #[serde(default)]
    extra: BTreeMap<String, serde_json::Value>,
}

/// How articles are gathered into editions: one per ISO week (the default),
/// one per day, or none.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Editions {
    #[default]
    Weekly,
    Daily,
    Off,
}

/// Folding of syndicated copies (near-duplicate articles) into one story.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Dedup {
    pub enabled: bool,
    /// Estimated similarity (0–1) of two cleaned bodies needed to fold them.
    pub threshold: Option<f64>,
}

impl Default for Dedup {
    fn default() -> Self {
        Dedup {
            enabled: true,
            threshold: None,
        }
    }
}

/// Where list summaries come from when front matter gives no `summary:`.
/// Raw articles always get an extractive one (their first paragraph is
/// often a label or a caption); `extractive` extends that to Markdown.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Summaries {
    /// Markdown: the first paragraph, or everything above `<!-- more -->`.
    #[default]
    FirstParagraph,
    Extractive,
}

/// The "Related" list at the foot of every article (`site::related`).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Related {
    pub enabled: bool,
    /// How many related articles each article lists, at most.
    pub count: usize,
    /// How close an article must be to be listed, from 0.01 to 1: the share
    /// of an article's own distinctive-word weight that the other one
    /// matches. Higher lists fewer, closer articles.
    pub min_score: f64,
}

impl Default for Related {
    fn default() -> Self {
        Related {
            enabled: true,
            count: 4,
            min_score: 0.08,
        }
    }
}

/// Topics (people, organisations, places) found in the articles' text,
/// filed under the `topics` taxonomy. On by default; the statistics that
/// pick them are tuned, these are the editor's overrides.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TopicsConfig {
    pub enabled: bool,
    /// A topic needs a page's worth of articles: at least this many.
    pub min_articles: usize,
    /// Main topics shown per article.
    pub max_per_article: usize,
    /// Topics always kept when an article mentions them (any spelling).
    pub pin: Vec<String>,
    /// Spelling → the name shown.
    pub rename: BTreeMap<String, String>,
    /// Topics never kept (any spelling).
    pub ban: Vec<String>,
}

impl Default for TopicsConfig {
    fn default() -> Self {
        TopicsConfig {
            enabled: true,
            min_articles: 2,
            max_per_article: 5,
            pin: Vec::new(),
            rename: BTreeMap::new(),
            ban: Vec::new(),
        }
    }
}

/// Client-side full-text search (a Pagefind index and a search page).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Search {
    pub enabled: bool,
}

impl Default for Search {
    fn default() -> Self {
        Search { enabled: true }
    }
}

/// Editor rules for raw articles, for the rare page the defaults miss.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CleanConfig {
    /// Regular expressions: a block of a raw article matching one is dropped.
    pub drop: Vec<String>,
    /// Rules per folder of `content/` (e.g. `menafn` or `wires/menafn`).
    pub sources: BTreeMap<String, SourceRule>,
    /// Give raw articles the tags their pages name (`article:tag`, tag
    /// lists, keywords). Off for sites whose tags are the editor's alone.
    #[serde(deserialize_with = "switch")]
    pub tags: bool,
}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {
            drop: Vec::new(),
            sources: BTreeMap::new(),
            tags: true,
        }
    }
}

/// A yes/no setting, with a message in words for anything else (serde's
/// own says "invalid type: string, expected a boolean").
fn switch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Bool(b) => Ok(b),
        other => Err(serde::de::Error::custom(format!(
            "`tags` is a switch: write `tags: true` or `tags: false`, not `{}`",
            match other {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            }
        ))),
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SourceRule {
    /// Source name for every raw article in the folder (unless the article
    /// or its sidecar says otherwise).
    pub source: Option<String>,
    /// More drop patterns, for this folder only.
    pub drop: Vec<String>,
}

/// Syntect theme names for the generated `syntax.css`; the dark one applies
/// under `prefers-color-scheme: dark`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Highlight {
    pub light: String,
    pub dark: String,
}

impl Default for Highlight {
    fn default() -> Self {
        Highlight {
            light: "InspiredGitHub".into(),
            dark: "base16-ocean.dark".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Curly quotes, en/em dashes and ellipses.
    pub smart_punctuation: bool,
    /// Pass raw HTML in Markdown through. Off by default: digest content is
    /// often pasted from elsewhere and must not carry scripts.
    pub unsafe_html: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            smart_punctuation: true,
            unsafe_html: false,
        }
    }
}

/// The validated site configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Always ends in `/`, e.g. `https://example.org/digest/`.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub output_dir: PathBuf,
    pub taxonomies: Vec<String>,
    pub paginate_by: usize,
    /// Which feeds, in which formats, with how many entries.
    pub feeds: FeedConfig,
    pub highlight: Highlight,
    pub markdown: MarkdownConfig,
    pub clean: CleanConfig,
    pub editions: Editions,
    pub dedup: Dedup,
    pub summaries: Summaries,
    pub related: Related,
    pub search: Search,
    pub topics: TopicsConfig,
    /// Publish `.css`/`.js` files under content-hashed names too, and link
    /// those (`site::asset_names`); on by default.
    pub fingerprint_assets: bool,
    /// Minify what `build` publishes (`crate::minify`); off by default.
    pub minify: bool,
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Command-line settings that take precedence over the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
    pub output_dir: Option<PathBuf>,
}

impl Config {
    /// Reads `<root>/dossier.yaml`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let d = Diagnostic::in_file(
                &path,
                format!(
                    "cannot read the site config: {}",
                    crate::diagnostic::io_words(&e)
                ),
            );
            if e.kind() == std::io::ErrorKind::NotFound {
                d.hint(
                    "run `dossier init` to create a site here, or pass --root DIR to point at one",
                )
            } else {
                d
            }
        })?;
        Config::parse(&text, Path::new(CONFIG_FILE), overrides)
    }

    /// Parses and validates config text; `file` is only used in messages.
    pub fn parse(text: &str, file: &Path, overrides: &Overrides) -> Result<Config, Diagnostic> {
        let raw: RawConfig = yaml::parse(text, file, 1)?;
        let at = |key: &str, msg: String| {
            Diagnostic::in_file(file, msg).maybe_line(yaml::key_line(text, key, 1))
        };

        let base_url = match overrides.base_url.clone().or(raw.base_url) {
            Some(url) => normalize_base_url(&url).map_err(|m| at("base_url", m))?,
            None => {
                return Err(Diagnostic::in_file(file, "`base_url` is missing").hint(
                    "set it to the address the site will be served from, e.g. \
                     `base_url: https://example.org/`, or pass --base-url",
                ))
            }
        };

        // A digest names its authors and sources: each gets pages by
        // default, and so do its topics unless they are switched off. A
        // list the editor writes is taken as written: topics need `topics`
        // in it.
        let taxonomies = raw.taxonomies.unwrap_or_else(|| {
            let mut t: Vec<String> = vec!["tags".into(), "authors".into(), "sources".into()];
            if raw.topics.enabled {
                t.push("topics".into());
            }
            t
        });
        let mut seen = std::collections::BTreeSet::new();
        for name in &taxonomies {
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
            {
                return Err(at(
                    "taxonomies",
                    format!("taxonomy name `{name}` must be lowercase ASCII letters, `-` or `_` (it becomes a URL folder)"),
                ));
            }
            if !seen.insert(name) {
                return Err(at(
                    "taxonomies",
                    format!("taxonomy `{name}` is listed twice"),
                ));
            }
        }

        let paginate_by = raw.paginate_by.unwrap_or(10);
        if paginate_by == 0 {
            return Err(at("paginate_by", "`paginate_by` must be at least 1".into()));
        }

        for (pattern, key) in raw.clean.drop.iter().map(|p| (p, "clean")).chain(
            raw.clean
                .sources
                .values()
                .flat_map(|r| r.drop.iter().map(|p| (p, "sources"))),
        ) {
            if let Err(e) = regex::Regex::new(pattern) {
                return Err(at(
                    key,
                    format!("invalid clean.drop pattern `{pattern}`: {e}"),
                ));
            }
        }

        if let Some(t) = raw.dedup.threshold {
            if !(0.05..=1.0).contains(&t) {
                return Err(at(
                    "dedup",
                    format!("`dedup.threshold` must be between 0.05 and 1 (a share of the text two copies have in common), not {t}"),
                ));
            }
        }
        if raw.related.count == 0 || raw.related.count > 20 {
            return Err(at(
                "related",
                format!("`related.count` is how many related articles to list, from 1 to 20, not {} (to list none, set `related: {{ enabled: false }}`)", raw.related.count),
            ));
        }
        if !(0.01..=1.0).contains(&raw.related.min_score) {
            return Err(at(
                "related",
                format!("`related.min_score` must be between 0.01 and 1 (how much of an article's distinctive words another must share to be listed), not {}", raw.related.min_score),
            ));
        }
        if raw.topics.min_articles == 0 || raw.topics.max_per_article == 0 {
            return Err(at(
                "topics",
                "`topics.min_articles` and `topics.max_per_article` must be at least 1 (to switch topics off, write `topics: { enabled: false }`)".into(),
            ));
        }
        let feeds =
            FeedConfig::from_raw(raw.feeds, raw.feed_limit).map_err(|(key, m)| at(key, m))?;

        let output_dir = overrides
            .output_dir
            .clone()
            .or(raw.output_dir)
            .unwrap_or_else(|| PathBuf::from("public"));

        Ok(Config {
            title: raw.title.unwrap_or_else(|| "Dossier".into()),
            description: raw.description.unwrap_or_default(),
            base_url,
            language: raw.language.unwrap_or_else(|| "en".into()),
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            output_dir,
            taxonomies,
            paginate_by,
            feeds,
            highlight: raw.highlight,
            markdown: raw.markdown,
            clean: raw.clean,
            editions: raw.editions,
            dedup: raw.dedup,
            summaries: raw.summaries,
            related: raw.related,
            search: raw.search,
            topics: raw.topics,
            fingerprint_assets: raw.fingerprint_assets.unwrap_or(true),
            minify: raw.minify,
            extra: raw.extra,
        })
    }

    /// The absolute URL of a site path such as `analysis/oil/` or `atom.xml`.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

/// Accepts `http(s)://host[/sub/path]` and makes sure it ends in `/`, so that
/// joining a site path never needs to think about slashes.
fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("`base_url` must be an absolute http(s) URL such as https://example.org/, not `{url}`")
        })?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("`base_url` `{url}` has no host name"));
    }
    if rest.contains(['?', '#', ' ']) {
        return Err(format!(
            "`base_url` `{url}` must not contain a query, fragment or spaces"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostic> {
        Config::parse(text, Path::new("dossier.yaml"), &Overrides::default())
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = parse("base_url: https://example.org\n").unwrap();
        assert_eq!(c.base_url, "https://example.org/");
        assert_eq!(c.taxonomies, vec!["tags", "authors", "sources", "topics"]);
        assert!(c.topics.enabled);
        assert_eq!((c.topics.min_articles, c.topics.max_per_article), (2, 5));
        assert_eq!(c.editions, Editions::Weekly);
        assert!(c.dedup.enabled);
        assert_eq!(c.summaries, Summaries::FirstParagraph);
        assert_eq!(c.paginate_by, 10);
        assert_eq!(c.output_dir, PathBuf::from("public"));
        assert!(!c.markdown.unsafe_html);
        assert!(c.markdown.smart_punctuation);
        assert_eq!(c.permalink("atom.xml"), "https://example.org/atom.xml");
    }

    #[test]
    fn sub_path_base_url_keeps_its_path() {
        let c = parse("base_url: https://example.org/digest\n").unwrap();
        assert_eq!(c.permalink("tags/"), "https://example.org/digest/tags/");
    }

    #[test]
    fn unknown_key_is_an_error_with_a_suggestion() {
        let err = parse("base_url: https://e.org/\ntitel: X\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("titel"));
        assert_eq!(err.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn unknown_nested_key_is_an_error() {
        let err = parse("base_url: https://e.org/\nmarkdown:\n  unsafe_htm: true\n").unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean `unsafe_html`?"));
        assert_eq!(err.line, Some(3));
    }

    #[test]
    fn missing_or_relative_base_url_is_explained() {
        assert!(parse("title: x\n")
            .unwrap_err()
            .message
            .contains("base_url"));
        let err = parse("base_url: example.org\n").unwrap_err();
        assert!(err.message.contains("absolute"), "{}", err.message);
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn overrides_win() {
        let o = Overrides {
            base_url: Some("http://127.0.0.1:1111".into()),
            output_dir: Some("out".into()),
        };
        let c = Config::parse("base_url: https://e.org/\n", Path::new("d.yaml"), &o).unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:1111/");
        assert_eq!(c.output_dir, PathBuf::from("out"));
    }

    #[test]
    fn clean_rules_are_validated() {
        let c = parse("base_url: https://e.org/\nclean:\n  drop: ['^Follow us']\n  sources:\n    menafn: { source: MENAFN, drop: ['Market Research'] }\n").unwrap();
        assert_eq!(c.clean.drop, vec!["^Follow us"]);
        assert_eq!(c.clean.sources["menafn"].source.as_deref(), Some("MENAFN"));
        let err = parse("base_url: https://e.org/\nclean:\n  drop: ['(unclosed']\n").unwrap_err();
        assert!(err.message.contains("(unclosed"), "{}", err.message);
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn clean_tags_is_a_switch() {
        let c = parse("base_url: https://e.org/\n").unwrap();
        assert!(c.clean.tags, "tags are read by default");
        let c = parse("base_url: https://e.org/\nclean:\n  tags: false\n").unwrap();
        assert!(!c.clean.tags);
        assert!(c.clean.drop.is_empty());
        let err = parse("base_url: https://e.org/\nclean:\n  tags: maybe\n").unwrap_err();
        assert!(err.message.contains("`tags: false`"), "{}", err.message);
        assert!(err.message.contains("maybe"), "{}", err.message);
        assert_eq!(err.line, Some(3));
        let err = parse("base_url: https://e.org/\nclean:\n  tag: false\n").unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn digest_settings_parse_and_explain_bad_values() {
        let c = parse("base_url: https://e.org/\neditions: daily\ndedup: { enabled: false, threshold: 0.7 }\nsummaries: extractive\n").unwrap();
        assert_eq!(c.editions, Editions::Daily);
        assert!(!c.dedup.enabled);
        assert_eq!(c.dedup.threshold, Some(0.7));
        assert_eq!(c.summaries, Summaries::Extractive);
        let err = parse("base_url: https://e.org/\neditions: monthly\n").unwrap_err();
        assert!(err.message.contains("monthly"), "{}", err.message);
        assert_eq!(err.line, Some(2));
        let err = parse("base_url: https://e.org/\ndedup: { threshold: 3 }\n").unwrap_err();
        assert!(err.message.contains("between"), "{}", err.message);
    }

    #[test]
    fn related_settings_parse_and_explain_bad_values() {
        let c = parse("base_url: https://e.org/\n").unwrap();
        assert!(c.related.enabled);
        assert_eq!(c.related.count, 4);
        let c = parse("base_url: https://e.org/\nrelated: { enabled: false }\n").unwrap();
        assert!(!c.related.enabled);
        let c = parse("base_url: https://e.org/\nrelated: { count: 3, min_score: 0.3 }\n").unwrap();
        assert_eq!((c.related.count, c.related.min_score), (3, 0.3));
        let err = parse("base_url: https://e.org/\nrelated: { count: 0 }\n").unwrap_err();
        assert!(err.message.contains("enabled: false"), "{}", err.message);
        assert_eq!(err.line, Some(2));
        let err = parse("base_url: https://e.org/\nrelated: { min_score: 2 }\n").unwrap_err();
        assert!(
            err.message.contains("between 0.01 and 1"),
            "{}",
            err.message
        );
        let err = parse("base_url: https://e.org/\nrelated: { cout: 3 }\n").unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean `count`?"));
    }

    #[test]
    fn topics_parse_switch_off_and_explain_bad_values() {
        let c = parse("base_url: https://e.org/\ntopics:\n  min_articles: 3\n  max_per_article: 4\n  pin: [NATO]\n  rename: { US: United States }\n  ban: [Getty Images]\n").unwrap();
        assert_eq!((c.topics.min_articles, c.topics.max_per_article), (3, 4));
        assert_eq!(c.topics.pin, vec!["NATO"]);
        assert_eq!(c.topics.rename["US"], "United States");
        assert_eq!(c.topics.ban, vec!["Getty Images"]);
        let off = parse("base_url: https://e.org/\ntopics: { enabled: false }\n").unwrap();
        assert_eq!(off.taxonomies, vec!["tags", "authors", "sources"]);
        // An explicit list is taken as written.
        let listed = parse("base_url: https://e.org/\ntaxonomies: [tags]\n").unwrap();
        assert_eq!(listed.taxonomies, vec!["tags"]);
        let err = parse("base_url: https://e.org/\ntopics: { max_per_article: 0 }\n").unwrap_err();
        assert!(err.message.contains("enabled: false"), "{}", err.message);
        assert_eq!(err.line, Some(2));
        let err = parse("base_url: https://e.org/\ntopics: { min_artcles: 2 }\n").unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean `min_articles`?"));
    }

    #[test]
    fn bad_values_are_rejected() {
        assert!(parse("base_url: https://e.org/\npaginate_by: 0\n").is_err());
        assert!(parse("base_url: https://e.org/\ntaxonomies: [Tags]\n").is_err());
        assert!(parse("base_url: https://e.org/\ntaxonomies: [tags, tags]\n").is_err());
    }
}
