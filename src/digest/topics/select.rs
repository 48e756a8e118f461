//! Step 3: which topics the site keeps, and each article's main ones.
//!
//! A topic is dropped when it is
//! - **banned** in the config (any spelling merged into it matches);
//! - **not a name**, as the corpus uses it: derived from another topic's
//!   name ("Japanese"), an acronym also written in the plural ("TV" beside
//!   "TVs"), or the head word of many longer names ("University"); see
//!   [`super::aliases::NotAName`];
//! - **a publisher's name** (of two stories or more; any publisher in its
//!   own stories): the site's sources already have pages, and a site's own
//!   name is the commonest furniture of its pages;
//! - **one source's furniture**: seen only in articles of one source, in at
//!   least half of that source's articles (four or more), the shape of a
//!   site name, a photo agency or a newsletter plug;
//! - **everywhere**: in more than [`MAX_SHARE`] of the articles of a site of
//!   at least [`SHARE_MIN_ARTICLES`];
//! - **rare**: the main topic of fewer than `min_articles` articles.
//!
//! An article's candidates are its topics mentioned twice or more, or once
//! in its title; they rank by mentions (+2 in the title, +1 in the lead
//! sentence), ties by articles, then name; the first `max_per_article`
//! are its main topics. Pinned topics are exempt from every rule but the
//! need for one mention, and rank first. Rarity is checked on the main
//! topics themselves, again until nothing changes, so every topic page
//! lists at least `min_articles` articles.

use super::aliases::{key, Learned};
use super::{Article, Settings};

/// Share of articles above which a topic is boilerplate.
pub const MAX_SHARE: f64 = 0.4;
/// Sites smaller than this never drop a topic for being everywhere.
pub const SHARE_MIN_ARTICLES: usize = 20;
/// A source needs this many articles before a name only it uses is
/// judged as its furniture.
const FURNITURE_MIN_ARTICLES: usize = 4;

/// Main topics per article (display names), in rank order.
pub fn select(learned: &Learned, articles: &[Article], settings: &Settings) -> Vec<Vec<String>> {
    let n = articles.len();
    let topics = &learned.topics;
    let matches = |t: usize, names: &[String]| {
        names
            .iter()
            .map(|s| key(s))
            .any(|k| topics[t].keys.binary_search(&k).is_ok())
    };
    let pinned: Vec<bool> = (0..topics.len())
        .map(|t| matches(t, &settings.pin))
        .collect();
    let source_keys = source_keys(articles);
    let mut per_source: Vec<(String, usize)> = Vec::new();
    for a in articles {
        let k = a.source.map(site_key).unwrap_or_default();
        match per_source.binary_search_by(|p| p.0.cmp(&k)) {
            Ok(i) => per_source[i].1 += 1,
            Err(i) => per_source.insert(i, (k, 1)),
        }
    }

    let verdicts: Vec<Option<&'static str>> = (0..topics.len())
        .map(|t| {
            if matches(t, &settings.ban) {
                return Some("banned");
            }
            if pinned[t] {
                return None;
            }
            let topic = &topics[t];
            if let Some(not) = topic.not_a_name {
                return Some(not.why());
            }
            let df = topic.articles.len();
            if df < settings.min_articles {
                return Some("rare");
            }
            if topic
                .keys
                .iter()
                .any(|k| source_keys.binary_search(&site_key(k)).is_ok())
            {
                return Some("a publisher's name");
            }
            if n >= SHARE_MIN_ARTICLES && df as f64 > MAX_SHARE * n as f64 {
                return Some("everywhere");
            }
            let source = |a: &u32| articles[*a as usize].source.map(site_key);
            let first = source(&topic.articles[0]);
            let single = topic.articles.iter().all(|a| source(a) == first);
            if let Some(s) = first.filter(|_| single) {
                let total = per_source
                    .binary_search_by(|p| p.0.cmp(&s))
                    .map_or(0, |i| per_source[i].1);
                if total >= FURNITURE_MIN_ARTICLES && df * 2 >= total {
                    return Some("one source's furniture");
                }
            }
            None
        })
        .collect();
    if tracing::enabled!(tracing::Level::TRACE) {
        for (t, v) in verdicts.iter().enumerate() {
            if let Some(why) = v.filter(|w| *w != "rare") {
                tracing::trace!("topic {:?} dropped: {why}", topics[t].name);
            }
        }
    }
    let mut allowed: Vec<bool> = verdicts.iter().map(Option::is_none).collect();

    // Each article's eligible topics with their scores, best first.
    let ranked: Vec<Vec<(u32, u32)>> = articles
        .iter()
        .zip(&learned.mentions)
        .map(|(a, here)| {
            if a.pinned {
                return Vec::new();
            }
            let title = title_words(a.title);
            let own: Vec<String> = a
                .sources
                .iter()
                .copied()
                .chain(a.source)
                .map(site_key)
                .collect();
            let mut out: Vec<(u32, u32)> = here
                .iter()
                .filter(|(t, _, _)| allowed[*t as usize])
                .filter_map(|&(t, count, first)| {
                    let topic = &topics[t as usize];
                    // A page naming its own site.
                    if own
                        .iter()
                        .any(|o| topic.keys.iter().any(|k| site_key(k) == *o))
                    {
                        return None;
                    }
                    let in_title = topic.keys.iter().any(|k| contains_words(&title, k));
                    if count < 2 && !in_title && !pinned[t as usize] {
                        return None;
                    }
                    let score = count + 2 * u32::from(in_title) + u32::from(first == 0);
                    Some((t, score))
                })
                .collect();
            out.sort_unstable_by(|x, y| {
                let (tx, ty) = (x.0 as usize, y.0 as usize);
                pinned[ty]
                    .cmp(&pinned[tx])
                    .then(y.1.cmp(&x.1))
                    .then(topics[ty].articles.len().cmp(&topics[tx].articles.len()))
                    .then(topics[tx].name.cmp(&topics[ty].name))
            });
            out
        })
        .collect();

    let top = |allowed: &[bool]| -> Vec<Vec<u32>> {
        ranked
            .iter()
            .map(|r| {
                r.iter()
                    .filter(|(t, _)| allowed[*t as usize])
                    .take(settings.max_per_article)
                    .map(|(t, _)| *t)
                    .collect()
            })
            .collect()
    };
    // Rarity on the main topics: removing one can only lift others into
    // view, so repeat until no topic falls below the minimum.
    let mut chosen = top(&allowed);
    loop {
        let mut shown = vec![0usize; topics.len()];
        for list in &chosen {
            for &t in list {
                shown[t as usize] += 1;
            }
        }
        let mut dropped = false;
        for (t, &count) in shown.iter().enumerate() {
            if allowed[t] && !pinned[t] && count < settings.min_articles {
                allowed[t] = false;
                dropped |= count > 0;
            }
        }
        if !dropped {
            break;
        }
        chosen = top(&allowed);
    }

    chosen
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|t| display_name(&topics[t as usize], settings))
                .collect()
        })
        .collect()
}

