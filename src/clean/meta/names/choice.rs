//! The choice between author candidates: which of the names a page
//! gives, in its markup and by its headline, are the article's writers.
//! Agreement between kinds of evidence counts, the site and its desks are
//! no writers, an agency signs a wire story only when no one else is
//! named, and a fuller list of the same writers wins when others second
//! its added names.

use super::*;

/// Words for "from" that open a credit to the site ("Do UOL", Portuguese
/// for "from UOL"; "Von SPIEGEL"), in the languages the cleaner reads.
const FROM_WORDS: &[&str] = &["from", "do", "da", "de", "del", "von", "vom", "du", "des"];

/// The candidates as `--explain` shows them; `chosen` is what [`choose`]
/// returned.
pub(crate) fn explain(candidates: &[Candidate], chosen: Option<usize>) -> Vec<Seen> {
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let read = if c.names.is_empty() {
                "no name in it".to_string()
            } else if !c.shown {
                format!("names: {}; not printed on the page", c.names.join(", "))
            } else {
                format!("names: {}", c.names.join(", "))
            };
            Seen {
                field: "authors",
                value: c.value.chars().take(200).collect(),
                from: format!("{}; {read}", c.evidence.label()),
                chosen: (Some(i) == chosen).then(|| {
                    format!(
                        "{}; the strongest evidence that agrees with the others and is not the site (or the site, when author markup names it and nothing names anyone)",
                        c.evidence.label()
                    )
                }),
            }
        })
        .collect()
}

