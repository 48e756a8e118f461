//! Topics: the people, organisations and places a digest is about, found
//! in the articles' own text and given pages (`/topics/<name>/`).
//!
//! Names in news text are capitalised, but so is every sentence's first
//! word, every headline, and the site's own furniture. The steps keep
//! what holds across the corpus rather than lists of names:
//!
//! 1. `candidates.rs`: per article (cached by body hash), runs of
//!    capitalised words and acronyms in its paragraphs' sentences, marked
//!    when they open a sentence, and how often their words also appear
//!    in lowercase there. Headlines, shouting and function words, weekdays
//!    and months (`words.rs`) never make a name.
//! 2. `aliases.rs`: over the corpus, which capitalised words are ordinary
//!    words, and which spellings are one topic: "U.S." and "US", "US" and
//!    "United States", "Trump" and "Donald Trump".
//! 3. `select.rs`: which topics the site keeps (none that are banned, a
//!    publisher's name, one source's furniture, on most pages, or rare),
//!    and each article's main ones.
//!
//! Deterministic: ids follow sorted keys, ties are broken by name, and
//! nothing depends on thread timing or hash order.

mod aliases;
mod candidates;
mod select;
mod words;

pub use aliases::key;
pub use candidates::{extract, Candidates, Mention};

use crate::fingerprint::Map;

/// The words of every capitalised run in `articles` (as
/// `candidates::word_hash`es): the only words whose lowercase uses the
/// corpus statistics read (step 2).
pub fn capitalised_words<'a>(articles: impl IntoIterator<Item = &'a Candidates>) -> Map<u32, ()> {
    let mut words = Map::default();
    for c in articles {
        for m in &c.mentions {
            words.extend(m.text.split(' ').map(|w| (candidates::word_hash(w), ())));
        }
    }
    words
}

/// Whether an edit from `old` to `new` leaves every topic of the corpus as
/// it was: the same capitalised runs, and lowercase uses changed only for
/// words no article capitalises (`capitalised`), which no statistic reads.
/// So typing an ordinary sentence keeps `serve` on its fast path.
pub fn same_evidence(old: &Candidates, new: &Candidates, capitalised: &Map<u32, ()>) -> bool {
    if old.mentions != new.mentions {
        return false;
    }
    // Both lists are sorted and distinct: walk them together.
    let (a, b) = (&old.lowercase, &new.lowercase);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let changed = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
                continue;
            }
            (Some(x), Some(y)) if x < y => {
                i += 1;
                *x
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (None, None) => break,
        };
        if capitalised.contains_key(&changed) {
            return false;
        }
    }
    true
}

/// The taxonomy topics are filed under.
pub const TAXONOMY: &str = "topics";

/// What the config says about topics.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub min_articles: usize,
    pub max_per_article: usize,
    /// Topics kept whatever the statistics say (matched by any spelling).
    pub pin: Vec<String>,
    pub ban: Vec<String>,
    /// (spelling, name shown), matched by any spelling.
    pub rename: Vec<(String, String)>,
}

/// One story, as topics see it.
pub struct Article<'a> {
    pub candidates: &'a Candidates,
    pub title: &'a str,
    /// The story's publisher, as the digest names it.
    pub source: Option<&'a str>,
    /// Every publisher of a folded story (its own first).
    pub sources: Vec<&'a str>,
    /// The editor chose its topics in front matter: it gets none here.
    pub pinned: bool,
}

