//! Step 1: lines → units. Source lines are normalised and hard-wrapped
//! paragraphs re-joined into logical lines ([`Unit`]s), with list markers
//! and rows of tables printed as text recognised. Everything later works on
//! units, so a paragraph wrapped at 72 columns and one printed on a single
//! line look the same to the features and the region search.
use crate::clean::meta::dates::in_text;

/// A logical line: one source line, or several re-joined hard-wrapped ones.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub(super) text: String,
    pub(super) list: Option<ListMark>,
    /// Lines sit right above and below it, with no blank line between: a
    /// row among rows (a table, a form's labels), not a heading set apart.
    pub(super) grouped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ListMark {
    pub(super) ordered: bool,
    /// Byte offset of the item text after the marker.
    pub(super) start: usize,
}

/// Collapses whitespace, drops control and zero-width characters.
fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if crate::clean::decode::is_invisible(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

fn list_mark(text: &str) -> Option<ListMark> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if matches!(
        first,
        '-' | '•' | '*' | '·' | '▪' | '■' | '►' | '▸' | '◦' | '○' | '●' | '✓' | '✔' | '→'
    ) {
        let (i, second) = chars.next()?;
        if second == ' ' {
            let rest = text[i..].trim_start();
            if rest.chars().any(char::is_alphanumeric) {
                return Some(ListMark {
                    ordered: false,
                    start: text.len() - rest.len(),
                });
            }
        }
        return None;
    }
    // "1. ", "12) "
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &text[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            let after = after.trim_start();
            if after.chars().next().is_some_and(char::is_alphabetic) {
                return Some(ListMark {
                    ordered: true,
                    start: text.len() - after.len(),
                });
            }
        }
    }
    None
}

pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        matches!(
            c,
            ')' | ']' | '"' | '\'' | '”' | '’' | '»' | '*' | '_' | ' ' | '›'
        )
    });
    // A trailing ellipsis marks a cut-off teaser or a menu entry ("More…").
    t.ends_with(['.', '!', '?', '。', '！', '？', ';']) && !t.ends_with("..")
}

fn first_word_len(text: &str) -> usize {
    text.split(' ').next().map_or(0, |w| w.chars().count())
}

/// The width a hard-wrapped document was wrapped at, if it was: most lines
/// are about that long, hardly any longer, and lines followed by another
/// line mostly stop mid-sentence (one-paragraph-per-line text ends its
/// lines with full stops).
fn wrap_width(lines: &[String]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.contains(' '))
        .map(|l| l.chars().count())
        .collect();
    if lens.len() < 6 {
        return None;
    }
    lens.sort_unstable();
    let p95 = lens[(lens.len() * 95 / 100).min(lens.len() - 1)];
    if !(30..=160).contains(&p95) {
        return None;
    }
    let longer = lens.iter().filter(|&&l| l > p95 + 10).count();
    let near = lens.iter().filter(|&&l| l * 10 >= p95 * 7).count();
    if longer * 20 > lens.len() || near * 2 < lens.len() {
        return None;
    }
    let (mut followed, mut open) = (0, 0);
    for pair in lines.windows(2) {
        if pair[0].contains(' ') && !pair[1].is_empty() && pair[0].chars().count() * 10 >= p95 * 7 {
            followed += 1;
            if !ends_sentence(&pair[0]) {
                open += 1;
            }
        }
    }
    (followed >= 3 && open * 2 >= followed).then_some(p95)
}

