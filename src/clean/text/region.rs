//! Step 4: the body region. Units get weights (text positive, menus and
//! boilerplate negative, growing with runs of them), section-ending
//! headings become barriers, and the best-scoring contiguous run (maximum
//! subarray), anchored at a repeated headline when there is one, is the
//! body. One region rather than per-line decisions keeps paragraphs that
//! look odd on their own and drops link boxes that look like prose.

use super::classify::{is_embed_attribution, Class};
use super::cues::Cue;
use super::Cleaner;

/// Text under a headline repetition shorter than this may be a teaser in
/// a list of stories; a later repetition with four times the text is the
/// article.
const TEASER_WORDS: usize = 150;

/// How fast the cost of consecutive non-text lines grows in the region search.
const GAP_GROWTH: f32 = 0.3;

/// A line that is only figures, as a chart's labels or a table's row of
/// numbers print: at most three numbers, one of them an amount with its
/// currency or percent, a year as a chart writes it ("’17"), a decimal
/// ("10.4") or a number of three or more digits. Not rank or page numbers
/// ("1", "2 3": a "most read" list, pagination) nor a bare year (an
/// archive's list of years).
fn is_figure(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let parts: Vec<(&str, bool)> = tokens
        .iter()
        .map(|t| {
            let bare = t.trim_matches(|c: char| "+-−–.,:".contains(c));
            let core = bare.trim_matches(|c: char| "$€£¥%’'".contains(c));
            (core, core.len() < bare.len())
        })
        .collect();
    let numeric = |core: &str| {
        core.starts_with(|c: char| c.is_ascii_digit())
            && core
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let telling = |(core, marked): &(&str, bool)| {
        let digits = core.chars().filter(char::is_ascii_digit).count();
        let year = digits == 4 && (core.starts_with("19") || core.starts_with("20"));
        *marked || core.contains(['.', ',']) || digits >= 3 && !year
    };
    (1..=3).contains(&parts.len())
        && parts.iter().all(|(core, _)| numeric(core))
        && parts.iter().any(telling)
}

impl Cleaner {
    fn weight(&self, i: usize, class: &Class) -> f32 {
        let f = &self.feats[i];
        let w = f.words as f32;
        if f.dup && matches!(class, Class::Good | Class::Near) {
            return -0.3 * w.min(40.0);
        }
        if *class == Class::Near && is_embed_attribution(&self.units[i].text) {
            return 2.0;
        }
        match class {
            Class::Good => w.min(120.0),
            Class::Near => {
                if f.title_case >= 0.75 && f.words < 20 {
                    -1.0
                } else {
                    0.7 * w.min(100.0)
                }
            }
            Class::Short => {
                if f.colon {
                    0.0
                } else if self.units[i].list.is_some() && f.title_case < 0.75 {
                    // A list item (not a promo headline).
                    0.3 * w
                } else if f.title_case >= 0.75 && f.words >= 5 {
                    // A headline: teaser lists and "more stories" boxes.
                    -5.0
                } else if f.title_case >= 0.75 || f.words <= 2 {
                    -3.0
                } else {
                    -1.5
                }
            }
            Class::Bad(_) => {
                if f.ender && !f.soft_ender {
                    -40.0
                } else if f.ender || f.cue == Some(Cue::Comments) {
                    -10.0
                } else {
                    -4.0 - 0.3 * w.min(40.0)
                }
            }
        }
    }

    /// Whether the region search must stop at unit `i`: a section heading
    /// such as "Related articles" or "Comments", unless (for a "Related"
    /// box) the article clearly goes on after a few links.
    pub(super) fn is_barrier(&self, i: usize, classes: &[Class]) -> bool {
        let f = &self.feats[i];
        if f.cue == Some(Cue::Comments)
            && !f.ender
            && (f.date.is_some() || self.feats.get(i + 1).is_some_and(|g| g.meta))
        {
            // "Name says:" with a date: the comments have begun.
            return true;
        }
        if !f.ender || f.recurs || !matches!(classes[i], Class::Bad(_)) {
            return false;
        }
        if !f.soft_ender {
            return true;
        }
        let n = classes.len();
        let Some(j) =
            (i + 1..n.min(i + 21)).find(|&j| classes[j] == Class::Good && !self.feats[j].dup)
        else {
            return true;
        };
        // Paragraphs, interrupted by at most two other lines at a time.
        // Teaser cards (headline, one sentence, headline, …) never have
        // two paragraphs in a row; an article does.
        let mut good = 0;
        let mut words = 0;
        let mut gap = 0;
        let mut adjacent = false;
        for (k, class) in classes.iter().enumerate().skip(j) {
            match class {
                Class::Good if !self.feats[k].dup => {
                    good += 1;
                    words += self.feats[k].words;
                    adjacent |= k > j && gap == 0;
                    gap = 0;
                    if good >= 2 && words >= 40 && adjacent {
                        break;
                    }
                }
                Class::Near => gap = 0,
                _ if self.feats[k].ender || self.feats[k].cue == Some(Cue::Comments) => break,
                _ => {
                    gap += 1;
                    if gap > 2 {
                        break;
                    }
                }
            }
        }
        !(good >= 2 && words >= 40 && adjacent)
    }

    /// The best-scoring contiguous run of units (maximum subarray) that
    /// crosses no section-ending heading, from `floor` on; its score.
    /// Unit weights for the region search. Consecutive non-text lines cost
    /// more and more: a long menu or link box is a boundary, a single
    /// "Advertisement" between paragraphs is not.
    fn weights(&self, classes: &[Class]) -> Vec<f32> {
        let rows = &self.rows;
        let mut streak = 0.0f32;
        // Inside a run of short lines introduced by "…:" (a list).
        let mut listing = false;
        classes
            .iter()
            .enumerate()
            .map(|(i, class)| {
                let f = &self.feats[i];
                let mut w = self.weight(i, class);
                if *class == Class::Short && (listing && f.title_case < 0.75 || rows[i]) {
                    w = w.max(0.3 * f.words as f32);
                }
                listing =
                    f.colon && !matches!(class, Class::Bad(_)) || listing && *class == Class::Short;
                if w > 0.0 {
                    streak = 0.0;
                    w
                } else if *class == Class::Short && is_figure(&self.units[i].text) {
                    // A chart's labels printed as text ("$915", "’17",
                    // "600"): the article goes on around its chart; a menu
                    // is words.
                    0.0
                } else {
                    streak += 1.0;
                    w * (1.0 + GAP_GROWTH * (streak - 1.0))
                }
            })
            .collect()
    }

    fn best_run(&self, barriers: &[bool], ws: &[f32], floor: usize) -> (f32, usize, usize) {
        let mut best = (0.0f32, floor, floor);
        let mut sum = 0.0f32;
        let mut start = floor;
        for (i, &w) in ws.iter().enumerate().take(barriers.len()).skip(floor) {
            if barriers[i] {
                sum = 0.0;
                start = i + 1;
                continue;
            }
            if sum <= 0.0 {
                sum = w;
                start = i;
            } else {
                sum += w;
            }
            if sum > best.0 {
                best = (sum, start, i + 1);
            }
        }
        best
    }

    /// From a fixed start, the end that maximises the running score, not
    /// crossing a section-ending heading once some body has been seen.
    fn run_from(
        &self,
        classes: &[Class],
        barriers: &[bool],
        ws: &[f32],
        start: usize,
    ) -> (f32, usize) {
        let mut best = (0.0f32, start);
        let mut sum = 0.0f32;
        let mut good_words = 0;
        for (i, class) in classes.iter().enumerate().skip(start) {
            if good_words > 0 && barriers[i] {
                break;
            }
            let w = ws[i];
            // Any unit that counts as text (a paragraph, or a row of a
            // table printed as text) means the body has begun.
            if w > 0.0 && (matches!(class, Class::Good | Class::Near) || self.rows[i]) {
                good_words += self.feats[i].words;
            }
            sum += w;
            if sum > best.0 {
                best = (sum, i + 1);
            }
        }
        best
    }

    /// The body region `[a, b)`. With the headline repeated above the body
    /// (`anchors`), the body is searched for from there on.
    pub(super) fn region(
        &self,
        classes: &[Class],
        floor: usize,
        anchors: &[usize],
    ) -> (usize, usize) {
        let ws = self.weights(classes);
        let barriers: Vec<bool> = (0..classes.len())
            .map(|i| self.is_barrier(i, classes))
            .collect();
        self.region_of(classes, &ws, &barriers, floor, anchors)
    }

    /// The region search proper: the run anchored at a repeated headline,
    /// else the page's best run. An anchored run that reaches only a deck
    /// or tagline (the "Welcome to my weblog" under a blog's name, cut off
    /// by its sidebar) gives way to the best run when that holds more than
    /// three times its text.
    fn region_of(
        &self,
        classes: &[Class],
        ws: &[f32],
        barriers: &[bool],
        floor: usize,
        anchors: &[usize],
    ) -> (usize, usize) {
        let n = classes.len();
        let text_words = |(_, a, b): (f32, usize, usize)| -> usize {
            (a..b)
                .filter(|&k| ws[k] > 0.0)
                .map(|k| self.feats[k].words)
                .sum()
        };
        // The first headline repetition followed by real text wins; one
        // followed by a mere deck gives way to a later one with more, and
        // so does one followed by a teaser (a paragraph under the headline
        // in a list of stories) when a later one holds the article.
        let mut fallback: Option<(f32, usize, usize)> = None;
        let mut first: Option<(f32, usize, usize)> = None;
        for &r in anchors.iter().take(8) {
            // The body starts at one of the first text units after the
            // headline: the one from which the best run goes.
            let mut best: Option<(f32, usize, usize)> = None;
            for start in r + 1..n.min(r + 16) {
                // Past a section break only when what came before it was a
                // mere deck ("Read more" under a standfirst).
                if best.is_some_and(|b| text_words(b) >= 30) && barriers[start] {
                    break;
                }
                if ws[start] <= 0.0 {
                    continue;
                }
                let (score, end) = self.run_from(classes, barriers, ws, start);
                if score > 0.0 && best.is_none_or(|(s, ..)| score > s) {
                    best = Some((score, start, end));
                }
            }
            let Some((score, start, end)) = best else {
                continue;
            };
            // Trim weak material at the start (a teaser list before a "see
            // also" box, say).
            let (s2, a, b) = self.best_run(&barriers[..end], ws, start);
            let found = if s2 > 0.0 {
                (s2, a, b)
            } else {
                (score, start, end)
            };
            let words = text_words(found);
            match first {
                None if words >= 30 => {
                    if words >= TEASER_WORDS {
                        return (found.1, found.2);
                    }
                    first = Some(found);
                    continue;
                }
                Some(f) => {
                    if words >= 4 * text_words(f) {
                        return (found.1, found.2);
                    }
                    continue;
                }
                None => {}
            }
            if fallback.is_none_or(|(s, ..)| found.0 > s) {
                fallback = Some(found);
            }
        }
        if let Some(f) = first {
            return (f.1, f.2);
        }
        let (score, a, b) = self.best_run(barriers, ws, floor.min(n));
        if let Some(found) = fallback {
            // A headline repeated over a mere deck: the anchored run wins
            // unless the page's best run holds clearly more text.
            if score <= 0.0 || text_words(found) * 3 >= text_words((score, a, b)) {
                return (found.1, found.2);
            }
        }
        if score <= 0.0 {
            return (n, n);
        }
        (a, b)
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::text::test_support::*;

    #[test]
    fn boilerplate_tail_is_dropped() {
        let text = format!(
            "\nCouncil Approves Record Transport Budget\n{BODY}\
             Legal Disclaimer:\nEXAMPLEWIRE provides the\ninformation “as is” without warranty of any kind. We do not accept\n\
             any responsibility or liability for the accuracy, content, images,\nvideos, licenses, completeness, legality, or reliability of the information\n\
             contained in this article. If you have any complaints or copyright\nissues related to this article, kindly contact the provider above.\n\
             Most popular stories\nMarket Research\n\n\
             - Token Exchange Announces National Media Partnership To Reach Millions Of Households\n\
             - Crypto Insurer Secures $82M To Meet Soaring Demand For Savings\n\
             - New Chain Surges Ahead With Instant Finality And Expanding Ecosystem\n\
             Comments\nNo comment\n"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Council Approves Record Transport Budget")
        );
        assert_eq!(paragraphs(&a).len(), 4, "{:#?}", a.blocks);
        let all = everything(&a);
        for gone in [
            "Disclaimer",
            "warranty",
            "popular",
            "Market Research",
            "Token",
            "omment",
        ] {
            assert!(!all.contains(gone), "{gone:?} kept: {all}");
        }
        assert_eq!(a.source.as_deref(), Some("EXAMPLEWIRE"));
        let reasons: Vec<&str> = a.dropped.iter().map(|d| d.reason.as_str()).collect();
        assert!(
            reasons.iter().any(|r| r.contains("legal disclaimer")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("promo or link list")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("comments")),
            "{reasons:?}"
        );
        assert_nothing_invented(&text, &a);
    }

    #[test]
    fn a_calendar_under_its_headline_beats_a_promo_sidebar_after_the_tags() {
        let rows: String = [
            "1a etapa: 10 de março – Interlagos",
            "2a etapa: 8 de abril – Curitiba",
            "3a etapa: 22 de abril – Velopark",
            "4a etapa: 6 de maio – Londrina",
            "5a etapa: 20 de maio – Santa Cruz do Sul",
            "6a etapa: 5 de agosto – Corrida do Milhão",
        ]
        .map(|r| format!("{r}\n"))
        .concat();
        let promo = "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada, com todos os números e as análises dos nossos colunistas.\n";
        let text = format!(
            "Calendário Stock Car 2018 | Autoracing\n\nHome\nNotícias\nColunistas\n\n\
             Calendário Stock Car 2018\n22 de janeiro de 2018\n\n{rows}\nShare this on WhatsApp\n\
             Tags\ncalendario, stock car, interlagos\n\n» Power Ranking\n{promo}» Preview\n{promo}"
        );
        let a = clean(&text);
        let body = a.body_markdown();
        assert!(
            body.contains("1a etapa") && body.contains("Corrida do Milhão"),
            "{body}"
        );
        assert!(!body.contains("Clique"), "{body}");
        assert_nothing_invented(&text, &a);
    }

    #[test]
    fn navigation_at_the_top_is_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget | Example News\n\nHome\nNews\nPolitics\nBusiness\n\
             Sport\nCulture\nOpinion\nWeather\nSubscribe\nSign In\n\n\
             Council Approves Record Transport Budget\n\n{BODY}"
        );
        let a = clean(&text);
        let body = a.body_markdown();
        assert!(body.starts_with("The city council voted"), "{body}");
        assert!(!body.contains("Politics"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.reason.contains("navigation") && d.text.contains("Politics")));
    }

    /// A blog's sidebar: link lines, none of them text.
    const SIDEBAR: &str = "Archives\nMarginalia\nLinkage\nEngland in the Age of Improvement\n\
        Mondo Weiss\nRobot Wisdom\nUnspeak\nPickled Politics\nMinitrue\nKatheder\n\
        Lawyers Guns\nThe Head Heeb\nBanditry\nEuropean Tribune\n";

    #[test]
    fn a_repeated_headline_over_a_tagline_does_not_hide_the_body() {
        let text = format!(
            "Field Notes\n\nField Notes\n\n\
             Welcome to a weblog about cities, their harbours and their stubborn bridges.\n\
             {SIDEBAR}{SIDEBAR}{BODY}"
        );
        let a = clean(&text);
        let body = a.body_markdown();
        assert!(body.contains("The city council voted"), "{body}");
        assert!(
            body.contains("takes effect at the start of January"),
            "{body}"
        );
    }

    #[test]
    fn a_teaser_under_the_headline_gives_way_to_the_article_further_down() {
        // A news portal's page: the story's card in a list of stories
        // (headline, one teaser paragraph), the other cards, then the
        // article itself under the headline again.
        let teaser = "The city council approved a budget that raises spending on public transport by twelve percent, after a long debate about the northern bus routes and the revenue forecasts behind them.";
        let more = "Council members spent most of the evening on the northern routes, where riders have waited years for more buses.\n\
            The transport authority said it would publish a new timetable for those routes before the end of the year.\n\
            Residents who spoke at the meeting welcomed the vote, though several asked for the night services to come first.\n\
            The budget also pays for new shelters at forty stops and for a trial of ticket machines that take cards.\n";
        let text = format!(
            "Budget vote: buses win - Example News\n\nNews\nSport\nWeather\n\n\
             Budget vote: buses win\n{teaser}\n12 Comments\n\n\
             Storm closes the coast road\nHeavy rain closed the coast road for most of Monday, and the police asked drivers to stay at home until it is cleared.\n8 Comments\n\n\
             Library opens on Sundays\nThe central library will open on Sundays from next month, the first time in its history, after a campaign by its readers.\n3 Comments\n\n\
             Budget vote: buses win\nBy Ann Lee\n{BODY}{more}\nComments\nNo comment\n"
        );
        let a = clean(&text);
        let body = paragraphs(&a).join(" ");
        assert!(body.contains("new shelters at forty stops"), "{body}");
        assert!(body.contains("The mayor is expected"), "{body}");
        assert!(!body.contains("coast road"), "{body}");
        assert_eq!(a.authors, ["Ann Lee"]);
    }

    #[test]
    fn figures_are_told_from_ranks_and_years() {
        use super::is_figure;
        for yes in ["$915", "’17", "600", "24 10.4 -13.8", "12%", "1,200"] {
            assert!(is_figure(yes), "{yes}");
        }
        for no in [
            "1",
            "2.",
            "1 2 3",
            "2019",
            "billion",
            "$915 billion",
            "0",
            "1 2 3 4",
        ] {
            assert!(!is_figure(no), "{no}");
        }
    }

    #[test]
    fn a_chart_printed_as_text_does_not_end_the_article() {
        // A chart's labels, one per line, in the middle of the article:
        // the paragraphs after it are still the article.
        let chart: String = [
            "$915",
            "billion",
            "Interest payments",
            "$900",
            "600",
            "300",
            "$263",
        ]
        .iter()
        .chain(&[
            "0", "’17", "’18", "’19", "’20", "’21", "’22", "’23", "’24", "’25", "’26",
        ])
        .map(|l| format!("{l}\n\n"))
        .collect();
        let after = "Deficit hawks have gone silent in Washington, even proposing changes that would make the debt grow faster than before.\n\
            Economists say the country is entering territory it has not seen since the years after the Second World War.\n";
        let text = format!("Debt payments to pass defence spending\n\n{BODY}\n{chart}{after}");
        let a = clean(&text);
        let body = paragraphs(&a).join(" ");
        assert!(body.contains("Deficit hawks"), "{body}");
        assert!(body.contains("Second World War"), "{body}");
    }
}
