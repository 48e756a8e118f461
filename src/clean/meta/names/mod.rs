//! Authors, read one way for every cleaner.
//!
//! A page names many people and things near its headline: the writer, but
//! also other writers in "more from" teasers, the site, a show, a photo
//! credit, a job title, a login name, a template's unfilled placeholder. The
//! HTML and text cleaners each *collect* [`Candidate`]s (a raw value and the
//! [`Evidence`] it was seen with); [`Candidate::new`] splits a byline into
//! names and keeps only what can be a name; [`choose`] decides, the same way
//! for both, and [`explain`] lists what was seen for `--explain`.
//!
//! - [`is_person_name`]: could this string be a person's name?
//! - [`split_byline`]: "By Ann Lee and Bo Chan, Staff Writers | Nov 19" →
//!   `["Ann Lee", "Bo Chan"]`.
//!
//! Its files: `byline/` reads bylines (their labels, then in four steps
//! where the names end and how they split), `words.rs` says what can be a
//! name (the two tests, on the word lists of `lists.rs`), `given.rs` knows
//! given names (a statistic that admits shapes too risky without it),
//! `case.rs` writes a name set in capitals as a name,
//! `copyright.rs` reads a copyright line's holder, `choice.rs` chooses
//! between the candidates, and this file holds the candidates.

mod byline;
mod case;
mod choice;
mod copyright;
mod given;
mod lists;
mod words;

use super::Seen;
pub(crate) use byline::{
    after_dash, after_dated_label, date_start, dated_name, has_label, has_later_label,
    is_author_label, is_field_label, is_korean_byline, is_label, name_and_title, split_byline,
    strip_label, titled_name,
};
pub(crate) use case::from_capitals;
pub(crate) use choice::{choose, explain, personal_site, site_credit, spells_site};
pub(crate) use copyright::{copyright_holder, opens_with_copyright, sole_person};
pub(crate) use given::{is_bare_name, opens_with_given_name};
pub(crate) use words::{is_agency, is_login, is_person_name, is_signature, plausible_author};

/// How an author candidate was seen, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// JSON-LD `author` (or `creator`) of the article: written for machines
    /// by the site's CMS from its author record.
    JsonLd,
    /// `<meta name=author>`, `article:author`, `parsely-author`,
    /// `dc.creator` and the like: also the CMS's, but often a login name, a
    /// placeholder or the site itself.
    Meta,
    /// `<a rel=author>` or an element marked `itemprop=author`.
    RelAuthor,
    /// An element whose class or id says byline or author, by the headline.
    BylineElement,
    /// A short paragraph or line opening with "By" near the headline, with
    /// no markup saying what it is.
    ByLine,
    /// A full name alone in bold or italics under a paragraph of the text:
    /// the writer's signature, with no label at all.
    SignOff,
    /// The one person a copyright line after the text names ("© 2019 Sven
    /// Schreivogel"): a personal site's owner.
    Copyright,
    /// The one person an "about the author" box names.
    AuthorBox,
}

impl Evidence {
    /// The name `--explain` shows.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Evidence::JsonLd => "json-ld author",
            Evidence::Meta => "meta author",
            Evidence::RelAuthor => "rel=author / itemprop=author",
            Evidence::BylineElement => "byline element",
            Evidence::ByLine => "'By' line near the headline",
            Evidence::SignOff => "a name signed under the text",
            Evidence::Copyright => "the copyright line after the text",
            Evidence::AuthorBox => "an about-the-author box",
        }
    }

    /// Markup written for machines: its values are names, not display text
    /// with labels and dates around them, so a looser test applies.
    pub(crate) fn machine(self) -> bool {
        matches!(self, Evidence::JsonLd | Evidence::Meta)
    }

    /// Markup that says "author": it vouches for a one-word signature.
    pub(crate) fn marked(self) -> bool {
        matches!(self, Evidence::RelAuthor | Evidence::BylineElement)
    }

    /// Evidence that counts only when no other names anyone: a
    /// copyright line's holder, or an author box's name, is the writer of
    /// a page that names no one else, and otherwise just the site's owner
    /// or one of its writers.
    fn last_resort(self) -> bool {
        matches!(self, Evidence::Copyright | Evidence::AuthorBox)
    }

    fn weight(self) -> i32 {
        match self {
            Evidence::JsonLd => 6,
            Evidence::Meta => 5,
            Evidence::RelAuthor => 4,
            Evidence::BylineElement => 4,
            Evidence::ByLine => 3,
            Evidence::SignOff => 2,
            Evidence::Copyright => 1,
            Evidence::AuthorBox => 1,
        }
    }
}

