//! Step 5: trim. Inside the body region, links under a "Related" heading
//! and runs of headline-like lines are dropped ([`Cleaner::refine`]); then
//! every unit is emitted as a block (paragraph, heading, list) or recorded
//! as dropped with its reason ([`Cleaner::emit`]), so `--explain` can show
//! why each line went.

use std::collections::HashSet;

use super::classify::Class;
use super::Cleaner;
use crate::clean::{escape_inline, notes, Article, Block, Dropped};

impl Cleaner {
    /// Inside the body region: links under a "Related" heading, and runs
    /// of headline-like lines (a box of links), are not article text.
    pub(super) fn refine(&self, classes: &mut [Class], a: usize, b: usize) {
        let mut after_ender = false;
        for (i, class) in classes.iter_mut().enumerate().take(b).skip(a) {
            match class {
                Class::Bad(_) if self.feats[i].ender => after_ender = true,
                Class::Good | Class::Near => after_ender = false,
                Class::Short if after_ender && self.units[i].list.is_none() => {
                    *class = Class::Bad("link under a \"related\" heading".into());
                }
                _ => {}
            }
        }
        // Rows of a table printed as text are not headlines, however
        // title-cased their place names.
        let rows = &self.rows;
        let headline = |i: usize| {
            let f = &self.feats[i];
            classes[i] == Class::Short
                && !rows[i]
                && self.units[i].list.is_none()
                && !f.colon
                && f.words >= 4
                && f.digits_ratio < 0.2
                && !self.units[i].text.contains("://")
                && (f.title_case >= 0.6 || f.words >= 7)
        };
        let mut marked = Vec::new();
        let mut i = a;
        while i < b {
            if !headline(i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < b && (headline(j) || matches!(classes[j], Class::Bad(_))) {
                j += 1;
            }
            let heads = (i..j).filter(|&k| headline(k)).count();
            let introduced = i > 0 && self.feats[i - 1].colon;
            if heads >= 3 && !introduced {
                marked.extend((i..j).filter(|&k| headline(k)));
            }
            i = j.max(i + 1);
        }
        for k in marked {
            classes[k] = Class::Bad("list of headlines (links to other stories)".into());
        }
        // Notes about the article at its end ("This article originally
        // appeared on The Atlantic.") and at its top (an agency's "this
        // report was not edited"), read as the HTML cleaner reads them.
        let open = |k: usize| {
            !matches!(classes[k], Class::Bad(_)) && !self.units[k].text.trim().is_empty()
        };
        let mut notes = Vec::new();
        // The last unit not yet taken as a note or an appeal.
        let mut end = b;
        loop {
            for k in (a..end).rev().filter(|&k| open(k)) {
                match notes::note_after_the_article(&self.units[k].text, self.feats[k].words) {
                    Some(why) => notes.push((k, why)),
                    None => break,
                }
                end = k;
            }
            // The house's appeal for money, a titled box under the text.
            let open_units: Vec<usize> = (a..end).filter(|&k| open(k)).collect();
            let tail: Vec<(bool, &str)> = open_units
                .iter()
                .map(|&k| (classes[k] == Class::Short, self.units[k].text.as_str()))
                .collect();
            let Some(start) = notes::appeal_section(&tail) else {
                break;
            };
            for &k in &open_units[start..] {
                notes.push((k, "the house's appeal for money under the text".into()));
            }
            end = open_units[start];
        }
        for k in (a..b).filter(|&k| open(k)) {
            match notes::note_before_the_article(&self.units[k].text, self.feats[k].words) {
                Some(why) => notes.push((k, why)),
                None => break,
            }
        }
        for (k, why) in notes {
            classes[k] = Class::Bad(why);
        }
    }

    pub(super) fn emit(
        &self,
        article: &mut Article,
        classes: &[Class],
        taken: &[Option<String>],
        a: usize,
        b: usize,
    ) {
        let n = self.units.len();
        // The heading of the section being dropped after the body.
        let mut section: Option<(String, String)> = None;
        // Text already in the body (pages that print the article twice).
        let mut kept: HashSet<&str> = HashSet::new();
        let mut i = 0;
        while i < n {
            let u = &self.units[i];
            if let Some(r) = &taken[i] {
                if !r.starts_with("writer") && !r.starts_with("deck") && !r.starts_with("headline")
                {
                    article.dropped.push(Dropped {
                        text: u.text.clone(),
                        reason: r.clone(),
                    });
                }
                i += 1;
                continue;
            }
            if i < a || i >= b {
                let where_ = if i < a { "before" } else { "after" };
                if i >= b && self.feats[i].ender {
                    let kind = match &classes[i] {
                        Class::Bad(r) => r.clone(),
                        _ => "end of the article".into(),
                    };
                    section = Some((u.text.chars().take(40).collect(), kind));
                }
                let under = match &section {
                    Some((h, _)) if i >= b && !self.feats[i].ender => format!(", under “{h}”"),
                    _ => String::new(),
                };
                // Group runs of short lines (menus, link lists).
                let mut j = i;
                while j < n
                    && (j < a || j >= b)
                    && taken[j].is_none()
                    && (j == i || (j < a) == (i < a))
                    && matches!(classes[j], Class::Short)
                    && self.feats[j].cue.is_none()
                {
                    j += 1;
                }
                if j > i + 1 {
                    let count = j - i;
                    let listed = (i..j).filter(|&k| self.units[k].list.is_some()).count();
                    let headlines = (i..j)
                        .filter(|&k| self.feats[k].title_case >= 0.6 && self.feats[k].words >= 4)
                        .count();
                    let what = if listed * 2 >= count {
                        format!("promo or link list {where_} the body ({count} lines)")
                    } else if headlines * 2 >= count {
                        format!("list of headlines {where_} the body ({count} lines)")
                    } else {
                        format!("navigation: run of {count} short lines {where_} the body")
                    };
                    article.dropped.push(Dropped {
                        text: self.units[i..j]
                            .iter()
                            .map(|u| u.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" / "),
                        reason: format!("{what}{under}"),
                    });
                    i = j;
                    continue;
                }
                let reason = match &classes[i] {
                    Class::Bad(r) => format!("{r} ({where_} the body{under})"),
                    _ if u.list.is_some() => format!("promo or link list {where_} the body{under}"),
                    _ => match &section {
                        // Text of a disclaimer or "about" box: its heading's kind.
                        Some((h, kind)) if i >= b => format!("{kind}: text under “{h}”"),
                        _ => format!("outside the main text region ({where_} the body)"),
                    },
                };
                article.dropped.push(Dropped {
                    text: u.text.clone(),
                    reason,
                });
                i += 1;
                continue;
            }
            let norm = &self.feats[i].norm;
            let repeat = self.feats[i].words >= 10 && !kept.insert(norm.as_str());
            match &classes[i] {
                Class::Bad(r) => {
                    article.dropped.push(Dropped {
                        text: u.text.clone(),
                        reason: r.clone(),
                    });
                }
                _ if repeat => {
                    article.dropped.push(Dropped {
                        text: u.text.clone(),
                        reason: "repeats a paragraph already kept".into(),
                    });
                }
                _ => {
                    if let Some(mark) = u.list {
                        // Collect a list.
                        let mut items = Vec::new();
                        let mut numbers_ok = true;
                        let mut j = i;
                        while j < b
                            && taken[j].is_none()
                            && !matches!(classes[j], Class::Bad(_))
                            && self.units[j]
                                .list
                                .is_some_and(|m| m.ordered == mark.ordered)
                        {
                            let m = self.units[j].list.unwrap_or(mark);
                            let t = &self.units[j].text;
                            if m.ordered {
                                let num: String =
                                    t.chars().take_while(char::is_ascii_digit).collect();
                                numbers_ok &= num.parse::<usize>().ok() == Some(items.len() + 1);
                            }
                            items.push(escape_inline(&t[m.start..]));
                            j += 1;
                        }
                        if numbers_ok {
                            article.blocks.push(Block::List {
                                ordered: mark.ordered,
                                items,
                            });
                        } else {
                            // Numbers that a Markdown list would change
                            // ("2." after a paragraph): keep them as written.
                            for k in i..j {
                                article.blocks.push(Block::Paragraph {
                                    text: escape_inline(&self.units[k].text),
                                });
                            }
                        }
                        i = j;
                        continue;
                    }
                    let f = &self.feats[i];
                    let text = escape_inline(&u.text);
                    let next_good = (i + 1..b.min(i + 12))
                        .find(|&j| taken[j].is_none() && !matches!(classes[j], Class::Bad(_)))
                        .is_some_and(|j| matches!(classes[j], Class::Good | Class::Near));
                    if matches!(classes[i], Class::Short)
                        && !f.sentence
                        && !f.colon
                        && f.words <= 12
                        && next_good
                    {
                        article.blocks.push(Block::Heading { level: 2, text });
                    } else {
                        article.blocks.push(Block::Paragraph { text });
                    }
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::text::test_support::*;

    #[test]
    fn promo_link_list_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n{BODY}\nRelated articles\n\
             Mayor Unveils Plan For Northern Bus Lanes\n\
             Ten Things To Know About The New Tram Study\n\
             Why Commuters Are Angry About Station Opening Hours\n\
             Council Elections: Who Is Standing Where\n"
        );
        let a = clean(&text);
        assert_eq!(paragraphs(&a).len(), 4);
        assert!(!a.body_markdown().contains("Mayor Unveils"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("Mayor Unveils") && d.reason.contains("after the body")));
    }

    #[test]
    fn a_note_about_the_article_at_its_end_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n\nThis article originally appeared on The Atlantic.\n"
        );
        let a = clean(&text);
        assert!(!a.body_markdown().contains("originally appeared"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("originally appeared") && d.reason.contains("note after")));
        // The same words inside the text are the story's.
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n\nThis article originally appeared on The Atlantic, the mayor said, and the council read it before the vote.\n\n{BODY}\n"
        );
        assert!(clean(&text).body_markdown().contains("originally appeared"));
    }