/// The article's authors from the candidates a cleaner saw (in document
/// order within each kind of evidence), and the index of the candidate
/// they came from. `sites`: the site's and publisher's names.
///
/// - A candidate whose names are all the site's name loses: a publisher is
///   not a writer (when it is all there is, see [`site_credit`]).
/// - Sources that agree on a name count: a byline that repeats the meta
///   author outweighs a JSON-LD list that names someone else.
/// - A lone word ("FAIL", "Staff") loses to a full name.
/// - A news agency alone ("dpa", "The Associated Press") signs a wire
///   story; a writer named anywhere comes first, and an agency credited
///   beside writers ("Adam Vidler with AP") stays in the credit.
/// - Markup naming someone the page never prints loses to a byline the
///   reader sees ("Auto Illustrierte" in `<meta name=author>` against
///   "Text & Fotos: Ivan Valetny" under the headline).
/// - Otherwise the stronger evidence, then the earlier candidate, wins.
pub(crate) fn choose(candidates: &[Candidate], sites: &[&str]) -> (Vec<String>, Option<usize>) {
    let sites: Vec<&str> = sites
        .iter()
        .copied()
        .filter(|s| !personal_site(s))
        .collect();
    let site_keys: Vec<String> = sites
        .iter()
        .map(|s| key(s))
        .filter(|k| k.len() >= 2)
        .collect();
    // The site's name after a word for "from" ("Do UOL", "From the BBC"
    // would be written so) is the site too.
    let from_site = |n: &str| {
        n.split_once(' ').is_some_and(|(first, rest)| {
            FROM_WORDS.contains(&first.to_lowercase().as_str()) && site_keys.contains(&key(rest))
        })
    };
    let is_site = |n: &str| {
        let k = key(n);
        from_site(n)
            || site_keys.iter().any(|s| {
                *s == k
                    || k.len() >= 4 && s.contains(&k)
                    || s.len() >= 4 && k.contains(s.as_str()) && k.len() <= s.len() + 4
            })
    };
    // The site's distinctive words ("Telegraph" of "The Telegraph"): a
    // desk named after the site ("Telegraph Sport") is not a person. A
    // full name that opens with a given name is one, though the site is
    // named after them ("Martin Jendrischik" of "Jendrischik PR").
    let site_words: Vec<String> = sites
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(key)
        .filter(|w| w.chars().count() >= 5)
        .collect();
    let is_site = |n: &str| {
        is_site(n)
            || n.split_whitespace().count() <= 3
                && n.split_whitespace().any(|w| site_words.contains(&key(w)))
                && !(opens_with_given_name(n) && is_person_name(n))
    };
    // "Elliot Brownstein Florida Today": the site's name run on after the
    // writer's.
    let strip_site = |n: &String| -> String {
        let ws: Vec<&str> = n.split(' ').collect();
        for j in 1..=3.min(ws.len().saturating_sub(2)) {
            let tail = key(&ws[ws.len() - j..].join(" "));
            if site_keys.contains(&tail) {
                return ws[..ws.len() - j].join(" ");
            }
        }
        n.clone()
    };
    // A candidate's names, less the site's name.
    let own = |c: &Candidate| -> Vec<String> {
        c.names
            .iter()
            .map(strip_site)
            .filter(|n| !is_site(n))
            .collect()
    };
    // How many kinds of evidence, other than `but`, name one of `names`.
    let kinds = |names: &[String], but: Option<Evidence>| {
        candidates
            .iter()
            .filter(|o| Some(o.evidence) != but)
            .filter(|o| {
                o.names
                    .iter()
                    .any(|m| names.iter().any(|n| same_name(m, n)))
            })
            .map(|o| o.evidence)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    // Only markup saying "author" vouches for the byline: an unmarked
    // "By" line may be a shop's "By Course or Type" or a review's "Von:".
    let byline_seen = candidates
        .iter()
        .any(|c| c.evidence.marked() && !own(c).is_empty());
    // An agency signs a wire story when no one else is named: a paper's
    // own writer, who rewrote it, comes first.
    let wire = |names: &[String]| names.iter().all(|n| words::is_agency(n));
    let people_named = candidates.iter().any(|c| {
        let names = own(c);
        !c.evidence.last_resort() && !names.is_empty() && !names.iter().any(|n| words::is_agency(n))
    });
    let others_named = candidates
        .iter()
        .any(|c| !c.evidence.last_resort() && !own(c).is_empty());
    let mut best: Option<(i32, usize, Vec<String>)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let names = own(c);
        if names.is_empty() || c.evidence.last_resort() && others_named {
            continue;
        }
        let mut score = c.evidence.weight() * 10;
        score += 25 * kinds(&names, Some(c.evidence)) as i32;
        if names.iter().all(|n| !n.contains(' ')) {
            score -= 25;
        }
        // A login ("whilden") is the last resort: a signed name beats it.
        if names.iter().all(|n| is_login(n)) {
            score -= 5;
        }
        if wire(&names) && people_named {
            score -= 30;
        }
        if !c.shown && byline_seen {
            score -= 35;
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, i, names));
        }
    }
    // One source lists only the first of several writers (a JSON-LD
    // `author` holding one name where the byline and the metas list two):
    // the fuller list that contains every chosen name wins, when two kinds
    // of evidence name each added writer (one kind alone also lists
    // desks, job titles and link texts).
    // A byline element that opens with its label ("von Rudolf Fischer,
    // Simon Kohler") is the credit as printed: a full name there that
    // opens with a known given name needs no second ("Freier Autor",
    // "Technology Project" do).
    let seconded = |n: &String| kinds(std::slice::from_ref(n), None) >= 2;
    let printed = |c: &Candidate, n: &String| {
        c.evidence == Evidence::BylineElement
            && has_label(&c.value)
            && is_person_name(n)
            && opens_with_given_name(n)
    };
    if let Some((_, i, names)) = &mut best {
        let fuller = candidates
            .iter()
            .enumerate()
            .filter(|(k, _)| k != i)
            .map(|(k, c)| (k, c, own(c)))
            .filter(|(_, c, all)| {
                all.len() > names.len()
                    && names.iter().all(|n| all.iter().any(|m| same_name(m, n)))
                    && all.iter().all(|m| {
                        names.iter().any(|n| same_name(m, n)) || seconded(m) || printed(c, m)
                    })
            })
            .map(|(k, _, all)| (k, all))
            .max_by_key(|(k, all)| (all.len(), std::cmp::Reverse(*k)));
        if let Some((k, all)) = fuller {
            *i = k;
            *names = all;
        }
    }
    if let Some((_, i, names)) = &mut best {
        // A blog's display name ("Nils", in JSON-LD and the author meta)
        // that a byline gives in full ("Eine Kolumne von Nils Pickert"):
        // the full name, when exactly one full name opens with that word.
        for n in names.iter_mut().filter(|n| !n.contains(' ')) {
            let full: std::collections::BTreeSet<String> = candidates
                .iter()
                .enumerate()
                .filter(|(k, c)| *k != *i && c.shown && !c.evidence.last_resort())
                .flat_map(|(_, c)| own(c))
                .filter(|m| {
                    let words: Vec<&str> = m.split_whitespace().collect();
                    (2..=3).contains(&words.len())
                        && same_name(words[0], n)
                        && words.iter().all(|w| w.starts_with(char::is_uppercase))
                        && is_person_name(m)
                })
                .collect();
            if let [one] = Vec::from_iter(full).as_slice() {
                *n = one.clone();
            }
        }
        // Two display names of one writer are one writer.
        let mut seen = std::collections::BTreeSet::new();
        names.retain(|n| seen.insert(key(n)));
    }
    if let Some((_, i, names)) = &mut best {
        // "Emma Mackenzie Lifestyle Writer": a beat the desk list does not
        // know, run on before the job title, reads as a third word of the
        // name. Another source naming the writer without it settles it.
        for n in names.iter_mut() {
            if let Some(short) = before_run_on_beat(n, &candidates[*i].value, candidates) {
                *n = short;
            }
        }
    }
    match best {
        Some((_, i, names)) => (names, Some(i)),
        None => (Vec::new(), None),
    }
}

