//! Markdown → HTML with pulldown-cmark: heading anchors, a table of contents,
//! summaries, word counts, highlighted code, safe links.
//!
//! The result is one value ([`Rendered`]) rather than side effects, so the
//! caller decides what to do with broken links and summaries.
//!
//! Site-internal URLs are written with the [`ROOT`] marker in front instead
//! of a fixed prefix: the same HTML is shown on the article page, on list
//! pages at other depths and in feeds, and each of those replaces the marker
//! with its own way to reach the site root (see [`relocate`]).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options as CmarkOptions, Parser, Tag, TagEnd,
};

use crate::config::MarkdownConfig;
use crate::content::slug::slugify_or;
use crate::highlight::Highlighter;

/// Stands for "the site root" in rendered HTML until the page it lands in is
/// known. Plain ASCII that URL escaping leaves alone, and that no one writes.
pub const ROOT: &str = "@@dossier-root@@";

/// Replaces the [`ROOT`] marker with `root` (`../../`, or an absolute base URL
/// in feeds and on the 404 page).
pub fn relocate(html: &str, root: &str) -> String {
    // Every page passes through here; memchr's SIMD search is several times
    // faster than `str::replace` on pages of ~10 KB.
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for at in memchr::memmem::find_iter(html.as_bytes(), ROOT) {
        out.push_str(&html[last..at]);
        out.push_str(root);
        last = at + ROOT.len();
    }
    out.push_str(&html[last..]);
    out
}

/// Words per minute for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A link that could not be resolved, with its 1-based line in the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    /// The part before `<!-- more -->`, else the first paragraph; without
    /// heading ids or footnote references, so it can sit on list pages.
    pub summary_html: String,
    /// True when the page has more than its summary.
    pub has_more: bool,
    pub toc: Vec<Heading>,
    pub word_count: usize,
    pub reading_time: usize,
    /// The first image's address, as written in `html` (a root-relative one
    /// carries the root marker): the picture a link preview shows.
    pub lead_image: Option<String>,
    pub broken_links: Vec<BrokenLink>,
    /// Every `@/` target with what it resolved to: the rendering stays valid
    /// for as long as these resolve the same (incremental rebuilds).
    pub link_targets: Vec<(String, Option<String>)>,
    /// Hash of everything above that pages show, so a rebuild can tell
    /// whether a page's output can change without comparing the HTML.
    pub hash: u64,
}

/// Column alignment as classes (`<td class="align-right">`) instead of the
/// inline `style="text-align: right"` pulldown-cmark writes: inline styles
/// break a strict Content-Security-Policy and html-validate's
/// `no-inline-style`; the theme's `.align-*` rules do the same. Only the
/// renderer's own tags can match (text is escaped; raw HTML, when allowed,
/// gets the same treatment harmlessly).
fn alignment_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    let mut html = html;
    for cell in ["td", "th"] {
        for align in ["left", "center", "right"] {
            html = html.replace(
                &format!("<{cell} style=\"text-align: {align}\">"),
                &format!("<{cell} class=\"align-{align}\">"),
            );
        }
    }
    html
}

