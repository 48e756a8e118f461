//! Dates standing alone in the page's text: a line of its own, not a date
//! in a sentence, nor a link's, nor one of a list of other stories' days.

use crate::clean::meta::dates::{self, Candidate, Evidence};
use crate::clean::meta::names;

use super::super::arena::{Arena, Tag};
use super::Frame;

/// Words of text at most between the headline and a date line under it:
/// a byline, a kicker, a reading time, not a paragraph.
const HEAD_WORDS: usize = 30;

/// Words of text at most between the headline and a paragraph opening with
/// its dateline: a deck and a byline may stand between.
const DECK_WORDS: usize = 80;

/// The standing dates, nearest the main content's start first: inside the
/// subtree of node `root`, else the closest before it, as an article's date
/// line sits at its head. The first one just under the headline (node
/// `h1`), with no more than a byline's words between, is the article's
/// date line and counts as a date by the headline.
pub(super) fn dates(
    a: &Arena,
    h1: Option<usize>,
    root: Option<u32>,
    frame: &Frame,
) -> impl Iterator<Item = Candidate> {
    let head_end = h1.map(|h| a.subtree_end(h as u32));
    // The nodes [`just_after`] the headline, walked once.
    let head_span = head_end.map(|e| e..=reach(a, e, HEAD_WORDS));
    let under_head = |i: usize| head_span.as_ref().is_some_and(|s| s.contains(&i));
    let mut under_headline = false;
    let mut standing: Vec<((u8, usize), bool, Candidate)> = Vec::new();
    let root_end = root.map(|r| a.subtree_end(r));
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag != Tag::Text {
            continue;
        }
        let n = i as u32;
        let Some(stamp) = standing_date(&node.text) else {
            // A date line under the headline whose parts are parted by
            // its markup ("8.<a>Dezember 2010</a> um 09:43", a theme that
            // links the month to its archive) is read as one line. A date
            // alone as a field of that line, after a byline or a name, may
            // write its year in two digits ("Von: Björn Jahner | 31.10.23");
            // a paragraph of such numbers alone may be a score or a
            // version.
            if !under_headline && under_head(i) && !frame.in_widget(a, n) && !labelled_datum(a, n) {
                let line = match block_of(a, n) {
                    Some(block) if opens(a, block, n) => split_line(a, block, n),
                    _ => short_date(&node.text),
                };
                if let Some(stamp) = line {
                    under_headline = true;
                    standing.push(date_line(stamp));
                    continue;
                }
            }
            // A dateline opening the article's first paragraph counts as
            // its date line: "29.11.2022 – Mehrfach und vehement …".
            // (The text's shape first: it rules out nearly every node.)
            if under_headline {
                continue;
            }
            let Some(stamp) = dateline(&node.text) else {
                continue;
            };
            if head_end.is_some_and(|e| within(a, e, i, DECK_WORDS))
                && !in_link(a, n)
                && opens_block(a, n)
            {
                under_headline = true;
                standing.push(date_line(stamp));
            }
            continue;
        };
        if in_link(a, n) || frame.in_widget(a, n) || !own_line(a, n) {
            continue;
        }
        let caption = captions_a_link(a, n);
        if !under_headline
            && !caption
            && (under_head(i) || h1.is_some_and(|h| just_above(a, n, h)))
            && !labelled_datum(a, n)
        {
            under_headline = true;
            standing.push(date_line(stamp));
            continue;
        }
        let place = match (root, root_end) {
            (Some(r), Some(end)) if i >= r as usize && i < end => (0, i),
            (Some(r), _) if i < r as usize => (1, r as usize - i),
            (Some(_), _) => (2, i),
            _ => (0, i),
        };
        standing.push((
            place,
            caption,
            Candidate {
                stamp,
                evidence: Evidence::Text,
            },
        ));
    }
    // Two or more days beside linked headlines are a list of other
    // stories; one alone is as likely the page's own title and its day.
    if standing.iter().filter(|(_, caption, _)| *caption).count() >= 2 {
        standing.retain(|(_, caption, _)| !caption);
    }
    standing.sort_by_key(|(place, _, _)| *place);
    standing.into_iter().map(|(_, _, c)| c)
}