/// One source's author value, and the names read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// As seen on the page (collapsed), for `--explain`.
    pub value: String,
    pub names: Vec<String>,
    pub evidence: Evidence,
    /// Whether the page prints these names. Markup written for machines
    /// may name someone the reader never sees (the CMS's account, a
    /// sister magazine); the HTML cleaner clears this for such metas.
    pub shown: bool,
}

impl Candidate {
    /// A candidate from one value ("By Ann Lee and Bo Chan", a meta
    /// `content`), or several values of the same source (a JSON-LD author
    /// list, repeated `dc.creator` metas), each split into names.
    pub(crate) fn new<S: AsRef<str>>(values: &[S], evidence: Evidence) -> Candidate {
        let mut names: Vec<String> = Vec::new();
        // Author markup vouches for one login among its values; several
        // side by side are a share bar's or a menu's words ("linkedin",
        // "print").
        let one_login = values
            .iter()
            .filter(|v| is_login(strip_label(v.as_ref())))
            .count()
            <= 1;
        for v in values {
            let line = v.as_ref();
            // A one-word signature counts only as the element's whole text
            // (after its label, which may follow the line's date:
            // "06.11.2023 13:30 von Olga"): "Donnerstag, 4. November" or
            // "Datum:" holds a word, not a signature.
            // (Markup for machines is judged by `plausible_author` alone:
            // its values are not searched for labels.)
            let after_label = match strip_label(line) {
                same if same.len() == line.trim().len() && !evidence.machine() => {
                    after_dated_label(line).map_or(same, strip_label)
                }
                stripped => stripped,
            };
            let labelled = after_label.len() < line.trim().len();
            let whole = after_label.trim_end_matches([',', ';']).trim();
            for n in split_byline(line) {
                // (A wire story signed by its agency alone passes either test.)
                let ok = if evidence.machine() {
                    plausible_author(&n)
                } else {
                    is_person_name(&n)
                        || (evidence.marked() && n == whole
                            || labelled && signs_off(after_label, &n)
                            // A label then a known given name, and nothing
                            // after: "… von Olga".
                            || labelled && n == whole && given::is_given_name(&n))
                            && is_signature(&n)
                        || evidence.marked() && n == whole && one_login && is_login(&n)
                } || n == whole && words::is_agency(&n);
                if ok && !names.iter().any(|m| same_name(m, &n)) {
                    names.push(n);
                }
            }
        }
        let value = values
            .iter()
            .map(|v| collapse(v.as_ref()))
            .collect::<Vec<_>>()
            .join(" ; ");
        Candidate {
            value,
            names,
            evidence,
            shown: true,
        }
    }
}

