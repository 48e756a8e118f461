//! Step 2: from every article's mentions to topics, with the corpus as
//! the teacher.
//!
//! - **Ordinary words.** A word's *lowercase share* is the share of
//!   articles writing it in lowercase among those writing it in lowercase
//!   or capitalised inside a sentence (sentence starts say nothing). A
//!   sentence-start run loses its first words while they are ordinary
//!   (share ≥ ½: "Investors", "Still"); a run that is one ordinary word is
//!   no name ("Government", "Internet"); a leading ordinary word before a
//!   proper name is a title ("President Trump" → "Trump", share of every
//!   remaining word < 0.1).
//! - **Spellings.** Mentions are compared by a key: lowercase, dots and
//!   apostrophes removed ("U.S." = "US", "LONDON" = "London").
//! - **Acronyms.** An acronym merges into the phrase whose initials it is
//!   ("US" → "United States", "EU" → "European Union") when the two occur
//!   together in enough articles (a fifth of the rarer one's, at least one).
//! - **Surnames.** A single proper word merges into the one longer name
//!   ending with it ("Trump" → "Donald Trump") when the two occur together
//!   in a third of the word's articles and no other such name comes close
//!   (half as often); otherwise it stays its own topic.
//! - **Not names.** Some capitalised words are kinds of thing, told by how
//!   the corpus uses them ([`NotAName`]): derived from a place name
//!   ("Japanese"), an acronym with a plural ("TVs"), or the head word of
//!   many longer names ("University", "Street", a first name). Step 3
//!   drops them.
//!
//! The name shown is the spelling used in most articles (then most often;
//! then the first in byte order), never a merged surname.

use crate::fingerprint::{self, Map};
use crate::sorted::common;

use super::candidates::{word_hash, Candidates};
use super::words::is_connector;

/// At or above this lowercase share a word is an ordinary word.
const ORDINARY: f64 = 0.5;
/// Below this share a word is a proper name (never written in lowercase).
const PROPER: f64 = 0.1;
/// A name of one word must be written capitalised at least this often
/// (share below this): "President", "Internet" and "Web" are not.
const SINGLE: f64 = 0.25;
/// A surname must be at least this proper to stand for a full name.
const SURNAME: f64 = 0.2;

/// Topics learned from a corpus, and each article's mentions of them.
#[derive(Debug, Default)]
pub struct Learned {
    pub topics: Vec<Topic>,
    /// Per article: (topic, occurrences, first sentence), by topic.
    pub mentions: Vec<Vec<(u32, u32, u32)>>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub name: String,
    /// Every key merged into it (sorted): what config names and titles
    /// are matched against.
    pub keys: Vec<String>,
    /// Articles mentioning it, ascending.
    pub articles: Vec<u32>,
    /// Why the corpus shows this is no name, if it does.
    pub not_a_name: Option<NotAName>,
}

/// What the corpus shows a capitalised word to be when it is no name of
/// one person, organisation or place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAName {
    /// Another topic's name plus a deriving suffix ("Japanese",
    /// "Americans"): an adjective or a people.
    Derived,
    /// An acronym the corpus also writes in the plural ("TV" beside
    /// "TVs"), or such a plural ("MPs"): a kind of thing.
    Common,
    /// A word the corpus writes inside several longer names far more often
    /// than alone ("University" of "Harvard University" and "University of
    /// Kent"; "Street", "House", "John"): a kind of place or body, or a
    /// first name, which one depends on the article. A surname the corpus
    /// uses on its own ("Trump") or inside few names is kept.
    Head,
}

impl NotAName {
    /// The reason, for logs.
    pub fn why(self) -> &'static str {
        match self {
            NotAName::Derived => "derived from another name",
            NotAName::Common => "a common noun (written in the plural)",
            NotAName::Head => "a word of many longer names",
        }
    }
}

/// A word inside longer names this many times as often as alone...
const HEAD_RATIO: u64 = 2;
/// ...and inside at least this many different ones is a head word.
const HEAD_MIN_NAMES: u32 = 5;

/// The comparison key of a spelling: lowercase, without dots and
/// apostrophes, words joined by one space.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| !matches!(c, '.' | '\'' | '’'))
            .flat_map(char::to_lowercase)
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Per word (by [`word_hash`]): in how many articles it is written in
/// lowercase, and in how many capitalised inside a sentence.
struct Usage(Map<u32, (u32, u32)>);

