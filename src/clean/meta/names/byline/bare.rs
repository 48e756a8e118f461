//! Step 1 of [`split_byline`]: the byline from its
//! names on, without its labels ("By", "Text & Fotos:") and without the
//! brackets that hold no writer (a handle, a photographer's credit, a
//! note after the name).

use std::sync::OnceLock;

use regex::Regex;

use super::*;

/// Spaces and the full-width punctuation of Chinese and Japanese bylines
/// ("記者：王小明", "文：李四、张三") as their ASCII forms, with the space an
/// ASCII byline puts after them, so that labels and lists read alike. Not
/// the full-width slash: in "上報快訊／范姜佳鈺" it ends a label (the desk),
/// where an ASCII " / " ends the names.
fn ascii_punctuation(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{a0}' | '\u{2009}' | '\u{3000}' => out.push(' '),
            '：' => out.push_str(": "),
            '，' | '、' => out.push_str(", "),
            '；' => out.push_str("; "),
            '（' => out.push_str(" ("),
            '）' => out.push_str(") "),
            _ => out.push(c),
        }
    }
    out
}

/// The text from the names on, and whether the byline credits an
/// interview (where the one "with" the writer was interviewed, not a
/// co-writer).
pub(super) fn bare(raw: &str) -> (String, bool) {
    let s = collapse(&spaced_commas(&ascii_punctuation(raw)));
    let s = after_field_label(&s);
    // "Ein Interview von Eugen Zentner mit Sonja Silberhorn": the one
    // after "with" was interviewed; elsewhere it is a co-writer.
    let interview = {
        let lower = s.trim_start().to_lowercase();
        let lower = ["an ", "a ", "ein ", "un ", "une ", "uno ", "una "]
            .iter()
            .find_map(|a| lower.strip_prefix(a))
            .unwrap_or(&lower);
        ["interview", "entretien", "entrevista", "intervista"]
            .iter()
            .any(|w| lower.starts_with(w))
    };
    let s = strip_label(s);
    // A label in another language: one word and a colon ("Текст:",
    // "Texto:"); or a credit for the text and something else ("Text &
    // Fotos:", "Words and pictures:").
    let credit = |l: &str| {
        let first = l.split_whitespace().next().unwrap_or("").to_lowercase();
        l.split_whitespace().count() <= 3
            && matches!(
                first.as_str(),
                "text" | "texte" | "texto" | "testo" | "words" | "story"
            )
    };
    let s = match s.split_once(": ") {
        Some((l, rest))
            if (!l.contains(' ') && l.chars().count() <= 12
                || credit(l) && l.chars().count() <= 24)
                && !rest.is_empty() =>
        {
            strip_label(rest)
        }
        _ => s,
    };
    // "(avec …)", "(with …)": more authors; a parenthesis holding a URL,
    // a handle or a number is not part of a name; a one-word one may be
    // ("Richard (R.J.) Eskow").
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let paren = PAREN.get_or_init(|| {
        Regex::new(r"(?i)\(\s*(?:avec|with|and|mit|con|et|und)\s+([^)]*)\)").expect("static regex")
    });
    let s = paren.replace_all(s, ", $1");
    // "Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)": a
    // name credited in brackets for pictures, drawings or film did not
    // write the text.
    static PICTURES: OnceLock<Regex> = OnceLock::new();
    let pictures = PICTURES.get_or_init(|| {
        Regex::new(
            r"(?i)[^,;()]+?\(\s*(?:photos?|photography|photographs|pictures|images|illustrations?|graphics|video|fotos?|bilder|fotografie|grafik)\s*\)",
        )
        .expect("static regex")
    });
    let s = pictures.replace_all(&s, "");
    static JUNK: OnceLock<Regex> = OnceLock::new();
    let junk = JUNK.get_or_init(|| {
        Regex::new(r"\((?:[^()]*(?:://|@|\d|www\.)[^()]*|\s*)\)").expect("static regex")
    });
    let s = junk.replace_all(&s, " ");
    // Several words in brackets where a name ends ("Samuel Diekmann
    // (Sponsored Post), Redner…") are a note; inside a name they are part
    // of it ("Bruno (Henrique Zecchin) Rodrigues").
    static NOTE: OnceLock<Regex> = OnceLock::new();
    let note = NOTE.get_or_init(|| Regex::new(r"\([^()]*\S\s+\S[^()]*\)").expect("static regex"));
    let mut kept = String::with_capacity(s.len());
    let mut from = 0;
    for m in note.find_iter(&s) {
        let after = s[m.end()..].trim_start();
        let ends = after.is_empty() || after.starts_with([',', ';', '|', '/', '-', '–', '—', '·']);
        kept.push_str(&s[from..m.start()]);
        kept.push_str(if ends { " " } else { m.as_str() });
        from = m.end();
    }
    kept.push_str(&s[from..]);
    (korean_credit(kept), interview)
}