/// Renders `markdown`. `resolve` maps an `@/path.md` link target (relative to
/// `content/`) to the page's output path, or `None` if there is no such page.
pub fn render(
    markdown: &str,
    config: &MarkdownConfig,
    highlighter: &Highlighter,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Rendered {
    let mut options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_FOOTNOTES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_TASKLISTS
        | CmarkOptions::ENABLE_HEADING_ATTRIBUTES;
    if config.smart_punctuation {
        options |= CmarkOptions::ENABLE_SMART_PUNCTUATION;
    }
    let lines = LineIndex::new(markdown);
    let mut state = State {
        config,
        highlighter,
        resolve,
        lines: &lines,
        events: Vec::new(),
        summary_overrides: Vec::new(),
        ids: HashSet::new(),
        next_suffix: HashMap::new(),
        footnotes: HashMap::new(),
        toc: Vec::new(),
        words: 0,
        broken_links: Vec::new(),
        link_targets: Vec::new(),
        more_at: None,
        first_paragraph: None,
        lead_image: None,
    };
    let mut parser = Parser::new_ext(markdown, options).into_offset_iter();
    let mut depth = 0usize;
    let mut paragraph_start = None;
    while let Some((event, range)) = parser.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner = collect_until_end(&mut parser, &mut state);
                state.heading(level, id, classes, attrs, inner);
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut code = String::new();
                for (e, _) in parser.by_ref() {
                    match e {
                        Event::Text(t) => code.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                state.code_block(&code, &lang);
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                depth += 1;
                let n = state.footnote_number(&label);
                state.events.push(Event::Html(
                    format!(
                        "<div class=\"footnote-definition\" id=\"fn-{n}\">\
                         <sup class=\"footnote-definition-label\">{n}</sup>"
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1);
                state.events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Table(alignments)) => {
                depth += 1;
                // A table wider than the column scrolls inside a region a
                // keyboard can reach and a screen reader can name.
                state.events.push(Event::Html(
                    "<section class=\"table-scroll\" tabindex=\"0\" aria-label=\"Table\">\n".into(),
                ));
                state.events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                depth = depth.saturating_sub(1);
                state.events.push(Event::End(TagEnd::Table));
                state.events.push(Event::Html("</section>\n".into()));
            }
            Event::Start(Tag::Paragraph) if depth == 0 => {
                depth += 1;
                paragraph_start = Some(state.events.len());
                state.events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) if depth == 1 => {
                depth -= 1;
                state.events.push(Event::End(TagEnd::Paragraph));
                if let (None, Some(start)) = (state.first_paragraph, paragraph_start) {
                    state.first_paragraph = Some((start, state.events.len()));
                }
            }
            Event::Start(tag) => {
                depth += 1;
                let tag = state.tag(tag, range.start);
                state.events.push(Event::Start(tag));
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                state.events.push(Event::End(tag));
            }
            other => state.inline(other),
        }
    }
    state.finish()
}

struct State<'a> {
    config: &'a MarkdownConfig,
    highlighter: &'a Highlighter,
    resolve: &'a dyn Fn(&str) -> Option<String>,
    lines: &'a LineIndex,
    events: Vec<Event<'a>>,
    /// (index into events, replacement) applied when rendering the summary.
    summary_overrides: Vec<(usize, Event<'a>)>,
    ids: HashSet<String>,
    /// For each heading id asked for, the suffix to try next when it is
    /// asked for again: counting up from `-1` every time made a page of
    /// many same-named headings quadratic (16,000 "Intro"s took 27 s).
    next_suffix: HashMap<String, usize>,
    footnotes: HashMap<String, usize>,
    toc: Vec<Heading>,
    words: usize,
    broken_links: Vec<BrokenLink>,
    link_targets: Vec<(String, Option<String>)>,
    more_at: Option<usize>,
    first_paragraph: Option<(usize, usize)>,
    lead_image: Option<String>,
}

/// Buffers a heading's inner events (already transformed) up to its end.
fn collect_until_end<'a>(
    parser: &mut pulldown_cmark::OffsetIter<'a>,
    state: &mut State<'a>,
) -> Vec<Event<'a>> {
    let start = state.events.len();
    for (event, range) in parser.by_ref() {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Start(tag) => {
                let tag = state.tag(tag, range.start);
                state.events.push(Event::Start(tag));
            }
            other => state.inline(other),
        }
    }
    state.events.split_off(start)
}

impl<'a> State<'a> {
    fn inline(&mut self, event: Event<'a>) {
        match event {
            Event::Text(ref t) | Event::Code(ref t) => {
                self.words += t.split_whitespace().count();
                self.events.push(event);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html),
            // Our own markup for footnotes and task boxes: pulldown-cmark's
            // uses bare numbers as ids (`id="1"`, invalid as a fragment
            // target in HTML checkers and prone to clash with headings) and
            // XHTML-style `<input ... />`.
            Event::FootnoteReference(label) => {
                let n = self.footnote_number(&label);
                // Summaries sit on list pages without the notes: no dangling link.
                self.summary_overrides
                    .push((self.events.len(), Event::Html("".into())));
                self.events.push(Event::Html(
                    format!("<sup class=\"footnote-reference\"><a href=\"#fn-{n}\">{n}</a></sup>")
                        .into(),
                ));
            }
            Event::TaskListMarker(checked) => {
                let checked = if checked { " checked" } else { "" };
                self.events.push(Event::Html(
                    format!("<input type=\"checkbox\" disabled{checked}> ").into(),
                ));
            }
            other => self.events.push(other),
        }
    }

