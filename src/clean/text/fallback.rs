//! When the region search is unsure, keep the page. A page with no article
//! in it (a link directory, a table of contents, a list of dates and names)
//! has no best run of prose: the region search then settles on a scrap of
//! a few lines and the page comes out nearly empty. Measured on the shared
//! sets, a body region holding fewer than [`MIN_BODY_WORDS`] words is wrong
//! far more often than right (every news article there has more), and
//! keeping the whole page is the better guess for such pages. The same goes
//! for a page of several items (posts, product notes, news items) that the
//! region search cut down to one: most of the page's paragraphs, with no
//! "Comments" or "Related" heading setting them apart, lie outside it.

use super::classify::Class;
use super::Cleaner;

/// Below this many words kept in the body region, the region choice is
/// not trusted. The smallest correct news body on the shared sets keeps
/// about 70; the pages the region search fails on keep 0 to 35.
const MIN_BODY_WORDS: usize = 50;

/// Below this share of the page's free paragraphs and shorter sentences
/// (those no section-ending heading such as "Comments" sets apart) inside
/// the region, the region is one item among several of equal standing: a front page, a catalogue, a
/// thread. The cleaneval pages, whose gold keeps all of them, fall back
/// from 0.3 to 0.8 with rising gains; no news article of scrapinghub-text
/// is below 0.6 (0.7 costs one).
const MIN_PROSE_SHARE: f32 = 0.6;