/// Whether a byline's text after its label signs with one word: the name,
/// then a separator or a date ("Von Robert - 31. Dezember 2019"). The
/// label and the stop after the name vouch for it as author markup does.
fn signs_off(after_label: &str, name: &str) -> bool {
    after_label.strip_prefix(name).is_some_and(|after| {
        let after = after.trim_start();
        after.starts_with(['-', '–', '—', '|', '·', '•', '/'])
            || after.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A login holding one of the page's `hosts` ("hausinfo" on hausinfo.ch,
/// "diaadiapa" on diaadia.com.pa): the site's own account, the publisher.
pub(crate) fn is_site_login(name: &str, hosts: &[String]) -> bool {
    let k = key(name);
    is_login(name)
        && hosts
            .iter()
            .any(|h| h.len() >= 4 && (k.contains(h.as_str()) || h.contains(&k)))
}

/// What follows a writer's name that opens `text`: "Ann Lee (@annlee) is a
/// reporter …" → "is a reporter …". The name is one of `writers` whole, or,
/// with `surname`, its last word alone ("Lee is …"); a parenthesis right
/// after it (an age, a handle: "(37)", "(@annlee)") is skipped. A writer's
/// bio opens so in every cleaner; what must follow differs by cleaner.
pub(crate) fn after_writer<'a>(
    text: &'a str,
    writers: &[String],
    surname: bool,
) -> Option<&'a str> {
    writers.iter().find_map(|name| {
        let rest = text.strip_prefix(name.as_str()).or_else(|| {
            let last = name.rsplit(' ').next().filter(|s| s.chars().count() >= 3)?;
            surname.then(|| text.strip_prefix(last)).flatten()
        })?;
        // The name ends at a word's end ("Ann Leeds" is not "Ann Lee").
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let rest = rest.trim_start();
        Some(rest.strip_prefix('(').map_or(rest, |x| {
            x.split_once(')').map_or(x, |(_, after)| after.trim_start())
        }))
    })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters only, lower case: "Ann  Lee" and "ANN LEE" are one name.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (key(untitled(a)), key(untitled(b)));
    !a.is_empty() && a == b
}

/// A name without the academic title before it: "Dr Marna van der
/// Merwe" in a byline is "Marna van der Merwe" in the JSON-LD, one writer.
fn untitled(name: &str) -> &str {
    let mut rest = name.trim_start();
    while let Some((first, after)) = rest.split_once(' ') {
        let title = matches!(
            first.trim_end_matches('.').to_lowercase().as_str(),
            "dr" | "prof" | "professor" | "mag" | "dipl"
        );
        if !title || after.trim().is_empty() {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        split_byline(s)
            .into_iter()
            .filter(|n| is_person_name(n))
            .collect()
    }

    #[test]
    fn splits_bylines() {
        assert_eq!(names("By Ann Lee and Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(names("By Jane Roe & John Doe"), ["Jane Roe", "John Doe"]);
        assert_eq!(
            names("By Ann Lee, Bo Chan and Cy Dee"),
            ["Ann Lee", "Bo Chan", "Cy Dee"]
        );
        assert_eq!(names("Par Sébastien Farcis"), ["Sébastien Farcis"]);
        // After a job title set off by a comma comes its outlet, until a
        // conjunction opens the next writer.
        assert_eq!(
            names("By Peter J. Westwood, Editor, Burns Chronicle"),
            ["Peter J. Westwood"]
        );
        assert_eq!(
            names("By Ann Lee, Staff Writer, and Bo Chan, Staff Writer"),
            ["Ann Lee", "Bo Chan"]
        );
        // A wire's credits: who reported and wrote, not who edited.
        assert_eq!(
            names("Reporting by Ann Lee and Bo Chan; Writing by Cy Dee; Editing by Ed Fox"),
            ["Ann Lee", "Bo Chan", "Cy Dee"]
        );
        assert_eq!(
            names("Reporting by Ann Lee Editing by Bo Chan"),
            ["Ann Lee"]
        );
        // Labels that say so only with their colon.
        assert_eq!(names("Autorin: Uta Staschewski"), ["Uta Staschewski"]);
        assert_eq!(names("Text: Max Mustermann"), ["Max Mustermann"]);
        assert_eq!(names("Redakteurin: Anna Müller"), ["Anna Müller"]);
        assert!(has_label("Autorin: Uta Staschewski") && has_label("Text: Max Mustermann"));
        assert!(!has_label("Text Messages From Ann Lee"));
        // A conjunction that is a name as well joins only in lower case.
        assert_eq!(names("By Dan Balz"), ["Dan Balz"]);
        assert_eq!(names("By Con Coughlin"), ["Con Coughlin"]);
        assert_eq!(names("Oleh Ann Lee dan Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(names("By Ann Lee And Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(names("By Nathan Willis March 25, 2015"), ["Nathan Willis"]);
        assert_eq!(
            names("By GILLIAN MOHNEY March 11, 2015 3:46 PM"),
            ["GILLIAN MOHNEY"]
        );
        assert_eq!(
            names("Written by Rob Ewaschuk Edited by Betsy Beyer"),
            ["Rob Ewaschuk"]
        );
        assert_eq!(
            names("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        // "A column by", "an interview by": the genre before the label.
        assert_eq!(names("Eine Kolumne von Nils Pickert"), ["Nils Pickert"]);
        assert!(has_label("Ein Kommentar von Ann Lee"));
        // The one an interview is "with" was interviewed; a co-writer
        // elsewhere.
        assert_eq!(
            names("Ein Interview von Eugen Zentner mit Sonja Silberhorn."),
            ["Eugen Zentner"]
        );
        assert_eq!(names("An interview by Ann Lee with Bo Chan"), ["Ann Lee"]);
        assert_eq!(names("By Ann Lee with Bo Chan"), ["Ann Lee", "Bo Chan"]);
        // Credited for the pictures, not the text.
        assert_eq!(
            names("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)"),
            ["Eleanor Ainge Roy"]
        );
        assert_eq!(names("Ann Lee (Fotos), Bo Chan"), ["Bo Chan"]);
        assert_eq!(
            names("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            ["Bradley M. Kuhn"]
        );
        assert_eq!(names("Ann Lee - Nov 19, 2019"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee | Updated 3 hours ago"), ["Ann Lee"]);
        // A block of labelled fields: the writer follows the byline's
        // label, and the next field's label ends the name.
        assert_eq!(
            names("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet"),
            ["Fritz Imhof"]
        );
        // A date line: the writer follows the label after the date.
        assert_eq!(
            names("Posted on September 21, 2020 by Adi Tzlil"),
            ["Adi Tzlil"]
        );
        assert_eq!(names("3. März 2020 von Max Muster"), ["Max Muster"]);
        // Others' credits after the writer's are not the writer's.
        assert_eq!(
            names("By Emily Way ; Fact-checked by Paul Rankin ; Tested by Katie Bandurski and Mary Henn"),
            ["Emily Way"]
        );
        assert_eq!(
            names("By Ann Lee Medically reviewed by Bo Chan, MD"),
            ["Ann Lee"]
        );
        assert!(names("Tested by Katie Bandurski and Mary Henn").is_empty());
        // A job title's rank and trade go with it.
        assert_eq!(
            names("Written by Camila Karalyte Junior Affiliate Content Writer"),
            ["Camila Karalyte"]
        );
        // A date printed first, and the names after it with no label.
        assert_eq!(names("Dec 17, 2025 Julian K. Arni"), ["Julian K. Arni"]);
        assert_eq!(names("12.05.2024 · 10:30 Ann Lee"), ["Ann Lee"]);
        assert_eq!(
            names("Oct 30, 2025 Alex David, Sönke Hahn, and Julian K. Arni"),
            ["Alex David", "Sönke Hahn", "Julian K. Arni"]
        );
        assert!(names("3 March 2020 updated").is_empty());
        // A credit for the text and the pictures together.
        assert_eq!(names("Text & Fotos: Ivan Valetny"), ["Ivan Valetny"]);
        assert_eq!(names("Words and pictures: Ann Lee"), ["Ann Lee"]);
        // A day's name, in any language known, ends the names.
        assert_eq!(names("Von Max Muster Montag, 3. März 2020"), ["Max Muster"]);
        // Without a date before it, "by" in a phrase is no label.
        assert!(names("Posted in Gardening by Season").is_empty());
        assert_eq!(
            names("Sara Zinnecker Stand: 12. Mai 2023"),
            ["Sara Zinnecker"]
        );
        assert_eq!(names("Richard (R.J.) Eskow"), ["Richard (R.J.) Eskow"]);
        assert_eq!(names("Ann Lee Ann Lee"), ["Ann Lee"]);
        // A list typed without spaces after its commas.
        assert_eq!(
            names("Sadhbh O'Sullivan,Elisabeth Kochan"),
            ["Sadhbh O'Sullivan", "Elisabeth Kochan"]
        );
        // "… ago" in other languages ends the names.
        assert_eq!(
            names("Isabel Caro , Rocío Latorre y José Miguel Wilson Hace 13 horas Tiempo"),
            ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]
        );
        // Two surnames joined by "y"/"e" are one name; a second writer
        // after it has a name of her own.
        assert_eq!(names("José Volta e Pinto"), ["José Volta e Pinto"]);
        assert_eq!(
            names("Por José Ortega y Gasset, Madrid"),
            ["José Ortega y Gasset"]
        );
        assert_eq!(
            names("Ana García y Pedro López"),
            ["Ana García", "Pedro López"]
        );
        assert_eq!(
            names("Von Jan Lukas Strozyk vor 3 Stunden"),
            ["Jan Lukas Strozyk"]
        );
        // A note in brackets; a job title before the name.
        assert_eq!(
            names("Autor: Samuel Diekmann (Sponsored Post), Redner bei rent-a-pastor.com"),
            ["Samuel Diekmann"]
        );
        assert_eq!(
            names("Von FOCUS-Online-Experte Robin Tschöpe"),
            ["Robin Tschöpe"]
        );
        assert_eq!(names("Chefredakteur Christoph Hein"), ["Christoph Hein"]);
        assert_eq!(
            names("Bruno (Henrique Zecchin) Rodrigues"),
            ["Bruno (Henrique Zecchin) Rodrigues"]
        );
        // Interface words in other languages are not names.
        assert!(names("Alle Beiträge").is_empty());
        assert!(!plausible_author("deinen Hochzeitsbloggern"));
        assert!(plausible_author("van der Berg"));
        assert_eq!(
            names("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR"),
            ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]
        );
    }

    #[test]
    fn label_is_not_part_of_the_name() {
        assert_eq!(names("Author: Michael Ansaldo"), ["Michael Ansaldo"]);
        assert_eq!(names("Written by: Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("AUTHOR Ann Lee"), ["Ann Lee"]);
        // "Written by" in other languages.
        assert_eq!(names("Erstellt von Andri Bryner"), ["Andri Bryner"]);
        // Blogger's German and Dutch "Posted by".
        assert_eq!(
            names("Eingestellt von Weinlachgummi Hauser um 10:00"),
            ["Weinlachgummi Hauser"]
        );
        assert_eq!(names("Geplaatst door Anna de Vries"), ["Anna de Vries"]);
        // "Text by", and the illustrator after it is not the writer.
        assert_eq!(
            names("Text von Christian Seiler \u{a0} Illustration von Markus Roost"),
            ["Christian Seiler"]
        );
        assert_eq!(names("Texte de Claire Dubois"), ["Claire Dubois"]);
        // Job titles in other languages, also as a compound's last part.
        assert_eq!(names("Christoph Hein Chefredakteur"), ["Christoph Hein"]);
        assert!(!is_person_name("FOCUS-Online-Experte Robin Tschöpe"));
        // A firm is a publisher, never the writer.
        assert!(names("Verlag GmbH & Co. KG").is_empty());
        assert!(!plausible_author("wegewerk GmbH") && !plausible_author("Acme Inc."));
        // … nor is an association: its legal form is not cut off as words
        // run on after a name.
        let meta = |v: &str| Candidate::new(&[v], Evidence::Meta).names;
        assert!(meta("Bund der Energieverbraucher e.V.").is_empty());
        assert!(names("Bund der Energieverbraucher e.V.").is_empty());
        assert_eq!(meta("Ann Lee FOXBusiness"), ["Ann Lee"]);
        assert!(!plausible_author("Super User") && !is_person_name("Super User"));
        assert!(is_person_name("Ev Williams") && is_person_name("Michael Co"));
        // A particle glued to the last name, as Arabic and French names
        // write it.
        assert!(is_person_name("Ahmed al-Omran") && is_person_name("Jean d'Alembert"));
        assert!(!is_person_name("Ahmed al-omran") && !is_person_name("Ahmed re-Omran"));
        // "A." is an initial, not the article; an article never ends a
        // name, so a last "An" is the name (Vietnamese, Korean).
        assert_eq!(names("By A. N. Lee"), ["A. N. Lee"]);
        assert!(is_person_name("Nguyen Van An") && is_person_name("Kim An"));
        assert!(!is_person_name("A Correspondent") && !is_person_name("An Observer"));
        // An honorific written short may open a name, not be one.
        assert_eq!(names("By Prof. Dr. Ann Lee"), ["Prof. Dr. Ann Lee"]);
        assert_eq!(names("Von Rev. Hans Müller"), ["Rev. Hans Müller"]);
        assert!(!is_person_name("Prof. Lee") && !is_person_name("Ann Prof. Lee"));
        // Labels in more languages: with their colon, or a word that
        // says "by" ("Af", Danish) or "wrote" ("Napisał", Polish).
        for line in [
            "Tekst: Ann Lee",
            "Szerző: Ann Lee",
            "Yazar: Ann Lee",
            "Kirjoittaja: Ann Lee",
            "Författare: Ann Lee",
            "Af Ann Lee",
            "Napisała Ann Lee",
        ] {
            assert!(has_label(line), "{line}");
            assert_eq!(names(line), ["Ann Lee"], "{line}");
        }
        assert_eq!(names("Автор: Анна Ли"), ["Анна Ли"]);
        // A short lower-case word before a number opens the date, in
        // any language.
        assert_eq!(
            names("Por Ana García el 3 de marzo de 2024"),
            ["Ana García"]
        );
        assert_eq!(names("Door Ann de Vries op 3 maart 2024"), ["Ann de Vries"]);
        // A name and its job title after a separator, with no label.
        for line in [
            "Ann Lee | Staff Writer",
            "Ann Lee — Senior Editor",
            "Ann Lee - Reporter",
            "Tom Lee, AP Auto Writer",
        ] {
            assert!(name_and_title(line).is_some(), "{line}");
        }
        assert_eq!(name_and_title("Paris, France"), None);
        assert_eq!(name_and_title("Ann Lee | Berlin"), None);
        assert!(plausible_author("Deutsche Welle") && plausible_author("Associated Press"));
        assert_eq!(names("Écrit par Ann Lee"), ["Ann Lee"]);
        // "An article by", with its article, in the languages read.
        assert_eq!(
            names("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45"),
            ["Pamela Sladky"]
        );
        assert_eq!(names("An article by Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Un article de Claire Dubois"), ["Claire Dubois"]);
        assert!(has_label("Ein Beitrag von Max Muster"));
        assert!(!has_label("Un artículo de opinión"));
        assert_eq!(names("Scritto da Anna Rossi"), ["Anna Rossi"]);
        // A page's interface lines, set alone like a name.
        assert!(!is_person_name("Printable Version") && !is_person_name("CLT Update"));
        assert!(!plausible_author("Agencies"));
        // "Da" alone is a name's particle, not a label.
        assert!(!has_label("Da Silva Santos"));
    }

    #[test]
    fn an_agency_code_or_a_comment_count_ends_the_names() {
        assert_eq!(names("Autor: Peter Maahn/SP-X"), ["Peter Maahn"]);
        assert_eq!(names("By Ann Lee/AFP"), ["Ann Lee"]);
        // A lowercase ending is the word's own (German gender forms).
        assert_eq!(
            split_byline("Verifizierte/r Tierfreund/in"),
            ["Verifizierte/r Tierfreund/in"]
        );
        assert_eq!(
            names("3. März 2020 von Max Muster Ein Kommentar"),
            ["Max Muster"]
        );
        assert_eq!(names("By Ann Lee No comments"), ["Ann Lee"]);
    }

    #[test]
    fn a_bracket_the_name_closes_stays() {
        assert_eq!(
            split_byline("史蒂文的家 (stevenhgm)"),
            ["史蒂文的家 (stevenhgm)"]
        );
        assert_eq!(
            split_byline("Bruno (Henrique Zecchin) Rodrigues"),
            ["Bruno (Henrique Zecchin) Rodrigues"]
        );
    }

    #[test]
    fn a_label_after_a_field_or_a_date_is_a_byline() {
        for line in [
            "Datum: 03.11.2021 Autor: Peter Maahn/SP-X",
            "Ear Candy! Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion",
            "Posted on September 21, 2020 by Adi Tzlil",
        ] {
            assert!(has_later_label(line), "{line}");
        }
        for line in [
            // A teaser's headline: words between the date and "von".
            "01.02.2022 WTA: Tochter von Hana Mandlikova gewinnt zwei Turniere",
            // The label's own words before it, not a field.
            "Sort By : Guide Picks | Alphabetical | Recent",
            "Porchdog designed by: Marlon Blackwell Architect",
            // A copyright line's credit.
            "© 2002-2006 University of Bristol Updated 16/10/2006 by Student Funding Office",
            // No label at all.
            "Datum: 03.11.2021 Quelle: Livenet",
        ] {
            assert!(!has_later_label(line), "{line}");
        }
    }

    #[test]
    fn outlet_after_a_comma_is_not_an_author() {
        assert_eq!(names("Jane Roe, USA TODAY"), ["Jane Roe"]);
        assert_eq!(names("By Jane Roe, CNN"), ["Jane Roe"]);
        assert_eq!(names("By Jane Roe | Reuters"), ["Jane Roe"]);
        assert_eq!(names("By Jill Disis, CNN Business"), ["Jill Disis"]);
        assert!(!plausible_author("The Water Coolest"));
    }

    #[test]
    fn job_titles_are_not_authors() {
        assert_eq!(
            names("By Chris Cillizza, CNN Editor-at-large"),
            ["Chris Cillizza"]
        );
        assert_eq!(names("By Ann Lee, Staff Writer"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee Senior Correspondent"), ["Ann Lee"]);
        assert!(!plausible_author("CNN Editor-at-large"));
        assert_eq!(names("By GREG BEACHAM, AP Sports Writer"), ["GREG BEACHAM"]);
        // Names set in capitals, and what the byline says of them after.
        assert_eq!(
            names("Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse"),
            ["LILIAN ALEMAGNA", "LAURE BRETTON"]
        );
        assert_eq!(names("Analysis by Chris Cillizza"), ["Chris Cillizza"]);
        // A credit is not a byline.
        assert!(!has_label("Portrait by George Del Barrio"));
        assert!(!has_label("Photo by Ann Lee"));
        assert!(names("Practical Horseman Editorial Staff").is_empty());
        assert!(names("By Science X staff").is_empty());
        assert_eq!(
            names("Kevin Johnson and Kevin McCoy USA TODAY"),
            ["Kevin Johnson", "Kevin McCoy"]
        );
        assert_eq!(names("Текст: Венера Ерофеева"), ["Венера Ерофеева"]);
        // Full-width punctuation reads as its ASCII form.
        assert_eq!(names("記者：王小明"), ["王小明"]);
        // The writer, not the translators ("著": written by; "訳",
        // "監訳", "翻訳者": translated, translation supervised, translator).
        assert_eq!(
            names("Eric Freeman　著、嶋田 健志　監訳、木下 哲也　訳"),
            ["Eric Freeman"]
        );
        assert_eq!(
            names("作者： Diogo Carleto 翻訳者 中村 真子"),
            ["Diogo Carleto"]
        );
        assert_eq!(names("Ann Lee, 翻訳者 中村 真子"), ["Ann Lee"]);
        assert_eq!(names("文：李四、张三"), ["李四", "张三"]);
        // Korean: the dateline before "=", the post and "and others" after.
        assert_eq!(names("순천·광양=구현모 기자"), ["구현모"]);
        assert_eq!(names("(서울=연합뉴스) 홍길동 기자"), ["홍길동"]);
        assert_eq!(names("박준석 기자 외 1명"), ["박준석"]);
        assert_eq!(names("김철수 특파원, 이영희기자"), ["김철수", "이영희"]);
        assert_eq!(names("광양 구현모 기자 ninek@hankookilbo.com"), ["구현모"]);
        assert_eq!(names("By Meg James Staff Writer"), ["Meg James"]);
        // The title's beat run on before it is the title's, not the name's.
        assert_eq!(names("By Ann Lee Business Columnist"), ["Ann Lee"]);
        assert_eq!(
            names("Steven Davidoff Solomon National Security Writer"),
            ["Steven Davidoff Solomon"]
        );
        assert_eq!(
            names("By Kashmira Gander On 11/13/19 at 4:00 PM EST"),
            ["Kashmira Gander"]
        );
        assert_eq!(names("By Jonathan Garber FOXBusiness"), ["Jonathan Garber"]);
        // A part after the first that goes on in a phrase describes the
        // writer before it.
        assert_eq!(
            names("Povilas Aleksandravičius, Mykolo Romerio universiteto Žmogaus ir visuomenės studijų fakulteto profesorius, Lrt.lt"),
            ["Povilas Aleksandravičius"]
        );
        assert_eq!(
            names("Ann Lee, Bo Chan Smithers"),
            ["Ann Lee", "Bo Chan Smithers"]
        );
        assert_eq!(
            names("By Megan Rowe meganr@spokesman.com (509) 459-5382"),
            ["Megan Rowe"]
        );
        // A handle after each writer: it ends the names, or lists the next.
        assert_eq!(
            names("By April Roach @aprilroach28 Daniel O'Mahony 01 October 2020"),
            ["April Roach", "Daniel O'Mahony"]
        );
        assert_eq!(
            names("by Lewis White @lewis_d_white Nov 19, 2019 at 9:08 GMT"),
            ["Lewis White"]
        );
        assert_eq!(
            names("By Steven Mufson March 18 at 12:22 PM Follow @StevenMufson"),
            ["Steven Mufson"]
        );
        // The interviewer's credit signs an interview.
        assert_eq!(
            names("Propos recueillis par Marie DUPONT"),
            ["Marie DUPONT"]
        );
        assert_eq!(names("Recueilli par Patrick ANGEVIN."), ["Patrick ANGEVIN"]);
        assert_eq!(names("Aufgezeichnet von Anna Schmidt"), ["Anna Schmidt"]);
        assert_eq!(
            names("Von Moritz Bachmann publiziert am 25. September 2018"),
            ["Moritz Bachmann"]
        );
        assert!(!is_person_name("Our Foreign Staff"));
        // Jobs outside the newsroom, and a beat the title runs on from.
        assert_eq!(
            names("Posted by Andrew Hayden, Software Engineer"),
            ["Andrew Hayden"]
        );
        assert!(names("Former Morton Thiokol Engineer").is_empty());
        assert!(!plausible_author("Registered Member"));
        assert_eq!(
            names("By Paul Reynolds World Affairs correspondent, BBC News website"),
            ["Paul Reynolds"]
        );
    }

    #[test]
    fn login_names_and_placeholders_are_not_names() {
        for bad in [
            "andrew.keaveney",
            "CC7567",
            "page.head.extra.author",
            "FAIL",
            "AFP",
            "{{author}}",
            "@annlee",
            "jdoe",
            "AMournfulHowlInTheNight",
            "No Author",
            "N/A",
        ] {
            assert!(!plausible_author(bad), "{bad}");
            assert!(!is_person_name(bad), "{bad}");
        }
        assert!(plausible_author("Creator Name"));
        assert!(plausible_author("Organization for Transformative Works"));
        assert!(plausible_author("史蒂文的家"));
    }

    #[test]
    fn navigation_and_credits_are_not_names() {
        for bad in [
            "View more posts",
            "By Any Means Necessary",
            "Photo credit Getty Images",
            "More Stories",
            "Follow Author",
            "Share on Twitter",
            // A photo's credit in a script without case.
            "Фото из Инстаграма Лукаша Подольски",
            // The place beside the byline.
            "Em São Paulo (SP)",
        ] {
            assert!(names(bad).is_empty(), "{bad}: {:?}", names(bad));
        }
        // A section's or the news's name where a byline stands.
        for section in ["Internacional", "Politik", "Nachrichten"] {
            assert!(!is_signature(section), "{section}");
            assert!(!plausible_author(section), "{section}");
        }
        assert!(is_signature("Matthias"));
        assert!(is_person_name("Ludwig van Beethoven"));
        assert!(is_person_name("Nelson D. Schwartz"));
        assert!(is_person_name("Gina Roberts-Grey"));
        assert!(is_person_name("Shaun O'Brien"));
        assert!(is_person_name("JOE HILDEBRAND"));
        assert!(is_person_name("Aleš Vávra"));
        assert!(!is_person_name("Ann"));
    }

    #[test]
    fn a_date_and_a_full_name_apart_name_the_writer() {
        for (line, want) in [
            ("11.12.2019 - Amelie Loevenich", Some("Amelie Loevenich")),
            ("Ann Lee | 3 March 2020", Some("Ann Lee")),
            ("25.10.2022 – Reiner Nagel", Some("Reiner Nagel")),
            // What follows the first two parts does not matter.
            (
                "Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com",
                Some("Gunter Frank"),
            ),
            // A section, a place in capitals, one word, a sentence.
            ("12.03.2020 - Politik", None),
            ("12.03.2020 - BAD HOMBURG", None),
            ("12.03.2020 - Council votes to expand the network", None),
            // No date on either side.
            ("Ann Lee - Bo Chan", None),
            // No separator: a name run into its date opens with a given
            // name; a masthead, a dateline's city do not.
            ("Mike Conley December 18, 2020", Some("Mike Conley")),
            ("Las Vegas Tribune April 1, 2005", None),
            ("Sarah Lee, March 3, 2024", None),
        ] {
            assert_eq!(dated_name(line), want, "{line}");
        }
    }

    #[test]
    fn plain_by_lines() {
        assert!(has_label("By Jane Roe and John Doe"));
        // A signature's dash before the label.
        assert!(has_label("-- By Jane Roe") && has_label("— By Jane Roe"));
        assert_eq!(strip_label("— By Jane Roe"), "Jane Roe");
        // A template's label before the writer's own.
        assert_eq!(strip_label("By by Jane Roe"), "Jane Roe");
        assert_eq!(strip_label("Von: von Jane Roe"), "Jane Roe");
        assert_eq!(strip_label("By Von Miller"), "Von Miller");
        assert_eq!(strip_label("— Jane Roe"), "— Jane Roe");
        assert_eq!(after_dash("–Jane Roe"), Some("Jane Roe"));
        assert_eq!(after_dash("--- Jane Roe"), None);
        assert_eq!(after_dash("Jane Roe"), None);
        assert_eq!(names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert!(!has_label("By the way, the council met."));
        assert!(!has_label("Bylines are short"));
    }
}