/// Lines that are rows of a table or calendar printed as text ("1 Kyle
/// Busch 5040 5 1 17 27", "3a etapa: 22 de abril – Velopark"): at least
/// four in a row that each open with a number and hold the same count (two
/// or more) of numbers. Menus and link lists are words, not such rows, so
/// the rows count as article text even though each line is short.
pub(super) fn data_rows(units: &[Unit]) -> Vec<bool> {
    const RUN: usize = 4;
    let numbers = |u: &Unit| {
        let mut tokens = u.text.split_whitespace();
        let opens = tokens
            .next()
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        let count = u
            .text
            .split_whitespace()
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .count();
        (opens && count >= 2).then_some(count)
    };
    let counts: Vec<Option<usize>> = units.iter().map(numbers).collect();
    let mut rows = vec![false; units.len()];
    let mut start = 0;
    for i in 1..=units.len() {
        if i < units.len() && counts[i].is_some() && counts[i] == counts[start] {
            continue;
        }
        if counts[start].is_some() && i - start >= RUN {
            rows[start..i].iter_mut().for_each(|r| *r = true);
        }
        start = i;
    }
    rows
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a line reads as the rest of an unfinished sentence: it starts
/// with a lowercase word. "eHow Contributor" or "iPhone sales" start with a
/// name (a capital inside the first word), which may start a line of its
/// own under a byline.
fn continues_sentence(line: &str) -> bool {
    starts_lowercase(line)
        && !line
            .split(' ')
            .next()
            .is_some_and(|w| w.chars().skip(1).any(char::is_uppercase))
        && !byline_shape(line)
}

/// "by Peter Tyson" alone on its line, under a headline: the byline,
/// however lowercase its label; not "by the council" going on.
pub(super) fn byline_shape(line: &str) -> bool {
    // The label first: most lines have none, and the tail's date is not
    // read for them.
    if !line
        .split(' ')
        .next()
        .is_some_and(|w| matches!(w, "by" | "von" | "par" | "por"))
    {
        return false;
    }
    // "by Lord Yehudi Menuhin, May 6, 1997", "by Victor Gerdes, PTC Senior
    // Product Manager": the byline's date or the writer's title after it.
    let line = line
        .split_once(", ")
        .filter(|(_, rest)| {
            rest.split(' ').count() <= 6
                && (in_text(rest).is_some()
                    || rest.split(' ').all(|w| w.starts_with(char::is_uppercase)))
        })
        .map_or(line, |(names, _)| names);
    let names: Vec<&str> = line.split(' ').skip(1).collect();
    (2..=4).contains(&names.len())
        && names.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

/// "W hile Anglophiles…": a decorative initial split from its word by the
/// scraper. Only consonants, which are never words on their own.
fn join_drop_cap(line: String) -> String {
    let mut chars = line.chars();
    let (Some(first), Some(' '), Some(third)) = (chars.next(), chars.next(), chars.next()) else {
        return line;
    };
    if first.is_ascii_uppercase() && !"AEIOUY".contains(first) && third.is_lowercase() {
        let mut out = String::with_capacity(line.len());
        out.push(first);
        out.push_str(&line[2..]);
        return out;
    }
    line
}

pub(super) fn units_of(text: &str) -> Vec<Unit> {
    let lines: Vec<String> = text.lines().map(normalize_line).collect();
    let width = wrap_width(&lines);
    let mut units: Vec<Unit> = Vec::new();
    // Whether the previous source line was non-blank (same paragraph group).
    let mut joinable = false;
    // Whether the last unit had a line right above it.
    let mut above = false;
    // The last unit's length in chars and in words, kept as lines join it:
    // counting them afresh for every joined line made a long paragraph
    // without blank lines quadratic (minutes for a few MB of text).
    let (mut prev_len, mut prev_words) = (0usize, 0usize);
    for line in lines {
        if line.is_empty() {
            joinable = false;
            continue;
        }
        let mut list = list_mark(&line);
        // In hard-wrapped text, "- " at the start of a line that goes on
        // from an open line of prose is a dash the wrap put first, not a
        // list ("…fighters\n- a move described…").
        if list.is_some() && line.starts_with("- ") && joinable && width.is_some() {
            let prev = units.last();
            if prev.is_some_and(|u| {
                u.list.is_none() && !ends_sentence(&u.text) && !u.text.ends_with(':')
            }) {
                list = None;
            }
        }
        if joinable && list.is_none() {
            let prev = units.last().map(|u| u.text.as_str()).unwrap_or("");
            let open = !ends_sentence(prev) && !prev.ends_with(':');
            let wrapped = width.is_some_and(|w| {
                prev_len + 1 + first_word_len(&line) > w && prev_len * 10 >= w * 6
            });
            let continued = open && prev_words >= 3 && continues_sentence(&line);
            if wrapped || continued {
                if let Some(u) = units.last_mut() {
                    let line_words = line.split(' ').count();
                    if u.text.ends_with('-')
                        && u.text[..u.text.len() - 1]
                            .chars()
                            .last()
                            .is_some_and(char::is_alphabetic)
                        && starts_lowercase(&line)
                    {
                        prev_words += line_words - 1;
                    } else {
                        u.text.push(' ');
                        prev_len += 1;
                        prev_words += line_words;
                    }
                    prev_len += line.chars().count();
                    u.text.push_str(&line);
                }
                continue;
            }
        }
        if let Some(last) = units.last_mut() {
            last.grouped = above && joinable;
        }
        above = joinable;
        let text = join_drop_cap(line);
        prev_len = text.chars().count();
        prev_words = text.split(' ').count();
        units.push(Unit {
            text,
            list,
            grouped: false,
        });
        joinable = true;
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::text::test_support::*;

    #[test]
    fn rows_of_a_table_printed_as_text_are_data_not_navigation() {
        let text = "Home\nNews\nSport\n\nPos. Driver Points Wins\n1 Kyle Busch 5040 5\n2 Martin Truex Jr. 5035 7\n3 Kevin Harvick 5033 4\n4 Denny Hamlin 5027 6\n\n2019\n2018\n";
        let units = units_of(text);
        let rows = data_rows(&units);
        let marked: Vec<&str> = units
            .iter()
            .zip(&rows)
            .filter(|(_, r)| **r)
            .map(|(u, _)| u.text.as_str())
            .collect();
        assert_eq!(marked.len(), 4, "{marked:?}");
        assert!(marked[0].starts_with("1 Kyle"));
    }

    #[test]
    fn a_dash_that_the_wrap_put_first_is_not_a_list() {
        let para = "The directive was issued to the ministry and to the commission that keeps the records of fighters";
        let text = format!(
            "{}\n- a move described in reports from several sources as a sign of deep concern among\nthe leaders, who fear strikes.\n\nA list follows:\n- first item\n- second item\n\n{}\n{}\n{}\n",
            para,
            "Another paragraph of running text that is wrapped at about the same width as",
            "the paragraph above it, so the document is recognised as hard-wrapped text and",
            "its lines are joined again into paragraphs as they were written by the author."
        );
        let units = units_of(&text);
        assert!(
            units[0].text.contains("fighters - a move described"),
            "{:?}",
            units[0].text
        );
        assert!(units[0].list.is_none());
        assert!(units
            .iter()
            .any(|u| u.list.is_some() && u.text.contains("first item")));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined() {
        let text = "Council Approves Record Transport Budget\n\n\
            The city council voted on Tuesday to approve a new budget\n\
            that raises spending on public transport by twelve percent,\n\
            the largest increase in a decade. Supporters said the money\n\
            was long overdue.\n\n\
            Opponents argued that the plan relies on optimistic revenue\n\
            forecasts. \"We are building on sand,\" said one councillor,\n\
            who asked that the vote be postponed until the spring.\n\n\
            The mayor is expected to sign the budget next week. It takes\n\
            effect in January, when the first new buses arrive.\n";
        let a = clean(text);
        let ps = paragraphs(&a);
        assert_eq!(ps.len(), 3, "{ps:#?}");
        assert!(
            ps[0].starts_with("The city council voted") && ps[0].ends_with("was long overdue.")
        );
        assert!(ps[0].contains("twelve percent, the largest increase in a decade. Supporters said"));
        assert!(ps[2].contains("It takes effect in January"));
        assert_nothing_invented(text, &a);
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let text = format!("Council Approves Record Transport Budget\n{BODY}");
        let a = clean(&text);
        let ps = paragraphs(&a);
        assert_eq!(ps.len(), 4, "{ps:#?}");
        assert!(ps[1].starts_with("Supporters said"));
        assert!(ps[3].starts_with("The mayor is expected"));
    }
}