/// The article's date line: first of the standing dates, and a date by the
/// headline.
fn date_line(stamp: String) -> ((u8, usize), bool, Candidate) {
    let evidence = Evidence::Byline;
    ((0, 0), false, Candidate { stamp, evidence })
}

/// The date a paragraph opens with, set off from the text by a dash or an
/// opening quote, as a news dateline is ("29.11.2022 – Mehrfach …",
/// "01.02.2022 „Der Arbeitsmarkt …"): at most five words before it.
fn dateline(text: &str) -> Option<String> {
    // Only the first 60 bytes can hold a dateline and its dash.
    let t = text.trim_start();
    let end = (0..=t.len().min(60))
        .rev()
        .find(|&k| t.is_char_boundary(k))
        .unwrap_or(0);
    let t = &t[..end];
    // Every date read in text has a four-digit year: most paragraphs are
    // passed over here, before any search.
    if !dates::may_hold_date(t) {
        return None;
    }
    let cut = [" – ", " — ", " - ", " „", " “", " \""]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()?;
    let head = &t[..cut];
    (head.split_whitespace().count() <= 5 && !dates::ends_something(head))
        .then(|| dates::day_in_text(head))
        .flatten()
}

/// The standing date of the short line that text node `n` opens in
/// `block`, read across the inline elements that part it; `None` when `n`
/// alone holds all of the line's text (the caller has read it already).
fn split_line(a: &Arena, block: u32, n: u32) -> Option<String> {
    /// Nodes at most in the line's block: a line, not a section.
    const LINE_NODES: usize = 24;
    if a.subtree_end(block) - block as usize > LINE_NODES {
        return None;
    }
    let line = a.first_line(block).unwrap_or_else(|| a.field_text(block));
    (line.trim() != a.node(n).text.trim())
        .then(|| standing_date(&line))
        .flatten()
}

/// A text that is a numeric date with a two-digit year and at most its
/// time ("31.10.23", "31.10.23 14:05"), when day and month cannot be
/// swapped.
fn short_date(text: &str) -> Option<String> {
    let t = text.trim();
    (t.len() <= 16 && t.split_whitespace().count() <= 2)
        .then(|| dates::short_year_in_text(t))
        .flatten()
}

/// The nearest block element around node `n`: the line it stands in.
fn block_of(a: &Arena, n: u32) -> Option<u32> {
    a.ancestors(n).skip(1).find(|&b| a.tag(b).is_block())
}

/// Whether text node `n` is the first text of its block.
fn opens_block(a: &Arena, n: u32) -> bool {
    block_of(a, n).is_some_and(|block| opens(a, block, n))
}

/// Whether text node `n` is the first text of `block`, an element around
/// it.
fn opens(a: &Arena, block: u32, n: u32) -> bool {
    !(block + 1..n).any(|k| a.tag(k) == Tag::Text && !a.blank(k))
}

/// Whether text node `n` is a datum in a table row with a label cell
/// (`<th>Founded</th><td>February 28, 1998</td>`): an infobox's fact, not
/// the article's date line.
fn labelled_datum(a: &Arena, n: u32) -> bool {
    a.ancestors(n)
        .take(6)
        .find(|&k| a.tag(k) == Tag::Tr)
        .is_some_and(|tr| a.node(tr).children.iter().any(|&c| a.tag(c) == Tag::Th))
}

/// Whether node `i` comes after node index `from` with at most
/// [`HEAD_WORDS`] words of text between, and no linked headline: a
/// carousel of other stories under the headline dates those stories.
pub(super) fn just_after(a: &Arena, from: usize, i: usize) -> bool {
    within(a, from, i, HEAD_WORDS)
}

