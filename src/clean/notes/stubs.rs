//! The stubs a page leaves as the text's last line: a line that introduces
//! what is no longer there, the source or wire credit, an end mark.

use super::words_of;
use crate::clean::meta::names::is_agency;

/// Words such a stub has at most.
pub(super) const STUB_WORDS: usize = 8;

/// Why the text's last line is a stub rather than the article's end, if
/// it is: a short line that ends in a colon introduces a list or box that
/// was dropped ("More games news:", "Siehe auch:", "Lue myös:"), and a
/// text cannot end by introducing something; a source label ("Quelle:
/// dpa", "Fuente: Actualidad", "SOURCE: News agencies"); wire initials
/// ("aja/PAP", "dr/spot") or agencies alone ("(dpa)", "mit dpa"); an end
/// mark ("-END-", "ENDS/ETE1367").
pub(super) fn end_stub(plain: &str) -> Option<&'static str> {
    let t = plain
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '(' | ')' | '[' | ']'));
    let lower = t.to_lowercase();
    let words = words_of(&lower);
    if words.is_empty() || words.len() > STUB_WORDS {
        return None;
    }
    if t.ends_with(':') || t.ends_with('：') {
        return Some("introduces what is no longer there");
    }
    let label = lower.split_once([':', '：']).map(|(l, _)| l.trim());
    if label.is_some_and(|l| {
        [
            "quelle",
            "quellen",
            "source",
            "sources",
            "fuente",
            "fuentes",
            "fonte",
            "fontes",
            "źródło",
            "źródła",
            "bron",
            "kilde",
            "källa",
            "lähde",
        ]
        .contains(&l)
    }) {
        return Some("the source's credit");
    }
    if is_wire_initials(t) {
        return Some("the wire's initials");
    }
    if is_wire_credit(&lower) {
        return Some("the wire's credit");
    }
    if ["end", "ends", "ende", "fin", "fim"].contains(&words[0])
        && words.len() <= 2
        && t.chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        return Some("an end mark");
    }
    None
}

/// "aja/PAP", "dr/spot", "PM DJV/fh": at most two tokens, one of them
/// short parts joined by `/`, letters only: the initials of the writer
/// and the agency, as wire copy signs off.
fn is_wire_initials(t: &str) -> bool {
    let tokens: Vec<&str> = t.split_whitespace().collect();
    tokens.len() <= 2
        && tokens.iter().any(|w| w.contains('/'))
        && tokens.iter().all(|w| {
            w.split('/')
                .all(|p| (1..=6).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
        })
}

/// "(dpa)", "mit dpa", "AFP/Reuters", "Agencies": the agencies that
/// wired the story, and nothing else. `lower` is the lower-cased line.
fn is_wire_credit(lower: &str) -> bool {
    let rest = ["mit ", "with ", "avec ", "con ", "com "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(lower);
    let mut parts = rest
        .split(['/', ',', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" und "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .peekable();
    parts.peek().is_some()
        && parts.all(|p| {
            is_agency(p)
                || ["agencies", "news agencies", "agences", "agenturen", "wires"].contains(&p)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stubs_at_the_end_are_recognised() {
        for stub in [
            "More games news:",
            "Siehe auch:",
            "Quelle: APA/sda/dpa",
            "Fuente: Actualidad",
            "SOURCE: News agencies",
            "aja/PAP",
            "dr/spot",
            "PM DJV/fh",
            "-END-",
            "ENDS/ETE1367",
            "(dpa)",
            "mit dpa",
            "AFP/Reuters",
            "Agencies",
        ] {
            assert!(end_stub(stub).is_some(), "{stub}");
        }
        for line in [
            "The council meets again in May.",
            "and/or the committee",
            "Enjoy!",
            "End of an era",
            "Quelle des Streits: die Miete",
        ] {
            assert_eq!(end_stub(line), None, "{line}");
        }
    }
}
