//! Plain-text articles (scraped or syndicated `.txt`) → [`Article`].
//!
//! A scraped page's text is the article surrounded by the site: menus,
//! bylines, share bars, "related" lists, newsletter prompts, comments,
//! copyright and disclaimer lines. The cleaner works in five steps, each in
//! its own file; [`clean_text`] and `Cleaner::run` here drive them:
//!
//! 1. **Lines → units** (`units.rs`). Whitespace is normalised; hard-wrapped
//!    paragraphs are re-joined (a document-wide wrap width, or a line that
//!    stops mid-sentence followed by one starting in lower case); list
//!    markers are recognised.
//! 2. **Features** (`features.rs`, with the cue phrases in `cues.rs`). Every
//!    unit gets a shape: word count, whether it ends like a sentence,
//!    stop-word ratio, title-case density, boilerplate cue phrases, and
//!    whether it repeats across documents ([`Hints`]).
//! 3. **Metadata** (`title.rs`, `bylines.rs`, dates from `clean/meta`; taken out of the
//!    text in `Cleaner::run`). Headline (the first line, often "Headline -
//!    Site", and its repetition above the body), deck, byline, date, source,
//!    and the parenthesised writer's note; a "Tags:" line near the body
//!    (`tags.rs`) becomes the article's tags. When the head names no
//!    writer, a signature or copyright line after the text, or the one
//!    byline within it, does (`signed.rs`).
//! 4. **Body region** (`classify.rs`, `region.rs`). Units are classed and
//!    weighted (sentences positive in proportion to length, menu-like and
//!    boilerplate lines negative, section-ending cues such as "Related
//!    articles" or "Comments" strongly negative) and the best-scoring
//!    contiguous run is the body (maximum subarray). When that run is
//!    doubtful (`fallback.rs`: under 50 words, or under 60% of the page's
//!    text not set apart by a "Comments" or "Related" heading), the page has
//!    no single article (a link directory, a catalogue, a front page) and
//!    the whole page is kept, boilerplate-classed lines still dropped.
//! 5. **Trim** (`trim.rs`). Inside the region, boilerplate lines are dropped
//!    (with the notes about the article at its end, `clean/notes.rs`, as
//!    the HTML cleaner drops them), short section titles become headings
//!    and marked lines become lists.
//!
//! Everything dropped is recorded in [`Article::dropped`] with its reason.

mod bylines;
mod classify;
mod cues;
mod fallback;
mod features;
mod fnv;
mod region;
mod signed;
mod tags;
#[cfg(test)]
mod test_support;
mod title;
mod trim;
mod units;

use super::{normalize_for_matching, Article, Hints};
use crate::clean::meta::dates::{self, ends_something};
use crate::clean::meta::tags::{choose_why, TagCandidate, TagContext, TagEvidence};
use crate::clean::meta::Seen;
use bylines::{byline_names, is_author_note, looks_like_bio, name_with_title, titled_line};
use classify::Class;
use cues::Cue;
use features::{features, Feat};
use title::title_from_file_name;
use units::{data_rows, units_of, Unit};

/// How far into the body region (in words of text other than byline and
/// date lines) a byline or date line is still the article's.
const META_WORDS: usize = 80;

/// Cleans one plain-text article.
pub fn clean_text(text: &str, hints: &Hints) -> Article {
    let units = units_of(text);
    let mut article = Article::default();
    if units.is_empty() {
        return article;
    }
    let feats = features(&units, hints);
    let rows = data_rows(&units);
    Cleaner { units, feats, rows }.run(&mut article, hints);
    article
}

struct Cleaner {
    units: Vec<Unit>,
    feats: Vec<Feat>,
    /// [`data_rows`] of `units`.
    rows: Vec<bool>,
}

