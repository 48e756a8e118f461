//! Whole saved web pages (`.html`, `.htm`) → the article only.
//!
//! The cleaner is a pipeline; each stage is one file of this folder, and
//! [`clean_html`] (here) runs them in order:
//!
//! 1. **Pre-scan** (`prescan.rs`): a byte-level pass cuts `<script>`,
//!    `<style>`, `<svg>` and comments (half of a modern page, and half the
//!    parsing time), keeping JSON-LD aside.
//! 2. **Arena** (`arena/`, `stats.rs`): the rest is parsed with html5ever
//!    (through `dom_query`) and copied into a small arena (`Arena`) that the
//!    rest works on without borrowing games; every subtree's text is
//!    measured once (length, commas, link text, paragraphs, images).
//! 3. **Metadata** (`meta.rs`, with `ld.rs` (JSON-LD), `headline.rs`,
//!    `authors/` (bylines; `metas.rs` for meta tags), `dates/`, `tags.rs`)
//!    from `<meta>`, JSON-LD, `<title>`, `<h1>` (without a logo or a
//!    kicker), `<time>`, `<link rel=canonical>` and `<html lang>`.
//! 4. **Main content** (`select.rs`): paragraphs are scored
//!    Readability-style (text length, commas, link density, class/id hints
//!    from `hints.rs`) and the scores flow to their ancestors; the best
//!    ancestor and its worthy siblings are the article, with the lead a
//!    template sets apart from them (`lead.rs`), and a recipe's
//!    ingredient box, which its JSON-LD names (`recipe.rs`).
//! 5. **Boilerplate inside the article** (`prune/`, with `caption.rs`)
//!    is dropped with a reason: elements whose class/id/role says share
//!    bar, related links, newsletter, comments, captions…; other stories'
//!    teaser cards (`teaser.rs`); captions set beside their image without
//!    `<figcaption>`; a form's box, or a box of form controls with no
//!    form (a poll, a sign-in popup); a heading whose box all went; but a
//!    subheading of the article's prose stays whatever its class
//!    (`subhead.rs`), and so do a sentence's words whose class only names
//!    what they link to (a topic page); link-dense lists and blocks (but
//!    a sentence carrying a long link, `sentence.rs`); image-heavy
//!    blocks. What is kept is serialised and **sanitised with ammonia**.
//! 6. **Blocks** (`emit.rs`, `inline.rs`): the sanitised HTML is parsed
//!    again and converted to [`Block`](super::Block)s with Markdown inline text (a
//!    heading element as long as a story is read as a box).
//! 7. **Sifting** (`sift.rs`, with the text tests of `filter.rs`): blocks
//!    are judged on their text (labels, prompts, bylines, dates and
//!    copyright lines, blocks the [`Hints`] know as boilerplate); a dropped
//!    heading takes its section with it; notes after the article, the story
//!    printed twice (`repeats.rs`), the writer's note (`writer_note.rs`,
//!    kept as `author_note`) and headings left without a section go last;
//!    then the deck is said once (`deck.rs`): as the subtitle, or in the
//!    text where it copies the lede or quotes it.
//!
//! Every rule is general (tag, class/id vocabulary, text statistics, common
//! phrases in a few languages); none names a site.

mod arena;
mod authors;
mod caption;
mod consent;
mod dates;
mod deck;
mod description;
mod emit;
mod filter;
mod headline;
mod hints;
mod inline;
mod ld;
mod lead;
mod meta;
mod prescan;
mod prune;
mod recipe;
mod repeats;
mod select;
mod sentence;
mod sift;
mod stats;
mod subhead;
mod tags;
mod teaser;
#[cfg(test)]
mod test_support;
mod writer_note;

use dom_query::Document;

use super::{normalize_for_matching, Article, Dropped, Hints};
use arena::{Arena, Head};
use emit::Emitter;
use meta::{is_absolute, metadata, page_site};
use prescan::{prescan, unwrap_noscript};
use prune::{escape_html, sanitize, Serializer};
use recipe::Ingredients;
use select::{select_content, Span, ATTEMPTS};
use sift::sift;
use stats::stats;

/// Cleans a whole web page into its article.
pub fn clean_html(html: &str, hints: &Hints) -> Article {
    if html.trim().is_empty() {
        return Article::default();
    }
    let (article, kept) = clean_page(html, hints);
    // Almost nothing found: the page may write its article only for readers
    // without scripts. Its `<noscript>`s are read as markup then, and win
    // when they hold clearly more.
    if kept < THIN {
        if let Some((alt, alt_kept)) = unwrap_noscript(html).map(|p| clean_page(&p, hints)) {
            if alt_kept > 2 * kept + THIN / 2 {
                return alt;
            }
        }
    }
    article
}

/// Text (in bytes) below which a page's main content is "too little", as
/// Readability has it: its selection retries, and `<noscript>` is read.
const THIN: usize = 500;