impl Usage {
    fn learn(articles: &[&Candidates]) -> Usage {
        let mut m: Map<u32, (u32, u32)> = fingerprint::map_with_capacity(1 << 16);
        let mut words: Vec<(u32, bool)> = Vec::new();
        for c in articles {
            words.clear();
            for mention in &c.mentions {
                words.extend(
                    mention
                        .text
                        .split(' ')
                        .map(|w| (word_hash(w), !mention.start)),
                );
            }
            // One count per article; mid-sentence wins over a start.
            words.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            words.dedup_by_key(|w| w.0);
            for &(w, mid) in &words {
                m.entry(w).or_default().1 += u32::from(mid);
            }
        }
        // Lowercase words matter only when some article capitalises them.
        for c in articles {
            for w in &c.lowercase {
                if let Some(e) = m.get_mut(w) {
                    e.0 += 1;
                }
            }
        }
        Usage(m)
    }

    /// Share of lowercase uses, `None` for a word only ever seen opening
    /// sentences (no evidence either way).
    fn share(&self, word: &str) -> Option<f64> {
        match self.0.get(&word_hash(word)) {
            Some(&(l, c)) if l + c > 0 => Some(f64::from(l) / f64::from(l + c)),
            _ => None,
        }
    }

    /// Known to be an ordinary word.
    fn ordinary(&self, word: &str) -> bool {
        self.share(word).is_some_and(|s| s >= ORDINARY)
    }

    /// Known to be written capitalised.
    fn proper(&self, word: &str, below: f64) -> bool {
        self.share(word).is_some_and(|s| s < below)
    }
}

/// Whether a key is an acronym: its most used spelling is one.
fn acronym_key(stats: &KeyStats) -> bool {
    top_form(stats).is_some_and(is_acronym)
}

/// The spelling most used for a key.
fn top_form(stats: &KeyStats) -> Option<&str> {
    stats
        .forms
        .iter()
        .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)))
        .map(|f| f.0.as_str())
}

/// "MPs", "TVs", "NGOs": an acronym with a plural "s".
fn is_plural_acronym(form: &str) -> bool {
    form.strip_suffix('s').is_some_and(is_acronym)
}

/// Keys that name a kind of thing rather than one person, organisation or
/// place: a proper name has no plural, so an acronym written with a plural
/// "s" anywhere in the corpus ("TVs", "MPs", "CEOs") is a common noun, in
/// the plural and in the singular alike. Learned from the corpus: "TV" is
/// kept where no page writes "TVs".
fn common_acronyms(keys: &[String], stats: &[KeyStats]) -> Vec<bool> {
    let plural: Vec<bool> = stats
        .iter()
        .map(|s| top_form(s).is_some_and(is_plural_acronym))
        .collect();
    let mut singulars: Vec<&str> = keys
        .iter()
        .zip(&plural)
        .filter(|(_, p)| **p)
        .filter_map(|(k, _)| k.strip_suffix('s'))
        .collect();
    singulars.sort_unstable();
    keys.iter()
        .enumerate()
        .map(|(k, key)| {
            plural[k] || (acronym_key(&stats[k]) && singulars.binary_search(&key.as_str()).is_ok())
        })
        .collect()
}

fn is_acronym(form: &str) -> bool {
    !form.contains(' ')
        && form.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !form.chars().any(char::is_lowercase)
}

