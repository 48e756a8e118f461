//! Extractive summaries: the one to three most central sentences of an
//! article body, in their original order, as plain text.
//!
//! # Rules
//!
//! 1. **Blocks.** The body is Markdown as the cleaner writes it. Only plain
//!    paragraphs supply candidate sentences; headings (ATX and setext), list
//!    items, tables, fenced or indented code, images and HTML lines never
//!    do. Block quotes (pull quotes, embedded posts) are used only when the
//!    body has no usable paragraph sentence at all. Inline syntax goes:
//!    links keep their text, inline images vanish, emphasis and code
//!    markers go, backslash escapes and a few entities are resolved,
//!    reference marks ("[31]") are dropped.
//! 2. **Captions and credits.** A paragraph of at most 80 words holding a
//!    credit shape (`|`, "Getty Images", "AP Photo", "Photo:", "(credit: …)",
//!    "REUTERS/…", "Name / AP", "In this … file photo", "Name, left, and")
//!    is dropped whole, and so is a paragraph of at most 60 words directly
//!    above such a credit line (its caption). A longer paragraph only loses
//!    the sentences holding the shape.
//! 3. **Sentences.** Split after `.` `!` `?` `…` (and closing quotes or
//!    brackets) followed by a space and a word that does not start in
//!    lowercase. No split after titles and month abbreviations ("Mr.",
//!    "Dr.", "Gen.", "Jan."), single-letter initials ("J. R. R."), or "No."
//!    before a number; after words that can also end a sentence ("U.S.",
//!    "Inc.", "etc.", "p.m.", "Calif.") only when the next word is a typical
//!    opener ("The", "He", "But"…). Decimals never split (no space after
//!    the dot). A hard line break always ends a sentence.
//! 4. **Cleanup.** A paragraph's first sentence loses its dateline:
//!    "WASHINGTON (Reuters) - ", "LONDON, Nov 24 (Reuters) —", "(CNN)",
//!    "SAN FRANCISCO — ", "NEW DELHI: ", "April 17, 2015 -- " (a place or
//!    date of capitalised words, at most eight, then an agency in
//!    parentheses and/or a dash or colon; an all-caps first word, an agency
//!    or a date is required, and what follows must not start in lowercase).
//!    Any sentence loses a leading parenthetical of up to five words
//!    ("(CBS/AP) ", "(A FISKING): "), bullets, dashes, stray commas and
//!    enumerators ("2) ", "1.0 ").
//! 5. **Candidates.** A sentence is a candidate when it has ≥ 6 words;
//!    ≥ 3 words, and ≥ 30 % of them, starting in lowercase (labels,
//!    captions, name lists and headings fail); a first word that is not all
//!    lowercase (fragments fail); not title case (every longer word
//!    capitalised, the rest stopwords); balanced double quotes (a piece of a
//!    multi-sentence quotation fails); terminal punctuation (`.` `!` `?`,
//!    closing quotes or brackets allowed after it; a trailing ellipsis
//!    fails); is not an aside wholly in parentheses; and holds no URL,
//!    e-mail address, `@handle`, credit shape, "Label: " opening (one to
//!    three capitalised words and a colon) or byline opening ("By Jane
//!    Doe"). Short lists of obvious label words ("Advertisement", "Key
//!    Points", "Read more", "Reporting by"…) and site-mechanics phrases
//!    ("uses cookies", "log in", "your browser has") supplement these
//!    general rules.
//! 6. **Centrality.** The first [`MAX_CANDIDATES`] candidates are ranked
//!    (the graph is O(s²) in sentences and news puts its point early, so
//!    later sentences are not considered): TF-IDF vectors (lowercased words,
//!    stopwords removed, plurals stripped, IDF over the candidates),
//!    cosine-similarity edges, personalised PageRank with damping 0.85, at
//!    most [`MAX_ITERATIONS`] iterations (stopping at an L1 change below
//!    1e-6).
//! 7. **Priors.** The lead: PageRank's teleport vector weights sentence `i`
//!    by `1 / (1 + i / 2)`, and the score is multiplied by `1 + 0.3 / (1 + i)`
//!    (first sentence ×1.3, second ×1.15, tenth ×1.03), a mild pull that
//!    centrality can overrule. The shape: ×0.7 for a sentence opening with
//!    a connective ("But", "However", "In fact"), ×0.85 for a later one
//!    opening with a pronoun ("He", "This"), ×0.8 for a question, and
//!    ×`sqrt(min(words, 20) / 20)` so short asides ("He declined to
//!    comment.") do not win on a few shared words.
//! 8. **Selection.** A body with one or two candidates returns them when
//!    they fit together. Otherwise the first pick is the best-scoring
//!    sentence that fits in `max_words` (words = whitespace-separated
//!    tokens) among those scoring at least half the best; more are added by
//!    descending score (ties: earlier first) while they fit, up to
//!    [`MAX_SENTENCES`], skipping near-duplicates (cosine > 0.6) and
//!    sentences scoring under 45 % of the first pick. The picks are joined
//!    in their original order. Only when no such sentence fits is one cut:
//!    the best sentence, at a word boundary, to `max_words` words, dropping
//!    trailing stopwords and punctuation, with "…" appended.
//!
//! Deterministic: the one hash map only interns terms (ids in order of first
//! occurrence) and is never iterated; ties go to the earlier sentence.
//!
//! Cost: a 1,000-word article takes about 0.2–0.3 ms; work is bounded by
//! [`MAX_CANDIDATES`] and by reading at most 16 KiB of any one paragraph,
//! so even a 15,000-word page takes about 1 ms. Scripts written without spaces
//! between words (Chinese, Japanese, Thai) yield no candidate and so `None`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use regex::Regex;

