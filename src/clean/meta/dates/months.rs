//! Month and weekday names: the one table of each that the date reader,
//! the date-line tests of both cleaners and the byline reader (a month or
//! a day is not a name) all use.

use std::sync::OnceLock;

/// Full month names, lowercase, in the languages the cleaners know, with
/// the spellings pages write without accents ("fevrier", "marco"). Polish,
/// Czech, Russian and Ukrainian dates use the genitive ("1 listopada",
/// "1. listopadu", "15 августа"), so those are the forms here.
const MONTHS: &[(&str, u32)] = &[
    // English first: its names give the abbreviations ("Nov", "Sept").
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // German, Danish and Norwegian (januar, februar, august, … as English).
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("marts", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French.
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish.
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Portuguese.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian.
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch, Swedish, Indonesian and Malay.
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("maret", 3),
    ("mei", 5),
    ("maj", 5),
    ("augustus", 8),
    ("augusti", 8),
    ("agustus", 8),
    ("desember", 12),
    // Polish (genitive).
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Czech (genitive).
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Russian (genitive).
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Ukrainian (genitive).
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Romanian.
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Hungarian.
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Finnish (partitive, as dates write them: "15. maaliskuuta").
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Serbian and Bosnian (Latin; januar, mart, … as German and
    // Turkish).
    ("avgust", 8),
    ("septembar", 9),
    ("oktobar", 10),
    ("novembar", 11),
    ("decembar", 12),
    // Bulgarian.
    ("януари", 1),
    ("февруари", 2),
    ("март", 3),
    ("април", 4),
    ("май", 5),
    ("юни", 6),
    ("юли", 7),
    ("август", 8),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    // Greek (genitive), with and without accents: capitals drop them.
    ("ιανουαρίου", 1),
    ("ιανουαριου", 1),
    ("φεβρουαρίου", 2),
    ("φεβρουαριου", 2),
    ("μαρτίου", 3),
    ("μαρτιου", 3),
    ("απριλίου", 4),
    ("απριλιου", 4),
    ("μαΐου", 5),
    ("μαιου", 5),
    ("ιουνίου", 6),
    ("ιουνιου", 6),
    ("ιουλίου", 7),
    ("ιουλιου", 7),
    ("αυγούστου", 8),
    ("αυγουστου", 8),
    ("σεπτεμβρίου", 9),
    ("σεπτεμβριου", 9),
    ("οκτωβρίου", 10),
    ("οκτωβριου", 10),
    ("νοεμβρίου", 11),
    ("νοεμβριου", 11),
    ("δεκεμβρίου", 12),
    ("δεκεμβριου", 12),
    // Turkish.
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
];

/// The number of the twelve English months, the first rows of [`MONTHS`].
const ENGLISH: usize = 12;

/// [`MONTHS`] sorted by name: a name or the names an abbreviation opens
/// are found by a binary search, as these tests run on many words of every
/// page (each word of a byline is asked whether it is a month).
fn by_name() -> &'static [(&'static str, u32)] {
    static SORTED: OnceLock<Vec<(&'static str, u32)>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v = MONTHS.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// The month of a full name in any known language.
fn full_name(n: &str) -> Option<u32> {
    let names = by_name();
    let at = names.partition_point(|(full, _)| *full < n);
    names
        .get(at)
        .filter(|(full, _)| *full == n)
        .map(|&(_, m)| m)
}

/// A month's number from its name in one of the languages the cleaners
/// know, or an abbreviation ("Nov", "Sept", "Okt").
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    full_name(&n).or_else(|| abbreviation(&n))
}

/// An abbreviation's month: at least three letters of a name. English
/// first ("Mar" is March whatever else it could be); then any language's,
/// when every name it opens is the same month: "Okt", "Dez", "déc", "ago"
/// read, "jui" (juin or juillet) does not.
fn abbreviation(n: &str) -> Option<u32> {
    if n.chars().count() < 3 {
        return None;
    }
    let english = MONTHS[..ENGLISH]
        .iter()
        .find(|(full, _)| full.starts_with(n))
        .map(|&(_, m)| m);
    english.or_else(|| {
        let names = by_name();
        let from = names.partition_point(|(full, _)| *full < n);
        let mut months = names[from..]
            .iter()
            .take_while(|(full, _)| full.starts_with(n))
            .map(|&(_, m)| m);
        let first = months.next()?;
        months.all(|m| m == first).then_some(first)
    })
}

/// Whether a lowercase word is a month's full name in any known language,
/// where a line of text may hold other words: "Sept" counts; "may" and
/// the three-letter abbreviations ("mar", "jan") do not, being words and
/// names too.
pub(crate) fn is_month_name(w: &str) -> bool {
    w == "sept" || w != "may" && full_name(w).is_some()
}

/// Whether a lowercase word is a month's name or an English abbreviation
/// of it ("nov", "sept"): for lines already known to be made of date
/// words.
pub(crate) fn is_month_word(w: &str) -> bool {
    full_name(w).is_some() || abbreviation(w).is_some()
}

/// Days of the week, full names, lowercase: English, German, French,
/// Dutch, Spanish and Italian, with the spellings pages write without
/// accents. Not "domingo" or "domenica": they are names too ("Plácido
/// Domingo").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
];

/// Whether a lowercase word is a day's full name ("monday", "montag").
pub(crate) fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// Whether a lowercase word is a day's full name or an English
/// abbreviation of it ("mon", "tues"): for lines already known to be made
/// of date words.
pub(crate) fn is_weekday_word(w: &str) -> bool {
    const SHORT: &[&str] = &[
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    is_weekday(w) || SHORT.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_many_languages_and_their_abbreviations() {
        for (w, m) in [
            ("November", 11),
            ("Nov.", 11),
            ("sept", 9),
            ("Maret", 3),
            ("listopadu", 11),
            ("października", 10),
            ("Şubat", 2),
            ("fevrier", 2),
            ("августа", 8),
            ("Листопада", 11),
            // Other languages' abbreviations, where the letters open one
            // month only.
            ("Okt", 10),
            ("Dez.", 12),
            ("déc.", 12),
            ("juil", 7),
            ("ago", 8),
        ] {
            assert_eq!(month_number(w), Some(m), "{w}");
        }
        // "jui" opens juin and juillet.
        assert_eq!(month_number("jui"), None);
        assert_eq!(month_number("no"), None);
        assert_eq!(month_number("mayor"), None);
        assert!(is_month_name("march") && is_month_name("sept"));
        assert!(!is_month_name("mar") && !is_month_name("may"));
        assert!(is_month_word("mar") && is_month_word("décembre") && !is_month_word("ma"));
    }

    #[test]
    fn weekdays_in_many_languages_and_english_abbreviations() {
        for w in [
            "monday",
            "montag",
            "samedi",
            "woensdag",
            "miércoles",
            "venerdì",
        ] {
            assert!(is_weekday(w), "{w}");
        }
        // Abbreviations only where a line is known to be made of dates.
        assert!(!is_weekday("mon") && is_weekday_word("mon") && is_weekday_word("thurs"));
        // Names too: never read as a day.
        assert!(!is_weekday("domingo") && !is_weekday("domenica") && !is_weekday("may"));
    }
}