impl Cleaner {
    fn run(self, article: &mut Article, hints: &Hints) {
        let n = self.units.len();
        let mut classes: Vec<Class> = (0..n).map(|i| self.classify(i)).collect();
        let mut taken: Vec<Option<String>> = vec![None; n];

        // Headline.
        let (title_idx, repeats, title, site) = self.find_title();
        article.title = title.clone().or_else(|| title_from_file_name(hints));
        if let Some(t) = article.title.clone() {
            let why = match (&title, repeats.is_empty(), &site) {
                (Some(_), true, Some(_)) => "the headline line at the top, a site's name split off",
                (Some(_), true, None) => "the headline line at the top",
                (Some(_), false, _) => "the headline line at the top, repeated above the body",
                (None, _, _) => "the file's name: no line reads as the headline",
            };
            note(article, "title", &t, why.into());
        }
        if let Some(i) = title_idx {
            taken[i] = Some("headline".into());
        }
        for &i in &repeats {
            taken[i] = Some("repeats the headline".into());
        }
        let title_norm = title.as_deref().map(normalize_for_matching);
        if let Some(tn) = &title_norm {
            for (t, f) in taken.iter_mut().zip(&self.feats) {
                if t.is_none() && !tn.is_empty() && f.norm == *tn {
                    *t = Some("repeats the headline".into());
                }
            }
        }
        article.source = site.or_else(|| self.find_source());

        // Author note.
        for (t, u) in taken.iter_mut().zip(&self.units) {
            if t.is_none() && is_author_note(&u.text) {
                if article.author_note.is_none() {
                    article.author_note = Some(u.text.clone());
                }
                *t = Some("writer's note (kept as author_note)".into());
            }
        }

        for i in 0..n {
            if let Some(r) = &taken[i] {
                classes[i] = Class::Bad(r.clone());
            }
        }

        // Body region.
        let start_floor = title_idx.map_or(0, |i| i + 1);
        let (a, b) = self.region(&classes, start_floor, &repeats);
        let title_repeat = repeats.iter().copied().rfind(|&r| r < a);
        let mut tag_values = Vec::new();

        // The "Tags:" line: kept as tags (unless the site switched them
        // off), never as body text. Read after the region is found, so the
        // body's bounds are what they would be without it.
        if let Some((lines, values)) =
            tags::tag_lines(&self.units, start_floor, b, |i| taken[i].is_some())
        {
            if !hints.no_tags {
                tag_values = values;
            }
            for i in lines {
                taken[i] = Some("tag line (kept as tags)".into());
                classes[i] = Class::Bad("tag line".into());
            }
        }

        // Metadata before and at the start of the body: a byline or date
        // line may follow a deck, a photo and its caption inside the region,
        // so the start is its first units up to [`META_WORDS`] words of
        // other text (at least three units).
        let mut meta_end = a.min(n);
        let mut seen = 0;
        while meta_end < n && (meta_end < a + 3 || seen < META_WORDS) {
            if !self.feats[meta_end].meta {
                seen += self.feats[meta_end].words;
            }
            meta_end += 1;
        }
        // Under a repetition of the headline, the lines between it and the
        // body come first: a date above it is the masthead's clock
        // ("Pittsburgh, Pa. Tuesday, Dec. 26, 2006" over every page).
        let head = title_repeat.map_or(0, |r| (r + 1).min(meta_end));
        // The byline's own date comes first: a clock or a date line above
        // it is the site's ("Tuesday December 26, 2006 7:51 PM ET" over
        // "By Jack Hough Published: August 5, 2004").
        // Both passes read the head's lines in one order, and a line only
        // while it is free: not taken, and inside the body a short one.
        let head_lines = || (head..meta_end).chain(0..head);
        let free = |i: usize, taken: &[Option<String>]| {
            taken[i].is_none() && !(i >= a && self.feats[i].words > 10)
        };
        let dated_byline = head_lines().find_map(|i| {
            let (u, f) = (&self.units[i].text, &self.feats[i]);
            f.date
                .as_ref()
                .filter(|_| f.meta && free(i, &taken))
                .filter(|_| !ends_something(u) && bylines::labelled(u))
                .map(|d| (i, d))
        });
        if let Some((i, d)) = dated_byline {
            article.date = Some(d.clone());
            let why = format!("the byline's own date, {:?}", self.units[i].text);
            note(article, "date", d, why);
        }
        for i in head_lines() {
            let lone_by = matches!(
                self.units[i].text.to_lowercase().as_str(),
                "by" | "by:" | "von" | "par" | "por" | "di" | "oleh"
            );
            if !free(i, &taken) || !(self.feats[i].meta || lone_by) {
                continue;
            }
            let mut used = false;
            if article.authors.is_empty() {
                if let Some(names) = byline_names(&self.units[i].text) {
                    let why = format!("the byline {:?} at the article's head", self.units[i].text);
                    note(article, "authors", &names.join(", "), why);
                    article.authors = names;
                    used = true;
                } else if lone_by && i + 1 < n {
                    if let Some(names) = byline_names(&format!("By {}", self.units[i + 1].text)) {
                        let why = format!("the line under a lone {:?}", self.units[i].text);
                        note(article, "authors", &names.join(", "), why);
                        article.authors = names;
                        taken[i + 1] = Some("byline".into());
                        classes[i + 1] = Class::Bad("byline".into());
                        used = true;
                    }
                }
            }
            if article.date.is_none() {
                if let Some(d) = self.feats[i]
                    .date
                    .as_ref()
                    .filter(|_| !ends_something(&self.units[i].text))
                {
                    let why = format!(
                        "the date line {:?} at the article's head",
                        self.units[i].text
                    );
                    note(article, "date", d, why);
                    article.date = Some(d.clone());
                    used = true;
                }
            }
            if used || i >= a {
                let reason = if lone_by || byline_names(&self.units[i].text).is_some() {
                    "byline"
                } else {
                    "date line"
                };
                taken[i] = Some(reason.into());
                classes[i] = Class::Bad(reason.into());
            }
        }

        // No byline said "By": a name alone on its line right under the
        // headline (or a copy of it above the body, or a headline-shaped
        // line right above the body: the headline reworded since the title
        // was written) with a date line under it, as templates print it,
        // or the name with its job title ("Tom Krisher, AP Auto Writer"),
        // or, when a known given name opens it, right over the text's first
        // sentence ("George Bunn" between headline and text; a masthead
        // there, "Las Vegas Tribune", opens with none). A list's item over
        // a date is not a headline over its byline (a blogroll's last name
        // over the day's first post), nor one line of a list of short ones.
        if article.authors.is_empty() {
            let reworded = (a.saturating_sub(4)..a.min(n)).rev().find(|&h| {
                let f = &self.feats[h];
                (5..=25).contains(&f.words) && !f.sentence
            });
            let anchors: Vec<usize> = title_idx
                .into_iter()
                .chain(repeats.iter().copied().filter(|&r| r < a))
                .chain(reworded)
                .collect();
            let found = anchors.iter().find_map(|&t| {
                let under = t + 1..a.min(n).min(t + 5);
                // On its line ("Tom Krisher, AP Auto Writer") or over it
                // ("Ben Silverman" over "Games Editor"); a job title's
                // line under a name is the byline's too.
                let titled = under.clone().find_map(|i| {
                    if taken[i].is_some() {
                        return None;
                    }
                    let text = &self.units[i].text;
                    if let Some(name) = name_with_title(text) {
                        return Some((i, name, None));
                    }
                    let next = self.units.get(i + 1).filter(|_| taken[i + 1].is_none())?;
                    titled_line(text, &next.text).map(|name| (i, name, Some(i + 1)))
                });
                let titled = titled.map(|(i, name, job)| (i, vec![name], job));
                titled.or_else(|| {
                    under
                        .clone()
                        .filter(|&i| taken[i].is_none())
                        .find_map(|i| Some((i, self.names_under(i, t)?, None)))
                })
            });
            if let Some((i, names, job)) = found {
                let why = format!("the name under the headline, {:?}", self.units[i].text);
                note(article, "authors", &names.join(", "), why);
                article.authors = names;
                for k in std::iter::once(i).chain(job) {
                    taken[k] = Some("byline".into());
                    classes[k] = Class::Bad("byline".into());
                }
            }
        }

        // No byline at all: a labelled line right after the text, or the
        // one person the copyright lines after it name, as a personal
        // site signs its pages; else the one byline within the text (under
        // a second headline inside the body: a page that reprints a story).
        if article.authors.is_empty() {
            if let Some((i, names)) = self.signed_after(a, b) {
                let why = format!("the labelled line after the text, {:?}", self.units[i].text);
                note(article, "authors", &names.join(", "), why);
                article.authors = names;
                taken[i] = Some("byline".into());
                classes[i] = Class::Bad("byline".into());
            } else if let Some(name) = self.copyright_writer(a, b) {
                note(
                    article,
                    "authors",
                    &name,
                    "the copyright line after the text".into(),
                );
                article.authors = vec![name];
            } else if let Some((i, names)) = self.byline_within(a, b) {
                let why = format!("the one byline within the text, {:?}", self.units[i].text);
                note(article, "authors", &names.join(", "), why);
                article.authors = names;
            }
        }

        // A line saying when the page was last changed ("Last modified:
        // July 21, 2002", a hand-kept page's footer) dates a page nothing
        // else dates, and is its `updated:` when later than its date.
        // (Only lines with a date are read: the features found it.)
        let revised = dates::one_revision(
            (0..n)
                .filter(|&i| self.feats[i].date.is_some())
                .filter_map(|i| dates::revised_on(&self.units[i].text)),
        );
        if let Some(r) = revised {
            if article.date.is_none() {
                let why = "the page's own line saying when it was last changed (nothing else dates the page)";
                note(article, "date", &r, why.into());
                article.date = Some(r);
            } else if let Some(u) = dates::updated_after(article.date.as_deref(), Some(&r)) {
                let why = "the page's line saying when it was last changed; kept as `updated:`, a later day";
                article.seen.push(Seen {
                    field: "date",
                    value: u.clone(),
                    from: why.into(),
                    chosen: None,
                });
                article.updated = Some(u);
            }
        }

        // "Ann Lee is a reporter who covers …": the author's bio, anywhere
        // when the byline named her, among the last lines otherwise.
        let tail_start = (a..b.min(n))
            .rev()
            .filter(|&i| matches!(classes[i], Class::Good | Class::Near))
            .nth(2)
            .unwrap_or(a);
        for i in a..b.min(n) {
            if taken[i].is_none()
                && (self.is_author_bio(i, &article.authors)
                    || i >= tail_start && looks_like_bio(&self.units[i].text))
            {
                classes[i] = Class::Bad(Cue::AuthorBox.reason().into());
            }
        }

        // Deck: a sentence right under the headline, set apart from the
        // body by a byline, date, photo credit or the like.
        let mut a = a;
        let deck_anchor = title_repeat.or_else(|| title_idx.filter(|_| repeats.is_empty()));
        if let Some(t) = deck_anchor {
            let d = (t + 1..n.min(t + 5))
                .find(|&i| taken[i].is_none() && !matches!(classes[i], Class::Bad(_)));
            if let Some(d) = d.filter(|&d| d <= a) {
                let words = self.feats[d].words;
                let next = (d + 1..n).find(|&i| taken[i].is_none() || classes[i] != Class::Good);
                // … by a byline, date, credit or share bar (a short line
                // such as a lone "By" counts when a byline follows it).
                let set_apart = next.is_some_and(|j| {
                    let bad = |k: usize| matches!(classes.get(k), Some(Class::Bad(_)));
                    (bad(j) || classes[j] == Class::Short && self.feats[j].words <= 3 && bad(j + 1))
                        && (title_repeat.is_some() || self.feats[j].meta)
                });
                let body_after = (d + 1..b).find(|&i| classes[i] == Class::Good);
                if matches!(classes[d], Class::Good | Class::Near)
                    && (6..=60).contains(&words)
                    && set_apart
                    && body_after.is_some()
                {
                    article.subtitle = Some(self.units[d].text.clone());
                    taken[d] = Some("deck (kept as subtitle)".into());
                    classes[d] = Class::Bad("deck".into());
                    if d == a {
                        a = body_after.unwrap_or(a);
                    }
                }
            }
        }

        // Tags are judged once the title, source and authors are known.
        if !tag_values.is_empty() {
            let sites: Vec<&str> = article.source.as_deref().into_iter().collect();
            let ctx = TagContext {
                title: article.title.as_deref(),
                sites,
                authors: &article.authors,
            };
            let candidates = [TagCandidate {
                values: tag_values,
                evidence: TagEvidence::TextLine,
            }];
            let (tags, why) = choose_why(&candidates, &ctx);
            article.tags = tags;
            article.seen.extend(why);
        }

        // `--explain` lists the fields in one order, whichever was read first.
        let rank = |f: &str| {
            ["title", "authors", "date", "tags"]
                .iter()
                .position(|x| *x == f)
        };
        article.seen.sort_by_key(|s| rank(s.field));

        self.refine(&mut classes, a, b);
        let (a, b) = self.fall_back(&classes, &taken, (a, b), title_repeat.is_some());
        self.emit(article, &classes, &taken, a, b);
    }
}