    #[test]
    fn the_house_appeal_under_the_text_is_dropped() {
        let appeal = "Apoya el periodismo incómodo\n\nSi te parece valioso el trabajo de nuestra redacción, apóyanos para seguir. Únete a nuestra comunidad de lectores que con su membresía mensual garantizan nuestra sostenibilidad.\n\nTe necesitamos para seguir incomodando al poder.\n";
        let text = format!("Council Approves Record Transport Budget\n\n{BODY}\n\n{appeal}");
        let a = clean(&text);
        let md = a.body_markdown();
        assert!(
            !md.contains("periodismo") && !md.contains("necesitamos"),
            "{md}"
        );
        assert!(md.contains(&BODY[..40]), "{md}");
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("necesitamos") && d.reason.contains("appeal")));
    }

    #[test]
    fn a_newsletter_offer_inside_the_text_is_dropped() {
        let offer = "Interesse an der Stadt von morgen? Dann abonniere meinen Newsletter, er kommt jeden Freitag.";
        let text =
            format!("Council Approves Record Transport Budget\n\n{BODY}\n\n{offer}\n\n{BODY}\n");
        let a = clean(&text);
        assert!(
            !a.body_markdown().contains("abonniere"),
            "{}",
            a.body_markdown()
        );
    }

    #[test]
    fn an_affiliate_disclosure_inside_the_text_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n\nFür Links auf dieser Seite erhält die Redaktion eine Provision vom Händler.\n\n{BODY}\n"
        );
        let a = clean(&text);
        assert!(
            !a.body_markdown().contains("Provision"),
            "{}",
            a.body_markdown()
        );
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("Provision") && d.reason == "affiliate disclosure"));
    }

    #[test]
    fn a_teaser_for_a_video_inside_the_text_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n\nVIDEO: Residents react to the new bus lanes\n\n{BODY}\n"
        );
        let a = clean(&text);
        assert!(
            !a.body_markdown().contains("Residents react"),
            "{}",
            a.body_markdown()
        );
    }

    #[test]
    fn a_note_about_the_article_above_it_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n\nThis report was not edited by our newsroom; it was published automatically from the agency wire.\n\n{BODY}\n"
        );
        let a = clean(&text);
        assert!(
            !a.body_markdown().contains("not edited"),
            "{}",
            a.body_markdown()
        );
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text.contains("not edited") && d.reason.contains("note above")));
        // Once the story has begun, such a sentence is the story's.
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n\nThis report was not edited by our newsroom; it was published automatically from the agency wire.\n\n{BODY}\n"
        );
        assert!(clean(&text).body_markdown().contains("not edited"));
    }

    #[test]
    fn lists_stay_lists() {
        let text = "Council Approves Record Transport Budget\n\n\
            The city council voted on Tuesday to approve a budget that includes three main items:\n\n\
            - New bus lanes on the northern corridor\n\
            - Longer opening hours for the central station\n\
            - A study of a tram line to the airport, to be finished by\n  \
            the end of next year and presented to the council\n\n\
            The mayor is expected to sign the budget next week, and it takes effect in January.\n\n\
            The plan has three phases:\n\n\
            1. Consultation with residents in the spring.\n\
            2. Construction of the first lanes in the summer.\n\
            3. A review of the results after one year.\n\n\
            Officials said the work would be finished before the next election, in two years.\n";
        let a = clean(text);
        let lists: Vec<(&bool, &Vec<String>)> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::List { ordered, items } => Some((ordered, items)),
                _ => None,
            })
            .collect();
        assert_eq!(lists.len(), 2, "{:#?}", a.blocks);
        assert!(!lists[0].0);
        assert_eq!(lists[0].1.len(), 3);
        assert!(
            lists[0].1[2].ends_with("presented to the council"),
            "{:?}",
            lists[0].1
        );
        assert!(*lists[1].0);
        assert_eq!(
            lists[1].1[1],
            "Construction of the first lanes in the summer."
        );
        assert!(a
            .body_markdown()
            .contains("\n- New bus lanes on the northern corridor\n"));
        assert_nothing_invented(text, &a);
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        let text = "A Title For The Test\n\
            This paragraph has *stars*, [brackets](javascript:alert(1)) and <script>alert(1)</script> in it, as scraped.\n\
            # Not a heading: the second paragraph starts with a hash and is long enough to count.\n";
        let md = clean(text).body_markdown();
        assert!(
            md.contains("\\*stars\\*") && md.contains("\\[brackets\\]"),
            "{md}"
        );
        assert!(md.contains("\\<script\\>"), "{md}");
        assert!(md.contains("\\# Not a heading"), "{md}");
    }
}