/// Each article's main topics, in rank order (display names).
pub fn assign(articles: &[Article], settings: &Settings) -> Vec<Vec<String>> {
    let candidates: Vec<&Candidates> = articles.iter().map(|a| a.candidates).collect();
    let learned = aliases::learn(&candidates);
    select::select(&learned, articles, settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            min_articles: 2,
            max_per_article: 3,
            ..Settings::default()
        }
    }

    fn run(bodies: &[(&str, &str, &str)], settings: &Settings) -> Vec<Vec<String>> {
        let c: Vec<Candidates> = bodies.iter().map(|b| extract(b.2)).collect();
        let articles: Vec<Article> = bodies
            .iter()
            .zip(&c)
            .map(|((title, source, _), c)| Article {
                candidates: c,
                title,
                source: Some(source),
                sources: Vec::new(),
                pinned: false,
            })
            .collect();
        assign(&articles, settings)
    }

    const A: &str = "Angela Merkel met Emmanuel Macron in Berlin. Merkel said Berlin would help. Macron agreed with Merkel.";
    const B: &str = "Emmanuel Macron flew to Berlin. In Berlin, Macron met the press. Angela Merkel was away, and Merkel stayed home.";
    const C: &str = "Boris Johnson spoke in London. Johnson said London was ready. Angela Merkel called Johnson.";

    #[test]
    fn min_articles_and_ranking() {
        let got = run(
            &[("t", "S1", A), ("t", "S2", B), ("t", "S3", C)],
            &settings(),
        );
        assert_eq!(got[0], vec!["Angela Merkel", "Berlin", "Emmanuel Macron"]);
        assert_eq!(got[1], vec!["Berlin", "Emmanuel Macron", "Angela Merkel"]);
        // Boris Johnson and London are in one article only; Merkel once.
        assert!(got[2].is_empty(), "{:?}", got[2]);
        let mut one = settings();
        one.min_articles = 1;
        let got = run(&[("t", "S1", A), ("t", "S2", B), ("t", "S3", C)], &one);
        assert_eq!(got[2], vec!["Boris Johnson", "London"]);
    }

    #[test]
    fn a_title_mention_counts() {
        let got = run(
            &[("Merkel's day", "S1", C), ("t", "S2", A)],
            &Settings {
                min_articles: 1,
                ..settings()
            },
        );
        assert!(got[0].contains(&"Angela Merkel".to_string()), "{got:?}");
    }

    #[test]
    fn bans_renames_and_pins() {
        let bodies = [("t", "S1", A), ("t", "S2", B), ("t", "S3", C)];
        let s = Settings {
            ban: vec!["berlin".into()],
            rename: vec![("Macron".into(), "President Macron".into())],
            pin: vec!["Boris Johnson".into()],
            ..settings()
        };
        let got = run(&bodies, &s);
        assert_eq!(got[0], vec!["Angela Merkel", "President Macron"]);
        // Pinned: kept in its one article, ranked first.
        assert_eq!(got[2][0], "Boris Johnson");
    }

    #[test]
    fn publisher_names_and_one_sources_furniture_are_dropped() {
        let furniture = "Subscribe to Harbour Weekly today. Harbour Weekly is free. Angela Merkel spoke; Merkel smiled.";
        let mut bodies = vec![("t", "Harbour Weekly", furniture); 4];
        bodies.push(("t", "Other", A));
        let got = run(&bodies, &settings());
        assert!(
            got.iter().flatten().all(|t| t != "Harbour Weekly"),
            "{got:?}"
        );
        assert!(got[0].contains(&"Angela Merkel".to_string()));
        // Furniture of one source without its name as the source: same.
        let mut bodies = vec![("t", "HW", furniture); 4];
        bodies.push(("t", "Other", A));
        let got = run(&bodies, &settings());
        assert!(
            got.iter().flatten().all(|t| t != "Harbour Weekly"),
            "{got:?}"
        );
    }

    #[test]
    fn deterministic_whatever_the_order_of_equal_articles() {
        let bodies = [("t", "S1", A), ("t", "S2", B), ("t", "S3", C)];
        let first = run(&bodies, &settings());
        for _ in 0..5 {
            assert_eq!(run(&bodies, &settings()), first);
        }
    }
}

#[cfg(test)]
mod evidence_tests {
    use super::*;

    #[test]
    fn ordinary_words_typed_keep_the_evidence_names_do_not() {
        let corpus = [
            extract("Angela Merkel met the press in Berlin. Merkel spoke about rates."),
            extract("Officials in Berlin said the press was wrong about rates."),
        ];
        let capitalised = capitalised_words(corpus.iter());
        let old = &corpus[0];
        // A lowercase word no article capitalises: same topics everywhere.
        let typed =
            extract("Angela Merkel met the press in Berlin. Merkel spoke about rates and bonds.");
        assert!(same_evidence(old, &typed, &capitalised));
        // A word that is capitalised elsewhere ("Officials"), written in
        // lowercase here, shifts the statistics: not the same.
        let shifted = extract(
            "Angela Merkel met the press in Berlin. Merkel spoke about rates; officials agreed.",
        );
        assert!(!same_evidence(old, &shifted, &capitalised));
        // A new name is a new capitalised run.
        let named = extract("Angela Merkel met the press in Berlin. Merkel spoke with Macron.");
        assert!(!same_evidence(old, &named, &capitalised));
        assert!(same_evidence(old, old, &capitalised));
    }
}