/// [`clean_html`] of one reading of the page, with the length of the text
/// its main content kept.
fn clean_page(html: &str, hints: &Hints) -> (Article, usize) {
    let mut head = Head::default();
    let html = prescan(html, &mut head);
    let arena = {
        let doc = Document::from(html);
        Arena::build(&doc, Some(&mut head))
    };
    let st = stats(&arena);

    let site = page_site(&head);
    // Main content, with Readability's retries when too little is left.
    let mut best: Option<(String, Vec<Dropped>, usize, Span)> = None;
    let ingredients = Ingredients::find(&arena, &st, &ld::recipe_ingredients(&head.json_ld));
    for flags in ATTEMPTS {
        let (roots, ingredient_box) =
            ingredients.with_box(&arena, &st, select_content(&arena, &st, flags));
        let mut ser = Serializer::new(&arena, &st, flags, &roots);
        ser.site = site.clone();
        ser.ingredients = Some(&ingredients);
        ser.out.push_str("<div>");
        // The ingredients are no evidence that the text was found: a
        // selection of a cookie notice beside them must still retry.
        let mut kept_beside = 0;
        for &r in &roots {
            let before = ser.kept_len;
            ser.write(r, true, 0, false, false);
            if Some(r) == ingredient_box {
                kept_beside = ser.kept_len - before;
            }
        }
        ser.out.push_str("</div>");
        let kept = ser.kept_len - kept_beside;
        let better = best.as_ref().is_none_or(|b| kept > b.2);
        if better {
            best = Some((ser.out, ser.dropped, kept, Span::of(&arena, &roots)));
        }
        if kept >= THIN {
            break;
        }
    }
    let (content, mut dropped, kept, span) = best.unwrap_or_default();
    let meta = metadata(&arena, &st, &head, span, !hints.no_tags);
    // Almost nothing on the page is the article (its scripts would write
    // it), but its JSON-LD carries the text, clearly more of it than the
    // page shows: the article is that text. (A body that only repeats the
    // description is said once, as the deck.)
    let content = match (kept < THIN)
        .then(|| ld::json_ld(&head.json_ld).body)
        .flatten()
    {
        Some(body) if body.len() > 2 * kept + THIN / 2 => body_html(&body),
        _ => content,
    };

    let base = head
        .base
        .as_deref()
        .filter(|b| is_absolute(b))
        .or(meta.source_url.as_deref())
        .and_then(|u| ammonia::Url::parse(u).ok());
    let clean = sanitize(&content, base.as_ref());
    let arena2 = {
        let doc = Document::fragment(clean);
        Arena::build(&doc, None)
    };
    let st2 = stats(&arena2);
    let mut em = Emitter {
        a: &arena2,
        st: st2,
        blocks: Vec::new(),
        dropped: Vec::new(),
    };
    em.container(0, 0);
    dropped.append(&mut em.dropped);

    let title_key = meta
        .title
        .as_deref()
        .map(normalize_for_matching)
        .unwrap_or_default();
    // A site credited as the author writes no note about itself.
    let writers: &[String] = if meta.authors_are_site {
        &[]
    } else {
        &meta.authors
    };
    let (out_blocks, author_note) = sift(em.blocks, &title_key, writers, hints, &mut dropped);

    let (out_blocks, subtitle) = deck::say_once(out_blocks, meta.subtitle, &mut dropped);
    let article = Article {
        title: meta.title,
        subtitle,
        authors: meta.authors,
        authors_are_site: meta.authors_are_site,
        author_note,
        source: meta.source,
        source_url: meta.source_url,
        date: meta.date,
        updated: meta.updated,
        language: meta.language,
        tags: meta.tags,
        blocks: out_blocks,
        dropped,
        seen: meta.seen,
    };
    (article, kept)
}

/// JSON-LD's `articleBody` as the markup the cleaner reads: markup as it
/// is, plain text as a paragraph per line.
fn body_html(body: &str) -> String {
    if body.contains("</p>") || body.contains("<br") {
        return format!("<div>{body}</div>");
    }
    let mut out = String::from("<div>");
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str("<p>");
        escape_html(&mut out, line, false);
        out.push_str("</p>");
    }
    out.push_str("</div>");
    out
}

/// Visible text of Markdown inline text (for matching list items).
fn strip_md(md: &str) -> String {
    collapse(&super::eval::strip_markdown(md))
}

