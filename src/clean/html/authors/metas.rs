//! The authors a page's `<meta>` tags name: the well-known keys, other
//! dialects read by their words, and WordPress's labelled Twitter pair.
//! Each gives a [`Candidate`] of evidence `Meta`; `clean::meta::names`
//! chooses among them and the page's own bylines (`super`).

use crate::clean::meta::names::{self, Candidate, Evidence};
use crate::clean::meta::titles::without_host_part;
use crate::entities::decode as decode_entities;

use super::super::{collapse, distinct};

/// Meta keys that name the article's author, most specific first. A
/// `property` may hold several keys ("dc:creator twitter:site_name").
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "article:author_name",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "citation_author",
];

/// Keys of library catalogues and citation managers, which write a name
/// surname first ("You, Xiaoying", "Jong, Michiel de").
const BIBLIOGRAPHIC: &[&str] = &[
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "citation_author",
];

/// "You, Xiaoying" → "Xiaoying You": one surname, a comma, and the given
/// names (three words at most). Two full names with a comma between ("Ann
/// Lee, Bo Chan") have a space before the comma and stay as they are.
fn surname_last(v: &str) -> String {
    match v.split_once(", ") {
        Some((surname, given))
            if !surname.contains(' ')
                && !given.contains(',')
                && (1..=3).contains(&given.split_whitespace().count())
                && [surname, given]
                    .iter()
                    .all(|p| p.starts_with(char::is_uppercase)) =>
        {
            format!("{given} {surname}")
        }
        _ => v.to_string(),
    }
}

/// One candidate per meta key, with all its values in order (a page may
/// repeat `dc.creator` or `article:author` once per writer). Profile URLs
/// (`article:author` as Facebook wants it) are not names and are skipped.
/// A value naming the site beside the writer ("unocero - Alberto Ávila")
/// keeps the writer: `hosts` are the page's host labels.
pub(in crate::clean::html) fn meta_author_candidates(
    metas: &[(String, String)],
    hosts: &[String],
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for k in AUTHOR_KEYS {
        let values: Vec<String> = values_of(metas.iter(), |n| n == *k)
            .map(|v| without_host_part(&v, hosts).map_or(v.clone(), str::to_string))
            .map(|v| match BIBLIOGRAPHIC.contains(k) {
                true => surname_last(&v),
                false => v,
            })
            .collect();
        if !values.is_empty() {
            out.push(Candidate::new(&values, Evidence::Meta));
        }
    }
    // Other dialects, read by their words as date keys are
    // ("shareaholic:article_author_name", "og:article:author",
    // "cxenseparse:author"): one candidate of them all, in page order.
    let others = metas
        .iter()
        .filter(|(n, _)| !n.split_whitespace().any(|n| AUTHOR_KEYS.contains(&n)));
    let values: Vec<String> = distinct(values_of(others, names_author));
    if !values.is_empty() {
        out.push(Candidate::new(&values, Evidence::Meta));
    }
    out.extend(labelled_author(metas));
    out
}

/// The values of the metas one of whose keys passes `key`, decoded, with
/// empty values and profile URLs (`article:author` as Facebook wants it)
/// left out: those are not names.
fn values_of<'m>(
    metas: impl Iterator<Item = &'m (String, String)> + 'm,
    key: impl Fn(&str) -> bool + 'm,
) -> impl Iterator<Item = String> + 'm {
    metas
        .filter(move |(n, v)| n.split_whitespace().any(&key) && !v.trim().is_empty())
        .map(|(_, v)| collapse(&decode_entities(v)))
        .filter(|v| !v.starts_with("http") && !v.starts_with("www."))
}

/// Whether a meta key says it holds the author's name: a word "author"
/// ("article_author_name" has one; or "authors", "authorname"), and no
/// word saying it holds the author's picture, address, page or
/// affiliation, nor an app's maker
/// (`smartbanner:author`). A bare "creator" names the agency that made the
/// site ("Medianotions, www.medianotions.de") or a department; only the
/// Dublin Core keys above say the work's.
fn names_author(key: &str) -> bool {
    let words: Vec<&str> = key.split([':', '.', '_', '-']).collect();
    let says = words
        .iter()
        .any(|w| matches!(*w, "author" | "authors" | "authorname"));
    let other = words.iter().any(|w| {
        matches!(
            *w,
            "image"
                | "avatar"
                | "url"
                | "email"
                | "institution"
                | "id"
                | "thumbnail"
                | "has"
                | "smartbanner"
                | "twitter"
                | "profile"
                | "link"
        ) || w.starts_with("authorthumbnail")
    });
    says && !other
}

