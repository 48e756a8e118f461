//! Captions set beside their image without `<figcaption>`.
//!
//! Many templates and hand-written pages caption a photo with a plain
//! inline element after it: `<div><img><span>Abbildung: …</span></div>`,
//! `<p><img><br><em>Figure 4: …</em></p>`. The blocks keep no image inside
//! a paragraph that has text, so such a caption would stand alone in the
//! article, a line about a picture the reader never sees; a
//! `<figcaption>` is dropped for the same reason, unless the captions are
//! the article ([`captions_are_text`]).

use super::arena::{Arena, Tag};
use super::stats::Stat;

/// Longest caption: a sentence or two. Longer text after an image is the
/// article's own paragraph that happens to follow it.
pub(super) const MAX_CAPTION: u32 = 300;

/// Is `n` the caption of the image just before it: an inline element
/// holding all the rest of its parent's text, with only images (and line
/// breaks) before it?
pub(super) fn is_loose_caption(a: &Arena, st: &[Stat], n: u32) -> bool {
    let node = a.node(n);
    let s = &st[n as usize];
    if !matches!(
        node.tag,
        Tag::Inline | Tag::Em | Tag::Strong | Tag::Sub | Tag::Sup
    ) || s.len == 0
        || s.len > MAX_CAPTION
        || s.has_block
        || s.imgs > 0
        || s.link * 2 > s.len
    {
        return false;
    }
    let parent = a.node(node.parent);
    if !matches!(parent.tag, Tag::P | Tag::Div | Tag::Figure | Tag::Section) {
        return false;
    }
    // The images before it may be several: a placeholder shown until the
    // photo loads, then the photo (BBC's `<img><img><span>Getty</span>`).
    // Read from the end, so that a paragraph of many inline elements stops
    // at its last one (each of them is asked).
    let mut parts = parent
        .children
        .iter()
        .rev()
        .copied()
        .filter(|&c| a.tag(c) != Tag::Br && !a.blank(c));
    if parts.next() != Some(n) {
        return false;
    }
    let mut images = parts.map(|i| is_image(a, st, i));
    images.next() == Some(true) && images.all(|image| image)
}

/// Is block `n` an image's caption set as a paragraph of its own: no
/// longer than a caption, right after an image among its siblings
/// (`<div class="image"><img><p>In this file photo, …</p></div>`)?
pub(super) fn follows_image(a: &Arena, st: &[Stat], n: u32) -> bool {
    if st[n as usize].len > MAX_CAPTION {
        return false;
    }
    let siblings = &a.node(a.node(n).parent).children;
    let at = a.sibling_index(n).unwrap_or(0);
    let before = siblings[..at].iter().rev().find(|&&c| !a.blank(c));
    before.is_some_and(|&b| is_image(a, st, b))
}

/// A caption of at least a sentence: shorter ones are a credit or a label
/// ("Photo: AP", "Getty Images").
const SENTENCE_CAPTION: u32 = 80;

/// Fewest such captions that make a gallery: one or two long captions are
/// a news photo's.
const GALLERY_CAPTIONS: usize = 3;

/// Is the selection a gallery told in its captions: three or more
/// `<figcaption>`s of a sentence or more, holding more than half of its
/// text? A listicle of slides ("1. Sabrina Spellman …" over a photo and
/// two paragraphs of "What you need") or a photo essay is read in its
/// captions; dropping them, as on a news page, leaves only the intro.
pub(super) fn captions_are_text(a: &Arena, st: &[Stat], roots: &[u32]) -> bool {
    let total: u32 = roots.iter().map(|&r| st[r as usize].len).sum();
    let captions: Vec<u32> = a
        .outermost(roots, |i| a.tag(i) == Tag::Figcaption)
        .into_iter()
        .map(|i| st[i as usize].len)
        .filter(|&len| len >= SENTENCE_CAPTION)
        .collect();
    captions.len() >= GALLERY_CAPTIONS && captions.iter().sum::<u32>() * 2 > total
}