/// The site's name as the page's credit, when [`choose`] found no one
/// (last resorts included): author markup (JSON-LD `author`, an author
/// meta, `rel=author`) that names only the site ("BBC News", "Solarserver")
/// is the page crediting its newsroom. A byline naming only the site is
/// not read so: it is as often a masthead or a section. The names, and the
/// candidate they came from.
pub(crate) fn site_credit(candidates: &[Candidate]) -> Option<(Vec<String>, usize)> {
    let declares = |e: Evidence| e.machine() || e == Evidence::RelAuthor;
    candidates
        .iter()
        .enumerate()
        // One name, one value's whole text after its label ("von AUTO
        // ZEITUNG"): a part of it ("Bündnis" of "Bündnis 90/Die Grünen")
        // is no one's credit.
        .filter(|(_, c)| {
            declares(c.evidence)
                && c.names.len() == 1
                && c.value
                    .split(" ; ")
                    .any(|v| strip_label(v).trim() == c.names[0])
        })
        .min_by_key(|(i, c)| (c.evidence, *i))
        .map(|(i, c)| (c.names.clone(), i))
}

/// `name` less its last word, when in `value` a job word follows `name`
/// and another candidate names the writer so.
fn before_run_on_beat(name: &str, value: &str, candidates: &[Candidate]) -> Option<String> {
    let (head, _) = name.rsplit_once(' ')?;
    let next = value.split(name).nth(1)?.split_whitespace().next()?;
    (head.contains(' ')
        && words::role_word(&words::bare_lower(next))
        && candidates.iter().any(|c| c.names.iter().any(|m| m == head)))
    .then(|| head.to_string())
}

/// A site named as a person ("Wolfgang Michal" on wolfgangmichal.de), or
/// as a person's ("Daniel Lemire's blog"): a blog whose writer is its
/// owner, not a publisher hiding the writer.
pub(crate) fn personal_site(site: &str) -> bool {
    let owner = ["'s ", "’s "]
        .iter()
        .find_map(|s| site.split_once(s).map(|(owner, _)| owner))
        .or_else(|| site.strip_suffix("'s"))
        .or_else(|| site.strip_suffix("’s"));
    given::is_bare_name(site) || owner.is_some_and(given::is_bare_name)
}

