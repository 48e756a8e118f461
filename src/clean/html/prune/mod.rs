//! Step 5 of the HTML cleaner: boilerplate removal inside the selected
//! article, and its serialisation for ammonia. Each element is judged as
//! it is written out, so what is dropped (with the reason, for the report)
//! never reaches the sanitiser; what is kept is written as plain HTML and
//! sanitised with ammonia, which is the only safety boundary between the
//! page and the published digest. In three parts, one file each:
//!
//! 1. `evidence.rs`: what the page says of its own classes, read once per
//!    selection (a page builder's block word on every paragraph, the
//!    `paywall` class on the text behind a paywall): no evidence against
//!    any one block there;
//! 2. `verdict.rs`: why one element is boilerplate (its tag, its class,
//!    a consent or form box, a teaser card, link density, a gallery);
//! 3. here, the walk that judges and writes each element, a heading with
//!    its dropped box; then `sanitize.rs`, ammonia's allow-list.

mod evidence;
mod sanitize;
mod verdict;

pub(super) use sanitize::sanitize;

use crate::clean::Dropped;

use super::arena::{Arena, Tag};
use super::lead::lead_paragraphs;
use super::select::Flags;
use super::stats::Stat;
use evidence::{structural_words, LINKING};

pub(super) struct Serializer<'a> {
    pub(super) a: &'a Arena,
    pub(super) st: &'a [Stat],
    pub(super) flags: Flags,
    pub(super) out: String,
    pub(super) dropped: Vec<Dropped>,
    /// Good text of the whole selection: a subtree holding most of it is
    /// never dropped on class hints alone.
    pub(super) good_total: u32,
    pub(super) kept_len: usize,
    /// The kept text less its layout whitespace: how far the article has
    /// begun, which a deeply indented template must not seem to say.
    pub(super) kept_words_len: usize,
    /// The page's site (its host label), when the page says its address:
    /// links to it are the site's own.
    pub(super) site: Option<String>,
    /// Boilerplate class words this page puts on most of its article text
    /// ([`structural_words`]): not evidence against any one block.
    pub(super) structural: Vec<&'static str>,
    /// `structural` and the [`LINKING`] words: what is no evidence against
    /// words of a sentence.
    structural_and_linking: Vec<&'static str>,
    /// The selection is a list of teaser cards (`teaser::is_listing`): its
    /// cards are its content, not other stories' teasers.
    pub(super) listing: bool,
    /// The selection is a gallery told in its captions
    /// (`caption::captions_are_text`): its captions and the slides'
    /// titles are its text.
    pub(super) gallery: bool,
    /// The lines naming the page's recipe ingredients: a table or list of
    /// them is data, however many links it holds.
    pub(super) ingredients: Option<&'a super::recipe::Ingredients>,
}

pub(super) const MAX_DEPTH: usize = 300;

impl<'a> Serializer<'a> {
    /// A serialiser for the selection `roots` of the arena.
    pub(super) fn new(a: &'a Arena, st: &'a [Stat], flags: Flags, roots: &[u32]) -> Self {
        let good_total = roots.iter().map(|&r| st[r as usize].good).sum();
        let structural = structural_words(a, st, roots, good_total);
        let structural_and_linking = structural.iter().chain(LINKING).copied().collect();
        Serializer {
            a,
            st,
            flags,
            out: String::new(),
            dropped: Vec::new(),
            good_total,
            kept_len: 0,
            kept_words_len: 0,
            site: None,
            structural,
            structural_and_linking,
            listing: super::teaser::is_listing(a, st, roots),
            gallery: super::caption::captions_are_text(a, st, roots),
            ingredients: None,
        }
    }
}

/// Text (characters) of boilerplate after a heading, in its element, that
/// makes the heading that box's title: an author's biography under "About
/// the author", not an ad's label under a subheading.
const DROPPED_SECTION: u32 = 100;

/// A heading written out, whose section may yet prove to be boilerplate.
struct Written {
    node: u32,
    /// Where its HTML lies in the output.
    out: std::ops::Range<usize>,
    /// The text it added to `kept_len`.
    text: usize,
    /// Text of the siblings after it that were dropped.
    dropped_after: u32,
}