/// A mention as a topic spelling, or `None` when it is no name. `alone`
/// gives how often a spelling (by key) was written as a whole mention.
fn normalize(text: &str, start: bool, usage: &Usage, alone: &Map<String, u64>) -> Option<String> {
    let uses = |words: &[&str]| alone.get(&key(&words.join(" "))).copied().unwrap_or(0);
    let mut words: Vec<&str> = text
        .split(' ')
        .filter(|w| !(w.len() == 2 && w.ends_with('.')))
        .collect();
    let trim = |words: &mut Vec<&str>| {
        while words.first().is_some_and(|w| is_connector(w)) {
            words.remove(0);
        }
        while words.last().is_some_and(|w| is_connector(w)) {
            words.pop();
        }
    };
    if start {
        while words
            .first()
            .is_some_and(|w| !is_acronym(w) && usage.ordinary(w))
        {
            words.remove(0);
            trim(&mut words);
        }
    }
    // A title, not part of the name, when the name stands alone at least
    // as often ("President Trump"; not "New York").
    while words.len() > 1
        && !is_acronym(words[0])
        && usage.ordinary(words[0])
        && words[1..]
            .iter()
            .filter(|w| !is_connector(w))
            .all(|w| usage.proper(w, PROPER))
        && uses(&words[1..]) >= uses(&words)
    {
        words.remove(0);
        trim(&mut words);
    }
    trim(&mut words);
    match words.as_slice() {
        [] => None,
        [w] if w.chars().filter(|c| c.is_alphabetic()).count() < 2 => None,
        // One word needs evidence that it is a name.
        [w] if !is_acronym(w) && !usage.proper(w, SINGLE) => None,
        _ => Some(words.join(" ")),
    }
}

/// Per key: its spellings with (articles, uses), and its articles.
#[derive(Default)]
struct KeyStats {
    forms: Vec<(String, u32, u32)>,
    articles: Vec<u32>,
}