/// Whether node `i` (an element, or the text of one) sits just above the
/// headline `h` in the headline's own box: a blog's day heading over its
/// post's title, a byline printed over the headline ("Par Loïc Le Clerc |
/// 30 septembre 2018" over the `<h2>`). A site header's date of today is
/// not in the headline's box.
pub(super) fn just_above(a: &Arena, i: u32, h: usize) -> bool {
    let element = if a.tag(i) == Tag::Text {
        a.node(i).parent
    } else {
        i
    };
    (i as usize) < h && just_after(a, a.subtree_end(i), h) && {
        let p = a.node(element).parent;
        !matches!(a.tag(p), Tag::Body | Tag::Html | Tag::Root) && is_within(a, h as u32, p)
    }
}

pub(super) fn is_within(a: &Arena, i: u32, ancestor: u32) -> bool {
    a.ancestors(i).take(64).any(|k| k == ancestor)
}

/// [`just_after`] with at most `most` words between.
fn within(a: &Arena, from: usize, i: usize, most: usize) -> bool {
    i >= from && i <= reach(a, from, most)
}

/// The last node index [`within`] `most` words of text after node index
/// `from`: the words only grow past it, so one walk answers for every node
/// after `from`.
fn reach(a: &Arena, from: usize, most: usize) -> usize {
    const HEADLINE_WORDS: usize = 4;
    let mut words = 0;
    let mut link_end = 0;
    let mut link_words = 0;
    for (k, node) in a.nodes.iter().enumerate().skip(from) {
        if node.tag == Tag::A && k >= link_end {
            link_end = a.subtree_end(k as u32);
            link_words = 0;
        }
        if node.tag == Tag::Text {
            let n = node.text.split_whitespace().count();
            words += n;
            if k < link_end {
                link_words += n;
            }
            if words > most || link_words >= HEADLINE_WORDS {
                return k;
            }
        }
    }
    a.nodes.len()
}

/// A date that is all of a short text ("Monday, December 22, 2003",
/// "Posted 18.11.2019 21:17"): a line of its own, not a date in a sentence.
/// Its length is the reader's, spaces collapsed: hand-written HTML breaks
/// and indents a line in its source ("Thursday,\n          January 3").
fn standing_date(text: &str) -> Option<String> {
    // Most text nodes are passed over in one cheap scan (this runs on
    // every one of them).
    if !dates::may_hold_date(text) {
        return None;
    }
    let t = text.trim();
    if t.ends_with(['.', '?', '!']) && !t.ends_with("m.") && !ends_in_time(t) {
        return None;
    }
    // A line of fields ("January 13, 2020 at 08:45 AM | categories:",
    // "By Ann Lee · 12 March 2003"): each field is judged as a line.
    t.split([' ', '\u{a0}'])
        .collect::<Vec<_>>()
        .split(|w| matches!(*w, "|" | "·" | "•"))
        .map(|field| field.join(" "))
        .find_map(|field| {
            let field = without_byline(after_byline(field.trim()));
            // The time that ends the line is the day's ("… at 08:34 PM
            // EDT.", "… um 14:05 Uhr"): only the words before it count.
            let words: Vec<&str> = field.split_whitespace().collect();
            let timed = words
                .iter()
                .rposition(|w| !time_word(w))
                .map_or(0, |k| k + 1);
            let short = words[..timed]
                .iter()
                .try_fold((0, 0), |(w, c), word| {
                    let next = (w + 1, c + 1 + word.chars().count());
                    (next.0 <= 7 && next.1 <= 49).then_some(next)
                })
                .is_some();
            if short && !dates::ends_something(field) {
                dates::day_in_text(field)
            } else {
                None
            }
        })
}

/// Whether a text's full stop ends a time rather than a sentence: "… on 1
/// June 2019 at 08:34 PM EDT.", a byline's date line written as one.
fn ends_in_time(t: &str) -> bool {
    let last = t.trim_end_matches('.').rsplit(' ').next().unwrap_or("");
    t.ends_with('.') && time_word(last) && last != "at"
}

