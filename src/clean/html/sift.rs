//! Step 7 of the HTML cleaner: the emitted blocks, sifted in document
//! order. Each block is judged on its text (`filter.rs`), list items one by
//! one; a dropped heading takes its section with it; text said twice
//! (`repeats.rs`), notes and the house's appeal after the article, and
//! headings left without text are dropped last.

use super::filter::{
    block_filter, decorative_image, house_notice, is_credit_line, is_credited_caption,
    labelled_headline, prompt, section_scope, trailing_note, Scope,
};
use super::inline::link_share;
use super::repeats;
use super::strip_md;
use super::writer_note;
use crate::clean::meta::names;
use crate::clean::notes;
use crate::clean::{Block, Dropped, Hints};

/// The blocks worth keeping, in order; what goes is added to `dropped`
/// with its reason.
pub(super) fn sift(
    emitted: Vec<(Block, String)>,
    title_key: &str,
    authors: &[String],
    hints: &Hints,
    dropped: &mut Vec<Dropped>,
) -> (Vec<Block>, Option<String>) {
    let mut blocks: Vec<(Block, String)> = Vec::new();
    // The heading being dropped with its section: level, scope, text.
    let mut section: Option<(u8, Scope, String)> = None;
    // A paragraph of running text has been kept: the byline is above it.
    let mut past_opening = false;
    for (block, plain) in emitted {
        let block = match block {
            Block::Heading { level: 1, text } => Block::Heading { level: 2, text },
            b => b,
        };
        if let Some((level, scope, heading)) = &section {
            let ends = match (&block, scope) {
                (Block::Heading { level: l, .. }, _) => l <= level,
                (_, Scope::Whole) => false,
                (b, Scope::Links) => is_prose(b, &plain),
                (_, Scope::Mailing) => !notes::about_the_mailing(&plain),
            };
            if ends {
                section = None;
            } else {
                let reason = format!("in the section of the dropped heading “{heading}”");
                dropped.push(Dropped {
                    text: plain,
                    reason,
                });
                continue;
            }
        }
        let block = match block {
            Block::List { ordered, items } => {
                let mut kept = Vec::new();
                for item in items {
                    let text = strip_md(&item);
                    match block_filter(&text, "", hints).or_else(|| house_notice(&text)) {
                        Some(reason) => dropped.push(Dropped { text, reason }),
                        None => kept.push(item),
                    }
                }
                if kept.is_empty() {
                    continue;
                }
                Block::List {
                    ordered,
                    items: kept,
                }
            }
            b => b,
        };
        let scope = match block {
            Block::Heading { level, .. } => section_scope(&plain, hints).map(|s| (level, s)),
            _ => None,
        };
        // A caption under a picture kept is the picture's.
        let under_picture = matches!(blocks.last(), Some((Block::Image { .. }, _)));
        let verdict = judge(&block, &plain, title_key, hints, under_picture)
            .or_else(|| scope.map(|_| "heading of a list of other stories".to_string()))
            .or_else(|| {
                (!past_opening
                    && matches!(block, Block::Paragraph { .. })
                    && names_only(&plain, authors))
                .then(|| "the byline (the writer's name alone, above the text)".to_string())
            })
            .or_else(|| portrait(&block, authors).then(|| "the writer's portrait".to_string()))
            .or_else(|| {
                (!past_opening && matches!(block, Block::Paragraph { .. }))
                    .then(|| {
                        notes::note_before_the_article(&plain, plain.split_whitespace().count())
                    })
                    .flatten()
            });
        if let Some(reason) = verdict {
            section = scope.map(|(level, s)| (level, s, plain.clone()));
            dropped.push(Dropped {
                text: plain,
                reason,
            });
            continue;
        }
        past_opening |= is_prose(&block, &plain);
        blocks.push((block, plain));
    }
    // A copy of the story goes first: its notes at the end are then the
    // text's last blocks, once.
    let mut blocks = repeats::drop_repeats(blocks, dropped);
    // Notes after the article: italic asides, credits, prompts, the
    // writers' credit; and the house's appeal for money, with the notes
    // above it.
    loop {
        while let Some(reason) = blocks.last().and_then(|(b, p)| {
            trailing_note(b, p).or_else(|| {
                writers_credit(b, p, authors)
                    .then(|| "the writers' credit under the text".to_string())
            })
        }) {
            if let Some((_, text)) = blocks.pop() {
                dropped.push(Dropped { text, reason });
            }
        }
        let tail: Vec<(bool, &str)> = blocks
            .iter()
            .map(|(b, p)| (is_title_line(b), p.as_str()))
            .collect();
        let Some(start) = notes::appeal_section(&tail) else {
            break;
        };
        dropped.extend(blocks.drain(start..).map(|(_, text)| Dropped {
            text,
            reason: "the house's appeal for money under the text".into(),
        }));
    }
    let note = writer_note::take(&mut blocks, authors, dropped);
    (drop_orphan_headings(blocks, dropped), note)
}