/// Learns the topics of `articles` (see the module docs).
pub fn learn(articles: &[&Candidates]) -> Learned {
    let usage = Usage::learn(articles);
    let mut alone: Map<String, u64> = fingerprint::map_with_capacity(4096);
    for c in articles {
        for m in &c.mentions {
            *alone.entry(key(&m.text)).or_default() += u64::from(m.count);
        }
    }
    // Distinct mentions recur across articles: normalise each once.
    let mut forms: Map<(&str, bool), Option<(String, String)>> =
        fingerprint::map_with_capacity(4096);
    let mut keys: Vec<String> = Vec::new();
    let mut key_index: Map<String, u32> = fingerprint::map_with_capacity(4096);
    let mut stats: Vec<KeyStats> = Vec::new();
    let mut per_article: Vec<Vec<(u32, u32, u32)>> = Vec::with_capacity(articles.len());
    for (a, c) in articles.iter().enumerate() {
        let a = a as u32;
        let mut here: Vec<(u32, u32, u32)> = Vec::new();
        for m in &c.mentions {
            let Some((form, k)) = forms
                .entry((&*m.text, m.start))
                .or_insert_with(|| {
                    normalize(&m.text, m.start, &usage, &alone).map(|f| {
                        let k = key(&f);
                        (f, k)
                    })
                })
                .clone()
            else {
                continue;
            };
            let id = *key_index.entry(k.clone()).or_insert_with(|| {
                keys.push(k);
                stats.push(KeyStats::default());
                (keys.len() - 1) as u32
            });
            let s = &mut stats[id as usize];
            if s.articles.last() != Some(&a) {
                s.articles.push(a);
            }
            match s.forms.iter_mut().find(|f| f.0 == form) {
                Some(f) => f.2 += m.count,
                None => s.forms.push((form, 0, m.count)),
            }
            here.push((id, m.count, m.first));
        }
        // One entry per key; a spelling's article count once per article.
        here.sort_unstable();
        let mut merged: Vec<(u32, u32, u32)> = Vec::with_capacity(here.len());
        for (id, n, first) in here {
            match merged.last_mut() {
                Some(last) if last.0 == id => {
                    last.1 += n;
                    last.2 = last.2.min(first);
                }
                _ => merged.push((id, n, first)),
            }
        }
        per_article.push(merged);
    }
    // Article counts per spelling, for the name shown.
    for c in articles {
        let mut seen: Vec<(u32, String)> = Vec::new();
        for m in &c.mentions {
            if let Some(Some((form, k))) = forms.get(&(&*m.text, m.start)) {
                seen.push((key_index[k], form.clone()));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        for (id, form) in seen {
            if let Some(f) = stats[id as usize].forms.iter_mut().find(|f| f.0 == form) {
                f.1 += 1;
            }
        }
    }

    let derived = derived_words(&keys, &stats);
    let common = common_acronyms(&keys, &stats);
    let heads = head_words(&alone);
    let not_a_name: Vec<Option<NotAName>> = (0..keys.len())
        .map(|k| {
            let one_word = !keys[k].contains(' ') && !acronym_key(&stats[k]);
            if derived[k] {
                Some(NotAName::Derived)
            } else if common[k] {
                Some(NotAName::Common)
            } else if one_word && heads.binary_search(&keys[k].as_str()).is_ok() {
                Some(NotAName::Head)
            } else {
                None
            }
        })
        .collect();
    let mut parent: Vec<u32> = (0..keys.len() as u32).collect();
    let mut short = vec![false; keys.len()];
    merge_acronyms(&keys, &stats, &mut parent);
    merge_surnames(&keys, &stats, &usage, &mut parent, &mut short);

    // Topics: one per root, in key order of the root (deterministic ids).
    let roots: Vec<u32> = (0..keys.len() as u32)
        .map(|k| find(&mut parent, k))
        .collect();
    let mut order: Vec<u32> = (0..keys.len() as u32)
        .filter(|&k| roots[k as usize] == k)
        .collect();
    order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
    let mut topic_of = vec![0u32; keys.len()];
    for (t, &r) in order.iter().enumerate() {
        topic_of[r as usize] = t as u32;
    }
    let mut topics: Vec<Topic> = order
        .iter()
        .map(|&r| Topic {
            name: String::new(),
            keys: Vec::new(),
            articles: Vec::new(),
            not_a_name: not_a_name[r as usize],
        })
        .collect();
    let mut best: Vec<Option<(u32, u32, &str)>> = vec![None; order.len()];
    for k in 0..keys.len() {
        let t = topic_of[roots[k] as usize] as usize;
        topics[t].keys.push(keys[k].clone());
        topics[t].articles.extend(&stats[k].articles);
        if short[k] {
            continue;
        }
        for (form, arts, uses) in &stats[k].forms {
            let better = match best[t] {
                None => true,
                Some((ba, bu, bf)) => {
                    (*arts, *uses, std::cmp::Reverse(form.as_str()))
                        > (ba, bu, std::cmp::Reverse(bf))
                }
            };
            if better {
                best[t] = Some((*arts, *uses, form));
            }
        }
    }
    for (t, topic) in topics.iter_mut().enumerate() {
        topic.keys.sort_unstable();
        topic.articles.sort_unstable();
        topic.articles.dedup();
        topic.name = best[t].map_or_else(|| topic.keys[0].clone(), |b| b.2.to_string());
    }

    let mentions = per_article
        .into_iter()
        .map(|here| {
            let mut out: Vec<(u32, u32, u32)> = here
                .into_iter()
                .map(|(k, n, f)| (topic_of[roots[k as usize] as usize], n, f))
                .collect();
            out.sort_unstable();
            let mut merged: Vec<(u32, u32, u32)> = Vec::with_capacity(out.len());
            for (t, n, f) in out {
                match merged.last_mut() {
                    Some(last) if last.0 == t => {
                        last.1 += n;
                        last.2 = last.2.min(f);
                    }
                    _ => merged.push((t, n, f)),
                }
            }
            merged
        })
        .collect();
    Learned { topics, mentions }
}

fn find(parent: &mut [u32], mut k: u32) -> u32 {
    while parent[k as usize] != k {
        let up = parent[parent[k as usize] as usize];
        parent[k as usize] = up;
        k = up;
    }
    k
}

/// The initials of a key of two or more words ("united states" → "us").
fn initials(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !is_connector(w)).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// One-word keys written inside longer names (`alone`: uses per mention
/// key) at least [`HEAD_RATIO`] times as often as alone, in at least
/// [`HEAD_MIN_NAMES`] different names; sorted.
fn head_words(alone: &Map<String, u64>) -> Vec<&str> {
    // Per word: (uses inside longer names, how many such names).
    let mut inside: Map<&str, (u64, u32)> = fingerprint::map_with_capacity(alone.len());
    for (k, &uses) in alone {
        if !k.contains(' ') {
            continue;
        }
        let mut words: Vec<&str> = k.split(' ').filter(|w| !is_connector(w)).collect();
        words.sort_unstable();
        words.dedup();
        for w in words {
            let e = inside.entry(w).or_default();
            e.0 += uses;
            e.1 += 1;
        }
    }
    let mut heads: Vec<&str> = inside
        .into_iter()
        .filter(|&(w, (n, names))| {
            names >= HEAD_MIN_NAMES && n >= HEAD_RATIO * alone.get(w).copied().unwrap_or(0)
        })
        .map(|(w, _)| w)
        .collect();
    heads.sort_unstable();
    heads
}

/// Suffixes that make adjectives and peoples of place names.
const DERIVING: &[&str] = &["ans", "ians", "eans", "an", "ian", "ean", "ese", "i", "ish"];

/// Keys of one word that are another one-word key plus a deriving suffix
/// (its last letter may go: "china" → "chinese", "america" →
/// "americans", "iraq" → "iraqi"; the stem has four letters or more).
fn derived_words(keys: &[String], stats: &[KeyStats]) -> Vec<bool> {
    let mut single: Vec<&str> = keys
        .iter()
        .enumerate()
        .filter(|(k, key)| !key.contains(' ') && !acronym_key(&stats[*k]))
        .map(|(_, key)| key.as_str())
        .collect();
    single.sort_unstable();
    keys.iter()
        .enumerate()
        .map(|(k, key)| {
            if key.contains(' ') || acronym_key(&stats[k]) {
                return false;
            }
            DERIVING.iter().any(|suffix| {
                let Some(base) = key.strip_suffix(suffix).filter(|b| b.chars().count() >= 4) else {
                    return false;
                };
                let from = single.partition_point(|s| *s < base);
                single[from..]
                    .iter()
                    .take_while(|s| s.starts_with(base))
                    .any(|s| *s != key && s.len() < key.len() && s.len() <= base.len() + 1)
            })
        })
        .collect()
}

fn merge_acronyms(keys: &[String], stats: &[KeyStats], parent: &mut [u32]) {
    let mut by_initials: Map<String, Vec<u32>> = fingerprint::map_with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        if let Some(i) = initials(key) {
            by_initials.entry(i).or_default().push(k as u32);
        }
    }
    for (a, key) in keys.iter().enumerate() {
        let acronym = acronym_key(&stats[a]);
        let Some(expansions) = acronym.then(|| by_initials.get(key)).flatten() else {
            continue;
        };
        let best = expansions
            .iter()
            .map(|&p| {
                let n = common(&stats[a].articles, &stats[p as usize].articles);
                let rarer = stats[a]
                    .articles
                    .len()
                    .min(stats[p as usize].articles.len());
                (n, n >= 1 && n * 5 >= rarer, p)
            })
            .filter(|x| x.1)
            .max_by(|x, y| x.0.cmp(&y.0).then(y.2.cmp(&x.2)));
        if let Some((_, _, p)) = best {
            let (ra, rp) = (find(parent, a as u32), find(parent, p));
            if ra != rp {
                parent[ra as usize] = rp;
            }
        }
    }
}

fn merge_surnames(
    keys: &[String],
    stats: &[KeyStats],
    usage: &Usage,
    parent: &mut [u32],
    short: &mut [bool],
) {
    let mut by_last: Map<&str, Vec<u32>> = fingerprint::map_with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        if let Some((_, last)) = key.rsplit_once(' ') {
            by_last.entry(last).or_default().push(k as u32);
        }
    }
    for (t, key) in keys.iter().enumerate() {
        let proper = !key.contains(' ') && !acronym_key(&stats[t]) && usage.proper(key, SURNAME);
        let Some(fulls) = proper.then(|| by_last.get(key.as_str())).flatten() else {
            continue;
        };
        let mut counts: Vec<(usize, u32)> = fulls
            .iter()
            .map(|&f| (common(&stats[t].articles, &stats[f as usize].articles), f))
            .collect();
        counts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let (n, f) = counts[0];
        let second = counts.get(1).map_or(0, |c| c.0);
        if n >= 1 && n * 3 >= stats[t].articles.len() && n >= 2 * second {
            let (rt, rf) = (find(parent, t as u32), find(parent, f));
            if rt != rf {
                parent[rt as usize] = rf;
                short[t] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::candidates::extract;
    use super::*;

    fn names(bodies: &[&str]) -> (Learned, Vec<String>) {
        let c: Vec<Candidates> = bodies.iter().map(|b| extract(b)).collect();
        let refs: Vec<&Candidates> = c.iter().collect();
        let l = learn(&refs);
        let n = l.topics.iter().map(|t| t.name.clone()).collect();
        (l, n)
    }

    /// The verdict on the topic shown as `name`; panics when there is none.
    fn not_a_name(l: &Learned, name: &str) -> Option<NotAName> {
        l.topics
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("no topic {name}: {:?}", l.topics))
            .not_a_name
    }

    #[test]
    fn keys_ignore_case_dots_and_apostrophes() {
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("LONDON"), key("London"));
        assert_eq!(key(" O’Brien  Inc "), "obrien inc");
    }

    #[test]
    fn dotted_acronyms_and_expansions_merge() {
        let (l, names) = names(&[
            "The United States and the U.S. Treasury. Officials in the US said the United States would act.",
            "The US said the United States would not act. The US was clear.",
            "Talks in the U.S. went on.",
        ]);
        let us: Vec<&Topic> = l
            .topics
            .iter()
            .filter(|t| t.keys.contains(&"us".into()))
            .collect();
        assert_eq!(us.len(), 1, "{names:?}");
        assert!(us[0].keys.contains(&"united states".into()), "{:?}", us[0]);
        assert_eq!(us[0].articles, vec![0, 1, 2]);
    }

    #[test]
    fn surnames_merge_into_the_one_full_name() {
        let (l, names) = names(&[
            "Donald Trump spoke. Later Trump said more, and Trump left.",
            "Donald Trump met Angela Merkel. Trump smiled at Merkel.",
            "Melania Trump and Donald Trump arrived; Trump waved.",
        ]);
        assert!(names.contains(&"Donald Trump".to_string()), "{names:?}");
        assert!(!names.contains(&"Trump".to_string()), "{names:?}");
        assert!(names.contains(&"Angela Merkel".to_string()), "{names:?}");
        assert!(names.contains(&"Melania Trump".to_string()), "{names:?}");
        let _ = l;
    }

    #[test]
    fn acronyms_written_in_the_plural_are_common_nouns() {
        let (l, _) = names(&[
            "The BBC said TV ratings fell. Then the MPs watched TV with NATO staff.",
            "Two new TVs and the BBC. The MPs and the NATO chief met; the TV was on.",
        ]);
        let common = |name: &str| not_a_name(&l, name) == Some(NotAName::Common);
        assert!(common("TV") && common("TVs") && common("MPs"));
        assert!(!common("BBC") && !common("NATO"));
    }

    #[test]
    fn head_words_of_many_names_are_marked() {
        let (l, _) = names(&[
            "She left Harvard University for the University of Kent. Stanford University and Yale University called.",
            "Officials at the University of Leeds met Biden. Biden spoke; Joe Biden left Leeds University.",
            "The University said Biden had written to Yale University and Harvard University.",
        ]);
        let not = |name: &str| not_a_name(&l, name);
        assert_eq!(not("University"), Some(NotAName::Head));
        assert_eq!(not("Harvard University"), None);
        assert_eq!(not("Joe Biden"), None, "{:?}", l.topics);
    }

    #[test]
    fn words_derived_from_place_names_are_marked() {
        let (l, _) = names(&[
            "Officials in China said Chinese exports rose. China and Japan talked; Japanese firms and Americans watched America.",
            "China and Japan met again in Paris. Chinese and Japanese delegates met Paula and Paul.",
        ]);
        let derived: Vec<&str> = l
            .topics
            .iter()
            .filter(|t| t.not_a_name == Some(NotAName::Derived))
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(derived, vec!["Americans", "Chinese", "Japanese"]);
    }

    #[test]
    fn a_title_goes_only_when_the_name_stands_alone() {
        let (_, names) = names(&[
            "The new plan came from New York, where President Trump spoke. Trump left New York.",
            "A new tower in New York. Trump said the president would visit New York.",
        ]);
        assert!(names.contains(&"New York".to_string()), "{names:?}");
        assert!(names.contains(&"Trump".to_string()), "{names:?}");
        assert!(
            !names.iter().any(|n| n == "York" || n == "President Trump"),
            "{names:?}"
        );
    }

    #[test]
    fn sentence_starts_and_titles_lose_ordinary_words() {
        let (_, names) = names(&[
            "Investors were calm. The investors sold. President Biden spoke to investors.",
            "Analysts said the president met Biden. Biden left. Investors watched the president.",
        ]);
        assert!(names.contains(&"Biden".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Investors")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("President")), "{names:?}");
    }
}