    /// Footnotes are numbered in order of first mention, as readers expect.
    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// Comments are dropped (after noting `<!-- more -->`); other raw HTML is
    /// kept only with `unsafe_html: true`, else shown as text.
    fn raw_html(&mut self, html: CowStr<'a>) {
        let trimmed = html.trim();
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            if trimmed
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim()
                == "more"
                && self.more_at.is_none()
            {
                self.more_at = Some(self.events.len());
            }
            if self.config.unsafe_html {
                self.events.push(Event::Html(html));
            }
            return;
        }
        if self.config.unsafe_html {
            self.events.push(Event::Html(html));
        } else {
            self.events.push(Event::Text(html));
        }
    }

    /// Rewrites link and image targets: `@/page.md` to the page, `/path` to
    /// the site root (so sub-path hosting works), unsafe schemes to nothing.
    fn tag(&mut self, tag: Tag<'a>, offset: usize) -> Tag<'a> {
        match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = self.url(dest_url, offset, false);
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = self.url(dest_url, offset, true);
                if self.lead_image.is_none()
                    && !matches!(&*dest_url, "" | "#")
                    && !dest_url.starts_with("data:")
                {
                    self.lead_image = Some(dest_url.to_string());
                }
                Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            }
            other => other,
        }
    }

    fn url(&mut self, url: CowStr<'a>, offset: usize, image: bool) -> CowStr<'a> {
        if let Some(target) = url.strip_prefix("@/") {
            let (file, fragment) = target
                .split_once('#')
                .map_or((target, None), |(f, a)| (f, Some(a)));
            let resolved = (self.resolve)(file);
            self.link_targets.push((file.to_string(), resolved.clone()));
            return match resolved {
                Some(path) => {
                    let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                    format!("{ROOT}{path}{frag}").into()
                }
                None => {
                    self.broken_links.push(BrokenLink {
                        line: self.lines.line_of(offset),
                        message: format!("link to `@/{target}`: there is no page content/{file}"),
                    });
                    "#".into()
                }
            };
        }
        if let Some(rest) = url.strip_prefix('/') {
            if !rest.starts_with('/') {
                return format!("{ROOT}{rest}").into();
            }
        }
        if !self.config.unsafe_html && is_dangerous_url(&url, image) {
            return "#".into();
        }
        url
    }

    fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr<'a>>,
        classes: Vec<CowStr<'a>>,
        _attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
        inner: Vec<Event<'a>>,
    ) {
        let title: String = inner
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let base = match id {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ => slugify_or(&title, "section"),
        };
        let id = self.unique_id(base);
        let level_n = level as u8;
        let class_attr = if classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape_html(&classes.join(" ")))
        };
        let id_attr = escape_html(&id);
        self.summary_overrides.push((
            self.events.len(),
            Event::Html(format!("<h{level_n}{class_attr}>").into()),
        ));
        self.events.push(Event::Html(
            format!("<h{level_n} id=\"{id_attr}\"{class_attr}>").into(),
        ));
        self.events.extend(inner);
        self.summary_overrides.push((
            self.events.len(),
            Event::Html(format!("</h{level_n}>\n").into()),
        ));
        self.events.push(Event::Html(
            format!(" <a class=\"anchor\" href=\"#{id_attr}\" aria-label=\"Link to this section\">#</a></h{level_n}>\n").into(),
        ));
        self.toc.push(Heading {
            level: level_n,
            id,
            title: title.trim().to_string(),
        });
    }

    /// Heading ids must be unique within a page: `overview`, `overview-1`,
    /// ... and must not take ids the page already uses: the theme's
    /// `<main id="main">` (the skip link's target) and footnotes' `fn-N`.
    fn unique_id(&mut self, base: String) -> String {
        let reserved = |id: &str| {
            id == "main"
                || id
                    .strip_prefix("fn-")
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        };
        // Ids are only ever added, so every suffix below the remembered one
        // is still taken.
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(0);
        let mut id = match n {
            0 => base.clone(),
            _ => format!("{base}-{n}"),
        };
        while reserved(&id) || !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.next_suffix.insert(base, n + 1);
        id
    }

    fn code_block(&mut self, code: &str, lang: &str) {
        let lang_attr = if lang.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape_html(lang))
        };
        let body = self
            .highlighter
            .highlight(code, lang)
            .unwrap_or_else(|| escape_html(code));
        self.events.push(Event::Html(
            format!("<pre class=\"code\"{lang_attr}><code>{body}</code></pre>\n").into(),
        ));
    }

    fn finish(self) -> Rendered {
        let mut html = String::with_capacity(self.events.len() * 16);
        pulldown_cmark::html::push_html(&mut html, self.events.iter().cloned());
        let html = alignment_classes(html);

        let range = match (self.more_at, self.first_paragraph) {
            (Some(at), _) => Some((0, at)),
            (None, Some(range)) => Some(range),
            (None, None) => None,
        };
        let (summary_html, has_more) = match range {
            Some((start, end)) => {
                let overrides: std::collections::HashMap<usize, &Event> = self
                    .summary_overrides
                    .iter()
                    .map(|(i, e)| (*i, e))
                    .collect();
                let summary_events =
                    (start..end).map(|i| overrides.get(&i).map_or(&self.events[i], |e| *e).clone());
                let mut s = String::new();
                pulldown_cmark::html::push_html(&mut s, summary_events);
                let has_more = start > 0 || end < self.events.len();
                (s, has_more)
            }
            None => (String::new(), !self.events.is_empty()),
        };
        let hash = crate::fingerprint::of(&(&html, &summary_html, has_more, &self.toc, self.words));
        Rendered {
            html,
            summary_html,
            has_more,
            toc: self.toc,
            word_count: self.words,
            reading_time: self.words.div_ceil(WORDS_PER_MINUTE).max(1),
            lead_image: self.lead_image,
            broken_links: self.broken_links,
            link_targets: self.link_targets,
            hash,
        }
    }
}