/// Whether a block is set as a title: a heading, or a paragraph all in
/// bold.
fn is_title_line(block: &Block) -> bool {
    match block {
        Block::Heading { .. } => true,
        Block::Paragraph { text } => {
            let t = text.trim();
            t.len() > 4
                && t.starts_with("**")
                && t.ends_with("**")
                && !t[2..t.len() - 2].contains("**")
        }
        _ => false,
    }
}

/// Words a box's title runs to at most.
const BOX_TITLE_WORDS: usize = 10;

/// Whether a block is a box's title set as a paragraph all in bold: a few
/// words with no link, ending in no full stop or exclamation (the
/// article's last sentence, "Be there or be square!", stays), and no
/// name (a writer signs in bold: "Marina Mucha").
fn is_box_title(block: &Block, plain: &str) -> bool {
    let Block::Paragraph { text } = block else {
        return false;
    };
    let plain = plain.trim();
    is_title_line(block)
        && !text.contains("](")
        && plain.split_whitespace().count() <= BOX_TITLE_WORDS
        && !plain.ends_with(['.', '!', '。', '！'])
        && !names::is_person_name(plain)
}

/// Why one block must go, if it must.
fn judge(
    block: &Block,
    plain: &str,
    title_key: &str,
    hints: &Hints,
    under_picture: bool,
) -> Option<String> {
    if let Block::Paragraph { .. } | Block::Heading { .. } = block {
        if !plain.chars().any(char::is_alphanumeric) {
            return Some("no words".into());
        }
    }
    if let Block::Paragraph { text } | Block::Quote { text } | Block::Heading { text, .. } = block {
        if labelled_headline(text, plain) {
            return Some("another page's headline under a label".into());
        }
    }
    if let Block::Paragraph { text } = block {
        let (inside, total, links) = link_share(text);
        if links >= 3 && inside * 100 > total * 85 && !plain.contains("://") {
            return Some(format!(
                "link-dense paragraph ({}% link text)",
                inside * 100 / total.max(1)
            ));
        }
        if let Some(reason) = prompt(text, plain) {
            return Some(reason);
        }
        if is_credit_line(plain) {
            return Some("photo credit without its photo".into());
        }
        if !under_picture && !text.contains('\n') && is_credited_caption(plain) {
            return Some("a photo's caption and credit, without the photo".into());
        }
    }
    match block {
        Block::Image { src, alt } if decorative_image(src, alt) => {
            Some("decorative image (empty alt, a logo or icon file)".into())
        }
        Block::Code { .. } | Block::Table { .. } | Block::Image { .. } => None,
        Block::List { .. } => block_filter(plain, title_key, hints),
        _ => block_filter(plain, title_key, hints).or_else(|| house_notice(plain)),
    }
}

