//! The site's name in a title: the separators that set it off, where a
//! `<title>` puts it ("Headline | Site", "Site - Section - Headline"), and
//! the parts of a title that spell the page's host.

use super::{caseless, word_count, TitleCandidate, TitleEvidence, GLUED_SEPARATORS};
use crate::clean::normalize_for_matching;

/// Separators between a headline and a site or section name, in both
/// cleaners' titles.
pub(crate) const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " // ", " • ", " « ", " » ",
];

/// `text` without a part, set off by a separator, that spells one of the
/// page's `hosts` (as `host_label` gives them: "unocero"): the author meta
/// "unocero - Alberto Ávila" names Alberto Ávila on unocero.com. `None`
/// when no such part is there.
pub(crate) fn without_host_part<'a>(text: &'a str, hosts: &[String]) -> Option<&'a str> {
    let spells = |part: &str| spells_host(part, hosts);
    SEPARATORS.iter().find_map(|sep| {
        let (a, b) = text.split_once(sep)?;
        let (a, b) = (a.trim(), b.trim());
        match (spells(a), spells(b)) {
            (true, false) if !b.is_empty() => Some(b),
            (false, true) if !a.is_empty() => Some(a),
            _ => None,
        }
    })
}

/// Whether `name`, letters and digits only, is one of the page's `hosts`
/// (as `host_label` gives them): "CBS News" on cbsnews.com.
pub(crate) fn spells_host(name: &str, hosts: &[String]) -> bool {
    let k = crate::clean::meta::names::key(name);
    !k.is_empty() && hosts.contains(&k)
}

/// `title` split into the headline and what follows its last separator
/// when that tail is the site's name: `site` if it is known, else (with
/// `guess`, for `<title>`, which nearly always carries one) a tail of at
/// most four words after a headline of at least three. A "Site | Headline"
/// title gives the headline and the site.
pub(super) fn split_site(title: &str, site: Option<&str>, guess: bool) -> (String, Option<String>) {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let site_key = site.map(normalize_for_matching).unwrap_or_default();
    // "Headline (site)", the site's name exactly in brackets at the end.
    if let Some((head, inner)) = trailing_paren(&title) {
        if !site_key.is_empty() && normalize_for_matching(inner) == site_key {
            return (head.to_string(), Some(inner.to_string()));
        }
    }
    if let Some((head, tail)) = cut_whole_site(&title, &site_key) {
        return (head.to_string(), Some(tail.to_string()));
    }
    let words = |s: &str| s.split_whitespace().count();
    for sep in SEPARATORS {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
        let (hk, tk) = (normalize_for_matching(head), normalize_for_matching(tail));
        // A part names the site when it is (part of) the site's name, or a
        // short part holding it ("The Daily Example Online"); never a
        // headline that mentions it ("The Guardian view on …").
        let names_site = |k: &str, part: &str| {
            !site_key.is_empty()
                && !k.is_empty()
                && (site_key.contains(k) || words(part) <= 5 && k.contains(&site_key))
        };
        if names_site(&tk, tail)
            || address_beside(tail, head)
            || guess && words(tail) <= 4 && words(head) >= 3 && !asks(tail)
        {
            return (head.to_string(), Some(tail.to_string()));
        }
        // "Site | Headline": the headline is the longer part, or the site
        // is its address ("example.de // » Headline").
        if names_site(&hk, head) && tail.chars().count() > head.chars().count()
            || address_beside(head, tail)
        {
            let tail = tail
                .strip_prefix(['»', '›', '>', '|', '·', '•'])
                .map_or(tail, str::trim_start);
            return (tail.to_string(), Some(head.to_string()));
        }
    }
    if guess {
        if let Some((head, tail)) = glued_site(&title) {
            return (head.to_string(), Some(tail.to_string()));
        }
    }
    // "example.com: Headline": an address names the site before a colon
    // too, where a word would open a headline ("Brexit: …").
    if let Some((head, tail)) = title.split_once(": ") {
        if address_beside(head, tail) {
            return (tail.trim().to_string(), Some(head.to_string()));
        }
    }
    (title, None)
}

