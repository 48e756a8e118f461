//! Dates the reader sees by the headline or in the byline, where the page
//! marks them as the article's: a `<time>`, an element whose class says
//! date, publish or posted, an `itemprop` that says published.

use crate::clean::meta::dates::{self, Candidate, Evidence};

use super::super::arena::{Arena, Attrs, Tag};
use super::markup::{key_kind, Key};
use super::standing::{is_within, just_above};
use super::Frame;

/// Class and id words of elements that hold the article's date.
fn date_class(at: &Attrs) -> bool {
    at.words().any(|w| {
        says_date(&w) && !w.contains("update") && !w.contains("modif") && !w.contains("validate")
    })
}

/// Whether a lowercase word holds "date", "publish" or "posted"; one pass,
/// since this runs on every class word of every page.
fn says_date(w: &str) -> bool {
    let b = w.as_bytes();
    (0..b.len()).any(|i| match b[i] {
        b'd' => b[i..].starts_with(b"date"),
        b'p' => b[i..].starts_with(b"publish") || b[i..].starts_with(b"posted"),
        _ => false,
    })
}

/// A visible element's date: its `datetime` when the text shows the same
/// day (or no date), else the day the text shows (a UTC stamp can fall on
/// the next day; the reader sees the writer's). The element says it holds
/// a date, so a two-digit year counts here ("01.19.05, 5:17 PM ET"), and
/// so does a date in CJK characters ("2019年4月4日").
fn shown(datetime: Option<&str>, text: &str) -> Option<String> {
    let text = (text.chars().count() <= 120)
        .then(|| {
            dates::in_text(text)
                .or_else(|| dates::short_year_in_text(text))
                .or_else(|| dates::cjk_in_text(text))
        })
        .flatten();
    let machine = datetime.and_then(dates::machine);
    match (machine, text) {
        (Some(m), Some(t)) if dates::day_of(&m) != dates::day_of(&t) => {
            Some(dates::day_of(&t).to_string())
        }
        (Some(m), _) => Some(m),
        (None, t) => t,
    }
}

/// Whether date element `i` sits in an item of a list whose items show
/// dates too (three at least): a list of other stories ("Latest", "More
/// from this section"), each with its day, whatever its class calls it.
/// The article's own date line is one item at most (`<li>News</li><li><time>`).
fn listed(a: &Arena, i: u32) -> bool {
    let Some(li) = a
        .ancestors(i)
        .skip(1)
        .take(6)
        .find(|&k| a.tag(k) == Tag::Li)
    else {
        return false;
    };
    let dated = |item: u32| {
        (item as usize..a.subtree_end(item)).any(|k| {
            let n = &a.nodes[k];
            n.tag != Tag::Text && n.attrs.is_some() && (n.tag == Tag::Time || date_class(n.attrs()))
        })
    };
    a.node(a.node(li).parent)
        .children
        .iter()
        .filter(|&&c| a.tag(c) == Tag::Li && dated(c))
        .nth(2)
        .is_some()
}

/// The visible dates, in document order but those after the headline
/// (node `h1`) first: a date above it is more often the site's header than
/// the article's.
pub(super) fn dates(
    a: &Arena,
    h1: Option<usize>,
    frame: &Frame,
) -> impl Iterator<Item = Candidate> {
    let mut visible: Vec<(bool, Candidate)> = Vec::new();
    let mut taken: Vec<u32> = Vec::new();
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag == Tag::Text || node.attrs.is_none() {
            continue;
        }
        let at = node.attrs();
        let itemprop = at.itemprop.as_deref().and_then(key_kind);
        let wanted = node.tag == Tag::Time || date_class(at) || itemprop.is_some();
        let i = i as u32;
        if matches!(itemprop, Some(Key::Modified | Key::Ends))
            || !wanted
            || taken.iter().any(|&t| is_within(a, i, t))
            || frame.in_widget(a, i)
            || listed(a, i)
        {
            continue;
        }
        // Read as a field: two `<time>`s side by side ("published",
        // "updated") are two dates, not "…2016Samstag, 4. März 2017".
        // An element around stamped `<time>`s leaves them to speak for
        // themselves: each has its stamp, and its class may say "updated".
        if node.tag != Tag::Time
            && (i as usize + 1..a.subtree_end(i)).any(|k| {
                let n = &a.nodes[k];
                n.tag == Tag::Time && n.attrs.is_some() && n.attrs().datetime.is_some()
            })
        {
            continue;
        }
        let Some(stamp) = shown(at.datetime.as_deref(), &a.field_text(i)) else {
            continue;
        };
        taken.push(i);
        let evidence = if itemprop == Some(Key::Published) {
            Evidence::Published
        } else {
            Evidence::Byline
        };
        // A date line just above the headline, its sibling or its
        // parent's (a blog's day heading over its post's title), is the
        // article's as much as one below it; the site header's date of
        // today is not in the headline's box.
        let before_h1 = h1.is_some_and(|h| (i as usize) < h && !just_above(a, i, h));
        visible.push((before_h1, Candidate { stamp, evidence }));
    }
    visible.sort_by_key(|(before, _)| *before);
    visible.into_iter().map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_shown_beats_a_utc_stamp() {
        assert_eq!(
            shown(Some("2026-02-24T03:00:00Z"), "February 23, 2026").as_deref(),
            Some("2026-02-23")
        );
        assert_eq!(
            shown(Some("2026-02-23T15:00:00Z"), "February 23, 2026").as_deref(),
            Some("2026-02-23T15:00:00+00:00")
        );
        assert_eq!(shown(None, "Posted 3 hours ago"), None);
    }
}