/// Schemes that run code when clicked or loaded. `data:` is allowed for
/// images only (inline pictures are common; inline HTML documents are not).
fn is_dangerous_url(url: &str, image: bool) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let Some((scheme, _)) = lower.split_once(':') else {
        return false;
    };
    if scheme.contains(['/', '?', '#']) {
        return false; // a relative path with a colon later on
    }
    match scheme {
        "http" | "https" | "mailto" | "tel" | "ftp" | "ftps" | "news" | "irc" | "ircs" | "xmpp"
        | "sms" | "geo" => false,
        "data" => {
            !(image && lower.starts_with("data:image/") && !lower.starts_with("data:image/svg"))
        }
        _ => true,
    }
}

/// Minimal HTML escaping for text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Byte offset → 1-based line.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_alignment_is_a_class_not_an_inline_style() {
        let html = alignment_classes(
            "<th style=\"text-align: right\">a</th><td style=\"text-align: center\">b</td>".into(),
        );
        assert_eq!(
            html,
            "<th class=\"align-right\">a</th><td class=\"align-center\">b</td>"
        );
    }

    #[test]
    fn relocate_replaces_every_marker_and_nothing_else() {
        let html = format!("<a href=\"{ROOT}a/\">x</a>{ROOT}{ROOT}b @@dossier-root@ é");
        assert_eq!(
            relocate(&html, "../"),
            "<a href=\"../a/\">x</a>../../b @@dossier-root@ é"
        );
        assert_eq!(relocate("no marker", "../"), "no marker");
        assert_eq!(relocate("", "../"), "");
    }
    use crate::config::Highlight;
    use std::sync::OnceLock;

    fn hl() -> &'static Highlighter {
        static HL: OnceLock<Highlighter> = OnceLock::new();
        HL.get_or_init(|| Highlighter::new(&Highlight::default()).unwrap())
    }

    fn md(src: &str) -> Rendered {
        md_with(src, &MarkdownConfig::default())
    }

    fn md_with(src: &str, config: &MarkdownConfig) -> Rendered {
        let resolve =
            |p: &str| (p == "analysis/oil.md").then(|| "analysis/oil-prices/".to_string());
        render(src, config, hl(), &resolve)
    }

    #[test]
    fn headings_get_unique_ids_anchors_and_toc() {
        let r =
            md("## Overview\n\n## Overview\n\n### Deep *dive* {#custom}\n\n## Main\n\n## Fn 1\n");
        assert!(
            r.html.contains("<h2 id=\"main-1\">") && r.html.contains("<h2 id=\"fn-1-1\">"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<h2 id=\"overview\">Overview <a class=\"anchor\" href=\"#overview\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"overview-1\">"));
        assert!(r.html.contains("<h3 id=\"custom\">Deep <em>dive</em>"));
        let ids: Vec<_> = r
            .toc
            .iter()
            .map(|h| (h.level, h.id.as_str(), h.title.as_str()))
            .collect();
        assert_eq!(
            ids,
            vec![
                (2, "overview", "Overview"),
                (2, "overview-1", "Overview"),
                (3, "custom", "Deep dive"),
                (2, "main-1", "Main"),
                (2, "fn-1-1", "Fn 1"),
            ]
        );
    }

    #[test]
    fn repeated_headings_count_on_past_ids_already_taken() {
        let r = md("## A\n\n## A\n\n## A 1\n\n## A\n\n## A-2 {#a-3}\n\n## A\n\n## A\n");
        let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-1-1", "a-2", "a-3", "a-4", "a-5"]);
    }

    #[test]
    fn extensions_are_enabled() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: note\n\n- [x] done\n\n\"quoted\" -- dash\n");
        assert!(r.html.contains("<table>"));
        // In a scrolling region a keyboard can focus (axe: scrollable-region-focusable).
        assert!(r.html.contains(
            "<section class=\"table-scroll\" tabindex=\"0\" aria-label=\"Table\">\n<table>"
        ));
        assert!(r.html.contains("</table>\n</section>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(
            r.html
                .contains("<div class=\"footnote-definition\" id=\"fn-1\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<a href=\"#fn-1\">1</a>"));
        assert!(
            r.html
                .contains("<input type=\"checkbox\" disabled checked>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("“quoted” – dash"), "{}", r.html);
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let src = "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>\n";
        let r = md(src);
        assert!(
            !r.html.contains("<script>") && !r.html.contains("<img"),
            "{}",
            r.html
        );
        assert!(r.html.contains("&lt;script&gt;"));
        let unsafe_cfg = MarkdownConfig {
            unsafe_html: true,
            ..Default::default()
        };
        assert!(md_with(src, &unsafe_cfg).html.contains("<script>"));
    }

    #[test]
    fn dangerous_link_schemes_are_removed() {
        let r = md(
            "[a](javascript:alert(1)) [b](JaVaScRiPt&#58;x) [c](https://ok.example/) ![d](data:text/html,x)",
        );
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(!r.html.contains("data:text"), "{}", r.html);
        assert!(r.html.contains("href=\"https://ok.example/\""));
        assert!(is_dangerous_url(" vbscript:x", false));
        assert!(!is_dangerous_url("notes/a:b.html", false));
        assert!(!is_dangerous_url("data:image/png;base64,AAA", true));
    }

    #[test]
    fn internal_links_resolve_or_report_their_line() {
        let r = md("See [oil](@/analysis/oil.md#supply).\n\nAnd [gone](@/missing.md).\n");
        assert!(
            r.html
                .contains(&format!("href=\"{ROOT}analysis/oil-prices/#supply\"")),
            "{}",
            r.html
        );
        assert_eq!(r.broken_links.len(), 1);
        assert_eq!(r.broken_links[0].line, 3);
        assert_eq!(
            r.link_targets,
            vec![
                (
                    "analysis/oil.md".to_string(),
                    Some("analysis/oil-prices/".to_string())
                ),
                ("missing.md".to_string(), None)
            ]
        );
        assert!(r.broken_links[0].message.contains("missing.md"));
    }

    #[test]
    fn root_relative_links_are_relocatable() {
        let r = md("[tags](/tags/) [ext](//cdn.example/x)");
        let html = relocate(&r.html, "../../");
        assert!(html.contains("href=\"../../tags/\""), "{html}");
        assert!(html.contains("href=\"//cdn.example/x\""));
    }

    #[test]
    fn code_is_highlighted_or_escaped_and_lang_is_escaped() {
        let r = md("```rust\nlet x = 1;\n```\n\n```\"><script>\n<b>\n```\n");
        assert!(
            r.html
                .contains("<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("data-lang=\"&quot;&gt;&lt;script&gt;\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("&lt;b&gt;"));
        assert!(!r.html.contains("<script>"));
    }

    #[test]
    fn summary_is_first_paragraph_or_more_marker() {
        let r = md("First para[^n].\n\nSecond.\n\n[^n]: note\n");
        assert_eq!(r.summary_html, "<p>First para.</p>\n");
        assert!(r.has_more);
        let r = md("## Intro\n\nOne.\n\nTwo.\n\n<!-- more -->\n\nThree.\n");
        assert!(
            r.summary_html.contains("<h2>Intro</h2>"),
            "{}",
            r.summary_html
        );
        assert!(r.summary_html.contains("Two.") && !r.summary_html.contains("Three"));
        assert!(
            !r.html.contains("more"),
            "marker comment must not leak: {}",
            r.html
        );
        let r = md("Only one.\n");
        assert!(!r.has_more);
    }

    #[test]
    fn word_count_and_reading_time() {
        let r = md(&"word ".repeat(450));
        assert_eq!(r.word_count, 450);
        assert_eq!(r.reading_time, 3);
        assert_eq!(md("").reading_time, 1);
    }
}