/// Whether `name` is the site's name, or its first words: "EFC Bayrische
/// Bembel" on the site its `<title>` calls "EFC Bayrische Bembel
/// Regensburg". Word by word, and two words at least: a login that grows
/// out of the name ("Limespacer" on "LimeSpace") is a writer's.
pub(crate) fn spells_site(name: &str, site: &str) -> bool {
    let site: Vec<String> = site.split_whitespace().map(key).collect();
    let name: Vec<String> = name.split_whitespace().map(key).collect();
    name.len() >= 2 && name.len() <= site.len() && site[..name.len()] == name[..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(v: &[&str], e: Evidence) -> Candidate {
        Candidate::new(v, e)
    }

    #[test]
    fn markup_the_page_never_prints_loses_to_a_marked_byline_only() {
        let mut hidden = cand(&["Auto Illustrierte"], Evidence::Meta);
        hidden.shown = false;
        let marked = cand(&["Text & Fotos: Ivan Valetny"], Evidence::BylineElement);
        let unmarked = cand(&["Von Ivan Valetny"], Evidence::ByLine);
        assert_eq!(choose(&[hidden.clone(), marked], &[]).0, ["Ivan Valetny"]);
        assert_eq!(choose(&[hidden, unmarked], &[]).0, ["Auto Illustrierte"]);
    }

    #[test]
    fn the_site_its_title_names_is_not_an_author() {
        let site = "EFC Bayrische Bembel Regensburg";
        assert!(spells_site("EFC Bayrische Bembel", site));
        assert!(spells_site("efc bayrische bembel regensburg", site));
        assert!(!spells_site("Limespacer", "LimeSpace"));
        assert!(!spells_site("Bayrische Bembel", site));
        assert!(!spells_site("EFC", site));
    }

    #[test]
    fn the_site_is_not_an_author() {
        let site = cand(&["The Daily Example"], Evidence::JsonLd);
        let byline = cand(&["By Ann Lee"], Evidence::ByLine);
        assert_eq!(
            choose(&[site.clone(), byline.clone()], &["The Daily Example"]).0,
            ["Ann Lee"]
        );
        // Named by author markup and no one else named: the newsroom
        // credited as the page credits it. A byline naming only the site
        // is no credit.
        let site = cand(&["Daily Example"], Evidence::JsonLd);
        assert!(choose(std::slice::from_ref(&site), &["Daily Example"])
            .0
            .is_empty());
        assert_eq!(
            site_credit(&[site]),
            Some((vec!["Daily Example".into()], 0))
        );
        // The site after a word for "from" is the site.
        let from = cand(&["Do UOL"], Evidence::BylineElement);
        assert!(choose(std::slice::from_ref(&from), &["UOL"]).0.is_empty());
        let person = cand(&["De Niro"], Evidence::BylineElement);
        assert_eq!(
            choose(std::slice::from_ref(&person), &["UOL"]).0,
            ["De Niro"]
        );
        let by_site = cand(&["By Daily Example"], Evidence::ByLine);
        assert_eq!(site_credit(&[by_site]), None);
        // A label is not part of the credit; a part of a name is no credit.
        let labelled = cand(&["von AUTO ZEITUNG"], Evidence::JsonLd);
        assert_eq!(
            site_credit(&[labelled]).map(|c| c.0),
            Some(vec!["AUTO ZEITUNG".into()])
        );
        let part = cand(
            &["Bündnis 90/Die Grünen Bundestagsfraktion"],
            Evidence::Meta,
        );
        assert_eq!(site_credit(&[part]), None);
        let run_on = cand(
            &["Elliot Brownstein Florida Today"],
            Evidence::BylineElement,
        );
        assert_eq!(
            choose(&[run_on], &["floridatoday"]).0,
            ["Elliot Brownstein"]
        );
        // A desk named after the site is no person: a writer named
        // anywhere comes first.
        let desk = cand(&["Telegraph Sport"], Evidence::Meta);
        let writer = cand(&["Ann Lee"], Evidence::BylineElement);
        assert_eq!(choose(&[desk, writer], &["The Telegraph"]).0, ["Ann Lee"]);
        // A writer the site is named after is still the writer.
        let owner = cand(&["Martin Jendrischik"], Evidence::JsonLd);
        assert_eq!(
            choose(&[owner], &["Jendrischik PR, Leipzig"]).0,
            ["Martin Jendrischik"]
        );
    }

    #[test]
    fn a_labelled_byline_adds_the_writers_the_markup_leaves_out() {
        let ld = cand(&["Rudolf Fischer"], Evidence::JsonLd);
        let meta = cand(&["Rudolf Fischer"], Evidence::Meta);
        let printed = |v: &str| cand(&[v], Evidence::BylineElement);
        let both = choose(
            &[
                ld.clone(),
                meta.clone(),
                printed("von Rudolf Fischer, Simon Kohler"),
            ],
            &[],
        );
        assert_eq!(both.0, ["Rudolf Fischer", "Simon Kohler"]);
        // A job title or a desk is no second writer.
        let title = choose(
            &[ld, meta, printed("Von Rudolf Fischer, Freier Autor")],
            &[],
        );
        assert_eq!(title.0, ["Rudolf Fischer"]);
    }

    #[test]
    fn a_last_resort_counts_only_when_nothing_else_names_anyone() {
        let first_name = cand(&["Posted by Konstantin | 21.10.2019"], Evidence::ByLine);
        let copyright = cand(&["Konstantin Tretyakov"], Evidence::Copyright);
        let about = cand(&["Johanna Kropfitsch"], Evidence::AuthorBox);
        assert_eq!(
            choose(&[first_name, copyright.clone(), about.clone()], &[]).0,
            ["Konstantin"]
        );
        assert_eq!(choose(&[about], &[]).0, ["Johanna Kropfitsch"]);
        // A site's name is no one: the last resort stands.
        let site = cand(&["Daily Example"], Evidence::Meta);
        assert_eq!(
            choose(&[site, copyright], &["Daily Example"]).0,
            ["Konstantin Tretyakov"]
        );
    }

    #[test]
    fn a_site_named_as_a_person_is_its_writer() {
        // wolfgangmichal.de, "… | Wolfgang Michal": a blog, not a
        // publisher hiding its writer.
        let meta = cand(&["Wolfgang Michal"], Evidence::Meta);
        assert_eq!(
            choose(std::slice::from_ref(&meta), &["Wolfgang Michal"]).0,
            ["Wolfgang Michal"]
        );
        assert!(personal_site("Bianca Zapatka") && personal_site("Matthew Davis"));
        assert!(personal_site("Daniel Lemire's blog") && personal_site("Ann Lee’s Kitchen"));
        let byline = cand(&["Daniel Lemire"], Evidence::BylineElement);
        assert_eq!(
            choose(std::slice::from_ref(&byline), &["Daniel Lemire's blog"]).0,
            ["Daniel Lemire"]
        );
        // An outlet's name is no person's, even when a given name opens it.
        for outlet in [
            "El Dia",
            "Las Vegas Tribune",
            "Hildesheimer Presse",
            "Telegraph",
            "Tom's Hardware",
        ] {
            assert!(!personal_site(outlet), "{outlet}");
        }
        let outlet = cand(&["Hildesheimer Presse"], Evidence::Meta);
        let copyright = cand(&["Ann Lee"], Evidence::Copyright);
        assert_eq!(
            choose(&[outlet, copyright], &["Hildesheimer Presse"]).0,
            ["Ann Lee"]
        );
    }

    #[test]
    fn agreement_counts_and_full_names_beat_one_word() {
        // JSON-LD names someone else; meta and the byline agree.
        let ld = cand(&["Bo Chan"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee"], Evidence::Meta);
        let el = cand(&["By Ann Lee"], Evidence::BylineElement);
        assert_eq!(choose(&[ld.clone(), meta, el], &[]).0, ["Ann Lee"]);
        assert_eq!(choose(std::slice::from_ref(&ld), &[]).0, ["Bo Chan"]);
        // A one-word meta value loses to a full name elsewhere.
        let fail = cand(&["Admin"], Evidence::JsonLd);
        let full = cand(&["Creator Name"], Evidence::Meta);
        assert_eq!(choose(&[fail, full], &[]).0, ["Creator Name"]);
    }

    #[test]
    fn a_display_name_the_byline_gives_in_full_is_the_full_name() {
        let ld = cand(&["Nils"], Evidence::JsonLd);
        let meta = cand(&["Nils"], Evidence::Meta);
        let by = |line: &str| cand(&[line], Evidence::ByLine);
        let full = by("Eine Kolumne von Nils Pickert");
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), full], &[]).0,
            ["Nils Pickert"]
        );
        // The name cut where the date's label starts.
        let dated = by("By Nils Pickert Date February 5, 2020");
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), dated], &[]).0,
            ["Nils Pickert"]
        );
        // Two full names that open with it, or one that does not: no telling.
        let two = by("By Nils Pickert and Nils Holm");
        assert_eq!(choose(&[ld.clone(), meta.clone(), two], &[]).0, ["Nils"]);
        let other = by("By Anna Nils Berg");
        assert_eq!(choose(&[ld.clone(), meta.clone(), other], &[]).0, ["Nils"]);
        // A comment link after the name is no surname.
        assert_eq!(
            by("Posted by Nils Holm Leave a comment").names,
            ["Nils Holm"]
        );
        assert_eq!(by("By Nils Holm, No comments").names, ["Nils Holm"]);
        assert_eq!(by("By Nils Holm Special to the Post").names, ["Nils Holm"]);
        let comment = by("Posted by Nils Leave a comment");
        assert_eq!(choose(&[ld, meta, comment], &[]).0, ["Nils"]);
    }

    #[test]
    fn author_markup_vouches_for_a_one_word_signature() {
        // A blog's author element holding one first name or pen name.
        for ok in ["Matthias", "By Tine", "von Redaktion,", "HansG", "McDonald"] {
            let c = cand(&[ok], Evidence::BylineElement);
            assert_eq!(c.names.len(), 1, "{ok}: {:?}", c.names);
            assert_eq!(cand(&[ok], Evidence::RelAuthor).names, c.names, "{ok}");
        }
        // A "By" line with no markup does not: one capitalised word is
        // anything there. Unless its label and a separator or date after
        // the word set it off as a signature.
        assert!(cand(&["By HansG"], Evidence::ByLine).names.is_empty());
        // Or a known given name ending the line after its label, also
        // after the line's date.
        for line in [
            "Von Robert - 31. Dezember 2019 15",
            "Posted by Konstantin | 12:00 am",
            "06.11.2023 13:30 von Olga",
            "By Grace",
        ] {
            assert_eq!(cand(&[line], Evidence::ByLine).names.len(), 1, "{line}");
        }
        for line in [
            "By Monday - 3 March 2020",
            "Robert - 31. Dezember 2019",
            "06.11.2023 13:30 von Feuerwehr",
            "By Hand",
        ] {
            assert!(cand(&[line], Evidence::ByLine).names.is_empty(), "{line}");
        }
        // Only the element's whole text is a signature: a weekday before a
        // date, a label and its colon, an abbreviation, two words run
        // together, a numbered or dotted login, a job word, an acronym.
        for bad in [
            "Donnerstag, 4. November 2021",
            "Datum:",
            "Red. / 31.10.2023",
            "KonstantinNotz",
            "reinecke.fuchs",
            "fuchs1978",
            "Staff",
            "Posts",
            // (An agency's acronym is its signature: see
            // `a_wire_story_is_signed_by_its_agency_when_no_one_else_is_named`.)
            "NDR",
        ] {
            let c = cand(&[bad], Evidence::BylineElement);
            assert!(c.names.is_empty(), "{bad}: {:?}", c.names);
        }
        // A full name elsewhere still wins over the one word.
        let one = cand(&["Matthias"], Evidence::RelAuthor);
        let full = cand(&["Matthias Berg"], Evidence::Meta);
        assert_eq!(choose(&[one, full], &[]).0, ["Matthias Berg"]);
        // A plain login is read from author markup, as the page prints it,
        // and loses to a signed word of the same strength.
        let login = cand(&["reineckefuchs"], Evidence::BylineElement);
        assert_eq!(login.names, ["reineckefuchs"]);
        let signed = cand(&["Matthias"], Evidence::BylineElement);
        assert_eq!(choose(&[login, signed], &[]).0, ["Matthias"]);
        // One login among the values, beside a label; several side by side
        // are a share bar's words.
        let login = cand(&["Publiziert am", "uriebe"], Evidence::BylineElement);
        assert_eq!(login.names, ["uriebe"]);
        let bar = cand(
            &["facebook", "linkedin", "twitter", "email", "print"],
            Evidence::BylineElement,
        );
        assert!(bar.names.is_empty(), "{:?}", bar.names);
    }

    #[test]
    fn a_fuller_list_of_writers_wins_when_its_added_names_are_seconded() {
        // JSON-LD keeps the first writer; the metas and the byline list two.
        let ld = cand(&["Ann Lee"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee,Bo Chan"], Evidence::Meta);
        let el = cand(&["Ann Lee, Bo Chan"], Evidence::BylineElement);
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), el], &[]).0,
            ["Ann Lee", "Bo Chan"]
        );
        // One kind of evidence alone does not add a writer: bylines also
        // run on into desks and link texts.
        let el = cand(&["Ann Lee, Online Redaktion"], Evidence::BylineElement);
        assert_eq!(choose(&[ld.clone(), el], &[]).0, ["Ann Lee"]);
        assert_eq!(choose(&[ld, meta], &[]).0, ["Ann Lee"]);
        // An academic title makes no other writer: the byline's "Dr Ann
        // Lee" is the markup's "Ann Lee", and its fuller list wins.
        let ld = cand(&["Ann Lee"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee"], Evidence::Meta);
        let el = cand(
            &["Written by Dr Ann Lee, Dr Bo Chan, Erik Dunn"],
            Evidence::BylineElement,
        );
        let line = cand(&["Written by Dr Ann Lee, Dr Bo Chan"], Evidence::ByLine);
        assert_eq!(
            choose(&[ld, meta, el, line], &[]).0,
            ["Dr Ann Lee", "Dr Bo Chan", "Erik Dunn"]
        );
    }

    #[test]
    fn a_wire_story_is_signed_by_its_agency_when_no_one_else_is_named() {
        let ld = cand(&["dpa"], Evidence::JsonLd);
        let line = cand(&["Von DPA"], Evidence::BylineElement);
        assert_eq!(ld.names, ["dpa"]);
        assert_eq!(line.names, ["DPA"]);
        assert_eq!(choose(&[ld.clone(), line], &[]).0, ["dpa"]);
        // A writer named anywhere comes first.
        let el = cand(&["Sylvain Fort"], Evidence::BylineElement);
        assert_eq!(choose(&[ld, el.clone()], &[]).0, ["Sylvain Fort"]);
        let ap = cand(&["The Associated Press"], Evidence::JsonLd);
        assert_eq!(ap.names, ["The Associated Press"]);
        assert_eq!(choose(&[ap, el], &[]).0, ["Sylvain Fort"]);
        // Credited beside a writer, the agency stays in the credit.
        let ld = cand(&["Ann Lee"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee", "Associated Press"], Evidence::Meta);
        let rel = cand(&["Associated Press"], Evidence::RelAuthor);
        assert_eq!(
            choose(&[ld, meta, rel], &[]).0,
            ["Ann Lee", "Associated Press"]
        );
        // The agency's name, not the word "news agency" beside it.
        let ld = cand(&["SID"], Evidence::JsonLd);
        let line = cand(&["SID ; Nachrichtenagentur"], Evidence::BylineElement);
        assert_eq!(choose(&[ld, line], &[]).0, ["SID"]);
        // An agency inside a longer credit is not signed by it alone.
        assert!(cand(&["Foto: dpa / Ann Lee"], Evidence::ByLine)
            .names
            .iter()
            .all(|n| n != "dpa"));
    }

    #[test]
    fn a_beat_run_on_before_a_job_title_is_cut_when_another_source_agrees() {
        // The byline, twice, wins over a meta that also names a picture
        // agency; the meta names the writer without the beat.
        let el = cand(
            &["Emma Mackenzie Lifestyle Writer"],
            Evidence::BylineElement,
        );
        assert_eq!(el.names, ["Emma Mackenzie Lifestyle"]);
        let line = cand(&["By Emma Mackenzie Lifestyle Writer"], Evidence::ByLine);
        let meta = cand(&["Emma Mackenzie", "Getty Images"], Evidence::Meta);
        assert_eq!(
            choose(&[meta, el.clone(), line.clone()], &[]).0,
            ["Emma Mackenzie"]
        );
        // Alone they stay as they are.
        assert_eq!(choose(&[el, line], &[]).0, ["Emma Mackenzie Lifestyle"]);
    }
}