/// Whitespace collapsed as a browser would (and trimmed), and characters
/// no reader sees dropped: a page's metadata carries them as its text does
/// (a byte-order mark opening a description).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in super::decode::visible(s).split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The first of each of `items`, in order: the same value read from two
/// places (a host in the canonical URL and in `og:url`, an author in two
/// meta dialects) counts once.
fn distinct<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::test_support::{body, clean, page, P1, P2, P3};
    use crate::clean::Block;

    #[test]
    fn a_page_its_scripts_write_is_read_from_its_json_ld_body() {
        let ld_with = |description: &str, body: &str| {
            format!(
                r#"<title>Night buses return</title><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Night buses return","description":"{description}","articleBody":"{body}"}}</script>"#
            )
        };
        let ld = |body: &str| ld_with(P1, body);
        let shell = r#"<div id="app">Loading…</div>"#;
        let a = clean(&page(&ld(&format!("{P1}\n\n{P2} 3 < 4.\n{P3}")), shell));
        let md = body(&a);
        assert!(md.contains(P2) && md.contains(P3), "{md}");
        assert!(md.contains("3 < 4") || md.contains("3 \\< 4"), "{md}");
        assert!(!md.contains("Loading"), "{md}");
        // A body that is the description is a summary, not the article.
        let summary = format!("{P2} {P3}");
        let a = clean(&page(&ld_with(&summary, &summary), shell));
        assert!(!body(&a).contains(P3), "{}", body(&a));
        // A page that shows its article keeps it as shown.
        let shown = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(&ld("Only a teaser of it."), &shown));
        assert!(body(&a).contains(P3) && !body(&a).contains("teaser"));
    }

    #[test]
    fn characters_no_reader_sees_leave_text_and_metadata() {
        let head = "<title>Genesenen&shy;nachweise</title><meta name=\"description\" content=\"\u{feff} Thou&shy;sands of people hoped yesterday to beat the month-end rush at the office.\">";
        let art = format!("<h1>Genesenen&shy;nachweise</h1><p>{P1}</p><p>The drivers' union called the Nacht\u{200b}bus\u{200b}netz a welcome change after years of cuts.</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(head, &art));
        assert_eq!(a.title.as_deref(), Some("Genesenennachweise"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("Thousands of people hoped yesterday to beat the month-end rush at the office.")
        );
        let md = body(&a);
        assert!(md.contains("the Nachtbusnetz a"), "{md}");
    }

    #[test]
    fn decodes_entities() {
        let art = "<p>Caf&eacute; owners &amp; bakers said it&#8217;s &quot;a relief&quot;: the new line stops at their door, which they had asked the council for since 2019, they said on Monday.</p>";
        let a = clean(&page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#,
            art,
        ));
        assert_eq!(
            a.blocks,
            vec![Block::Paragraph {
                text: "Café owners & bakers said it’s \"a relief\": the new line stops at their door, which they had asked the council for since 2019, they said on Monday.".into()
            }]
        );
    }

    #[test]
    fn a_block_that_says_it_is_a_heading_is_one() {
        let article = format!(
            r#"<p>{P1}</p><p>{P2}</p><div role="heading" aria-level="3">Night routes</div><p>{P3}</p><hr><div role="heading" aria-level="3">More Great Example Stories</div><ul><li>Buses <a href="/a">go to Washington</a></li><li>Trams <a href="/b">of the future</a></li></ul>"#
        );
        let a = clean(&page("", &article));
        assert!(a.blocks.contains(&Block::Heading {
            level: 3,
            text: "Night routes".into()
        }));
        // A box's title goes with its box, not left as a line of text.
        assert!(!body(&a).contains("More Great"), "{}", body(&a));
    }

    #[test]
    fn an_article_written_only_for_readers_without_scripts_is_read() {
        // The text is in a script template and again in <noscript>; a
        // scripting parser sees neither as markup.
        let post = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let article = format!(
            r#"<h1>Night buses return</h1><div class="post-body"><script type="text/template">{post}</script><noscript>{post}</noscript></div>"#
        );
        let a = clean(&page("", &article));
        assert!(
            body(&a).contains(P1) && body(&a).contains(P3),
            "{}",
            body(&a)
        );
        // A page with its article loses nothing to, and gains nothing from,
        // its "enable JavaScript" notice.
        let article = format!(
            r#"<h1>Night buses return</h1>{post}<noscript><p>Please enable JavaScript in your browser to see the comments, the map and the gallery of this article.</p></noscript>"#
        );
        let a = clean(&page("", &article));
        assert!(
            body(&a).contains(P1) && !body(&a).contains("JavaScript"),
            "{}",
            body(&a)
        );
    }

    #[test]
    fn empty_and_garbage_input_give_an_empty_article() {
        for input in [
            "",
            "   \n\t",
            "\u{0}\u{1}\u{7f}\u{fffd}\u{fffd}",
            "<",
            "<<<>>>",
            "<html><body>",
            "</p></div>",
        ] {
            let a = clean(input);
            assert!(a.blocks.is_empty(), "{input:?}: {:?}", a.blocks);
        }
        let junk: String = (0..20_000u32)
            .map(|i| char::from_u32((i.wrapping_mul(2_654_435_761) >> 7) % 0xD7FF).unwrap_or('x'))
            .collect();
        let _ = clean(&junk);
    }

    #[test]
    fn survives_unclosed_tags_deep_nesting_and_big_pages() {
        let unclosed = format!("<html><body><div><p>{P1}<p>{P2}<div><p>{P3}<b><i><table><tr><td>x");
        let a = clean(&unclosed);
        assert!(body(&a).contains("night buses"), "{:?}", a.blocks);

        let deep = format!(
            "{}<p>{P1}</p>{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let a = clean(&deep);
        assert!(body(&a).contains("city council"), "{:?}", a.blocks);
        let deep_inline = format!("<p>{P1}{}x</p>", "<b><i>".repeat(20_000));
        let _ = clean(&deep_inline);

        let big = page("", &format!("<p>{P1}</p>").repeat(5_000));
        let a = clean(&big);
        assert_eq!(a.blocks.len(), 5_000);
    }
}