/// Whether `plain` is the writers' names and nothing else ("Duncan
/// Walker", "Ann Lee and Bo Chan"): the byline, set as a paragraph of its
/// own above the text (BBC marks it only with a test id). Each name must
/// be one the byline reading found, so a one-line paragraph naming someone
/// else stays.
fn names_only(plain: &str, authors: &[String]) -> bool {
    if authors.is_empty() || plain.len() > 200 {
        return false;
    }
    let known: Vec<String> = authors.iter().map(|a| names::key(a)).collect();
    let mut parts = plain
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .map(names::key)
        .filter(|k| !k.is_empty())
        .peekable();
    parts.peek().is_some() && parts.all(|k| known.contains(&k))
}

/// Whether a block is the writer's portrait: an image whose alt text is a
/// writer's full name, alone or after a photo label ("Foto Arne
/// Sjöström"), as author boxes and forum posts set it, or whose file is
/// named for them alone ("headshots/75x75/ben_kunz3.jpg"). A picture of
/// the story names what it shows; one that also names the writer ("Game
/// Day Ilana Muhlstein") stays.
fn portrait(block: &Block, authors: &[String]) -> bool {
    let Block::Image { alt, src, .. } = block else {
        return false;
    };
    // A writer named in full: one word names too many.
    let full_names = || authors.iter().filter(|a| a.split_whitespace().count() >= 2);
    // The file's name in letters, without its extension, size or number.
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let file = src.split(['?', '#']).next().unwrap_or(src);
    let file = file.rsplit('/').next().unwrap_or(file);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let stem = letters(stem);
    let named_file = full_names().any(|a| {
        let name = letters(a);
        name.chars().count() >= 6 && stem == name
    });
    if named_file {
        return true;
    }
    let alt = alt.trim();
    let name = ["foto", "photo", "bild", "image"]
        .iter()
        .find_map(|l| {
            let head = alt.get(..l.len())?;
            head.eq_ignore_ascii_case(l)
                .then(|| alt[l.len()..].trim_start_matches([':', ' ']))
        })
        .unwrap_or(alt);
    let key = names::key(name);
    !key.is_empty() && full_names().any(|a| names::key(a) == key)
}

/// Whether the last paragraph credits the writers: a line of at most
/// twelve words that names one of them in full and is set apart in bold,
/// italics or by a dash, not as a sentence ("*MDR (Engin Haupt, Alisa
/// Sonntag)*", "***Stefan Wasmer***", "– David Dunkley"), or opens with a
/// byline label ("Text: Kirsten Freund", "Reporting by Jason Hovet"). The
/// byline above already says it; a sentence that only mentions the writer
/// ("Ann Lee is a reporter …") is neither.
fn writers_credit(block: &Block, plain: &str, authors: &[String]) -> bool {
    let Block::Paragraph { text } = block else {
        return false;
    };
    if plain.split_whitespace().count() > 12 {
        return false;
    }
    let line = names::key(plain);
    let names_one = authors.iter().any(|a| {
        let k = names::key(a);
        a.contains(' ') && k.chars().count() >= 6 && line.contains(&k)
    });
    // A note about the writer set in italics is a sentence ("*David
    // Zurawik is The Sun's media critic.*"): it stays for the writer's
    // note.
    let text = text.trim();
    let sentence = plain.trim_end().ends_with(['.', '!', '?']);
    let set_apart = (text.starts_with(['*', '_']) && text.ends_with(['*', '_'])
        || names::after_dash(plain).is_some())
        && !sentence;
    names_one && (set_apart || names::has_label(plain))
}

/// A paragraph of running text: where a promo section (a list of links
/// and headlines) gives way to the article again.
fn is_prose(block: &Block, plain: &str) -> bool {
    let Block::Paragraph { text } = block else {
        return matches!(
            block,
            Block::Quote { .. } | Block::Code { .. } | Block::Table { .. }
        );
    };
    let (inside, total, _) = link_share(text);
    plain.split_whitespace().count() >= 20 && inside * 2 < total
}