/// A CJK `<title>`'s last parts glued on by separators between letters of
/// those scripts ("…找对象_智能_好奇心日报", "…커졌다-정치ㅣ한국일보"): the
/// headline before them and those parts (a section, the site's name), a
/// guess as [`split_site`] makes for spaced ones. Each part is short (at
/// most twelve letters) and the headline longer than it by half again.
fn glued_site(title: &str) -> Option<(&str, &str)> {
    const LONGEST_PART: usize = 12;
    fn last_part(head: &str) -> Option<&str> {
        let (at, sep) = head.char_indices().rev().find(|&(i, c)| {
            GLUED_SEPARATORS.contains(&c)
                && head[..i].chars().next_back().is_some_and(caseless)
                && head[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(caseless)
        })?;
        let (before, part) = (&head[..at], &head[at + sep.len_utf8()..]);
        let (b, p) = (before.chars().count(), part.chars().count());
        (p <= LONGEST_PART && 2 * b >= 3 * p).then_some(before)
    }
    let mut head = title;
    while let Some(before) = last_part(head) {
        head = before;
    }
    let sep = title[head.len()..].chars().next()?;
    Some((head, &title[head.len() + sep.len_utf8()..]))
}

/// A site's name that holds a separator itself ("Salsa-Figuren - Rueda in
/// Berlin", as its logo reads; "Mady Morrison - Yoga Lifestyle" as its
/// `og:site_name`), whole at the title's end after a separator: the
/// headline before it and the name.
fn cut_whole_site<'t>(title: &'t str, site_key: &str) -> Option<(&'t str, &'t str)> {
    if site_key.is_empty() {
        return None;
    }
    SEPARATORS.iter().find_map(|sep| {
        title.match_indices(sep).find_map(|(pos, _)| {
            let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
            (!head.is_empty() && normalize_for_matching(tail) == site_key).then_some((head, tail))
        })
    })
}

/// Whether a title's part asks a question ("was lohnt sich?"): the
/// headline's own second half, as no site names itself so. Not an
/// exclamation: sites sign with their slogans ("Slide Rules on-line!",
/// "Jetzt entdecken!"). Only a guess is judged by it.
fn asks(part: &str) -> bool {
    part.ends_with(['?', '？'])
}

/// Whether a title's part is a web address in lower case
/// ("mediaarchitecture.de", "www.example.com"): a site's name as its host,
/// never a headline. Not a program's name ("Node.js", "socket.io" is one
/// too, but a site's as well).
fn is_host(part: &str) -> bool {
    host_like(part) && !part.chars().any(char::is_uppercase)
}

/// Whether `part` is the site's address beside `other`, the rest of a
/// title: one in lower case beside anything, one in capitals as
/// [`is_cased_host`] allows.
fn address_beside(part: &str, other: &str) -> bool {
    is_host(part) && !other.trim().is_empty() || is_cased_host(part, other)
}

/// Whether a title's part is a web address the site writes in capitals
/// ("ContraCostaTimes.com", "eCanadaNow.com"): a site's name before or
/// after a headline of three words or more. Beside a word or two it may be
/// a company the headline names ("Example.com - Buses").
fn is_cased_host(part: &str, other: &str) -> bool {
    host_like(part) && other.split_whitespace().count() >= 3
}

/// An address's shape: labels of letters, digits and hyphens, split by
/// dots, ending in a lower-case top-level domain that is no file type.
fn host_like(part: &str) -> bool {
    let labels: Vec<&str> = part.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && !["js", "ts", "py", "rs", "md", "rb"].contains(&tld)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == '-')
        })
}

