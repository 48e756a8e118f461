//! The "Tags:" / "Filed under:" line of a plain-text article: the topics
//! the page printed with the article, read as tags and taken out of the
//! body (it is metadata, not prose).
//!
//! Scrapers write such a list either on the label's line ("Tags: rail,
//! budget") or one value per line under a label alone ("Topics:" then
//! "MacBook Pro," "Mac," "Review"). Only a label near the body counts: from
//! the headline down to a few lines past the body's end, where templates
//! print it; a label further down belongs to a sidebar or another story.

use super::units::Unit;
use crate::clean::meta::tags::{after_label, split_list};

/// Lines past the body's end still searched for the list.
const AFTER_BODY: usize = 15;

/// A value on its own line under a label is at most this many words.
const ITEM_WORDS: usize = 5;

/// At most this many lines of values under a label alone.
const MAX_ITEMS: usize = 12;

/// The first tag list in `units[from..body_end + AFTER_BODY]`: the units it
/// spans (label included) and its raw values. `skip`: units already taken
/// (headline, byline…).
pub(super) fn tag_lines(
    units: &[Unit],
    from: usize,
    body_end: usize,
    skip: impl Fn(usize) -> bool,
) -> Option<(Vec<usize>, Vec<String>)> {
    let to = units.len().min(body_end.saturating_add(AFTER_BODY));
    (from..to).find_map(|i| {
        if skip(i) {
            return None;
        }
        let rest = after_label(&units[i].text)?;
        if !rest.is_empty() {
            return Some((vec![i], split_list(rest)));
        }
        // A label alone: the values follow, one a line, each but the last
        // ending in a separator ("Mac," "Review").
        let mut lines = vec![i];
        let mut values = Vec::new();
        for (j, unit) in units.iter().enumerate().skip(i + 1).take(MAX_ITEMS) {
            let t = unit.text.trim();
            let words = t.split_whitespace().count();
            if skip(j) || t.is_empty() || words > ITEM_WORDS || after_label(t).is_some() {
                break;
            }
            let open = t.ends_with([',', ';', '|']);
            // The first value must say it is one of a list.
            if values.is_empty() && !open {
                break;
            }
            lines.push(j);
            values.extend(split_list(t));
            if !open {
                break;
            }
        }
        // A label with nothing readable under it still goes: it is not
        // article text either.
        Some((lines, values))
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, BODY};

    #[test]
    fn a_tags_line_becomes_tags_and_leaves_the_body() {
        let text =
            format!("Budget vote\n\n{BODY}\nTags: budget, transport; City Council\n\nComments\n");
        let a = clean(&text);
        assert_eq!(a.tags, vec!["budget", "transport", "City Council"]);
        assert!(!a.body_markdown().contains("Tags"), "{}", a.body_markdown());
        let text = format!("Budget vote\n\nFiled under: Transport |\n\n{BODY}");
        let a = clean(&text);
        assert_eq!(a.tags, vec!["Transport"]);
        assert!(
            !a.body_markdown().contains("Filed"),
            "{}",
            a.body_markdown()
        );
    }

    #[test]
    fn a_label_alone_reads_the_list_under_it() {
        let text = format!("Budget vote\n\n{BODY}\nTopics:\n\nBuses,\n\nCity Council,\n\nBudget\n\nThe mayor said more on Friday about it all.\n");
        let a = clean(&text);
        assert_eq!(a.tags, vec!["Buses", "City Council", "Budget"]);
        let body = a.body_markdown();
        assert!(
            !body.contains("Topics") && !body.contains("Buses,"),
            "{body}"
        );
        // A label followed by prose takes nothing.
        let text = format!("Budget vote\n\n{BODY}\nTags:\nEntertainment Latest News\n");
        assert!(clean(&text).tags.is_empty());
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_label() {
        let text = format!(
            "Budget vote\n\n{BODY}\nThe topics: buses, trains and the budget were all raised.\n"
        );
        let a = clean(&text);
        assert!(a.tags.is_empty(), "{:?}", a.tags);
        assert!(
            !a.dropped.iter().any(|d| d.reason.starts_with("tag line")),
            "{:?}",
            a.dropped
        );
    }
}