/// The writer's post in a Korean byline, after the name: 기자 (reporter),
/// 특파원 (correspondent) and their kinds.
const KOREAN_POSTS: &[&str] = &[
    "기자",
    "특파원",
    "선임기자",
    "수석기자",
    "전문기자",
    "객원기자",
    "인턴기자",
    "수습기자",
    "논설위원",
    "편집위원",
    "전문위원",
];

/// Whether a line is a Korean byline and nothing else: a name (after a
/// place, at most) and the writer's post ("이용민 기자", "광양 구현모 기자"),
/// as Korean papers also sign under the text.
pub(crate) fn is_korean_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    let words_hangul = |ws: &[&str]| ws.iter().all(|w| w.chars().all(is_hangul));
    if KOREAN_POSTS.contains(last) {
        (1..=2).contains(&rest.len()) && words_hangul(rest)
    } else {
        // The post run on to the name: "이용민기자".
        rest.len() <= 1
            && words_hangul(&words)
            && KOREAN_POSTS.iter().any(|p| {
                last.strip_suffix(p)
                    .is_some_and(|n| (2..=4).contains(&n.chars().count()))
            })
    }
}

/// A Hangul syllable.
fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// A Korean byline down to its names: "순천·광양=구현모 기자", "(서울=연합뉴스)
/// 홍길동 기자", "박준석 기자 외 1명". Before "=" stands the dateline (the
/// place, or the agency filing from it); after the name, the writer's post
/// ([`KOREAN_POSTS`], spaced or not), an e-mail address and "외 N명" ("and
/// N others"). A byline without Hangul is returned as it came.
fn korean_credit(s: String) -> String {
    if !s.chars().any(is_hangul) {
        return s;
    }
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    let dateline = DATELINE.get_or_init(|| {
        Regex::new(r"^\s*\(?[^=()\s]{1,20}=(?:[^()\s]*\))?\s*").expect("static regex")
    });
    let s = dateline.replace(&s, "");
    let mut out: Vec<String> = Vec::new();
    // Part by part: "김철수 기자, 이영희 기자" names two.
    for part in s.split(", ") {
        let mut words: Vec<&str> = part
            .split_whitespace()
            .filter(|w| !w.contains('@'))
            .collect();
        // "외 1명", "외": the others the byline does not name.
        if words
            .last()
            .is_some_and(|w| w.ends_with('명') && w.starts_with(|c: char| c.is_ascii_digit()))
        {
            words.pop();
        }
        if words.last() == Some(&"외") {
            words.pop();
        }
        let posted = words.last().is_some_and(|w| KOREAN_POSTS.contains(w));
        while words.last().is_some_and(|w| KOREAN_POSTS.contains(w)) {
            words.pop();
        }
        // A Korean name is one word: before it, by its post, stands the
        // place the writer files from ("광양 구현모 기자").
        if posted && words.last().is_some_and(|w| w.chars().all(is_hangul)) {
            words.drain(..words.len() - 1);
        }
        let mut part = words.join(" ");
        // The post run on to the name: "홍길동기자".
        if let Some(name) = KOREAN_POSTS.iter().find_map(|p| part.strip_suffix(p)) {
            if (2..=4).contains(&name.chars().count()) && name.chars().all(is_hangul) {
                part = name.to_string();
            }
        }
        out.push(part);
    }
    out.join(", ")
}