/// Notes a metadata choice for `extract --explain`: the value and where
/// in the text it was read.
fn note(article: &mut Article, field: &'static str, value: &str, why: String) {
    if value.is_empty() {
        return;
    }
    article.seen.push(Seen {
        field,
        value: value.to_string(),
        from: why.clone(),
        chosen: Some(why),
    });
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn empty_input() {
        assert_eq!(clean(""), Article::default());
        assert_eq!(clean(" \n\t\n  \n"), Article::default());
    }

    #[test]
    fn odd_input_never_panics() {
        let long_line = "word ".repeat(50_000);
        let inputs = [
            "\u{feff}\u{200b}\u{0}\u{7}",
            "...\n!!!\n???\n---\n***\n",
            "- \n-\n1.\n1. \n•\n",
            "(\n)\n()\n(The writer is)\n",
            "ŉ\u{1F600}\u{1F468}\u{200D}\u{1F469}\u{0301}\u{0308}\n\u{202E}abc\u{202C}",
            "日本語のテキストです。句読点があります。\n한국어 문장입니다.\n",
            long_line.as_str(),
            "By\n",
            "By \n@\n— (@\n",
            "1 2 3 4 5\n",
            "W\nW h\n",
            "Title | | |\n| - |\n",
            "\r\n\r\n\r",
        ];
        for input in inputs {
            let a = clean(input);
            assert_nothing_invented(input, &a);
            let _ = a.to_markdown();
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_never_invents(text in "(\\PC{0,40}\n{0,2}){0,30}") {
            let a = clean(&text);
            assert_nothing_invented(&text, &a);
        }
    }

    #[test]
    fn seed_article() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/seed/000_1920e010a6a74911.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {} needs the shared corpus", path.display());
            return;
        };
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Weigh Prudence Over Bravado: Why Uspakistan Campaign Of Retaking Bagram Could Trigger Wider War")
        );
        let ps = paragraphs(&a);
        assert_eq!(ps.len(), 13, "{ps:#?}");
        assert_eq!(a.blocks.len(), 13);
        assert!(ps[0].starts_with("US President Donald Trump"));
        assert!(ps[12].starts_with("Policymakers in Washington and Islamabad"));
        let note = a.author_note.as_deref().unwrap_or("");
        assert!(
            note.starts_with("(The writer is an award-winning journalist"),
            "{note}"
        );
        assert!(note.ends_with("Views expressed are personal)"), "{note}");
        assert_eq!(a.source.as_deref(), Some("MENAFN"));
        let all = everything(&a);
        for gone in [
            "Disclaimer",
            "MENAFN",
            "Most popular",
            "Market Research",
            "Tokenfi",
            "BTCC",
            "Comments",
            "No comment",
        ] {
            assert!(!all.contains(gone), "{gone:?} kept");
        }
        assert_nothing_invented(&text, &a);
    }
}