/// A word of a time of day: "08:34", "PM", "EDT", "at", "um", "Uhr".
fn time_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let zone = (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    is_clock(w)
        || zone
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "am" | "pm" | "a.m" | "p.m" | "at" | "um" | "uhr"
        )
}

/// A clock time ("08:34", "14.05h" is not): digits, a colon, two digits.
/// `w` comes without its trailing stop or comma ([`time_word`]).
fn is_clock(w: &str) -> bool {
    w.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// A date line without the byline that ends it: "Posted on September 21,
/// 2020 by Adi Tzlil" is judged as "Posted on September 21, 2020". Only a
/// label and a few capitalised words after it (a name) are cut.
fn without_byline(field: &str) -> &str {
    [" by ", " By ", " von ", " par ", " por ", " door "]
        .iter()
        .filter_map(|label| field.rfind(label).map(|at| (at, at + label.len())))
        .max()
        .filter(|&(_, name)| {
            let words: Vec<&str> = field[name..].split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        .map_or(field, |(at, _)| &field[..at])
}

/// A date line after the byline that opens it: "Posted by Ann Lee on
/// March 3, 2024" is judged as "on March 3, 2024", "Por Ana García el 3
/// de marzo" as "el 3 de marzo", however long the label and the name.
fn after_byline(field: &str) -> &str {
    if !names::has_label(field) {
        return field;
    }
    // Names only: "By Ann Lee and the members of the council who met on
    // …" is a sentence.
    let parts = names::split_byline(field);
    if !parts.iter().all(|p| names::is_person_name(p)) {
        return field;
    }
    parts
        .last()
        .and_then(|name| field.find(name.as_str()).map(|at| at + name.len()))
        .map_or(field, |end| field[end..].trim_start_matches([',', ' ']))
}

/// Whether text node `n` opens its line or follows a few words (a label,
/// a byline), not the end of a paragraph of prose ("…says Doug Russell.
/// [17 February 2005]"): that is an item's source, dated. A date opening
/// prose is a dateline ("(2/6/2004) Bill Clinton may…") and counts. A
/// line starts after a `<br>` or at the edge of the nearest block.
fn own_line(a: &Arena, n: u32) -> bool {
    const WORDS_BEFORE: usize = 12;
    let Some(block) = block_of(a, n) else {
        return true;
    };
    let mut words = 0;
    for i in (block as usize + 1..n as usize).rev() {
        let node = &a.nodes[i];
        match node.tag {
            Tag::Br => break,
            Tag::Text if block_of(a, i as u32) != Some(block) => break,
            Tag::Text => words += node.text.split_whitespace().count(),
            _ => {}
        }
    }
    words <= WORDS_BEFORE
}

/// Whether text node `n` is the date of a headline linked beside it, in
/// the same cell or item ("<a>Snap polls likely</a> January 2, 2002"), as
/// in a list of other stories, each with its day. A link of a few words
/// (an author's name in a byline) does not make a caption.
fn captions_a_link(a: &Arena, n: u32) -> bool {
    const HEADLINE_WORDS: usize = 4;
    let Some(block) = a
        .ancestors(n)
        .skip(1)
        .take(8)
        .find(|&k| a.tag(k).is_block())
    else {
        return false;
    };
    let mut i = block as usize + 1;
    while i < n as usize {
        if a.nodes[i].tag != Tag::A {
            i += 1;
            continue;
        }
        let end = a.subtree_end(i as u32);
        let words: usize = a.nodes[i..end]
            .iter()
            .filter(|k| k.tag == Tag::Text)
            .map(|k| k.text.split_whitespace().count())
            .sum();
        if words >= HEADLINE_WORDS {
            return true;
        }
        i = end;
    }
    false
}

fn in_link(a: &Arena, i: u32) -> bool {
    a.ancestors(i).take(8).any(|k| a.tag(k) == Tag::A)
}