/// Headings with nothing of theirs left after them.
fn drop_orphan_headings(blocks: Vec<(Block, String)>, dropped: &mut Vec<Dropped>) -> Vec<Block> {
    let mut keep = vec![true; blocks.len()];
    // A bold line last of all is a box's title set as a paragraph, its box
    // gone: "Weitere Informationen", "Möchten Sie den Artikel teilen?",
    // "【熱門點閱】".
    if let Some((b, plain)) = blocks.last() {
        keep[blocks.len() - 1] = !is_box_title(b, plain);
    }
    for i in (0..blocks.len()).rev() {
        if let Block::Heading { level, .. } = blocks[i].0 {
            let next = blocks[i + 1..]
                .iter()
                .zip(&keep[i + 1..])
                .find(|(_, k)| **k)
                .map(|(b, _)| &b.0);
            let orphan = match next {
                None => true,
                Some(Block::Heading { level: l, .. }) => *l <= level,
                _ => false,
            };
            if orphan {
                keep[i] = false;
            }
        }
    }
    let mut out = Vec::new();
    for ((b, plain), k) in blocks.into_iter().zip(keep) {
        if k {
            out.push(b);
        } else {
            dropped.push(Dropped {
                text: plain,
                reason: "heading with no article text after it".into(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};
    use crate::clean::Block;

    fn texts(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    /// The body of a page whose author meta names Ann Lee, its headline
    /// followed by `article`.
    fn by_ann_lee(article: &str) -> String {
        let head = r#"<meta name="author" content="Ann Lee">"#;
        let html = page(head, &format!("<h1>Night buses return</h1>{article}"));
        clean(&html).body_markdown()
    }

    #[test]
    fn the_writers_name_alone_above_the_text_is_the_byline() {
        let at_top = |line: &str| {
            by_ann_lee(&format!(
                "<div><span>{line}</span></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            ))
        };
        let out = at_top("Ann Lee");
        assert!(!out.contains("Ann Lee"), "{out}");
        // Someone else's name, or more than the name, stays.
        for line in ["Bo Chan", "Ann Lee walked to the station."] {
            assert!(at_top(line).contains(line), "{line}");
        }
        // Under the first paragraph, the name is the text's.
        let under = by_ann_lee(&format!("<p>{P1}</p><p>Ann Lee</p><p>{P2}</p><p>{P3}</p>"));
        assert!(under.contains("Ann Lee"), "{under}");
    }

    #[test]
    fn the_writers_credit_under_the_text_goes() {
        let at_end = |line: &str| by_ann_lee(&format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>{line}"));
        for line in [
            "<p><em>MDR (Ann Lee, Bo Chan)</em></p>",
            "<p><b>Text:</b> Ann Lee</p>",
            "<p>Reporting by Ann Lee; editing by Bo Chan</p>",
        ] {
            let out = at_end(line);
            assert!(!out.contains("Ann Lee"), "{line}\n{out}");
        }
        // A sentence about the writer, or a credit naming someone else,
        // is not the byline's.
        for line in [
            "<p>The transport desk of the paper is led by Ann Lee.</p>",
            "<p><em>Research: Bo Chan</em></p>",
            "<p><em>Ann Lee covers transport.</em></p>",
        ] {
            let kept = line
                .replace("<p>", "")
                .replace("</p>", "")
                .replace("<em>", "*")
                .replace("</em>", "*");
            assert!(at_end(line).contains(&kept), "{line}");
        }
    }

    #[test]
    fn the_writers_portrait_goes_and_a_picture_naming_them_stays() {
        let art = format!(
            r#"<h1>Night buses return</h1><p class="byline">By Ann Lee</p><p>{P1}</p><p><img src="https://example.com/img/depot.jpg" alt="The depot, visited by Ann Lee"></p><p>{P2}</p><p>{P3}</p><p><img src="https://example.com/img/ann-lee.jpg" alt="Foto: Ann Lee"></p><p><img src="https://example.com/headshots/75x75/ann_lee3.jpg?w=75" alt=""></p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, ["Ann Lee"]);
        let images: Vec<&str> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Image { src, .. } => Some(src.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            images,
            ["https://example.com/img/depot.jpg"],
            "{}",
            texts(&a.blocks)
        );
    }

    #[test]
    fn a_promo_heading_takes_its_links_but_not_the_article_after_them() {
        let html = page(
            "",
            &format!(
                "<p>{P1}</p><p>{P2}</p><h3>More Great WIRED Stories</h3><ul><li><a href=\"/a\">The secret history of the bike lane</a></li><li><a href=\"/b\">Why your phone is slow</a></li></ul><p><a href=\"/c\">A headline of a third story</a></p><p>{P3}</p>"
            ),
        );
        let a = clean(&html);
        let t = texts(&a.blocks);
        assert!(!t.contains("More Great WIRED"), "{t}");
        assert!(
            !t.contains("bike lane") && !t.contains("third story"),
            "{t}"
        );
        assert!(
            t.contains(&P3[..40]),
            "prose after the links is the article again: {t}"
        );
        // The same in the other languages the cleaner reads.
        for heading in [
            "Auch interessant:",
            "Neueste Artikel",
            "Lee también",
            "Plus d'articles",
        ] {
            let html = page(
                "",
                &format!(
                    "<p>{P1}</p><p>{P2}</p><h2>{heading}</h2><h3><a href=\"/a\">Die geheime Geschichte des Radwegs</a></h3><h3><a href=\"/b\">Warum dein Telefon langsam ist</a></h3><p>{P3}</p>"
                ),
            );
            let t = texts(&clean(&html).blocks);
            assert!(
                !t.contains(heading) && !t.contains("Radwegs"),
                "{heading}: {t}"
            );
            assert!(t.contains(&P3[..40]), "{heading}: {t}");
        }
    }

    #[test]
    fn a_heading_dropped_by_an_editor_rule_takes_its_whole_section() {
        let html = page(
            "",
            &format!(
                "<p>{P1}</p><h2>Sponsored: our partners</h2><p>{P2}</p><ul><li>Partner one</li></ul><h2>What comes next</h2><p>{P3}</p>"
            ),
        );
        let hints = crate::clean::Hints {
            drop: vec![regex::Regex::new("^Sponsored").unwrap()],
            ..Default::default()
        };
        let a = crate::clean::html::clean_html(&html, &hints);
        let t = texts(&a.blocks);
        assert!(!t.contains("Sponsored") && !t.contains(&P2[..40]), "{t}");
        assert!(!t.contains("Partner one"), "{t}");
        assert!(
            t.contains("What comes next") && t.contains(&P3[..40]),
            "{t}"
        );
        assert!(a
            .dropped
            .iter()
            .any(|d| d.reason.contains("Sponsored: our partners")));
    }

    #[test]
    fn notes_credits_stubs_and_logos_around_the_article_are_dropped() {
        let html = page(
            "",
            &format!(
                "<p><img src=\"https://cdn.example.com/site-logo.png\" alt=\"\"></p><p>{P1}</p>\
                 <p>Natalie Naccache | Bloomberg | Getty Images</p><p>{P2}</p><p>{P3}</p>\
                 <p>Follow Jane Roe on Facebook and Twitter.</p>\
                 <p>This article has been adapted from the author's new book, Cities in Motion.</p>\
                 <p>The Times is committed to publishing a diversity of letters to the editor. We'd like to hear what you think about this or any of our articles.</p>\
                 <p>With files from The Associated Press and Reuters</p>\
                 <p>All...</p>\
                 <p>Comments are moderated. Please keep your comments civil and on topic; we remove abuse, spam and links to other sites without notice, and we may close the comments at any time. Those who write them are responsible for what they say, and posting one means you accept our community guidelines and terms of use in full.</p>"
            ),
        );
        let a = clean(&html);
        let t = texts(&a.blocks);
        for gone in [
            "logo",
            "Naccache",
            "Follow Jane",
            "adapted from",
            "committed to publishing",
            "All...",
            "moderated",
            "With files from",
        ] {
            assert!(!t.contains(gone), "{gone}: {t}");
        }
        assert!(t.contains(&P3[..40]), "{t}");
    }

    #[test]
    fn a_note_about_the_article_above_it_is_dropped() {
        let note = "ZEIT ONLINE hat diese Meldung redaktionell nicht bearbeitet. Sie wurde automatisch von der Deutschen Presse-Agentur (dpa) übernommen.";
        let html = page(
            "",
            &format!("<p>{note}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"),
        );
        let a = clean(&html);
        assert!(!texts(&a.blocks).contains("redaktionell"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("redaktionell") && d.reason.contains("note above")));
        // Inside the text, the same sentence is the story's.
        let html = page(
            "",
            &format!("<p>{P1}</p><p>{note}</p><p>{P2}</p><p>{P3}</p>"),
        );
        assert!(texts(&clean(&html).blocks).contains("redaktionell"));
    }

    #[test]
    fn the_house_appeal_under_the_text_goes_with_its_title() {
        let appeal = "<h3>L-MAG zahl' ich freiwillig!</h3>\
             <p>Online-Journalismus kostet! Unser Team schreibt seit 20 Jahren für dich.</p>\
             <p>Wir wollen unsere Themen nicht hinter einer Bezahlschranke verstecken.</p>\
             <p>Deshalb unterstütze uns, monatlich oder einmalig.</p>\
             <p><b>Danke! Dein L-MAG-Team</b></p>";
        let html = page(
            "",
            &format!("<p>{P1}</p><p>{P2}</p><h3>Was bleibt</h3><p>{P3}</p>{appeal}"),
        );
        let a = clean(&html);
        let t = texts(&a.blocks);
        for gone in [
            "freiwillig",
            "kostet",
            "Bezahlschranke",
            "unterstütze",
            "Danke",
        ] {
            assert!(!t.contains(gone), "{gone}: {t}");
        }
        assert!(t.contains("Was bleibt") && t.contains(&P3[..40]), "{t}");
        // The article's last section on giving to a cause names no
        // journalism of the house's, and stays.
        let cause = "<h3>How to help</h3><p>You can support the shelter with a donation, monthly or once, through its website.</p>";
        let html = page("", &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>{cause}"));
        assert!(texts(&clean(&html).blocks).contains("How to help"));
    }

    #[test]
    fn a_story_printed_twice_loses_its_copy_and_the_note_under_both() {
        let note = "Síguenos en Facebook: La Prensa Oficial y en Twitter: @laprensaoem";
        let story = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{note}</p>");
        let a = clean(&page("", &format!("{story}{story}")));
        let t = texts(&a.blocks);
        assert_eq!(t.matches(&P1[..40]).count(), 1, "{t}");
        assert!(!t.contains("Síguenos"), "{t}");
    }

    #[test]
    fn a_newsletter_box_inside_the_text_goes_and_the_text_after_it_stays() {
        let html = page(
            "",
            &format!(
                "<p>{P1}</p><h3>Sign up for the Herald newsletter</h3>\
                 <p>Never miss the latest news by signing up to our newsletter today!</p>\
                 <p>Simply pop your email into the box at the top of this article.</p>\
                 <p>You can unsubscribe from this service at any time.</p>\
                 <p>{P2}</p><p>{P3}</p>"
            ),
        );
        let a = clean(&html);
        let t = texts(&a.blocks);
        for gone in ["Sign up", "Never miss", "pop your email", "unsubscribe"] {
            assert!(!t.contains(gone), "{gone}: {t}");
        }
        assert!(t.contains(&P2[..40]) && t.contains(&P3[..40]), "{t}");
        // A list's items read together may name a newsletter and an
        // invitation that no one item makes.
        let list =
            "<ul><li>The forum: post your comments and share your views with other readers</li>\
             <li>Our new weekly newsletters about the city council</li>\
             <li>Subscribe to the council's minutes by post</li></ul>";
        let t = texts(
            &clean(&page(
                "",
                &format!("<p>{P1}</p>{list}<p>{P2}</p><p>{P3}</p>"),
            ))
            .blocks,
        );
        assert!(t.contains("weekly newsletters"), "{t}");
    }

    #[test]
    fn an_affiliate_disclosure_goes_wherever_it_stands() {
        let note = "If you buy something using links in our stories, we may earn a commission.";
        let html = page(
            "",
            &format!("<p>{P1}</p><blockquote>{note}</blockquote><p>{P2}</p><p>{P3}</p>"),
        );
        let a = clean(&html);
        assert!(!texts(&a.blocks).contains("commission"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("commission") && d.reason == "affiliate disclosure"));
    }

    #[test]
    fn a_teaser_for_a_player_not_kept_goes_wherever_it_stands() {
        let html = page(
            "",
            &format!(
                "<p>{P1}</p><div><strong><em>WATCH | Residents react to the new bus lanes:</em></strong>\
                 <iframe src=\"https://player.example.com/1\"></iframe></div><p>{P2}</p><p>{P3}</p>"
            ),
        );
        let a = clean(&html);
        assert!(!texts(&a.blocks).contains("Residents react"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("Residents react") && d.reason.contains("teaser")));
    }

    #[test]
    fn a_word_on_the_readers_login_goes_wherever_it_stands() {
        let html = page(
            "",
            &format!("<p>{P1}</p><p>Sie sind aktuell nicht eingeloggt.</p><p>{P2}</p><p>{P3}</p>"),
        );
        let a = clean(&html);
        assert!(!texts(&a.blocks).contains("eingeloggt"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("eingeloggt") && d.reason == "the reader's login"));
    }

    #[test]
    fn quoted_speech_and_pictures_with_words_stay() {
        let quote = "\"We will not rest until you can ride a bus home at night,\" the mayor told residents at the end of the meeting.";
        let html = page(
            "",
            &format!(
                "<p><img src=\"https://cdn.example.com/photos/buses.jpg\" alt=\"\"></p><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{quote}</p>"
            ),
        );
        let t = texts(&clean(&html).blocks);
        assert!(t.contains("buses.jpg"), "a photo is not a logo: {t}");
        assert!(t.contains("ride a bus home"), "a quote is the story's: {t}");
    }

    #[test]
    fn an_ordinary_heading_keeps_its_section() {
        let html = page(
            "",
            &format!("<p>{P1}</p><h2>The outlook for rates</h2><p>{P2}</p><p>{P3}</p>"),
        );
        let t = texts(&clean(&html).blocks);
        assert!(
            t.contains("The outlook for rates") && t.contains(&P2[..40]),
            "{t}"
        );
    }

    #[test]
    fn a_bold_box_title_left_last_goes_and_a_bold_last_sentence_stays() {
        let last = |line: &str| {
            let art = format!(
                "<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p><strong>{line}</strong></p><ul class=\"share\"><li><a href=\"/s\">Facebook</a></li></ul>"
            );
            clean(&page("", &art)).body_markdown()
        };
        for title in ["Weitere Informationen", "Möchten Sie den Artikel teilen?"] {
            let md = last(title);
            assert!(!md.contains(title), "{title}\n{md}");
            assert!(md.contains(&P3[..30]), "{md}");
        }
        for line in [
            "Be there or be square!",
            "Das Gespräch führte Peter Hanselmann.",
        ] {
            assert!(last(line).contains(line), "{line}");
        }
    }
}
