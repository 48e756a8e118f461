//! The safety boundary: what pruning kept, written as plain HTML, passes
//! ammonia's allow-list (text, structure, links, images; no script, no
//! handler, no `javascript:` URL), and relative addresses resolve against
//! the page's own, or go.

/// `html` with only the allowed tags and attributes, its links and
/// images resolved against `base` (or, without one, relative ones gone).
pub(in crate::clean::html) fn sanitize(html: &str, base: Option<&ammonia::Url>) -> String {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "code",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "img",
        "figure",
        "figcaption",
        "a",
        "em",
        "strong",
        "sub",
        "sup",
        "div",
        "span",
        "hr",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("img", ["src", "alt"])
    .add_tag_attributes("pre", ["data-lang"])
    .add_tag_attributes("code", ["data-lang"])
    .add_url_schemes(["http", "https", "mailto"])
    .link_rel(None)
    .strip_comments(true);
    b.clean_content_tags(["script", "style"].into_iter().collect());
    match base {
        Some(u) => b.url_relative(ammonia::UrlRelative::RewriteWithBase(u.clone())),
        // Without the page's address a relative link or image points
        // nowhere once republished: the link keeps its text, the image goes.
        None => b.url_relative(ammonia::UrlRelative::Deny),
    };
    b.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use crate::clean::html::test_support::{body, clean, page, P1, P2, P3};
    use crate::clean::Block;

    #[test]
    fn resolves_image_sources_against_the_canonical_url() {
        let head = r#"<link rel="canonical" href="https://daily.example/news/buses">"#;
        let art =
            format!(r#"<p>{P1}</p><img src="/img/bus.jpg" alt="A bus"><p>{P2}</p><p>{P3}</p>"#);
        let a = clean(&page(head, &art));
        assert!(
            a.blocks.contains(&Block::Image {
                src: "https://daily.example/img/bus.jpg".into(),
                alt: "A bus".into()
            }),
            "{:?}",
            a.blocks
        );
    }

    #[test]
    fn relative_links_and_images_without_a_base_are_dropped_not_kept_dangling() {
        let art = format!(
            r#"<p>{P1} See <a href="../stories/x.shtml">the earlier story</a>.</p><img src="fig1.jpg" alt="Fig"><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("", &art));
        let md = a.body_markdown();
        assert!(md.contains("See the earlier story."), "{md}");
        assert!(!md.contains("x.shtml") && !md.contains("fig1.jpg"), "{md}");
    }

    #[test]
    fn never_lets_scripts_handlers_or_javascript_urls_through() {
        let art = format!(
            r#"<p>{P1}<script>alert("x")</script></p>
<p onclick="alert('y')">{P2} <a href="javascript:alert('z')">click</a> <a href="JaVaScRiPt:alert(1)">again</a></p>
<img src="x.png" onerror="alert('img')" alt="pic"><style>p {{ color: red }}</style>
<p>{P3}<iframe src="javascript:alert(2)"></iframe><svg><script>alert(3)</script></svg></p>"#
        );
        let a = clean(&page("", &art));
        let out = format!("{}{:?}", a.to_markdown(), a);
        for bad in [
            "alert",
            "javascript",
            "JaVaScRiPt",
            "onerror",
            "onclick",
            "<script",
            "color: red",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(body(&a).contains("click"), "{out}");
    }
}
