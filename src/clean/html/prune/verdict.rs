//! Step 2 of pruning: why one element of the selection is boilerplate,
//! if it is: its tag (`<nav>`, `<aside>`, a caption), a consent or form
//! box, another story's teaser card, a class that says so (unless the page
//! puts it on its text, `evidence.rs`), or, when the attempt cleans
//! conditionally, link density, more images or list items than paragraphs.
//! Text holding more than half of the selection is never dropped here.

use super::super::arena::Tag;
use super::super::caption::MAX_CAPTION;
use super::super::headline::says_kicker;
use super::super::hints::{boiler_class_except, class_weight_except};
use super::super::stats::link_density;
use super::evidence::{says_caption, says_paywall};
use super::Serializer;

/// Good text that makes a block with more images than paragraphs more
/// than a gallery or a share bar: a paragraph of prose (KATAPULT's one
/// paragraph sits between its share icons and ten "download the graphic"
/// buttons). Such a block is kept, and its parts are judged one by one.
const GALLERY_PROSE: u32 = 100;

/// Text (characters) of a kicker at most: a topic line of a few words
/// ("Nach Corona-Lockerungen"), not a deck.
const MAX_KICKER: u32 = 60;

/// Text (characters) of a box that may be a form's box: a heading, a
/// line of text and the form; more is an article that holds a form.
const FORM_BOX: u32 = 400;

/// Text (characters) beside the form in a form's box: its heading and a
/// label or two.
const FORM_BOX_TEXT: u32 = 80;

/// Text (characters) of a box of form controls with no `<form>`: a poll's
/// question, a sign-in popup's heading and links.
const CONTROLS_BOX_TEXT: u32 = 200;

