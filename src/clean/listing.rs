//! Whether a cleaned article is a page of links rather than an article: a
//! front page or a section's index saved into the folder by a scraper
//! ("Make CNN Your Homepage" and 170 headlines), or a ticker the cleaner
//! took for the text. Published, it would sit among the articles as one
//! more, holding other stories' headlines; `build` leaves it out with a
//! warning, as it leaves out a page with no text.
//!
//! Measured on the cleaned Markdown: the share of its letters and digits
//! that are link text. No page of the 4,491 dev pages reaches the bound
//! but one ticker taken for an article (handball-world's, 92%); a front
//! page does (CNN's, 89%); a link-heavy article's prose keeps it below
//! (the next highest, a 2007 page of links with notes, is at 76%).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The share of link text at which a page is a list of links.
const LINKED_SHARE: f64 = 0.8;

/// Letters and digits below which a page is too short to judge: a short
/// note with two links is still a note.
const MIN_CHARS: usize = 300;

/// Whether `markdown`, an article's cleaned body, is a list of links.
pub fn is_link_list(markdown: &str) -> bool {
    let (mut linked, mut other) = (0usize, 0usize);
    // Link depth, and image depth (an image's alt text is neither).
    let (mut in_link, mut in_image) = (0u32, 0u32);
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                let n = t.chars().filter(|c| c.is_alphanumeric()).count();
                if in_link > 0 {
                    linked += n;
                } else {
                    other += n;
                }
            }
            _ => {}
        }
    }
    let total = linked + other;
    total >= MIN_CHARS && linked as f64 >= LINKED_SHARE * total as f64
}

#[cfg(test)]
mod tests {
    use super::is_link_list;

    fn headlines(n: usize) -> String {
        (0..n)
            .map(|i| format!("- [Council votes on the northern bus lines, part {i}](https://example.com/{i})\n"))
            .collect()
    }

    #[test]
    fn a_front_page_of_headlines_is_a_list_of_links() {
        let page = format!(
            "[Make the Daily your homepage](https://example.com/)\n\n#### THE LATEST\n\n{}",
            headlines(12)
        );
        assert!(is_link_list(&page));
    }

    #[test]
    fn an_article_with_links_a_short_note_and_pictures_are_not() {
        // Prose around its links.
        let prose = "The council voted on Tuesday to extend the bus network to the northern suburbs, a plan debated for a decade. ";
        let article = format!(
            "{}\n\n{}\n\n{}",
            prose.repeat(3),
            headlines(6),
            prose.repeat(2)
        );
        assert!(!is_link_list(&article));
        // Too short to judge.
        assert!(!is_link_list(&headlines(2)));
        // An image's alt text is no link text, and no prose either.
        let gallery = "![A bus at the depot on the first morning of the new line](https://example.com/a.jpg)\n\n".repeat(12);
        assert!(!is_link_list(&gallery));
    }
}