/// The summary length the site uses unless configured otherwise.
pub const DEFAULT_MAX_WORDS: usize = 60;
/// Candidate sentences considered (the first ones of the body).
pub const MAX_CANDIDATES: usize = 40;
/// At most this many sentences in a summary.
pub const MAX_SENTENCES: usize = 3;
/// PageRank iteration cap.
pub const MAX_ITERATIONS: usize = 40;
const TOLERANCE: f64 = 1e-6;
const DAMPING: f64 = 0.85;
const MIN_WORDS: usize = 6;
const MIN_LOWERCASE_WORDS: usize = 3;
const REDUNDANT: f64 = 0.6;
/// A paragraph up to this long holding a credit shape is a caption or
/// credit line; one up to [`CAPTION_WORDS`] right above it, its caption.
const CREDIT_WORDS: usize = 80;
const CAPTION_WORDS: usize = 60;
/// Only the start of a giant paragraph (a page without breaks) is read:
/// [`MAX_CANDIDATES`] sentences fit many times over.
const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// `body` is the article's body as Markdown (what the cleaner writes:
/// paragraphs separated by blank lines, `## ` headings, `- ` / `1. ` list
/// items, `> ` quotes, fenced code, `![alt](src)` images, `|` tables, inline
/// `*em*`, `**strong**`, `[text](url)`, backslash escapes). Returns plain
/// text (no Markdown syntax), or None when the body has no usable sentence
/// or `max_words` is 0.
pub fn summarize(body: &str, max_words: usize) -> Option<String> {
    if max_words == 0 {
        return None;
    }
    let sentences = candidates(body);
    if sentences.is_empty() {
        return None;
    }
    let words: Vec<usize> = sentences.iter().map(|s| word_count(s)).collect();
    if sentences.len() <= 2 && words.iter().sum::<usize>() <= max_words {
        return Some(sentences.join(" "));
    }
    let (vectors, scores) = score(&sentences, &words);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let best = scores[order[0]];

    let Some(&first) = order
        .iter()
        .take_while(|&&i| scores[i] >= 0.5 * best)
        .find(|&&i| words[i] <= max_words)
    else {
        return Some(truncate(&sentences[order[0]], max_words));
    };
    let mut picked = vec![first];
    let mut budget = max_words - words[first];
    for &i in &order {
        if picked.len() == MAX_SENTENCES || scores[i] < 0.45 * scores[first] {
            break;
        }
        if picked.contains(&i)
            || words[i] > budget
            || picked
                .iter()
                .any(|&p| dot(&vectors[p], &vectors[i]) > REDUNDANT)
        {
            continue;
        }
        picked.push(i);
        budget -= words[i];
    }
    picked.sort_unstable();
    let out: Vec<&str> = picked.iter().map(|&i| sentences[i].as_str()).collect();
    Some(out.join(" "))
}

/// TF-IDF vectors and final scores (centrality × lead prior × shape prior).
fn score(sentences: &[String], words: &[usize]) -> (Vec<Vector>, Vec<f64>) {
    let vectors = vectorize(sentences);
    let scores = rank(&vectors)
        .iter()
        .enumerate()
        .map(|(i, c)| c * lead_prior(i) * shape_prior(&sentences[i], words[i], i))
        .collect();
    (vectors, scores)
}

/// The candidate sentences of `body`, in order, as plain text, after
/// dateline stripping and the candidate rules (at most [`MAX_CANDIDATES`]).
pub fn candidates(body: &str) -> Vec<String> {
    let blocks = blocks(body);
    let mut out = pick_candidates(&blocks, false);
    if out.is_empty() {
        out = pick_candidates(&blocks, true);
    }
    out
}

fn pick_candidates(blocks: &[Block], quotes: bool) -> Vec<String> {
    let mut out = Vec::new();
    let credit_line = |plain: &str| CREDIT.is_match(plain) && word_count(plain) <= CREDIT_WORDS;
    let text = |b: &Block| plain_inline(clip(&b.text, MAX_PARAGRAPH_BYTES));
    for (k, b) in blocks.iter().enumerate() {
        if b.quote != quotes {
            continue;
        }
        let plain = text(b);
        if credit_line(&plain) {
            continue;
        }
        // A short paragraph right above a credit line is its caption.
        let caption = word_count(&plain) <= CAPTION_WORDS
            && blocks
                .get(k + 1)
                .filter(|n| n.ordinal == b.ordinal + 1)
                .is_some_and(|n| credit_line(&text(n)));
        if caption {
            continue;
        }
        let plain = drop_citations(plain);
        for (i, s) in split_sentences(&plain).iter().enumerate() {
            // Datelines only open a paragraph; a short parenthetical lead
            // ("(A FISKING): ") may open any sentence.
            let s = strip_dateline(s, i == 0);
            let s = trim_lead(s);
            if is_candidate(s) {
                out.push(s.to_string());
                if out.len() == MAX_CANDIDATES {
                    return out;
                }
            }
        }
    }
    out
}

/// The first `max` bytes of `s` or a little less, cut at whitespace.
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].rfind(char::is_whitespace).unwrap_or(end);
    &s[..cut]
}

/// Removes reference marks ("[31]", "[citation needed]").
fn drop_citations(plain: String) -> String {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*\[(?:\d{1,3}|[a-z]|citation needed|clarification needed)\]").unwrap()
    });
    if plain.contains('[') {
        MARK.replace_all(&plain, "").into_owned()
    } else {
        plain
    }
}

/// Drops leading list bullets, dashes and stray separators ("• ", "— ",
/// ", ") that a sentence cannot start with.
fn trim_lead(mut s: &str) -> &str {
    loop {
        let mut it = s.chars();
        let first = it.next();
        let second = it.next();
        let cut = match first {
            Some(',' | ';' | ':') => 1,
            Some('*') => {
                let stars = s.bytes().take_while(|&b| b == b'*').count();
                if !s[stars..].starts_with(char::is_whitespace) {
                    return s;
                }
                stars
            }
            Some('•' | '·' | '+' | '-' | '–' | '—' | '>')
                if second.is_some_and(char::is_whitespace) =>
            {
                first.map_or(0, char::len_utf8)
            }
            // "2) ", "3. ", "1.0 " before a capital: an enumerator.
            Some(c) if c.is_ascii_digit() => {
                let n = s
                    .find(|c: char| !c.is_ascii_digit() && c != '.' && c != ')')
                    .unwrap_or(s.len());
                let (num, rest) = s.split_at(n);
                let marked = num.ends_with(['.', ')']) || num.ends_with(".0");
                let capital = rest.trim_start().starts_with(char::is_uppercase);
                if n > 5 || !marked || !rest.starts_with(' ') || !capital {
                    return s;
                }
                n
            }
            _ => return s,
        };
        s = s[cut..].trim_start();
    }
}

/// Whether `c` is a letter: by range for ASCII, Latin-1 and Latin
/// Extended, Greek, Cyrillic, kana, CJK and Hangul, through the Unicode
/// tables otherwise
/// (which cost tens of nanoseconds a character).
fn letter(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x388..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F => true,
        // Kana, CJK ideographs, Hangul syllables.
        0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphabetic(),
    }
}

/// A letter or a digit.
fn word_char(c: char) -> bool {
    c.is_ascii_digit() || letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// Appends `w` lowercased, with fast paths for ASCII, Cyrillic and the
/// caseless East Asian scripts.
fn push_lower(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let start = buf.len();
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match u32::from(c) {
            0..=0x7F => buf.push(c.to_ascii_lowercase()),
            0x410..=0x42F => buf.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            0x430..=0x45F | 0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => buf.push(c),
            _ => buf.extend(c.to_lowercase()),
        }
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

/// A paragraph or block quote: its Markdown inline text, hard line breaks
/// kept as `\n`, and its position among all blocks (skipped ones too).
struct Block {
    text: String,
    quote: bool,
    ordinal: usize,
}

#[derive(PartialEq)]
enum Mode {
    None,
    Para,
    Quote,
    /// Inside a list, table or other skipped block until a blank line.
    Skip,
}

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+]|\d{1,9}[.)])(?:\s|$)").unwrap());
static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|=+\s*)$").unwrap());

fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut mode = Mode::None;
    let mut fence: Option<(char, usize)> = None;
    let mut hard_break = false;
    let mut ordinal = 0;
    let flush = |cur: &mut String, mode: &Mode, out: &mut Vec<Block>, ordinal: &mut usize| {
        if matches!(mode, Mode::Para | Mode::Quote) && !cur.trim().is_empty() {
            out.push(Block {
                text: std::mem::take(cur),
                quote: *mode == Mode::Quote,
                ordinal: *ordinal,
            });
            *ordinal += 1;
        }
        cur.clear();
    };
    for raw in body.lines() {
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if let Some((c, n)) = fence {
            let run = line.chars().take_while(|&x| x == c).count();
            if run >= n && line[run * c.len_utf8()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        let first = line.chars().next();
        if let Some(c @ ('`' | '~')) = first {
            let run = line.chars().take_while(|&x| x == c).count();
            if run >= 3 {
                flush(&mut cur, &mode, &mut out, &mut ordinal);
                ordinal += 1;
                mode = Mode::None;
                fence = Some((c, run));
                continue;
            }
        }
        if line.is_empty() {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            mode = Mode::None;
            continue;
        }
        if mode == Mode::Skip {
            continue;
        }
        if RULE.is_match(line) {
            // A `---` or `===` under a paragraph makes it a setext heading.
            cur.clear();
            ordinal += 1;
            mode = Mode::None;
            continue;
        }
        let heading = line.starts_with('#') && {
            let hashes = line.bytes().take_while(|&b| b == b'#').count();
            hashes <= 6
                && line[hashes..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        };
        let skip = heading
            || LIST_ITEM.is_match(line)
            || line.starts_with('|')
            || line.starts_with("![")
            || (line.starts_with('<')
                && line[1..]
                    .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
            || (indent >= 4 && mode == Mode::None);
        if skip {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            ordinal += 1;
            // Headings and images are one line; lists and tables run on.
            mode = if heading || line.starts_with("![") {
                Mode::None
            } else {
                Mode::Skip
            };
            continue;
        }
        let (text, quote) = match line.strip_prefix('>') {
            Some(rest) => {
                // Nested markers go too; an empty quote line ends a paragraph.
                let rest = rest.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
                if rest.is_empty() {
                    flush(&mut cur, &mode, &mut out, &mut ordinal);
                    mode = Mode::Quote;
                    continue;
                }
                (rest, true)
            }
            None => (line, mode == Mode::Quote),
        };
        let want = if quote { Mode::Quote } else { Mode::Para };
        if mode != want {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            mode = want;
        }
        if !cur.is_empty() {
            cur.push(if hard_break { '\n' } else { ' ' });
        }
        cur.push_str(text.trim());
        // A trailing unescaped backslash (resolved by `plain_inline`) or two
        // spaces end the line with a hard break.
        let slashes = text.bytes().rev().take_while(|&b| b == b'\\').count();
        hard_break = slashes % 2 == 1 || raw.ends_with("  ");
    }
    flush(&mut cur, &mode, &mut out, &mut ordinal);
    out
}

// ---------------------------------------------------------------------------
// Inline Markdown → plain text
// ---------------------------------------------------------------------------

/// Markdown inline text as plain text: link text kept, images dropped,
/// emphasis and code markers removed, escapes and basic entities resolved,
/// whitespace collapsed (a `\n` hard break is kept).
pub fn plain_inline(md: &str) -> String {
    let mut raw = String::with_capacity(md.len());
    strip(md, &mut raw);
    let raw = decode_entities(raw);
    let mut out = String::with_capacity(raw.len());
    let mut gap = None;
    for ch in raw.chars() {
        if ch == '\n' {
            gap = Some('\n');
        } else if ch.is_whitespace() {
            gap.get_or_insert(' ');
        } else {
            if let Some(g) = gap.take() {
                if !out.is_empty() {
                    out.push(g);
                }
            }
            out.push(ch);
        }
    }
    out
}

/// Removes inline syntax from `s` into `out`. Works on bytes: every
/// delimiter is ASCII, so each index it stops at is a char boundary.
fn strip(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut plain = 0;
    while i < n {
        let special = match b[i] {
            b'!' => b.get(i + 1) == Some(&b'['),
            c => matches!(c, b'\\' | b'[' | b'`' | b'*' | b'~' | b'_' | b'<'),
        };
        if !special {
            i += 1;
            continue;
        }
        out.push_str(&s[plain..i]);
        match b[i] {
            b'\\' => match b.get(i + 1) {
                Some(&c) if c.is_ascii_punctuation() => {
                    out.push(char::from(c));
                    i += 2;
                }
                None | Some(b'\n') => {
                    out.push('\n');
                    i += 2;
                }
                Some(_) => {
                    out.push('\\');
                    i += 1;
                }
            },
            b'!' => match link_at(b, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            b'[' => match link_at(b, i) {
                Some((label_end, end)) => {
                    strip(&s[i + 1..label_end], out);
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            b'`' => {
                let run = b[i..].iter().take_while(|&&x| x == b'`').count();
                let body = i + run;
                let close = (body..n).find(|&j| {
                    b[j] == b'`'
                        && b[j - 1] != b'`'
                        && b[j..].iter().take_while(|&&x| x == b'`').count() == run
                });
                match close {
                    Some(j) => {
                        out.push_str(&s[body..j]);
                        i = j + run;
                    }
                    None => {
                        out.push_str(&s[i..body]);
                        i = body;
                    }
                }
            }
            b'_' => {
                let before = s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = s[i + 1..].chars().next().is_some_and(char::is_alphanumeric);
                if before && after {
                    out.push('_');
                }
                i += 1;
            }
            b'<' => {
                // Autolink or raw inline HTML: the cleaner escapes a literal `<`.
                let close = b[i + 1..]
                    .iter()
                    .position(|&x| matches!(x, b'>' | b'<' | b'\n'));
                match close.map(|p| i + 1 + p) {
                    Some(j) if b[j] == b'>' && j > i + 1 => {
                        let inner = &s[i + 1..j];
                        if inner.contains("://") || inner.contains('@') {
                            out.push_str(inner);
                        }
                        i = j + 1;
                    }
                    _ => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            // `*` and `~`: emphasis and strikethrough markers.
            _ => i += 1,
        }
        plain = i.min(n);
        i = plain;
    }
    out.push_str(&s[plain.min(n)..]);
}

/// For `[` at `open`: the index of the label's closing `]` and the index
/// after the whole link (`[label](dest)` or `[label][ref]`).
fn link_at(b: &[u8], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut j = open;
    let close = loop {
        match b.get(j)? {
            b'\\' => j += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let (opener, closer) = match b.get(close + 1)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut k = close + 1;
    let mut angle = false;
    loop {
        let c = *b.get(k)?;
        match c {
            b'\\' => k += 1,
            b'<' if k == close + 2 => angle = true,
            b'>' if angle => angle = false,
            _ if angle => {}
            _ if c == opener => depth += 1,
            _ if c == closer => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, k + 1));
                }
            }
            _ => {}
        }
        k += 1;
    }
}

fn decode_entities(s: String) -> String {
    if !s.contains('&') {
        return s;
    }
    const ENTITIES: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&nbsp;", " "),
        ("&#8217;", "’"),
        ("&mdash;", "—"),
        ("&ndash;", "–"),
    ];
    let mut out = s;
    for (from, to) in ENTITIES {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

/// Abbreviations after which a period never ends a sentence (lowercase,
/// inner dots removed): titles that precede names, month and other
/// abbreviations that precede a number or a noun.
#[rustfmt::skip]
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "gen", "gov", "sen", "rep", "reps", "pres", "lt",
    "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "fr", "st", "mt", "ft",
    "messrs", "mme", "mlle", "supt", "insp", "det", "atty", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "cf", "approx", "dept", "univ",
    "ave", "blvd", "fig", "figs", "vol", "vols", "eq", "al", "eg", "ie", "ca", "gov't", "sens",
    "gens",
];
/// Abbreviations that precede a number ("No. 1", "p. 5").
#[rustfmt::skip]
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "p", "pp", "art", "op", "sec", "ch",
];
/// Abbreviations that may also end a sentence ("… in the U.S. The …").
#[rustfmt::skip]
const MAY_END: &[&str] = &[
    "inc", "ltd", "corp", "co", "llc", "plc", "jr", "etc", "bros", "us", "uk", "un", "eu", "am",
    "pm", "dc", "la", "nz", "bc", "ad",
    // US state abbreviations (AP style) that double as datelines.
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "vt", "va", "wash", "wis", "wyo",
];
/// Capitalised words that typically open a sentence: after a [`MAY_END`]
/// abbreviation, the period ends the sentence only before one of these.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "this", "that",
    "these", "those", "but", "and", "its", "his", "her", "their", "there", "then", "however",
    "when", "while", "after", "before", "as", "if", "for", "some", "many", "most", "our", "you",
    "now", "yet", "so", "still", "also", "meanwhile", "what", "why", "how", "one", "last", "other",
    "officials", "according", "since", "despite", "with", "by", "to", "no", "not",
];

/// Splits plain text into sentences (see the module docs for the rules).
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for segment in text.split('\n') {
        split_segment(segment, &mut out);
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡'
    )
}

fn split_segment(s: &str, out: &mut Vec<String>) {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let b = s.as_bytes();
    let terminal = |at: usize| match b.get(at) {
        Some(b'.' | b'!' | b'?') => 1,
        Some(0xE2) if b[at..].starts_with(ELLIPSIS) => ELLIPSIS.len(),
        _ => 0,
    };
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let len = terminal(i);
        if len == 0 {
            i += 1;
            continue;
        }
        // A run of terminals, then closing quotes or brackets.
        let mut j = i + len;
        let mut single_dot = b[i] == b'.';
        while terminal(j) > 0 {
            j += terminal(j);
            single_dot = false;
        }
        j += s[j..]
            .chars()
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum::<usize>();
        let rest = &s[j..];
        let next = j + rest.len() - rest.trim_start().len();
        if next == j || next == b.len() {
            i = j;
            continue;
        }
        if is_boundary(s, i, single_dot, next) {
            let sentence = s[start..j].trim();
            if !sentence.is_empty() {
                out.push(sentence.to_string());
            }
            start = next;
        }
        i = next;
    }
    let rest = s[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
}

/// Whether the terminal punctuation at byte `at` of `s` (a lone `.` when
/// `single_dot`) ends a sentence, the next one starting at byte `next`.
fn is_boundary(s: &str, at: usize, single_dot: bool, next: usize) -> bool {
    let next_word: String = s[next..]
        .chars()
        .skip_while(|&c| is_opener_punct(c))
        .take_while(|&c| word_char(c) || c == '\'')
        .collect();
    let before = &s[..at];
    let Some(first) = next_word.chars().next() else {
        // Punctuation or a dash follows: split unless after an abbreviation.
        let word = before
            .rsplit(|c: char| !letter(c))
            .next()
            .unwrap_or("")
            .to_lowercase();
        return !single_dot || !(word.chars().count() == 1 || NEVER_ENDS.contains(&word.as_str()));
    };
    if first.is_lowercase() {
        return false;
    }
    if !single_dot {
        return true;
    }
    let token = before
        .rsplit(|c: char| c.is_whitespace() || is_opener_punct(c))
        .next()
        .unwrap_or("");
    if !token.chars().any(letter) {
        return true;
    }
    if token.chars().count() == 1 {
        return false; // an initial: "J. R. R. Tolkien" ("Plan B." is rare)
    }
    let bare: String = token
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    if NEVER_ENDS.contains(&bare.as_str()) {
        return false;
    }
    if BEFORE_NUMBER.contains(&bare.as_str()) && first.is_ascii_digit() {
        return false;
    }
    let dotted = token.contains('.') && token.split('.').all(|p| p.chars().count() <= 2);
    if dotted || MAY_END.contains(&bare.as_str()) {
        return OPENERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

// ---------------------------------------------------------------------------
// Sentence cleanup and candidate rules
// ---------------------------------------------------------------------------

/// Caption and credit shapes ("Name | Agency | Getty Images", "Photo:",
/// "(AP Photo/Evan Vucci)", "REUTERS/Name", "Name / AP").
const CREDIT_PATTERN: &str = concat!(
    r"\||Getty\s+Images|\bAP\s+Photo\b|\bAFP\s+(?:via|/)|\bvia\s+Getty\b",
    r"|\b(?:Photo|Photograph|Picture|Image|Credit|Pictured|Caption)s?\s*:",
    r"|\((?i:photo|image|credit|pictured|file)[^)]{0,60}\)",
    r"|\b(?:Photo|Image|Illustration)\s+(?:by|credit|courtesy)\b|\b[Ff]ile\s+photo\b",
    r"|\b(?:REUTERS|Reuters|AFP|AP|EPA|Shutterstock|iStock)\s*/\s*[A-Z]",
    r"|\b[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*\s+/\s+(?:AP|AFP|Reuters|Getty|Bloomberg|EPA|The\s)",
    // Caption phrasing: "In this Dec. 12 file photo, …", "Smith, left, and …".
    r"|^In this (?:[\w.,]+ ){0,6}(?:photo|image|picture|handout|video|file)\b",
    r"|, (?:left|right|center|centre|second from (?:left|right)|top|bottom),",
);
/// A supplement to the general rules: obvious labels anywhere in a sentence.
const LABEL_PATTERN: &str = concat!(
    r"\b(?:Advertisement|ADVERTISEMENT|Key Points|KEY POINTS|Story [Hh]ighlights|Highlights",
    r"|HIGHLIGHTS|Read [Mm]ore|READ MORE|Related:|RELATED|[Cc]lick here|Sign up|Subscribe",
    r"|All rights reserved|Continue reading|Skip to|Share this|Follow us|Editor['’]s [Nn]ote",
    r"|[Rr]eporting by|Editing by|contributed (?:reporting|to this report))\b|©",
);
/// Site mechanics rather than article text ("This site uses cookies",
/// "Please log in", "Your browser has been unable to load…").
const SITE_PATTERN: &str = concat!(
    r"(?i:\buses? cookies|\buse of cookies|\baccept cookies|\bcookie policy|\bprivacy policy",
    r"|\bterms of (?:use|service)\b|\blog(?:ged)? ?in\b|\bsign in to\b|\byour browser (?:is|has|does)",
    r"|\benable javascript|\bjavascript (?:is )?(?:disabled|required)|\bmembers only",
    r"|\bonly available to (?:members|subscribers))",
);
/// Bare URLs, e-mail addresses, social handles ("Follow @BGRDeals") and
/// link syntax that was escaped into text (`[title\](page.php)`).
const URL_PATTERN: &str = r"\b(?i:https?://|www\.)\S|\b\S+@\S+\.[a-z]{2,}\b|(?:^|\s)@\w|\]\(";

/// ASCII word boundaries keep the regexes on the fast engines.
fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).unwrap()
}

/// A paragraph holding a credit shape is a caption or credit line.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| compile(CREDIT_PATTERN));
/// Anything a candidate sentence must not contain.
static REJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[CREDIT_PATTERN, LABEL_PATTERN, SITE_PATTERN, URL_PATTERN].join("|"))
});
/// Openings a candidate must not have: "Key Points: ", "WATCH: ",
/// "[UPDATE:] " (one to three capitalised words and a colon) and bylines
/// ("By Jane Doe").
static REJECT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"^(?:[\[(]?(?:[A-Z][\w'’&-]*\s*){1,3}:[\])]?\s",
        r"|(?:By|BY|Written by|Reporting by)\s+[A-Z][\w.'’-]*\s+[A-Z][\w.'’-]*)",
    ))
});
/// A leading parenthetical of up to five words, with an optional dash or
/// colon: "(CNN)", "(CBS/AP) ", "(Montreal, September 9, 2004) - ",
/// "(A FISKING): ", "(Return to Top) ". Stripped when a capital follows.
static PAREN_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((?:[^()\s]+\s*){1,5}\)\s*(?:(?:--?|–|—|:)\s*)?").unwrap());
/// A leading place (and date) with an optional agency and delimiter:
/// "WASHINGTON (Reuters) - ", "LONDON, Nov 24 (Reuters) —", "NEW DELHI: ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<place>[^\s()\-–—:](?:[^()\-–—:]|-[^\s()\-–—:]){0,60}?)\s*",
        r"(?:(?P<agency>\([A-Z][^()]{0,39}\))\s*(?:/[^/\s]{1,30}/\s*)?(?:--?|[–—]|:\s)?",
        r"|(?:/[^/\s]{1,30}/)?(?:\s*--?\s|\s*[–—]|\s*(?P<colon>:)\s))\s*",
    ))
    .unwrap()
});
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept",
];
/// All-caps openings with a colon that are labels, not places.
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "LIVE", "VIDEO", "PHOTOS", "ANALYSIS",
    "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "RELATED", "READ", "LISTEN", "SPONSORED",
];
fn strip_dateline(s: &str, first: bool) -> &str {
    let mut rest = s;
    if let Some(m) = PAREN_LEAD.find(rest) {
        rest = &rest[m.end()..];
    } else if !first {
        return s;
    } else if let Some(c) = DATELINE.captures(rest) {
        let place = c.name("place").map_or("", |m| m.as_str());
        let agency = c.name("agency").is_some();
        let label = c.name("colon").is_some() && NOT_PLACES.contains(&place.trim());
        let tokens: Vec<&str> = place
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|t| !t.is_empty())
            .collect();
        let capitalised = tokens.iter().all(|t| {
            t.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        let caps_first = tokens.first().is_some_and(|t| {
            let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        });
        // "April 17, 2015 -- ": a month name and a number.
        let dated = tokens.iter().any(|t| {
            let bare = t.trim_end_matches('.').to_lowercase();
            MONTHS
                .iter()
                .any(|m| bare.len() >= 3 && m.starts_with(&bare))
        }) && tokens
            .iter()
            .any(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        let ok = !tokens.is_empty()
            && tokens.len() <= 8
            && capitalised
            && !label
            && (agency || caps_first || dated);
        if ok {
            rest = &s[c.get(0).map_or(0, |m| m.end())..];
        }
    }
    let starts_ok = rest
        .chars()
        .find(|c| !is_opener_punct(*c))
        .is_some_and(|c| !c.is_lowercase());
    if starts_ok && rest.len() < s.len() {
        rest.trim_start()
    } else {
        s
    }
}

fn is_candidate(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(letter))
        .collect();
    if words.len() < MIN_WORDS {
        return false;
    }
    let lower = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|&c| letter(c))
                .is_some_and(|c| c.is_lowercase() || !c.is_uppercase())
        })
        .count();
    if lower < MIN_LOWERCASE_WORDS || lower * 10 < words.len() * 3 {
        return false;
    }
    // A sentence opening with an all-lowercase word is a fragment ("make
    // Firefox your own…"); "iPhone" is fine.
    if words[0].chars().any(char::is_alphabetic) && !words[0].chars().any(char::is_uppercase) {
        let first = words[0].chars().find(|&c| letter(c));
        if first.is_some_and(char::is_lowercase) {
            return false;
        }
    }
    // Unbalanced quotes: a piece of a multi-sentence quotation.
    let mut quotes = [0i32; 3];
    for c in s.chars() {
        match c {
            '"' => quotes[0] += 1,
            '“' | '«' => quotes[1] += 1,
            '”' | '»' => quotes[2] += 1,
            _ => {}
        }
    }
    if quotes[0] % 2 == 1 || quotes[1] != quotes[2] {
        return false;
    }
    // An aside in parentheses: "(Thanks to Devin for the tip.)".
    if s.starts_with('(') && s.trim_end_matches(['.', '!', '?']).ends_with(')') {
        return false;
    }
    // Title case: every longer word after the first capitalised and every
    // other word a stopword ("Do You Have What it Takes to Become a
    // Millionaire?"; "Obama met Angela Merkel in Paris on Tuesday" passes).
    let long: Vec<&&str> = words[1..]
        .iter()
        .filter(|w| w.chars().filter(|&c| letter(c)).nth(3).is_some())
        .collect();
    let capital = |w: &str| {
        w.chars()
            .find(|&c| letter(c))
            .is_some_and(char::is_uppercase)
    };
    let minor = |w: &str| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is_stopword(&bare)
    };
    if long.len() >= 3
        && long.iter().all(|w| capital(w))
        && words.iter().all(|w| capital(w) || minor(w))
    {
        return false;
    }
    let end = s.trim_end_matches(is_closer);
    if !end.ends_with(['.', '!', '?']) || end.ends_with("..") {
        return false;
    }
    !(REJECT_OPENING.is_match(s) || REJECT.is_match(s))
}