/// The author in a labelled pair of metas: Twitter's card shows
/// `twitter:labelN` beside `twitter:dataN`, and WordPress's SEO plugins
/// write the post's author there ("Written by", "Verfasst von", "Escrito
/// por") on pages whose `<meta name=author>` they leave out. Only a pair
/// whose label is a byline's counts: the others say reading time or price.
fn labelled_author(metas: &[(String, String)]) -> Option<Candidate> {
    let value = |k: &str| {
        metas
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| collapse(&decode_entities(v)))
    };
    (1..=4).find_map(|n| {
        let label = value(&format!("twitter:label{n}"))?;
        if !names::is_label(&label) {
            return None;
        }
        value(&format!("twitter:data{n}")).map(|v| Candidate::new(&[v], Evidence::Meta))
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{clean, page, P1, P2, P3};

    #[test]
    fn a_meta_author_beside_the_sites_name_keeps_the_writer() {
        let art = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        for value in ["unocero - Alberto Ávila", "Alberto Ávila | unocero"] {
            let head = format!(
                r#"<title>Night buses return</title><link rel="canonical" href="https://www.unocero.com/a/"><meta name="author" content="{value}">"#
            );
            assert_eq!(
                clean(&page(&head, &art)).authors,
                ["Alberto Ávila"],
                "{value}"
            );
        }
        // Beside another word, the value is one name, judged whole.
        let head = r#"<title>Night buses return</title><link rel="canonical" href="https://www.unocero.com/a/"><meta name="author" content="Ana Ruiz - Alberto Ávila">"#;
        assert_eq!(clean(&page(head, &art)).authors, ["Ana Ruiz"]);
    }

    #[test]
    fn catalogue_metas_write_the_surname_first() {
        let art = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let head = r#"<title>Night buses return</title><meta name="dc.creator" content="You, Xiaoying"><meta name="dc.creator" content="Jong, Michiel de">"#;
        assert_eq!(
            clean(&page(head, &art)).authors,
            ["Xiaoying You", "Michiel de Jong"]
        );
        // Two full names with a comma between stay two names.
        let head = r#"<title>Night buses return</title><meta name="citation_author" content="Ann Lee, Bo Chan">"#;
        assert_eq!(clean(&page(head, &art)).authors, ["Ann Lee", "Bo Chan"]);
    }

    #[test]
    fn meta_keys_in_other_dialects_name_the_author_by_their_words() {
        let art = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let with = |metas: &str| {
            let head = format!("<title>Night buses return</title>{metas}");
            clean(&page(&head, &art)).authors
        };
        for key in [
            r#"name="shareaholic:article_author_name""#,
            r#"property="cXenseParse:author""#,
            r#"name="cse_author""#,
        ] {
            assert_eq!(
                with(&format!(r#"<meta {key} content="Ann Lee">"#)),
                ["Ann Lee"],
                "{key}"
            );
        }
        // The author's picture, an app's maker, the agency that made the
        // site: no author.
        for key in [
            r#"name="author_image""#,
            r#"name="smartbanner:author""#,
            r#"name="creator""#,
        ] {
            assert!(
                with(&format!(r#"<meta {key} content="Ann Lee">"#)).is_empty(),
                "{key}"
            );
        }
    }

    #[test]
    fn a_labelled_twitter_pair_names_the_author() {
        let art = format!("<h1>Lost</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        for (label, want) in [
            ("Verfasst von", vec!["Karoline Herr"]),
            ("Written by", vec!["Karoline Herr"]),
            // Another pair's label: reading time, not a byline.
            ("Geschätzte Lesezeit", vec![]),
        ] {
            let head = format!(
                r#"<title>Lost</title><meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="Karoline Herr">"#
            );
            let a = clean(&page(&head, &art));
            assert_eq!(a.authors, want, "{label}");
        }
    }
}