/// The configured new name of a topic, else the learned one.
fn display_name(topic: &super::aliases::Topic, settings: &Settings) -> String {
    settings
        .rename
        .iter()
        .find(|(from, _)| topic.keys.binary_search(&key(from)).is_ok())
        .map_or_else(|| topic.name.clone(), |(_, to)| to.clone())
}

/// A publisher's name as a topic key would spell it: "The Guardian",
/// "theguardian.com" and "www.theguardian.com" all give "guardian".
pub(super) fn site_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut host = lower.strip_prefix("www.").unwrap_or(&lower);
    if !host.contains(' ') {
        if let Some((stem, tld)) = host.rsplit_once('.') {
            if (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) {
                host = stem;
            }
        }
    }
    let mut k: String = host
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if let Some(rest) = k.strip_prefix("the").filter(|r| r.len() >= 3) {
        k = rest.to_string();
    }
    k
}

/// The [`site_key`]s of publishers with two stories or more (each copy
/// of a folded story counts), sorted: a name seen once may be a page's
/// odd `og:site_name` ("U.S." for a news site's US section).
fn source_keys(articles: &[Article]) -> Vec<String> {
    let mut keys: Vec<String> = articles
        .iter()
        .flat_map(|a| {
            let mut names: Vec<&str> = a.sources.clone();
            names.extend(a.source);
            names.sort_unstable();
            names.dedup();
            names
        })
        .map(site_key)
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    for group in keys.chunk_by(|a, b| a == b) {
        if group.len() >= 2 {
            out.push(group[0].clone());
        }
    }
    out
}

/// A title's words as keys compare them.
fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '&')))
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            key(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the words of `key` occur in a row in `words`.
fn contains_words(words: &[String], key: &str) -> bool {
    let k: Vec<&str> = key.split(' ').collect();
    !k.is_empty()
        && words
            .windows(k.len())
            .any(|w| w.iter().zip(&k).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_keys_join_names_and_hosts() {
        assert_eq!(site_key("The Guardian"), "guardian");
        assert_eq!(site_key("www.theguardian.com"), "guardian");
        assert_eq!(site_key("Reuters"), "reuters");
        assert_eq!(site_key("New York Times"), "newyorktimes");
    }

    #[test]
    fn titles_are_matched_word_by_word() {
        let t = title_words("Trump’s tariffs hit the U.S. economy");
        assert!(contains_words(&t, "trump"));
        assert!(contains_words(&t, "us"));
        assert!(!contains_words(&t, "donald trump"));
        assert!(!contains_words(&t, "economy hit"));
    }
}