/// Cuts `s` to at most `max_words` words at a word boundary, dropping
/// trailing stopwords and punctuation, and appends "…".
fn truncate(s: &str, max_words: usize) -> String {
    let mut words: Vec<&str> = s.split_whitespace().take(max_words).collect();
    while words.len() > 1 {
        let last = words[words.len() - 1];
        let bare = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if bare.is_empty() || is_stopword(&bare) {
            words.pop();
        } else {
            break;
        }
    }
    let mut out = words.join(" ");
    out.truncate(
        out.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_closer(c))
            .len(),
    );
    out.push('…');
    out
}

// ---------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------

/// English stopwords, sorted (binary search).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
    "just", "last", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "say", "says", "she",
    "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
    "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "yet", "you",
    "your", "yours", "yourself", "yourselves",
];

/// Whether `w` (lowercase) is a stopword. The words are packed into
/// integers once, so the lookup costs no string comparisons.
fn is_stopword(w: &str) -> bool {
    fn pack(w: &str) -> Option<u128> {
        (w.len() <= 16).then(|| w.bytes().fold(0, |acc, b| acc << 8 | u128::from(b)))
    }
    static PACKED: LazyLock<Vec<u128>> = LazyLock::new(|| {
        let mut v: Vec<u128> = STOPWORDS.iter().filter_map(|w| pack(w)).collect();
        v.sort_unstable();
        v
    });
    pack(w).is_some_and(|k| PACKED.binary_search(&k).is_ok())
}