impl Serializer<'_> {
    /// Whether element `n` holds a form and little text beside it: the
    /// form's heading and labels ("Sign In or Create an Account", "or"),
    /// which stay when only the form itself is dropped.
    fn is_form_box(&self, n: u32) -> bool {
        let s = &self.st[n as usize];
        let len = s.len;
        if !s.holds_form {
            // The controls alone: a poll's radio buttons under its
            // question, a popup's name and password fields.
            return s.controls >= 2 && len <= CONTROLS_BOX_TEXT;
        }
        let a = self.a;
        let forms = a.outermost(&[n], |i| i != n && a.tag(i) == Tag::Form);
        let in_forms: u32 = forms.iter().map(|&f| self.st[f as usize].len).sum();
        !forms.is_empty() && len - in_forms <= FORM_BOX_TEXT
    }

    /// Whether inline element `n` is words of a sentence: no block inside,
    /// and text of its own block beside it. A class word of [`LINKING`](super::evidence::LINKING)
    /// on it names what the words link to ("auto-tag_donna-kelce", a
    /// site's automatic links to its topic pages; a glossary's popup),
    /// not boilerplate: dropping it would leave "has praised ‘s new
    /// album".
    fn in_running_text(&self, n: u32) -> bool {
        let a = self.a;
        if a.tag(n).is_block() || self.st[n as usize].has_block {
            return false;
        }
        a.node(a.node(n).parent)
            .children
            .iter()
            .any(|&c| a.tag(c) == Tag::Text && a.node(c).text.chars().any(char::is_alphanumeric))
    }

    /// Whether `n` (in a figure of a gallery) is all the text of a heading
    /// inside it: the slide's title, which links to the slide's own page
    /// and so reads as a link block.
    fn is_slide_title(&self, n: u32) -> bool {
        let len = self.st[n as usize].len;
        len > 0
            && (n..self.a.subtree_end(n) as u32)
                .any(|i| matches!(self.a.tag(i), Tag::H(_)) && self.st[i as usize].len == len)
    }

    /// Whether `n` is the box of an image and its caption: a `<figure>`,
    /// or an element classed as a caption (WordPress's `wp-caption`) that
    /// holds an image and no more text than two captions. Its image is
    /// the article's; its text is the caption.
    pub(super) fn is_image_box(&self, n: u32) -> bool {
        let node = self.a.node(n);
        let s = &self.st[n as usize];
        s.imgs > 0
            && (node.tag == Tag::Figure
                || node.attrs.is_some() && says_caption(node.attrs()) && s.len <= 2 * MAX_CAPTION)
    }

    /// [`Self::is_image_box`] holding one image and what can only be its
    /// caption, a sentence or two: not a gallery, nor a box of teasers
    /// classed so (those the teaser rules judge).
    fn is_captioned_image(&self, n: u32) -> bool {
        let s = &self.st[n as usize];
        self.is_image_box(n) && s.imgs == 1 && s.len <= MAX_CAPTION
    }

    /// The paragraph's text is a URL (a source the author cites).
    fn is_bare_url(&self, n: u32) -> bool {
        let t = self.a.text(n);
        let t = t.trim();
        !t.contains(' ') && (t.starts_with("http") || t.starts_with("www."))
    }

    /// Why element `n` (not a root) is boilerplate, if it is.
    pub(super) fn verdict(&self, n: u32, in_figure: bool) -> Option<String> {
        let node = self.a.node(n);
        let s = &self.st[n as usize];
        let protected = self.good_total > 0 && s.good * 2 > self.good_total;
        match node.tag {
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header | Tag::Form if !protected => {
                return Some(format!("`<{}>` element", tag_label(node.tag)));
            }
            // A form that asks for input after the text has begun is a
            // comment or contact form under it, even where it holds most
            // of the paragraphs: under a story of three lines of dialogue,
            // a blog's comment form ("You are commenting using your
            // Facebook account. ( Log Out / Change )", once per service)
            // outweighs the text. A form around the whole page (ASP.NET's,
            // a 2007 database query's) comes before any of it, or holds
            // its headline or `<main>`.
            Tag::Form if s.controls > 0 && !s.holds_page && self.kept_words_len > 0 => {
                return Some("a form asking for input (a comment or contact form)".into());
            }
            Tag::Figcaption if self.gallery => return None,
            Tag::Figcaption => {
                return Some("image caption".into());
            }
            // Text beside the image in its box, not marked as its caption
            // ("<div class=wp-caption><img><p>Photo: AFP</p></div>"): all
            // of it in a box its class calls a caption, a sentence or two
            // in a `<figure>`.
            _ if in_figure && !self.gallery && s.imgs == 0 && s.len > 0 => {
                let boxed = self
                    .a
                    .ancestors(n)
                    .skip(1)
                    .take(4)
                    .find(|&p| self.is_image_box(p));
                let caption =
                    boxed.is_some_and(|p| self.a.tag(p) != Tag::Figure || s.len <= MAX_CAPTION);
                if caption {
                    return Some("image caption".into());
                }
            }
            _ if self.gallery && in_figure && self.is_slide_title(n) => return None,
            // The topic line a template sets over the headline, outside
            // it ("<div class=article__kicker>Política</div><h1>…"): a
            // label of the page's header, before any of the text.
            _ if node.attrs.is_some()
                && s.len <= MAX_KICKER
                && s.imgs == 0
                && self.kept_words_len < super::HEADER_BEFORE_TEXT
                && says_kicker(node.attrs()) =>
            {
                return Some("the headline's kicker".into());
            }
            _ if super::super::caption::is_loose_caption(self.a, self.st, n) => {
                return Some("caption beside its image".into());
            }
            _ => {}
        }
        if !protected
            && s.len <= super::super::consent::BOX_LEN
            && matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::P | Tag::Figure | Tag::OtherBlock | Tag::Ul
            )
            && super::super::consent::links_privacy_page(self.a, n, self.site.as_deref())
        {
            return Some(
                "a consent, sign-up or cookie box (it links the site's privacy policy)".into(),
            );
        }
        if !protected
            && s.len <= FORM_BOX
            && matches!(node.tag, Tag::Div | Tag::Section | Tag::OtherBlock)
            && self.is_form_box(n)
        {
            return Some("a form's box (a sign-in, sign-up or comment form)".into());
        }
        if !protected
            && !self.listing
            && matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::Article | Tag::OtherBlock | Tag::Li
            )
            && super::super::teaser::is_teaser_card(self.a, self.st, n)
        {
            return Some("another story's teaser (a box whose headline links elsewhere)".into());
        }
        // An `<article>` holding prose is the story, whatever its class
        // says of it ("node-full paywall-on": a paywalled story whose text
        // the page still carries).
        let story = node.tag == Tag::Article && s.good >= 500;
        // A paragraph of prose classed `paywall` is gated text, however
        // little of it there is; a prompt is a line or a box.
        let gated = node.tag == Tag::P && !s.has_block && s.good > 0 && says_paywall(node.attrs());
        // The retries that stop weighing classes (for an article whose own
        // box is classed like boilerplate) still drop a classed box that
        // is mostly links: a share bar or a list of related posts is never
        // the article's box, and under a short post it would otherwise
        // make the retry look like the one that found more text.
        let weigh = self.flags.weight_classes || link_density(s) > 0.5;
        // A captioned image's box (`wp-caption`): the image is the
        // article's, and the caption inside goes on its own.
        if !protected
            && !story
            && !gated
            && !self.is_captioned_image(n)
            && weigh
            && node.tag != Tag::Blockquote
        {
            if let Some(r) = boiler_class_except(node.attrs(), &self.structural) {
                // Words of a sentence keep the words that name what they
                // link to; a credit, a byline or a footnote mark still goes.
                let linking = self.in_running_text(n)
                    && boiler_class_except(node.attrs(), &self.structural_and_linking).is_none();
                // A subheading of the prose under it stays, whatever its class.
                if !linking && !super::super::subhead::heads_prose(self.a, self.st, n) {
                    return Some(r);
                }
            }
        }
        if !self.flags.clean_conditionally || protected {
            return None;
        }
        if self
            .ingredients
            .is_some_and(|i| i.listed_in(self.a, self.st, n))
        {
            return None;
        }
        let ld = link_density(s);
        let is_list = matches!(node.tag, Tag::Ul | Tag::Ol);
        match node.tag {
            Tag::P | Tag::Dd | Tag::Dt
                if s.len > 0
                    && (ld > 0.6 && s.len < 400 || ld > 0.85)
                    && !self.is_bare_url(n)
                    && !super::super::sentence::is_linked_sentence(self.a, self.st, n) =>
            {
                return Some(format!(
                    "link-dense {} ({:.0}% link text)",
                    tag_label(node.tag),
                    ld * 100.0
                ));
            }
            Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::OtherBlock
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Table
            | Tag::Figure
            | Tag::Inline
                if node.tag != Tag::Inline || s.has_block =>
            {
                let weight = class_weight_except(node.attrs(), &self.structural);
                if weight < 0.0 && s.good < 100 {
                    let at = node.attrs();
                    let c = if at.class.is_empty() {
                        &at.id
                    } else {
                        &at.class
                    };
                    return Some(format!(
                        "class `{}`",
                        c.chars().take(60).collect::<String>()
                    ));
                }
                if s.commas >= 10 {
                    return None;
                }
                let paras = s.paras as f32;
                let imgs = s.imgs as f32;
                let lis = s.lis as f32 - 100.0;
                // Both link rules below spare a sentence carrying a link;
                // its subtree is walked once for them.
                let linked_sentence =
                    ld > 0.2 && super::super::sentence::is_linked_sentence(self.a, self.st, n);
                if s.len > 0 && ld > 0.5 && !linked_sentence {
                    return Some(format!(
                        "link-dense {} ({:.0}% link text)",
                        if is_list { "list" } else { "block" },
                        ld * 100.0
                    ));
                }
                if imgs > 1.0
                    && paras / imgs < 0.5
                    && !in_figure
                    && node.tag != Tag::Figure
                    && s.good < GALLERY_PROSE
                {
                    return Some("more images than paragraphs".into());
                }
                if !is_list && lis > paras {
                    return Some("more list items than paragraphs".into());
                }
                if !is_list && weight < 25.0 && ld > 0.2 && s.good == 0 && !linked_sentence {
                    return Some(format!(
                        "links without prose ({:.0}% link text)",
                        ld * 100.0
                    ));
                }
                if !is_list && s.len < 25 && s.len > 0 && (s.imgs == 0 || s.imgs > 2) && ld > 0.0 {
                    return Some("short link block".into());
                }
            }
            _ => {}
        }
        None
    }
}