impl Cleaner {
    /// Words the region `[a, b)` would keep.
    fn kept_words(&self, classes: &[Class], taken: &[Option<String>], a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&i| taken[i].is_none() && !matches!(classes[i], Class::Bad(_)))
            .map(|i| self.feats[i].words)
            .sum()
    }

    /// The region to emit: `[a, b)`, or the whole page when the region
    /// holds too little text. The whole page then keeps every line not
    /// classed as boilerplate: what fell outside the region is as likely
    /// the page's content (a list of links is the page), while lines with
    /// a boilerplate cue, a site rule or a repetition across documents
    /// still go. A region right under a repetition of the headline is
    /// trusted whatever its size: the page says where its article starts
    /// (a short calendar or table under its heading). Unless four times its
    /// text lies above it: then the "headline" was a site name repeated
    /// over the footer, and the region is judged like any other (measured:
    /// cleaneval-text tune 0.8825 → 0.8877, check 0.8957 → 0.8969;
    /// scrapinghub-text tune unchanged, check 0.9619 → 0.9571, one page;
    /// readability-text unchanged).
    pub(super) fn fall_back(
        &self,
        classes: &[Class],
        taken: &[Option<String>],
        (a, b): (usize, usize),
        anchored: bool,
    ) -> (usize, usize) {
        let kept = self.kept_words(classes, taken, a, b);
        if anchored && !self.under_most(classes, taken, a, kept)
            || kept >= MIN_BODY_WORDS && !self.one_of_many(classes, taken, (a, b), kept)
        {
            return (a, b);
        }
        (0, classes.len())
    }

    /// Words of the free text units among `units`: prose and shorter
    /// sentences no rule has taken, not repeated across documents.
    fn free_words(
        &self,
        classes: &[Class],
        taken: &[Option<String>],
        units: impl Iterator<Item = usize>,
    ) -> usize {
        units
            .filter(|&i| {
                taken[i].is_none()
                    && matches!(classes[i], Class::Good | Class::Near)
                    && !self.feats[i].dup
            })
            .map(|i| self.feats[i].words)
            .sum()
    }

    /// Whether most of the page's free text lies above a region that
    /// starts under a headline's repetition: what repeated it was a site
    /// name in a footer, not the headline over the body.
    fn under_most(
        &self,
        classes: &[Class],
        taken: &[Option<String>],
        a: usize,
        kept: usize,
    ) -> bool {
        kept * 4 < self.free_words(classes, taken, 0..a)
    }

    /// Whether the region holds under [`MIN_PROSE_SHARE`] of the page's
    /// free text units: all those before it, and those after it up to the
    /// first section-ending heading (an article's comments and "Related"
    /// teasers stay out of the count).
    ///
    /// Units are paragraphs and shorter sentences, since a catalogue's or a
    /// front page's items are often a few short lines (counting them
    /// measured cleaneval-text tune 0.8816 → 0.8825, readability-text tune
    /// 0.8702 → 0.8810). Units before the region count even past a
    /// "Comments" heading: a region found after much of the page's prose is
    /// itself in doubt (stopping there measured 0.8759 against 0.8816 on
    /// cleaneval-text tune, scrapinghub-text unchanged).
    fn one_of_many(
        &self,
        classes: &[Class],
        taken: &[Option<String>],
        (a, b): (usize, usize),
        kept: usize,
    ) -> bool {
        let n = classes.len();
        let end = (b..n).find(|&i| self.is_barrier(i, classes)).unwrap_or(n);
        let free = self.free_words(classes, taken, (0..a).chain(b..end));
        (kept as f32) < MIN_PROSE_SHARE * (kept + free) as f32
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::text::test_support::*;

    /// A directory of links with one sentence of introduction.
    const DIRECTORY: &str = "Jazz Links At The Riverside Mansion\n\n\
        If you know of any links not listed here, please write to me.\n\n\
        BLUE NOTE RECORDS\nDiscography, sessions, cover art\n\
        JAZZ STANDARDS\nHistory of the songs and their composers\n\
        RED HOT JAZZ ARCHIVE\nEarly jazz bands, biographies, sound files\n\
        PIANO JAZZ\nInterviews from the radio show\n\
        ALL ABOUT JAZZ\nReviews, articles, concert listings\n\
        BIRDLAND\nThe club's calendar and history\n";

    #[test]
    fn a_page_without_an_article_is_kept_whole() {
        let a = clean(DIRECTORY);
        let body = a.body_markdown();
        for kept in ["If you know", "BLUE NOTE", "sound files", "BIRDLAND"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
        assert_nothing_invented(DIRECTORY, &a);
    }

    /// A shop's menu, repeated over each item of a catalogue.
    const MENU: &str = "Drama\nComedy\nThriller\nWestern\nMusicals\nClassics\nWidescreen\n\
        Boxsets\nPosters\nGifts\nAffiliates\nWebmasters\n";

    /// Three catalogue notes, each under a long run of menu lines.
    fn catalogue() -> String {
        let note = |film: &str| {
            format!(
                "{MENU}{film} finds a veteran detective confronting a case that reaches into his own family, \
                 and the city he has sworn to protect turns against him in a single night.\n\
                 The film was shot on location over two winters, and its cast includes several actors \
                 who grew up in the neighbourhood where the story takes place.\n\
                 Critics praised the restrained performances and the score, though some found the ending \
                 abrupt after such a patient first hour.\n"
            )
        };
        format!(
            "Catalogue\n\n{}{}{}",
            note("River Town"),
            note("Night Shift"),
            note("The Long Bridge")
        )
    }

    #[test]
    fn a_page_of_several_items_is_kept_whole() {
        let text = catalogue();
        let body = clean(&text).body_markdown();
        for kept in ["River Town", "Night Shift", "The Long Bridge"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
    }

    #[test]
    fn items_in_short_sentences_count_as_items() {
        let short = |lines: [&str; 8]| format!("{MENU}{}\n", lines.join("\n"));
        let night = short([
            "Night Shift is a quiet film about a harbour town.",
            "A fisherman loses his boat in a storm.",
            "His daughter takes over the family shop.",
            "The town council wants to sell the pier.",
            "Old friends gather to stop the sale.",
            "The winter scenes were shot on the coast.",
            "Critics liked the calm pace of the story.",
            "Some found the final scene too sudden.",
        ]);
        let bridge = short([
            "The Long Bridge follows two brothers across a border.",
            "One of them carries a letter he cannot read.",
            "They meet a teacher on the night train.",
            "She tells them the story of her own escape.",
            "The second half takes place in a mountain village.",
            "Most of the cast had never acted before.",
            "The music was written by a local choir.",
            "It won a prize at a small festival.",
        ]);
        let first = catalogue();
        let first = &first[..first.find("Night Shift").unwrap_or(first.len())];
        let first = &first[..first.rfind("Drama").unwrap_or(first.len())];
        let text = format!("{first}{night}{bridge}");
        let body = clean(&text).body_markdown();
        for kept in ["River Town", "Night Shift", "The Long Bridge"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
    }

    /// An organisation's page: "Name - Tagline" on top, its work in many
    /// paragraphs, and its name again over the footer's donation note.
    #[test]
    fn a_site_name_repeated_in_the_footer_is_no_headline() {
        let text = "Harbour Trust - Building For People\n\n\
            Harbour Trust is a charity that designs shelters for families who lost their homes to floods along the coast.\n\
            Since the storm of last winter our volunteers have rebuilt forty houses in the northern villages, with local builders.\n\
            The new community hall opened in March, and it now hosts a school, a clinic and the weekly market for the whole valley.\n\
            Our architects work with each family on the plan of their home, so that every house fits the life of the people in it.\n\
            Next year we will start on the southern shore, where the sea wall failed and more than a hundred families still wait.\n\
            Each house is raised on posts above the level of the worst flood on record, and its roof collects rain for the garden.\n\
            The builders we train stay in the villages after the work is done, and many of them now run small firms of their own.\n\
            A book of our designs, with drawings and photographs from every project, will be published by a university press in June.\n\
            Our volunteers come from eleven countries, and most of them give a month of their summer to work on the building sites.\n\
            The schools we built after the earthquake ten years ago still stand, and they have sheltered hundreds of families since.\n\
            We publish every plan under an open licence, so that any village can build the same houses without asking or paying us.\n\
            Harbour Trust\n\
            Please give what you can this season, since every gift, however small, helps one more family return to a safe and dry home before the winter storms arrive.\n\
            All gifts are tax-deductible, and you can also give by cheque or by bank transfer to the address printed on our annual report.\n";
        let body = clean(text).body_markdown();
        for kept in ["designs shelters", "community hall", "southern shore"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
    }

    #[test]
    fn comments_after_an_article_do_not_count_as_other_items() {
        let text = format!(
            "Council Approves Record Transport Budget\n{BODY}\n3 Comments\n\
             I read this with great interest, and I think the council has made the right call this time around.\n\
             The northern buses have been full every single morning for as long as I can remember, so this is welcome.\n\
             Nobody asked the residents of the eastern suburbs what they needed before the vote, which is a shame.\n\
             Twelve percent sounds like a lot until you compare it with what the city spends on roads each year.\n"
        );
        let body = clean(&text).body_markdown();
        assert!(body.contains("The city council voted"), "{body}");
        assert!(!body.contains("right call"), "{body}");
    }

    /// A club's front page: news items, each with its "Read More" link.
    fn front_page(link: &str) -> String {
        let item = |head: &str, body: &str| format!("{head}\n{body}\n{link}\n");
        format!(
            "Riverside Table Tennis Club\n\n{}{}{}",
            item(
                "Sligo debut with a narrow victory",
                "Our first team travelled to Sligo on Saturday and won their opening league match by six games to four, \
                 with the last game decided in a fifth set after more than an hour of play at the table. \
                 The captain said afterwards that the new players had settled in quickly, and that the team hopes to stay \
                 near the top of the table when the second half of the season begins after the winter break."
            ),
            item(
                "League players take Dublin by storm",
                "Four of our juniors entered the classification tournament in Dublin at the weekend, and all of them \
                 reached the quarter finals of their age groups, while two of them came home with a medal each. \
                 Their coach thanked the parents who drove the players to Dublin and back, and the club will hold a small \
                 party for the juniors and their families in the hall on the first Friday of next month."
            ),
            item(
                "Swedes rule the roost in Bangor",
                "The visiting Swedish coaches took the summer camp in Bangor to a new level, and the players who joined \
                 them for the week have asked the club to invite the same coaches again next summer. \
                 The committee will decide in the autumn whether the camp can be paid for from the grant, and members who \
                 would like to help with the planning are asked to leave their names at the bar."
            )
        )
    }

    #[test]
    fn a_read_more_under_every_item_ends_no_page() {
        let body = clean(&front_page("Read More")).body_markdown();
        for kept in ["six games to four", "quarter finals", "summer camp"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
        // Once, after an article, it is the article's end.
        let text = format!(
            "Council Approves Record Transport Budget\n{BODY}\nRead More\n\
             Sligo debut with a narrow victory\nLeague players take Dublin by storm\n"
        );
        let body = clean(&text).body_markdown();
        assert!(body.contains("The city council voted"), "{body}");
        assert!(!body.contains("Sligo"), "{body}");
    }

    #[test]
    fn boilerplate_stays_out_of_a_page_kept_whole() {
        let text = format!("{DIRECTORY}Subscribe to our newsletter\nCopyright 2007 Riverside Mansion. All rights reserved.\n");
        let body = clean(&text).body_markdown();
        assert!(body.contains("BIRDLAND"), "{body}");
        assert!(!body.contains("All rights reserved"), "{body}");
    }

    #[test]
    fn an_article_is_still_cleaned() {
        let text = format!("{DIRECTORY}\n{BODY}");
        let body = clean(&text).body_markdown();
        assert!(body.contains("The city council voted"), "{body}");
        assert!(!body.contains("BIRDLAND"), "{body}");
    }
}