/// A sparse, L2-normalised TF-IDF vector, sorted by term id.
type Vector = Vec<(u32, f64)>;

/// The index terms of `s`: lowercased words of two or more characters
/// with a letter, stopwords removed, plurals lightly stemmed.
fn terms(s: &str, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in s.split(|c: char| !word_char(c)) {
        if w.len() < 2 || !w.chars().any(letter) {
            continue;
        }
        buf.clear();
        push_lower(&mut buf, w);
        if !is_stopword(&buf) {
            stem(&mut buf);
            each(&buf);
        }
    }
}

/// Light plural stripping so "markets" meets "market" and "policies"
/// meets "policy".
fn stem(w: &mut String) {
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
}

/// FNV-1a for the term map: it hashes short words, where SipHash is
/// needlessly slow. Not exposed to untrusted keys beyond one article.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

fn vectorize(sentences: &[String]) -> Vec<Vector> {
    // Term ids in order of first occurrence; the map is only looked up,
    // never iterated, so its order cannot reach the result.
    let mut ids: HashMap<String, u32, BuildHasherDefault<Fnv>> =
        HashMap::with_capacity_and_hasher(1024, Default::default());
    let counts: Vec<Vec<(u32, u32)>> = sentences
        .iter()
        .map(|s| {
            let mut seen: Vec<u32> = Vec::new();
            terms(s, |t| {
                let id = match ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(t.to_string(), id);
                        id
                    }
                };
                seen.push(id);
            });
            seen.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::with_capacity(seen.len());
            for id in seen {
                match tf.last_mut() {
                    Some((last, c)) if *last == id => *c += 1,
                    _ => tf.push((id, 1)),
                }
            }
            tf
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for tf in &counts {
        for &(id, _) in tf {
            df[id as usize] += 1;
        }
    }
    let n = sentences.len() as f64;
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / f64::from(d)).ln()).collect();
    counts
        .iter()
        .map(|tf| {
            let mut v: Vector = tf
                .iter()
                .map(|&(id, c)| {
                    let tf = if c == 1 { 1.0 } else { 1.0 + f64::from(c).ln() };
                    (id, tf * idf[id as usize])
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

fn dot(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Personalised PageRank over the cosine-similarity graph, times the lead
/// prior (module docs, steps 5 and 6).
fn rank(vectors: &[Vector]) -> Vec<f64> {
    let n = vectors.len();
    let mut sim = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = dot(&vectors[i], &vectors[j]);
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    // Column-stochastic transition, stored by target row: `p[i * n + j]` is
    // the share of sentence j's score that flows to sentence i.
    let row_sum: Vec<f64> = (0..n)
        .map(|j| sim[j * n..(j + 1) * n].iter().sum())
        .collect();
    let mut p = vec![0.0; n * n];
    for j in 0..n {
        if row_sum[j] > 0.0 {
            for i in 0..n {
                p[i * n + j] = sim[j * n + i] / row_sum[j];
            }
        }
    }
    let mut teleport: Vec<f64> = (0..n).map(|i| 1.0 / (1.0 + i as f64 / 2.0)).collect();
    let total: f64 = teleport.iter().sum();
    teleport.iter_mut().for_each(|t| *t /= total);
    let mut r = teleport.clone();
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        // Sentences with no similar neighbour hand their mass to the prior.
        let dangling: f64 = (0..n).filter(|&j| row_sum[j] == 0.0).map(|j| r[j]).sum();
        for i in 0..n {
            let inflow: f64 = p[i * n..(i + 1) * n]
                .iter()
                .zip(&r)
                .map(|(a, b)| a * b)
                .sum();
            next[i] = (1.0 - DAMPING) * teleport[i] + DAMPING * (inflow + dangling * teleport[i]);
        }
        let delta: f64 = r.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut r, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    r
}

/// The mild pull to the lead: ×1.3 for the first sentence, ×1.15 for the
/// second, ×1.03 for the tenth.
fn lead_prior(i: usize) -> f64 {
    1.0 + 0.3 / (1.0 + i as f64)
}

/// Sentences that cannot stand alone or say little: ×0.7 when opening with
/// a connective ("But", "However,", "In fact,"), ×0.85 when a later
/// sentence opens with a pronoun ("He", "This"); and a length factor
/// `sqrt(min(words, 20) / 20)` so six-word asides ("He declined to
/// comment.") do not win on a few shared words. Questions (hooks, not
/// findings) get ×0.8.
fn shape_prior(s: &str, words: usize, i: usize) -> f64 {
    let first: String = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let connective = CONNECTIVES.contains(&first.as_str())
        || s.starts_with("In fact")
        || s.starts_with("After all");
    let pronoun = i > 0 && PRONOUNS.contains(&first.as_str());
    let question = s.trim_end_matches(is_closer).ends_with('?');
    let shape = if question {
        0.8
    } else if connective {
        0.7
    } else if pronoun {
        0.85
    } else {
        1.0
    };
    shape * (words.min(20) as f64 / 20.0).sqrt()
}

#[rustfmt::skip]
const CONNECTIVES: &[&str] = &[
    "but", "and", "or", "so", "yet", "nor", "however", "still", "also", "meanwhile", "instead",
    "moreover", "furthermore", "nevertheless", "nonetheless", "then", "indeed", "thus", "therefore",
    "otherwise", "besides", "likewise", "similarly", "regardless", "anyway", "hence", "again",
];
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
    "there", "such", "here",
];

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "The city council approved a new budget on Tuesday that raises spending on public transport by a third.";
    const SECOND: &str = "The budget also cuts the council's spending on roads, which critics say will slow repairs across the city.";
    const THIRD: &str = "Council members said the transport budget would pay for new buses and longer opening hours for the metro.";

    fn article(paras: &[&str]) -> String {
        paras.join("\n\n")
    }

    #[test]
    fn label_paragraph_first_is_never_chosen() {
        let body = article(&[
            "Key Points",
            "- A list item that is long enough to be a sentence on its own.",
            LEAD,
            SECOND,
        ]);
        let s = summarize(&body, 60).unwrap();
        assert!(!s.contains("Key Points"), "{s}");
        assert!(!s.contains("list item"), "{s}");
        assert!(s.starts_with("The city council"), "{s}");
        for label in [
            "Advertisement",
            "Highlights",
            "Related: Another story about the council budget.",
            "Read more about the city budget here.",
        ] {
            let body = article(&[label, LEAD, SECOND]);
            let s = summarize(&body, 60).unwrap();
            assert!(!s.contains(label), "{label}: {s}");
        }
    }

    #[test]
    fn captions_and_credits_are_never_chosen() {
        let body = article(&[
            "Council leader Jane Smith speaks to reporters outside the town hall on Tuesday.",
            "Natalie Naccache \\| Bloomberg \\| Getty Images",
            "Photo: Reuters",
            "A council worker sweeps the steps of the town hall in the city centre. (AP Photo/Evan Vucci)",
            LEAD,
            SECOND,
        ]);
        let s = summarize(&body, 60).unwrap();
        for bad in [
            "Getty",
            "Reuters",
            "AP Photo",
            "speaks to reporters",
            "sweeps",
        ] {
            assert!(!s.contains(bad), "{bad}: {s}");
        }
        assert!(s.contains("approved a new budget"), "{s}");
    }

    #[test]
    fn datelines_are_stripped() {
        let cases = [
            "WASHINGTON (Reuters) - ",
            "LONDON, Nov 24 (Reuters) — ",
            "(CNN) ",
            "(CNN)",
            "SAN FRANCISCO — ",
            "NEW DELHI: ",
            "WILKES-BARRE, Pa. (AP) — ",
            "April 17, 2015 -- ",
            "(CBS/AP) ",
            "(Montreal, September 9, 2004) - ",
        ];
        for prefix in cases {
            let body = format!("{prefix}{LEAD}");
            assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD), "{prefix:?}");
        }
        // Not datelines: the text is kept whole.
        for keep in [
            "Mr. Smith — the council leader — said the budget was fair and balanced overall.",
            "NASA said on Tuesday that the launch of the new rocket would be delayed by a month.",
        ] {
            assert_eq!(summarize(keep, 60).as_deref(), Some(keep));
        }
    }

    #[test]
    fn bylines_and_urls_are_not_sentences() {
        let body = article(&[
            "By Jane Doe and John Roe, Reuters",
            "By Jane Doe The council approved nothing at all on Tuesday evening.",
            "Read the full report at https://example.org/report which has all the details.",
            LEAD,
        ]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
    }

    #[test]
    fn respects_max_words_and_never_cuts_mid_word() {
        let body = article(&[LEAD, SECOND, THIRD]);
        for max in [5, 10, 19, 20, 25, 40, 60] {
            let s = summarize(&body, max).unwrap();
            assert!(word_count(&s) <= max, "{max}: {s}");
            let words: Vec<&str> = s.split_whitespace().collect();
            let source: Vec<&str> = body.split_whitespace().collect();
            for w in &words[..words.len() - 1] {
                assert!(source.contains(w), "{w} in {s}");
            }
            let last = words.last().unwrap().trim_end_matches('…');
            assert!(
                source.iter().any(|w| w.starts_with(last)
                    && (w.len() == last.len()
                        || !w[last.len()..].starts_with(char::is_alphanumeric))),
                "{s}"
            );
        }
        // 19 words: the lead itself (19 words) fits and no cut is made.
        assert_eq!(summarize(&body, 19).as_deref(), Some(LEAD));
        // Too small for any sentence: the best one is cut with an ellipsis.
        let cut = summarize(&body, 5).unwrap();
        assert!(cut.ends_with('…'), "{cut}");
        assert_eq!(summarize(&body, 0), None);
    }

    #[test]
    fn prefers_a_shorter_central_sentence_to_cutting() {
        let long = "The city council approved a new budget on Tuesday that raises spending on public transport by a third, cuts spending on roads and parks, and freezes the pay of every council employee until the end of next year.";
        let short = "The new council budget raises spending on public transport by a third.";
        let body = article(&[long, short, SECOND]);
        let s = summarize(&body, 20).unwrap();
        assert!(!s.ends_with('…'), "{s}");
        assert!(word_count(&s) <= 20, "{s}");
    }

    #[test]
    fn splits_sentences_around_abbreviations_and_decimals() {
        let t = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 at 3 p.m. to discuss a 3.5% rise. J. R. R. Tolkien wrote it. The U.S. The end came... Then more? Yes! \"Go home.\" She left. He said \"no.\" Then he left. Acme Inc. The firm. See No. 5 now.";
        assert_eq!(
            split_sentences(t),
            vec![
                "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 at 3 p.m. to discuss a 3.5% rise.",
                "J. R. R. Tolkien wrote it.",
                "The U.S.",
                "The end came...",
                "Then more?",
                "Yes!",
                "\"Go home.\"",
                "She left.",
                "He said \"no.\"",
                "Then he left.",
                "Acme Inc.",
                "The firm.",
                "See No. 5 now.",
            ]
        );
        assert_eq!(
            split_sentences("It fell 2.5 points. e.g. this stays… and this too. Fla. is next. Storms hit Fla. The end."),
            vec!["It fell 2.5 points. e.g. this stays… and this too.", "Fla. is next.", "Storms hit Fla.", "The end."]
        );
        assert_eq!(
            split_sentences("Line one\nLine two."),
            vec!["Line one", "Line two."]
        );
    }

    #[test]
    fn strips_inline_markdown() {
        assert_eq!(
            plain_inline("A *big* **deal** for [the city](https://x.org/a_b) and `code`, 5 \\* 3 \\_x\\_ \\[1\\] ![img](<a.png>) snake_case."),
            "A big deal for the city and code, 5 * 3 _x_ [1] snake_case."
        );
        assert_eq!(
            plain_inline("[nested [link]](u) and [ref][1] and &amp; too"),
            "nested [link] and ref and & too"
        );
        assert_eq!(plain_inline("hard\\\nbreak"), "hard\nbreak");
        let body = "The **council** approved [a new budget](https://example.org/budget) on *Tuesday* that raises \\*public\\* spending.";
        assert_eq!(
            summarize(body, 60).as_deref(),
            Some("The council approved a new budget on Tuesday that raises *public* spending.")
        );
    }

    #[test]
    fn only_paragraphs_supply_sentences() {
        let body = [
            "## The council approved a new budget on Tuesday for the city.",
            "",
            "- The council approved a new budget on Tuesday in a list.",
            "  and a continuation line of that list item here.",
            "1. The council approved a numbered budget on Tuesday too.",
            "",
            "![The council approved an image budget on Tuesday.](<a.png>)",
            "",
            "| The council approved a table budget on Tuesday. | x |",
            "| --- | --- |",
            "",
            "```",
            "The council approved a code budget on Tuesday in code.",
            "```",
            "",
            "The council approved a setext heading budget on Tuesday.",
            "===",
            "",
            LEAD,
        ]
        .join("\n");
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        // Block quotes only when nothing else is there.
        let quoted = format!("> {SECOND}\n\n{LEAD}");
        assert_eq!(summarize(&quoted, 60).as_deref(), Some(LEAD));
        assert_eq!(
            summarize(&format!("> {SECOND}"), 60).as_deref(),
            Some(SECOND)
        );
    }

    #[test]
    fn none_for_empty_or_label_only_bodies() {
        assert_eq!(summarize("", 60), None);
        assert_eq!(summarize("   \n\n  ", 60), None);
        assert_eq!(
            summarize(
                "Key Points\n\nAdvertisement\n\nRead more\n\nPhoto: Reuters\n\n## Heading",
                60
            ),
            None
        );
        assert_eq!(
            summarize("- only a list item that is a whole sentence long.", 60),
            None
        );
        assert_eq!(summarize("Too short.", 60), None);
    }

    #[test]
    fn rejects_fragments_and_title_case() {
        for bad in [
            "Do You Have What it Takes to Become a Millionaire?",
            "Breaking News From The City Council Budget Meeting Today.",
            "(Thanks to Devin for kicking over this rock and sending it in.)",
            "make Firefox your own wherever you use it, they said.",
            "They want to make a deal much more than I do, but we could.”",
            "The council approved a new budget on Tuesday without a full stop",
            "The council approved a new budget on Tuesday and then…",
        ] {
            assert_eq!(summarize(bad, 60), None, "{bad}");
        }
        let names = "Barack Obama met Angela Merkel and Emmanuel Macron in Paris on Tuesday.";
        assert_eq!(summarize(names, 60).as_deref(), Some(names));
    }

    #[test]
    fn short_bodies_return_their_sentences() {
        let body = article(&[LEAD, SECOND]);
        assert_eq!(summarize(&body, 60), Some(format!("{LEAD} {SECOND}")));
    }

    #[test]
    fn deterministic() {
        let body = article(&[
            LEAD,
            SECOND,
            THIRD,
            LEAD,
            "Another sentence about the weather and the sea today.",
            THIRD,
        ]);
        let first = summarize(&body, 40);
        for _ in 0..20 {
            assert_eq!(summarize(&body, 40), first);
        }
    }

    #[test]
    fn the_central_sentence_beats_an_off_topic_one() {
        let body = article(&[
            "Our reporter enjoyed a very pleasant lunch in the sunshine before the meeting began.",
            "The council approved a budget that raises transport spending by a third.",
            "The transport budget pays for new buses, a longer metro day and cheaper bus fares.",
            "Critics of the budget said transport spending should not rise while council tax rises.",
            "The budget passes to the mayor, who is expected to sign the transport plan this week.",
        ]);
        let s = summarize(&body, 20).unwrap();
        assert!(s.contains("budget"), "{s}");
        assert!(!s.contains("lunch"), "{s}");
    }

    #[test]
    fn caption_phrasing_handles_and_trailers_are_rejected() {
        for bad in [
            "In this Dec. 12, 2006, file photo, astronaut Robert Curbeam works on the station.",
            "Astronaut Robert Curbeam, left, and Christer Fuglesang work on the space station.",
            "Follow @BGRDeals on Twitter to keep up with the latest and greatest deals.",
            "Reporting by Jane Doe in London; editing by John Roe and others.",
            "The council budget is online at www.example.org for anyone to read.",
            "This site uses cookies to improve your experience of the council pages.",
            "The feature you requested is only available to members of the council.",
            "Please note: Your browser has been unable to load the stylesheet for this page.",
            "See [the budget\\](budget.php) and the other papers the council published.",
        ] {
            assert_eq!(summarize(bad, 60), None, "{bad}");
        }
    }

    #[test]
    fn a_caption_is_its_credit_line_neighbour_only() {
        let caption = "Workers repair the roof of the town hall in the city centre on Monday.";
        let body = article(&[caption, "Photo: Jane Doe", LEAD]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        // An image between the paragraph and the credit: the credit belongs
        // to the image, the paragraph stays.
        let body = article(&[LEAD, "![](<a.jpg>)", "Photo: Jane Doe"]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
    }

    #[test]
    fn leading_junk_is_trimmed() {
        assert_eq!(trim_lead("— The council met."), "The council met.");
        assert_eq!(trim_lead(", NASA announced it."), "NASA announced it.");
        assert_eq!(
            trim_lead("2) A question about the budget."),
            "A question about the budget."
        );
        assert_eq!(
            trim_lead("1.0 The club is called X."),
            "The club is called X."
        );
        assert_eq!(
            trim_lead("3.5 million people voted."),
            "3.5 million people voted."
        );
        assert_eq!(trim_lead("2019 was a good year."), "2019 was a good year.");
        assert_eq!(trim_lead("-3 degrees tonight."), "-3 degrees tonight.");
        assert_eq!(trim_lead("** Judge may rule."), "Judge may rule.");
        assert_eq!(trim_lead("**Bold** start."), "**Bold** start.");
        let body = format!("STARBUCKS IS EVIL! (A FISKING): {LEAD}");
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        let cited = format!("{}[31] Then it rained on the council.", LEAD);
        assert_eq!(candidates(&cited)[0], LEAD);
    }

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn candidates_are_capped() {
        let body = (0..100)
            .map(|i| format!("Sentence number {i} talks about the council budget plan."))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(candidates(&body).len(), MAX_CANDIDATES);
        assert!(summarize(&body, 60).is_some());
    }
}