fn tag_label(t: Tag) -> &'static str {
    match t {
        Tag::Nav => "nav",
        Tag::Aside => "aside",
        Tag::Footer => "footer",
        Tag::Header => "header",
        Tag::Form => "form",
        Tag::P => "paragraph",
        Tag::H(_) => "heading",
        Tag::Dd | Tag::Dt => "definition",
        _ => "block",
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::html::test_support::{body, clean, page, FREE_OPENING, P1, P2, P3};

    #[test]
    fn a_kicker_over_the_headline_goes_and_one_in_the_text_stays() {
        let art = format!(
            r#"<div class="article__header"><div class="article__kicker">Política</div><h1>Night buses return</h1></div><p>{P1}</p><p>{P2}</p><div class="kicker-box">A word from the editor</div><p>{P3}</p>"#
        );
        let md = body(&clean(&page("<title>Night buses return</title>", &art)));
        assert!(!md.contains("Política"), "{md}");
        assert!(md.contains("A word from the editor"), "{md}");
        assert!(md.contains("night buses"), "{md}");
    }

    #[test]
    fn a_block_with_more_images_than_paragraphs_keeps_its_prose() {
        let icon = |n: u32| {
            format!(r#"<a href="https://share.example/{n}"><img src="/i/{n}.png" alt=""></a>"#)
        };
        let icons: String = (0..6).map(icon).collect();
        let art = format!(
            r#"<h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="c">{icons}<div>Said one reader: {P1}</div>{icons}</div>"#
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(md.contains("Said one reader"), "{md}");
        // A gallery with short labels is still not article text.
        let pic =
            |n: u32| format!(r#"<div><img src="/g/{n}.jpg" alt=""><span>Photo {n}</span></div>"#);
        let gallery: String = (0..6).map(pic).collect();
        let art = format!(
            r#"<h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="c">{gallery}</div>"#
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(!md.contains("Photo 3"), "{md}");
    }

    #[test]
    fn a_story_marked_paywalled_keeps_its_text() {
        // The whole story sits in an `<article class="… paywall-on">`
        // beside a long "most read" panel: its class does not make it a
        // paywall prompt.
        let most_read: String = (0..6)
            .map(|i| format!("<p>Most read, number {i}: a teaser, long enough, with commas, to count, as a paragraph, of its own text, in the panel.</p>"))
            .collect();
        let html = format!(
            r#"<html><body><main><div class="panels"><div class="region">{most_read}</div><article class="node node-full paywall-on"><h1>Buses for the north</h1><div class="body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article><div class="region">{most_read}</div></div></main></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.contains("The city council voted"), "{md}");
        // A real paywall prompt still goes.
        let html = page(
            "",
            &format!(
                r#"<p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="paywall"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        assert!(!body(&clean(&html)).contains("Subscribe"));
    }

    #[test]
    fn a_paragraph_of_prose_behind_a_paywall_is_kept_even_hidden_from_screen_readers() {
        // Two gated paragraphs after a long free opening, hidden from
        // screen readers until unlocked; a hidden prompt box still goes.
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                r#"<h1>Buses for the north</h1><p>{P1}</p><p>{FREE_OPENING}</p><p>{P2}</p><p class="paywall" aria-hidden="true">{P3}</p><div class="paywall" aria-hidden="true"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains(&P3[..40]), "{md}");
        assert!(!md.contains("Subscribe"), "{md}");
    }

    #[test]
    fn a_box_linking_the_sites_privacy_policy_is_a_consent_box() {
        let consent = r#"<div class="box do-display-embed"><div class="h3">Recommended content</div><p>Here you find external content from YouTube that adds to the article. You can show and hide it with one click.</p><label>Allow YouTube content</label><p class="info">I agree that content from YouTube is shown to me. Personal data may be passed to third parties. More in our <a href="/privacy/">privacy policy</a>.</p></div>"#;
        // A story may cite another site's policy.
        let cites = r#"<div class="aside-note"><p>The company changed its <a href="https://www.facebook.com/privacy/policy/">privacy policy</a> in May, after the regulator's ruling.</p></div>"#;
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                "<h1>Buses for the north</h1><p>{P1}</p>{consent}<p>{P2}</p>{cites}<p>{P3}</p>"
            ),
        );
        let md = body(&clean(&html));
        assert!(
            !md.contains("YouTube") && !md.contains("Recommended"),
            "{md}"
        );
        assert!(md.contains("changed its") && md.contains(&P2[..40]), "{md}");
    }

    #[test]
    fn a_class_hiding_part_of_an_element_does_not_hide_it() {
        // Drupal classes every body field `field-label-hidden` (its label
        // is hidden), Bootstrap `hidden-xs` (hidden on phones only); a
        // class `hidden` hides the element itself.
        let html = page(
            "",
            &format!(
                r#"<div class="field field-name-body field-type-text-with-summary field-label-hidden"><p>{P1}</p><p>{P2}</p></div>
<div class="hidden-xs"><p>{P3}</p></div><div class="hidden"><p>Sign up now for our daily newsletter, the best of the week in your inbox.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains("The city council voted"), "{md}");
        assert!(md.contains(&P3[..40]), "{md}");
        assert!(!md.contains("Sign up now"), "{md}");
    }

    #[test]
    fn links_to_topic_pages_inside_a_sentence_keep_their_words() {
        let html = page(
            "",
            &format!(
                r#"<p><a id="auto-tag_donna-kelce" href="https://example.com/t/donna-kelce/">Donna Kelce</a> has praised <a class="tag-link" href="https://example.com/t/taylor-swift/">Taylor Swift</a>’s new album, and the <span class="meta-org">Kansas City Chiefs</span> cheered. <span class="credit">Photo: Ann Lee</span></p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains("[Donna Kelce](https://example.com/t/donna-kelce/) has praised [Taylor Swift](https://example.com/t/taylor-swift/)’s new album"), "{md}");
        assert!(md.contains("the Kansas City Chiefs cheered"), "{md}");
        assert!(!md.contains("Photo: Ann Lee"), "{md}");
    }

    #[test]
    fn drops_share_bars_related_links_and_newsletter_prompts() {
        let html = page(
            "",
            &format!(
                r#"<div class="share-bar"><a href="https://facebook.com/share">Facebook</a> <a href="https://twitter.com/share">Twitter</a> <a href="mailto:?">Email</a></div>
<p>{P1}</p><p>{P2}</p>
<div class="related-articles"><h2>Related articles</h2><ul><li><a href="/x">Council approves new budget for the coming year</a></li><li><a href="/y">Night buses cut after driver shortage</a></li></ul></div>
<p>{P3}</p>
<div class="newsletter-signup"><p>Get our free morning briefing in your inbox every day.</p><a href="/subscribe">Subscribe</a></div>"#
            ),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(md.contains("night buses, which had been cut"), "{md}");
        for junk in [
            "Facebook",
            "Related articles",
            "approves new budget",
            "morning briefing",
            "Subscribe",
        ] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
        assert!(
            a.dropped.iter().any(|d| d.reason.contains("share")),
            "{:?}",
            a.dropped
        );
        assert!(
            a.dropped
                .iter()
                .any(|d| d.text.contains("approves new budget")),
            "{:?}",
            a.dropped
        );
    }

    #[test]
    fn a_short_posts_share_bar_goes_in_every_retry() {
        // A short post: too little text, so the selection retries without
        // weighing classes, and the retry keeps more (the widget's
        // sentence). The share bar, a classed box of links, still goes.
        let html = page(
            "<title>Die Möglichkeit</title>",
            r#"<h1>Die Möglichkeit</h1><div class="entry"><p>– „Ich sage es dir nicht, weil du es ohnehin schon weißt und weil es nichts ändern würde.“</p><p>– „Dann sag es nicht, und lass uns einfach hier sitzen bleiben, bis der Regen aufhört.“</p><p>– „Ok.“</p><div class="widget"><p>Geschrieben an einem Abend im Juni.</p></div><div class="sharedaddy sd-sharing"><h3 class="sd-title">Teilen Sie dies mit:</h3><ul><li class="share-twitter"><a href="/p/?share=twitter">Twitter</a></li><li class="share-facebook"><a href="/p/?share=facebook">Facebook</a></li></ul></div></div>"#,
        );
        let md = body(&clean(&html));
        assert!(md.contains("Geschrieben an einem Abend"), "{md}");
        assert!(!md.contains("Twitter"), "{md}");
        assert!(!md.contains("Teilen Sie"), "{md}");
    }

    #[test]
    fn a_captioned_images_box_keeps_the_image_and_drops_the_caption() {
        // WordPress's box around every captioned image, a caption that is
        // no `<figcaption>` in a `<figure>`, and a teaser classed as a
        // caption (it links elsewhere).
        let html = page(
            "<title>Night buses return</title>",
            &format!(
                r#"<h1>Night buses return</h1><div class="entry"><p>{P1}</p><div class="wp-caption alignleft"><img src="https://example.com/bus.jpg" alt="A night bus"><p class="wp-caption-text">The N7 at Central Station. Photo: Ann Lee</p></div><p>{P2}</p><figure><img src="https://example.com/depot.jpg" alt="The depot"><div>Foto: Bo Chan</div></figure><p>{P3}</p><div class="teaser-caption"><img src="https://example.com/other.jpg" alt=""><h3><a href="/other">Trams return to the old town</a></h3></div></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains("https://example.com/bus.jpg"), "{md}");
        assert!(md.contains("https://example.com/depot.jpg"), "{md}");
        for junk in ["Central Station", "Bo Chan", "other.jpg", "Trams return"] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
        assert!(md.contains(&P3[..40]), "{md}");
    }

    #[test]
    fn a_forms_heading_and_labels_go_with_it() {
        let article = |box_html: &str| {
            body(&clean(&page(
                "",
                &format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p>{box_html}<p>{P3}</p>"),
            )))
        };
        let md = article(
            r#"<div class="identity-screen"><h2 class="blocker-title">Sign In or Create an Account</h2><form method="post"><label>Email Address</label><input type="email" name="email"><button>Continue</button></form><div class="divider"><span>or</span></div></div>"#,
        );
        assert!(!md.contains("Sign In") && !md.contains("\n\nor\n"), "{md}");
        // A box with a paragraph of its own beside the form is more.
        let md = article(&format!(
            r#"<div class="identity-screen"><h2>Where the lines run</h2><p>{P1}</p><form><input name="q"></form></div>"#
        ));
        assert!(md.contains("## Where the lines run"), "{md}");
        // No `<form>` at all: a poll's radio buttons under its question, a
        // sign-in popup's fields.
        for controls in [
            r#"<div class="poll"><p>Should the night buses run every night of the week?</p><label><input type="radio" name="p">Yes</label><label><input type="radio" name="p">No</label></div>"#,
            r#"<div class="login-popup"><h3>Welcome! Log into your account</h3><input type="text" placeholder="your username"><input type="password"><a href="/lost">Forgot your password?</a></div>"#,
        ] {
            let md = article(controls);
            assert!(
                !md.contains("night buses run every") && !md.contains("Welcome!"),
                "{md}"
            );
        }
        // A recipe's ingredients ticked off by checkboxes are its text.
        let md = article(
            r#"<div class="ingredients"><h3>Ingredients</h3><div><input type="checkbox"> 400 g flour</div><div><input type="checkbox"> 2 eggs</div></div>"#,
        );
        assert!(md.contains("400 g flour"), "{md}");
    }

    #[test]
    fn drops_link_dense_blocks_inside_the_article() {
        let links: String = (0..8)
            .map(|i| format!("<a href=\"/story/{i}\">Headline number {i} about other things</a> "))
            .collect();
        let html = page(
            "",
            &format!("<p>{P1}</p><div>{links}</div><p>{P2}</p><ul><li><a href=\"/1\">One link</a></li><li><a href=\"/2\">Two link</a></li><li><a href=\"/3\">Three link</a></li></ul><p>{P3}</p>"),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(!md.contains("Headline number"), "{md}");
        assert!(!md.contains("Two link"), "{md}");
        assert!(
            a.dropped.iter().any(|d| d.reason.contains("link")),
            "{:?}",
            a.dropped
        );
        assert_eq!(a.blocks.len(), 3, "{md}");
    }

    #[test]
    fn a_comment_form_under_a_short_story_goes_though_it_outweighs_the_story() {
        let account = |service: &str| {
            format!("<p>You are commenting using your {service} account. ( Log Out / <a href=\"#\">Change</a> )</p>")
        };
        let accounts: String = ["WordPress.com", "Google", "Twitter", "Facebook"]
            .iter()
            .map(|s| account(s))
            .collect();
        let art = format!(
            r#"<h1>Doing nothing is an option too</h1><p>“I know I'm drunk and shouldn't say this…”</p><p>“Then don't.”</p><p>“OK.”</p><div id="respond"><h3>Leave a Reply</h3><form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea><p>Fill in your details below or click an icon to log in, and join the conversation:</p>{accounts}</form></div>"#
        );
        let md = body(&clean(&page("<title>Doing nothing</title>", &art)));
        assert!(md.contains("Then don't"), "{md}");
        assert!(!md.contains("commenting using"), "{md}");
        // A form around the whole page (a 2007 database query's), its
        // search box first, is the page.
        let html = format!(
            r#"<html><body><table><tr><td><a href="/">Home</a> <a href="/golf">Golf</a></td></tr><tr><td><div class="main"><form action="/db.asp" method="post"><select name="area"><option>All</option></select><table><tr><td>{P1}</td></tr><tr><td>{P2}</td></tr><tr><td>{P3}</td></tr></table></form></div></td></tr></table></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.contains(&P2[..40]), "{md}");
    }
}
