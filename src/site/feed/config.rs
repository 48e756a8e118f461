//! `feeds:` in `dossier.yaml`: the formats, how much of each article a
//! feed carries, and the limits, read and validated.

use serde::{Deserialize, Deserializer};

/// A feed format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Atom,
    Rss,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Atom, Format::Rss, Format::Json];

    /// The file name within the feed's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Atom => "atom.xml",
            Format::Rss => "rss.xml",
            Format::Json => "feed.json",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Atom => "application/atom+xml",
            Format::Rss => "application/rss+xml",
            Format::Json => "application/feed+json",
        }
    }

    /// For readers: `Atom`, `RSS`, `JSON Feed`.
    pub fn label(self) -> &'static str {
        match self {
            Format::Atom => "Atom",
            Format::Rss => "RSS",
            Format::Json => "JSON Feed",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Format::Atom => "atom",
            Format::Rss => "rss",
            Format::Json => "json",
        }
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Format, D::Error> {
        let text = String::deserialize(d)?;
        Format::ALL
            .into_iter()
            .find(|f| f.key() == text.trim())
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown feed format `{text}`: the formats are `atom`, `rss` and `json`"
                ))
            })
    }
}

/// `formats: [atom, rss]`, or one format as a plain string.
fn formats<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Format>>, D::Error> {
    struct Formats;
    impl<'de> serde::de::Visitor<'de> for Formats {
        type Value = Vec<Format>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of feed formats such as `[atom, rss, json]`")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<Format>, E> {
            Format::deserialize(serde::de::value::StrDeserializer::new(text)).map(|f| vec![f])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Format>, A::Error> {
            let mut all = Vec::new();
            while let Some(f) = seq.next_element()? {
                all.push(f);
            }
            Ok(all)
        }
    }
    d.deserialize_any(Formats).map(Some)
}

/// How much of each article a feed carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentMode {
    /// The whole article (and its summary).
    Full,
    /// The summary only, with a link to the article.
    Summary,
}

impl<'de> Deserialize<'de> for ContentMode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ContentMode, D::Error> {
        let text = String::deserialize(d)?;
        match text.trim() {
            "full" => Ok(ContentMode::Full),
            "summary" => Ok(ContentMode::Summary),
            _ => Err(serde::de::Error::custom(format!(
                "unknown feed content `{text}`: `content` and `list_content` take `full` or `summary`"
            ))),
        }
    }
}

/// `feeds:` in `dossier.yaml`, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedConfig {
    /// Newest entries per feed.
    pub limit: usize,
    /// Formats written for every feed, in this order; empty: no feeds.
    pub formats: Vec<Format>,
    /// What the site-wide feed carries.
    pub content: ContentMode,
    /// What every other feed (sections, terms, editions) carries.
    pub list_content: ContentMode,
    /// Whether lists (sections, terms, editions) get feeds at all.
    pub lists: bool,
}

/// The newest articles a feed carries unless `feeds.limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;

impl Default for FeedConfig {
    fn default() -> FeedConfig {
        FeedConfig {
            limit: DEFAULT_LIMIT,
            formats: Format::ALL.to_vec(),
            content: ContentMode::Full,
            list_content: ContentMode::Summary,
            lists: true,
        }
    }
}

/// `feeds:` as written; [`FeedConfig::from_raw`] validates it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "feed settings such as `{ limit: 50, formats: [atom, rss, json] }`"
)]
pub struct RawFeedConfig {
    limit: Option<usize>,
    #[serde(deserialize_with = "formats")]
    formats: Option<Vec<Format>>,
    content: Option<ContentMode>,
    list_content: Option<ContentMode>,
    lists: Option<bool>,
}

impl FeedConfig {
    /// Validates `feeds:`; `feed_limit` is the older top-level spelling of
    /// `feeds.limit`. Errors are (key to point at, message).
    pub fn from_raw(
        raw: RawFeedConfig,
        feed_limit: Option<usize>,
    ) -> Result<FeedConfig, (&'static str, String)> {
        let defaults = FeedConfig::default();
        let limit = match (raw.limit, feed_limit) {
            (Some(_), Some(_)) => {
                return Err((
                    "feed_limit",
                    "`feed_limit` and `feeds.limit` are both set; keep `feeds.limit`".into(),
                ))
            }
            (Some(n), None) | (None, Some(n)) => n,
            (None, None) => defaults.limit,
        };
        if limit == 0 {
            return Err((
                if raw.limit.is_some() {
                    "feeds"
                } else {
                    "feed_limit"
                },
                "the feed limit must be at least 1 (to turn feeds off, write `feeds: { formats: [] }`)"
                    .into(),
            ));
        }
        let formats = raw.formats.unwrap_or(defaults.formats);
        for (k, f) in formats.iter().enumerate() {
            if formats[..k].contains(f) {
                return Err((
                    "feeds",
                    format!(
                        "feed format `{}` is listed twice in `feeds.formats`",
                        f.key()
                    ),
                ));
            }
        }
        Ok(FeedConfig {
            limit,
            formats,
            content: raw.content.unwrap_or(defaults.content),
            list_content: raw.list_content.unwrap_or(defaults.list_content),
            lists: raw.lists.unwrap_or(defaults.lists),
        })
    }

    /// What the feed in folder `path` carries: `content` for the site feed
    /// (`""`), `list_content` for every other.
    pub fn content_for(&self, path: &str) -> ContentMode {
        if path.is_empty() {
            self.content
        } else {
            self.list_content
        }
    }
}