/// An image above what follows, bare or inside a link or wrapper with no
/// text of its own. A spacer, a tracking pixel or an icon is not one, nor
/// an image floated left or right: the text beside it flows around it, as
/// a paragraph's does.
fn is_image(a: &Arena, st: &[Stat], n: u32) -> bool {
    let node = a.node(n);
    match node.tag {
        Tag::Img => {
            let at = node.attrs();
            !at.tiny && !at.icon && !at.floated
        }
        Tag::A | Tag::Inline => {
            st[n as usize].imgs == 1
                && st[n as usize].len == 0
                && node.children.iter().all(|&c| is_image(a, st, c))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    fn article(between: &str) -> String {
        let art = format!("<h1>Night buses return</h1><p>{P1}</p>{between}<p>{P2}</p><p>{P3}</p>");
        body(&clean(&page("<title>Night buses return</title>", &art)))
    }

    #[test]
    fn a_caption_beside_its_image_goes_with_the_image() {
        for between in [
            r#"<div class="imginline"><img src="/i/map.png"><span>Figure: the new lines on the map of the northern suburbs.</span></div>"#,
            r#"<p><img src="/i/bus.jpg"><br><em><sub>Figure 4: the new bus at the depot.</sub></em></p>"#,
            r#"<p><a href="/i/bus.jpg"><img src="/i/bus.jpg"></a><span>The new bus at the depot.</span></p>"#,
            // A placeholder before the photo, and the agency's credit.
            r#"<figure><div><img src="/i/grey.png"><img src="/i/bus.jpg"><span>Figure: the depot</span></div></figure>"#,
        ] {
            let b = article(between);
            assert!(
                !b.contains("Figure") && !b.contains("depot."),
                "{between}\n{b}"
            );
            assert!(b.contains("night buses"), "{b}");
        }
    }

    #[test]
    fn text_beside_a_floated_image_or_an_icon_is_the_articles() {
        for between in [
            // Text flowing around a floated photo.
            r#"<p><img src="/i/bus.jpg" align="left"><font>The drivers' union said the plan was welcome news.</font></p>"#,
            r#"<p><img src="/i/bus.jpg" style="float: right"><span>The drivers' union said the plan was welcome news.</span></p>"#,
            // A bullet icon before a heading-like line.
            r#"<p><img src="/i/fish.gif" width="38" height="15"><b>The drivers' union said the plan was welcome news.</b></p>"#,
            // Loose text beside the image is a paragraph, not a caption.
            r#"<p><img src="/i/bus.jpg"><em>Drivers</em> said the plan was welcome news.</p>"#,
        ] {
            let b = article(between);
            assert!(b.contains("welcome news"), "{between}\n{b}");
        }
    }

    #[test]
    fn a_gallery_told_in_its_captions_keeps_them_and_its_slide_titles() {
        let slide = |n: u32, who: &str| {
            format!(
                r#"<figure class="slide"><div class="slide-header"><h2><a href="/gallery/{n}">{n}. {who}</a></h2></div><amp-instagram data-shortcode="x{n}"></amp-instagram><figcaption class="slide-caption"><p>You will cast spells on all who see you.</p><p><strong>What you need:</strong> a red jumper with a white collar and a black headband, both from the back of the wardrobe.</p></figcaption></figure>"#
            )
        };
        let slides: String = [(1, "Sabrina"), (2, "Drake"), (3, "Tiana"), (4, "Jessie")]
            .iter()
            .map(|&(n, who)| slide(n, who))
            .collect();
        let art = format!("<h1>Costumes on the cheap</h1><p>Cheap and easy costumes are all that matter this year.</p>{slides}");
        let b = body(&clean(&page("<title>Costumes on the cheap</title>", &art)));
        assert!(
            b.contains("4\\. Jessie") && b.contains("black headband"),
            "{b}"
        );
        // One long caption under a news photo still goes.
        let photo = r#"<figure><img src="/i/bus.jpg"><figcaption>Passengers board the first night bus at the depot on Tuesday, after months of talks between the council and the drivers.</figcaption></figure>"#;
        let b = article(photo);
        assert!(!b.contains("Passengers board"), "{b}");
    }
}