/// The parts of the titles (between separators) that spell the page's
/// host: "Zoll online" on zoll.de, "EFC Bayrische Bembel Regensburg" on
/// bayrische-bembel.de. A site's name, however the `<title>` is laid out
/// ("Site - Section - Headline" as well as "Headline | Site"). Never a
/// title's longest part, a part of more than four words, or a part
/// another candidate says whole: those are headlines that mention the
/// site ("Zoll: Neue Regeln").
pub(super) fn host_parts(candidates: &[TitleCandidate]) -> Vec<String> {
    let hosts: Vec<&str> = candidates
        .iter()
        .filter(|c| c.evidence == TitleEvidence::Host && c.text.chars().count() >= 3)
        .map(|c| c.text.as_str())
        .collect();
    if hosts.is_empty() {
        return Vec::new();
    }
    let wholes: Vec<String> = candidates
        .iter()
        .filter(|c| c.evidence < TitleEvidence::Logo)
        .map(|c| normalize_for_matching(&c.text))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for c in candidates
        .iter()
        .filter(|c| c.evidence < TitleEvidence::Logo)
    {
        // Parts between separators, or a headline and its bracketed end
        // ("»Einfach kein Geld mehr …« (neues deutschland)").
        let parts: Vec<&str> = match SEPARATORS.iter().find(|s| c.text.contains(**s)) {
            Some(sep) => c.text.split(sep).map(str::trim).collect(),
            None => match trailing_paren(&c.text) {
                Some((head, inner)) => vec![head, inner],
                None => continue,
            },
        };
        let longest = parts.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        for part in parts {
            let key = normalize_for_matching(part);
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let spells = |host: &&str| {
                (0..words.len())
                    .any(|i| (i + 1..=words.len()).any(|j| words[i..j].concat() == **host))
            };
            if part.chars().count() < longest
                && (1..=4).contains(&words.len())
                && hosts.iter().any(spells)
                && !wholes.contains(&key)
                && !out.iter().any(|o| o == part)
            {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// A title's bracketed end and what comes before it: ("Headline", "site")
/// for "Headline (site)".
fn trailing_paren(title: &str) -> Option<(&str, &str)> {
    let t = title.trim_end().strip_suffix(')')?;
    let open = t.rfind(" (")?;
    let inner = t[open + 2..].trim();
    (!inner.is_empty() && !inner.contains(['(', ')']))
        .then(|| (t[..open].trim_end(), inner))
        .filter(|(head, _)| !head.is_empty())
}

/// A `<title>` that is a trail ("Site » Blog Archive » Headline", "Club -
/// Headline - Press", "Headline | iPhone | Forum"): three or more parts
/// split by one separator, where every part but the longest is the site's
/// name (one of `sites`) or a short section name, and the site is named,
/// every such part is a single word, or there are three such parts. The
/// longest part is then the headline, when it has three words or more and
/// at least twice as many as each section name. Anything else comes back whole: a headline may
/// hold the separator itself ("Office 365 – HBDI – die Dritte").
pub(super) fn trail_headline<'t>(title: &'t str, sites: &[&str]) -> &'t str {
    // A site's name with a separator of its own is one part of the trail,
    // not two: "Energy Rising - 33 Tage Yoga Challenge - Mady Morrison -
    // Yoga Lifestyle" is a headline and its site, not a trail.
    if let Some((head, _)) = sites
        .iter()
        .find_map(|s| cut_whole_site(title, &normalize_for_matching(s)))
        .filter(|(_, tail)| SEPARATORS.iter().any(|sep| tail.contains(sep)))
    {
        return head;
    }
    let site_keys: Vec<String> = sites
        .iter()
        .map(|s| normalize_for_matching(s).replace(' ', ""))
        .filter(|k| k.len() >= 3)
        .collect();
    let names_site = |part: &str| {
        let k = normalize_for_matching(part).replace(' ', "");
        !k.is_empty()
            && site_keys
                .iter()
                .any(|s| s.contains(&k) || k.contains(s.as_str()))
    };
    // A trail may end in its separator ("Headline | Forum | ").
    let padded = format!("{title} ");
    for sep in SEPARATORS {
        let parts: Vec<&str> = padded
            .split(sep)
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 3 {
            continue;
        }
        let Some(longest) = parts.iter().copied().max_by_key(|p| p.chars().count()) else {
            continue;
        };
        let n = word_count(longest);
        let others = parts.iter().filter(|p| **p != longest);
        let sections_only = others
            .clone()
            .all(|p| names_site(p) || word_count(p) <= 3 && n >= 2 * word_count(p));
        // Anchored: the site is named, or the rest are single words, or
        // there are three of them ("Headline - National - Sport - Blayney
        // Chronicle"): a headline seldom holds its separator three times.
        let anchored = others.clone().any(|p| names_site(p))
            || others.clone().all(|p| word_count(p) == 1)
            || parts.len() >= 4;
        if n >= 3 && sections_only && anchored {
            // A slice of `title` itself, so the caller's lifetime holds.
            let at = title.find(longest).unwrap_or(0);
            return &title[at..at + longest.len()];
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site's name may hold a separator itself: it is cut off whole,
    /// and a `<title>` it ends is a headline and its site, not a trail.
    #[test]
    fn a_site_name_with_its_own_separator_is_cut_off_whole() {
        let site = "Mady Morrison - Yoga Lifestyle";
        let title = "Energy Rising - 33 Tage Yoga Challenge - Mady Morrison - Yoga Lifestyle";
        assert_eq!(
            split_site(title, Some(site), false),
            (
                "Energy Rising - 33 Tage Yoga Challenge".into(),
                Some(site.into())
            )
        );
        assert_eq!(
            trail_headline(title, &[site]),
            "Energy Rising - 33 Tage Yoga Challenge"
        );
        // Three short parts after a headline: a trail, named or not.
        assert_eq!(
            trail_headline(
                "Sport legends slam Aussie cricket team - National - Sport - Blayney Chronicle",
                &[]
            ),
            "Sport legends slam Aussie cricket team"
        );
        assert_eq!(
            split_site(
                "Enchufla Figuren - Salsa-Figuren - Rueda in Berlin",
                Some("Salsa-Figuren - Rueda in Berlin"),
                false
            )
            .0,
            "Enchufla Figuren"
        );
    }

    #[test]
    fn site_names_are_split_off() {
        assert_eq!(
            split_site(
                "Buses for the north | The Daily Example",
                Some("The Daily Example"),
                false
            ),
            (
                "Buses for the north".into(),
                Some("The Daily Example".into())
            )
        );
        assert_eq!(
            split_site(
                "Daily Example - Buses for the north",
                Some("Daily Example"),
                false
            )
            .0,
            "Buses for the north"
        );
        // Without the site's name, only <title> guesses a short tail.
        assert_eq!(
            split_site("Buses for the north - Embarque", None, true).0,
            "Buses for the north"
        );
        assert_eq!(
            split_site("Buses for the north - Embarque", None, false).0,
            "Buses for the north - Embarque"
        );
        // An address before a colon is the site; a word is the headline's.
        assert_eq!(
            split_site(
                "java.net: Behind The Scenes of Project Looking Glass",
                None,
                false
            ),
            (
                "Behind The Scenes of Project Looking Glass".to_string(),
                Some("java.net".to_string())
            )
        );
        assert_eq!(
            split_site("Brexit: what happens next for the buses", None, true).0,
            "Brexit: what happens next for the buses"
        );
        // A question is the headline's second half, not a site's name; a
        // slogan's exclamation may be the site's.
        assert_eq!(
            split_site("Buses for the north – what do they cost?", None, true).0,
            "Buses for the north – what do they cost?"
        );
        assert_eq!(
            split_site("Buses for the north - Ride with us!", None, true).0,
            "Buses for the north"
        );
        // A headline that mentions the site is not the site.
        assert_eq!(
            split_site(
                "The Guardian view on Hong Kong: a city on the brink | Editorial",
                Some("the Guardian"),
                false
            )
            .0,
            "The Guardian view on Hong Kong: a city on the brink | Editorial"
        );
        // A site named by its address, before or after the headline; a
        // program's name is no address, and nor is a capitalised name.
        for (title, headline) in [
            ("mediaarchitecture.de // » Jens Weber", "Jens Weber"),
            ("exam centre :: skoool.ie", "exam centre"),
            ("Node.js - Wikipedia", "Node.js - Wikipedia"),
            ("Example.com - Buses", "Example.com - Buses"),
            (
                "ContraCostaTimes.com - 1 NATO soldier killed in bomb attack",
                "1 NATO soldier killed in bomb attack",
            ),
            (
                "KalingaTimes.com: Move over Orkut, here comes India's BigAdda",
                "Move over Orkut, here comes India's BigAdda",
            ),
        ] {
            assert_eq!(split_site(title, None, false).0, headline, "{title}");
        }
    }

    #[test]
    fn a_site_name_is_split_off_the_front_only_before_a_longer_headline() {
        // The blog's name inside a longer first part is not "Site | …".
        assert_eq!(
            split_site(
                "Autumn leaves at the camp (2) @ Steven's home :: PIXNET",
                Some("Steven's home"),
                false
            )
            .0,
            "Autumn leaves at the camp (2) @ Steven's home :: PIXNET"
        );
    }
}
