//! The writer an "about the author" box names (`div.author-box`,
//! `div.teaser-box.author`, `section.author-bio`): a blog's sidebar or
//! footer shows the writer's name over a photo, a bio and a link to the
//! writer's other posts, on pages whose byline is gone. A byline's reader
//! passes such boxes by (their bio and "more from" links are not a
//! byline); here only the name counts, as the last resort: a full name,
//! an element's whole text, that opens with a known given name
//! ([`names::is_bare_name`]), and one person in all the page's boxes
//! ([`names::sole_person`], as for copyright lines: a
//! list of contributors names several).

use crate::clean::meta::names::{self, Candidate, Evidence};

use super::super::arena::{Arena, Tag};
use super::super::stats::Stat;
use super::says_author;

/// More text than an author's box holds: a section of the page.
const MAX_BOX: u32 = 1500;

/// The one person the page's author boxes name.
pub(in crate::clean::html) fn author_box_candidate(a: &Arena, st: &[Stat]) -> Option<Candidate> {
    let mut named: Vec<String> = Vec::new();
    let mut i = 0;
    while i < a.nodes.len() {
        let node = &a.nodes[i];
        if node.attrs.is_none() || st[i].len > MAX_BOX || !author_box(a, i) {
            i += 1;
            continue;
        }
        let end = a.subtree_end(i as u32);
        let name = (i + 1..end)
            .filter(|&k| a.nodes[k].tag != Tag::Text && st[k].len <= 60)
            .map(|k| a.field_text(k as u32))
            .find(|t| names::is_bare_name(t));
        named.extend(name);
        // A box inside a box is the same box.
        i = end;
    }
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    let one = names::sole_person(&named)?;
    Some(Candidate::new(&[one], Evidence::AuthorBox))
}

/// A class or id that says "author" beside "box", "bio" or "about", in
/// one word or two (`author-box`, `authorbox`, `teaser-box author`).
fn author_box(a: &Arena, i: usize) -> bool {
    // (The arena has lowercased class and id.)
    let at = a.nodes[i].attrs();
    if !at.class.contains("author") && !at.id.contains("author") {
        return false;
    }
    let (mut author, mut boxed) = (false, false);
    for w in at.words() {
        author |= says_author(&w);
        boxed |= ["box", "bio", "about"].iter().any(|x| w.contains(x));
    }
    author && boxed
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{clean, P1, P2, P3};

    fn authors(aside: &str) -> Vec<String> {
        let html = format!(
            r#"<!DOCTYPE html><html lang="de"><head><title>Konzert-Highlights im November</title></head><body><article><h1>Konzert-Highlights im November</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article><aside>{aside}</aside></body></html>"#
        );
        clean(&html).authors
    }

    #[test]
    fn the_name_in_an_author_box_is_the_writer_when_nothing_else_names_one() {
        let about = r#"<div class="teaser-box author short"><div class="text"><div class="title-small"> Johanna Kropfitsch </div><div class="moreinfo"><a href="/autor/jk">Mehr Infos</a></div></div></div>"#;
        assert_eq!(authors(about), ["Johanna Kropfitsch"]);
        // Two boxes naming two people: a list of contributors.
        let two = format!(
            r#"{about}<div class="author-bio"><h4>Mike Conley</h4><p>Mike writes about music.</p></div>"#
        );
        assert!(authors(&two).is_empty());
        // No known given name, or no box: no one.
        assert!(authors(r#"<div class="author-box"><h4>Redaktion Kultur</h4></div>"#).is_empty());
        assert!(authors(r#"<div class="sidebar"><h4>Johanna Kropfitsch</h4></div>"#).is_empty());
    }
}