/// Text (in bytes) that may come before a `<header>` that still opens the
/// article: a breadcrumb or a kicker, not paragraphs.
pub(super) const HEADER_BEFORE_TEXT: usize = 200;

impl Serializer<'_> {
    fn drop_node(&mut self, n: u32, reason: String) {
        self.drop_but(n, &[], reason);
    }

    /// Records element `n` as dropped, less the blocks of it that stay.
    fn drop_but(&mut self, n: u32, kept: &[u32], reason: String) {
        let text = self.a.text_without(n, kept);
        if !text.is_empty() {
            self.dropped.push(Dropped { text, reason });
        }
    }

    pub(super) fn write(
        &mut self,
        n: u32,
        root: bool,
        depth: usize,
        in_pre: bool,
        in_figure: bool,
    ) {
        let a = self.a;
        let node = a.node(n);
        if node.tag == Tag::Text {
            self.kept_len += node.text.len();
            self.kept_words_len += node.text.trim().len();
            escape_html(&mut self.out, &node.text, false);
            return;
        }
        if !root && !in_pre {
            if let Some(reason) = self.verdict(n, in_figure) {
                // The article's own `<header>`, before its text, holds its
                // headline, byline and date, and often its lead: the lead
                // stays. A chart's or a box's header in the text is dropped.
                if node.tag == Tag::Header && self.kept_words_len < HEADER_BEFORE_TEXT {
                    let end = a.subtree_end(n) as u32;
                    let lead = lead_paragraphs(a, self.st, n + 1..end, |_| false);
                    if !lead.is_empty() {
                        self.drop_but(n, &lead, format!("{reason}, but for its lead"));
                        for p in lead {
                            self.write(p, false, depth + 1, in_pre, in_figure);
                        }
                        return;
                    }
                }
                self.drop_node(n, reason);
                // A removed block still separates the text around it:
                // "end<ul>…</ul>start" must not become "endstart".
                if node.tag.is_block() {
                    self.out.push(' ');
                }
                return;
            }
        }
        if depth > MAX_DEPTH {
            let t = a.text(n);
            self.kept_len += t.len();
            self.kept_words_len += t.trim().len();
            escape_html(&mut self.out, &t, false);
            return;
        }
        let tag = node.tag;
        let name = match tag {
            Tag::Inline | Tag::Time if self.st[n as usize].has_block => "div",
            Tag::Html | Tag::Body | Tag::Root => "div",
            t => t.html_name(),
        };
        let at = node.attrs();
        if tag == Tag::Img && at.tiny {
            return;
        }
        self.out.push('<');
        self.out.push_str(name);
        let mut attr = |k: &str, v: &str| {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_html(&mut self.out, v, true);
            self.out.push('"');
        };
        match tag {
            Tag::A => {
                if let Some(h) = &at.href {
                    attr("href", h);
                }
            }
            Tag::Img => {
                if let Some(s) = &at.src {
                    attr("src", s);
                }
                if let Some(s) = &at.alt {
                    attr("alt", s);
                }
            }
            Tag::Pre | Tag::Code => {
                if let Some(l) = &at.lang {
                    attr("data-lang", l);
                }
            }
            _ => {}
        }
        self.out.push('>');
        if matches!(tag, Tag::Img | Tag::Br | Tag::Hr) {
            return;
        }
        let in_pre = in_pre || tag == Tag::Pre;
        let in_figure = in_figure || tag == Tag::Figure || self.is_image_box(n);
        // The last heading written among the children, while nothing of
        // its section has been kept.
        let mut heading: Option<Written> = None;
        for &c in &node.children {
            let (start, kept_at) = (self.out.len(), self.kept_len);
            self.write(c, false, depth + 1, in_pre, in_figure);
            let kept = self.kept_len > kept_at && self.st[c as usize].len > 0;
            // A heading in the article's header, over its byline box,
            // heads the article, not that box.
            if matches!(a.tag(c), Tag::H(_)) && kept && kept_at >= HEADER_BEFORE_TEXT {
                heading = Some(Written {
                    node: c,
                    out: start..self.out.len(),
                    text: self.kept_len - kept_at,
                    dropped_after: 0,
                });
            } else if let Some(h) = heading.as_mut() {
                if kept {
                    heading = None;
                } else {
                    h.dropped_after += self.st[c as usize].len;
                }
            }
        }
        if let Some(h) = heading.filter(|h| h.dropped_after >= DROPPED_SECTION) {
            self.out.replace_range(h.out, " ");
            self.kept_len -= h.text;
            self.drop_node(h.node, "heading whose section was dropped".into());
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

pub(super) fn escape_html(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\0' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::html::test_support::{body, clean, page, P1, P2, P3};

    #[test]
    fn the_articles_header_keeps_its_lead() {
        let lead = "Night buses are coming back to the north. Drivers are still missing, and the unions say the pay is the reason.";
        let chart = "Ridership tends to rise in winter and fall in summer. But it is rising now, in June, because of the new lines.";
        let html = page(
            "",
            &format!(
                r#"<header class="entry-header"><h2>Buses for the north</h2><div class="entry-meta">By Ann Lee, 3 March 2026</div><div class="lead wide"><p>{lead}</p></div><div class="lead narrow"><p>{lead}</p></div></header>
<p>{P1}</p><p>{P2}</p><header class="g-header"><h3>Riders by month</h3><p>{chart}</p></header><p>{P3}</p>"#
            ),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(md.starts_with("Night buses are coming back"), "{md}");
        // What `--explain` lists as dropped is what was: the byline and the
        // lead's second copy, not the lead kept.
        let header = a
            .dropped
            .iter()
            .find(|d| d.reason.ends_with("but for its lead"))
            .expect("the header's drop is recorded");
        assert!(header.text.contains("By Ann Lee"), "{header:?}");
        assert_eq!(header.text.matches("Night buses").count(), 1, "{header:?}");
        // Printed twice, for wide and narrow screens: kept once.
        assert_eq!(md.matches("Night buses are coming back").count(), 1, "{md}");
        assert!(md.contains("night buses, which"), "{md}");
        assert!(!md.contains("Ridership"), "{md}");
        assert!(!md.contains("Ann Lee"), "{md}");
        // A template's deep indentation (a video player's empty boxes)
        // before the header is layout, not the article begun.
        let indent = "<div>\n            <div></div>\n        </div>\n".repeat(20);
        let html = page(
            "",
            &format!(
                r#"{indent}<header class="articlehead"><h1>Buses for the north</h1><p class="preface">{lead}</p></header>{indent}<p>{P1}</p><p>{P2}</p>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.starts_with("Night buses are coming back"), "{md}");
    }

    /// A site's automatic links to its topic pages are words of the
    /// sentence, whatever their class says; a credit in the text still
    /// goes.

    #[test]
    fn a_heading_goes_with_the_box_it_titles() {
        let player = "We apologize, but this video has failed to load. Try refreshing your browser, or tap here to see other videos from our team.";
        let article = |section: &str| {
            body(&clean(&page(
                "",
                &format!("<h1>Wine Guy: rosé for a sunny day</h1><p>{P1}</p><p>{P2}</p>{section}<p>{P3}</p>"),
            )))
        };
        let md = article(&format!(
            r#"<div><h2>On camera this week</h2><div class="related-video">{player}</div></div>"#
        ));
        assert!(!md.contains("On camera"), "{md}");
        assert!(md.contains("night buses, which had been cut"), "{md}");
        // An ad's label between a subheading and its text takes nothing.
        let md =
            article(r#"<div><h2>The second bottle</h2><div class="ad">Advertisement</div></div>"#);
        assert!(md.contains("The second bottle"), "{md}");
        // A heading over the byline box, above the text, heads the
        // article (here, with no other title, it is the title), not the box.
        let a = clean(&page(
            "",
            &format!(
                r#"<div><h2>Rosé for a sunny day</h2><div class="author-info">Ann Lee, wine columnist. Published June 4, 2026, updated June 5, 2026. Follow Ann on social media for more.</div></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            ),
        ));
        let md = body(&a);
        let heading = "Rosé for a sunny day";
        assert!(
            md.contains(heading) || a.title.as_deref() == Some(heading),
            "{md}"
        );
    }
}
