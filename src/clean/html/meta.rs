//! Metadata: title, subtitle (deck or description), authors, date, site
//! name, canonical URL and language, from `<meta>`, JSON-LD, `<title>`,
//! `<h1>`, `<time>`, `rel=author` links and `<html lang>`. Each field has
//! several sources of varying trust, so each is taken from the first one
//! that holds a plausible value.

use crate::clean::meta::dates as meta_dates;
use crate::clean::meta::names::{self, Candidate, Evidence};
use crate::clean::meta::tags::{self as meta_tags, TagContext};
use crate::clean::meta::titles::{self, TitleCandidate, TitleEvidence};
use crate::clean::meta::Seen;
use crate::clean::normalize_for_matching;

use super::arena::{Arena, Head, Tag};
use super::authors::{
    author_box_candidate, copyright_candidate, in_widget, mark_unprinted, meta_author_candidates,
    page_author_candidates, sign_off_candidate,
};
use super::dates;
use super::headline::{first_line_headline, headline_text, is_logo, printed_headline, says_title};
use super::ld::json_ld;
use super::select::Span;
use super::stats::Stat;
use super::tags;
use super::{collapse, distinct};

/// The character references JSON-LD and meta values carry.
pub(super) use crate::entities::decode as decode_entities;

fn plausible_name(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 80
        && !s.contains("://")
        && !s.starts_with("www.")
        && s.chars().any(char::is_alphabetic)
}

pub(super) fn is_absolute(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

pub(super) struct Meta {
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
    pub(super) authors: Vec<String>,
    /// `authors` name the site, which author markup credits (see
    /// `names::site_credit`), not people.
    pub(super) authors_are_site: bool,
    pub(super) date: Option<String>,
    /// The markup's last modification, on a later day than `date`.
    pub(super) updated: Option<String>,
    pub(super) source: Option<String>,
    pub(super) source_url: Option<String>,
    pub(super) language: Option<String>,
    /// Topics the page names (empty when `want_tags` was false).
    pub(super) tags: Vec<String>,
    /// Every candidate seen, for `extract --explain`.
    pub(super) seen: Vec<Seen>,
}

/// `span`: where the article's main content lies, if one was found.
/// `want_tags`: read tags (the site may switch them off).
pub(super) fn metadata(a: &Arena, st: &[Stat], head: &Head, span: Span, want_tags: bool) -> Meta {
    let root = span.first;
    let meta_value = |k: &str| {
        head.metas
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    };
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta_value(k))
            .map(|v| collapse(&decode_entities(v)))
    };
    let ld = json_ld(&head.json_ld);
    let document = head.title.as_deref().map(collapse);
    // An app's name that is the page's whole title is a template filling
    // the field with it (MSN's `application-name`), not the site's name.
    let app_name = meta(&["application-name"]).filter(|n| {
        !document
            .as_deref()
            .is_some_and(|d| d.eq_ignore_ascii_case(n))
    });
    let source = meta(&["og:site_name"])
        .or(app_name)
        .or_else(|| meta(&["twitter:site:name"]))
        .or_else(|| ld.publisher.clone())
        .filter(|s| plausible_name(s));
    let mut deck = None;
    let mut h1_at = None;
    // Every h1 (a few), with its place: the first three are title
    // candidates, and the headline's is where the byline is (a site's logo
    // or a teaser can be an h1 before it).
    let mut h1s: Vec<(usize, String)> = Vec::new();
    // Each h1's first line, when it has more than one.
    let mut h1_lines: Vec<Option<String>> = Vec::new();
    let mut marked = None;
    let mut logos: Vec<String> = Vec::new();
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag == Tag::H(1) && h1s.len() < 8 {
            // Read as a field: a kicker and a title in elements of their
            // own stay two words apart.
            let t = a.field_text(i as u32);
            if !t.is_empty() {
                // Even a logo marks where the page's top is.
                h1_at = h1_at.or(Some(i));
                if is_logo(a, i, &t) {
                    logos.push(t);
                } else {
                    let first = a.first_line(i as u32).filter(|f| f.len() < t.len());
                    h1s.push((i, headline_text(a, i).unwrap_or(t)));
                    h1_lines.push(first);
                }
            }
        }
        if marked.is_none() && matches!(node.tag, Tag::H(2) | Tag::H(3)) && marked_title(a, i) {
            marked = Some(a.text(i as u32)).filter(|t| !t.is_empty());
        }
        if deck.is_none() && node.tag != Tag::Text && node.attrs.is_some() {
            let at = node.attrs();
            let is_deck = [&at.class, &at.id].iter().any(|s| {
                s.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                    matches!(
                        t,
                        "standfirst"
                            | "dek"
                            | "deck"
                            | "subtitle"
                            | "subheadline"
                            | "subhead"
                            | "strapline"
                    )
                })
            });
            // A deck sits right by the headline.
            let near = h1_at.is_some_and(|h: usize| i > h && i - h <= 300);
            if is_deck && near {
                let len = st[i].len;
                if (30..=400).contains(&len) && st[i].link == 0 {
                    deck = Some(a.text(i as u32));
                }
            }
        }
    }
    let mut titles: Vec<TitleCandidate> = Vec::new();
    let mut push = |text: Option<String>, evidence| {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            titles.push(TitleCandidate { text, evidence });
        }
    };
    let social = meta(&[
        "og:title",
        "twitter:title",
        "dc.title",
        "dc:title",
        "dcterms.title",
        "parsely-title",
    ]);
    let others: Vec<&str> = [&social, &ld.headline, &document]
        .into_iter()
        .filter_map(|t| t.as_deref())
        .collect();
    push(social.clone(), TitleEvidence::Social);
    for ((_, h), first) in h1s.iter().zip(&h1_lines).take(3) {
        let cut = first
            .as_deref()
            .and_then(|f| first_line_headline(h, f, &others));
        push(
            Some(cut.unwrap_or_else(|| h.clone())),
            TitleEvidence::Headline,
        );
    }
    push(ld.headline.clone(), TitleEvidence::Structured);
    push(document, TitleEvidence::Document);
    push(marked, TitleEvidence::Marked);
    if h1s.is_empty() {
        push(printed_headline(a, st, &span), TitleEvidence::Printed);
    }
    for logo in logos {
        push(Some(logo), TitleEvidence::Logo);
    }
    // The page's host names its site, in the title's parts as in authors.
    let hosts: Vec<String> = distinct(
        [
            head.canonical.as_deref(),
            meta_value("og:url"),
            ld.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter_map(host_label),
    );
    for host in &hosts {
        push(Some(host.clone()), TitleEvidence::Host);
    }
    let title = titles::choose(&titles, source.as_deref());
    // No declared site name: the title's part that spells the page's host
    // names it as the site writes it ("LimeSpace" on limespace.de): the
    // digest's source, and no author (judged strictly, below).
    let host_named = titles::host_named_site(&titles);
    let mut seen: Vec<Seen> = titles
        .iter()
        .map(|c| Seen {
            field: "title",
            value: c.text.clone(),
            from: c.evidence.describe().into(),
            chosen: None,
        })
        .collect();
    seen.extend(title.iter().map(|t| Seen {
        field: "title",
        value: t.clone(),
        from: "the candidates above".into(),
        chosen: Some("the text most candidates agree on, site name split off".into()),
    }));
    let description =
        meta(&["og:description", "description", "twitter:description"]).or(ld.description);
    let subtitle = deck
        .or_else(|| description.and_then(|d| super::description::as_deck(&d, title.as_deref())));
    // An organisation named as author whose name is the page's host
    // ("CBS News" on cbsnews.com) is the publisher; another organisation
    // (a collective, an agency) may be the author.
    let org_site: Vec<&str> = ld
        .org_authors
        .iter()
        .filter(|n| titles::spells_host(n, &hosts))
        .map(String::as_str)
        .collect();
    let ld_authors: Vec<&String> = ld
        .authors
        .iter()
        .chain(
            ld.org_authors
                .iter()
                .filter(|n| !org_site.contains(&n.as_str())),
        )
        .collect();
    let mut candidates = Vec::new();
    if !ld_authors.is_empty() {
        candidates.push(Candidate::new(&ld_authors, Evidence::JsonLd));
    }
    candidates.extend(meta_author_candidates(&head.metas, &hosts));
    let title_key = title.as_deref().map(normalize_for_matching);
    let title_key = title_key.filter(|k| !k.is_empty());
    let headline_at = title_key
        .as_ref()
        .and_then(|k| {
            h1s.iter().find(|(_, t)| {
                let t = normalize_for_matching(t);
                t == *k || t.contains(k.as_str()) || !t.is_empty() && k.contains(t.as_str())
            })
        })
        .map(|(i, _)| *i)
        .or_else(|| {
            a.nodes.iter().position(|n| {
                n.attrs.is_some() && n.attrs().itemprop.as_deref() == Some("headline")
            })
        })
        // A blog template's post title is an <h2> under the blog's <h1>:
        // a lower heading that says the title exactly is the headline.
        .or_else(|| {
            let k = title_key.as_ref()?;
            a.nodes.iter().enumerate().position(|(i, n)| {
                matches!(n.tag, Tag::H(2 | 3))
                    && (st[i].len as usize) < 4 * k.len() + 40
                    && normalize_for_matching(&a.field_text(i as u32)) == *k
            })
        })
        .or(h1_at);
    candidates.extend(page_author_candidates(a, st, headline_at, span));
    candidates.extend(sign_off_candidate(a, st, span));
    mark_unprinted(a, &mut candidates);
    // The site its `<title>` names is judged strictly, as a name of its
    // own: it was found by a host's spelling, not declared. A login
    // holding the host is the site's own account. A value that opens
    // with the site's name as its host spells it ("Kirche und Leben,
    // Münster, Germany" on kirche-und-leben.de) is the publisher's
    // address: the words it was split into ("Kirche") name no one.
    let not_the_site = |c: &mut names::Candidate| {
        let publishers_address = |v: &str| {
            let head = v.split(',').next().unwrap_or(v);
            titles::spells_host(head, &hosts)
                && !names::personal_site(head)
                && !c.names.iter().any(|n| names::key(n) == names::key(head))
        };
        if c.value.split(" ; ").all(publishers_address) {
            c.names.clear();
        }
        c.names.retain(|n| {
            !host_named
                .as_ref()
                .is_some_and(|site| names::spells_site(n, site) && !names::personal_site(site))
                && !names::is_site_login(n, &hosts)
        });
    };
    candidates.iter_mut().for_each(not_the_site);
    let sites: Vec<&str> = [source.as_deref(), ld.publisher.as_deref()]
        .into_iter()
        .flatten()
        .chain(org_site.iter().copied())
        .collect();
    let (mut authors, mut chosen) = names::choose(&candidates, &sites);
    // The last resorts, read only when nothing else names anyone.
    if authors.is_empty() {
        let mut last: Vec<names::Candidate> = copyright_candidate(a, st, span)
            .into_iter()
            .chain(author_box_candidate(a, st))
            .collect();
        last.iter_mut().for_each(not_the_site);
        candidates.extend(last);
        (authors, chosen) = names::choose(&candidates, &sites);
    }
    // Still no one: the site, if author markup credits it.
    let site_credit = authors
        .is_empty()
        .then(|| names::site_credit(&candidates))
        .flatten();
    let authors_are_site = site_credit.is_some();
    if let Some((names, i)) = site_credit {
        (authors, chosen) = (names, Some(i));
    }
    seen.extend(names::explain(&candidates, chosen));
    let page_urls: Vec<&str> = [
        head.canonical.as_deref(),
        meta_value("og:url"),
        ld.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (candidates, modified) =
        dates::candidates(a, head, &ld.dates, &page_urls, headline_at, span);
    // A page's own "last modified" line stands in for the markup's
    // modified date when the markup gives none.
    let revised = modified.is_none().then(|| dates::revised(a)).flatten();
    let choice = meta_dates::choose_why(&candidates, modified.as_deref()).or_else(|| {
        let why =
            "the page's own line saying when it was last changed (nothing else dates the page)";
        revised.clone().map(|r| (r, why))
    });
    let mut marked = false;
    for c in &candidates {
        let chosen = choice
            .as_ref()
            .filter(|(stamp, _)| !marked && *stamp == c.stamp)
            .map(|(_, why)| why.to_string());
        marked |= chosen.is_some();
        seen.push(Seen {
            field: "date",
            value: c.stamp.clone(),
            from: c.evidence.describe().into(),
            chosen,
        });
    }
    let last_change = modified.as_ref().or(revised.as_ref());
    let updated = meta_dates::updated_after(
        choice.as_ref().map(|(stamp, _)| stamp.as_str()),
        last_change.map(String::as_str),
    );
    if let Some(m) = last_change {
        let from = if modified.is_some() {
            "markup that says modified"
        } else {
            "the page's line saying when it was last changed"
        };
        seen.push(Seen {
            field: "date",
            value: m.clone(),
            from: if updated.is_some() {
                format!("{from}; kept as `updated:`, a later day")
            } else {
                from.into()
            },
            chosen: None,
        });
    }
    if let Some((stamp, why)) = &choice {
        if !seen.iter().any(|s| s.field == "date" && s.chosen.is_some()) {
            seen.push(Seen {
                field: "date",
                value: stamp.clone(),
                from: "the candidates above".into(),
                chosen: Some(why.to_string()),
            });
        }
    }
    let date = choice.map(|(stamp, _)| stamp);
    let tags = if want_tags {
        let title_key = title
            .as_deref()
            .map(normalize_for_matching)
            .unwrap_or_default();
        let place = tags::Place {
            anchor: headline_at,
            root,
            title_key: &title_key,
            hosts: &hosts,
        };
        let candidates = tags::candidates(a, st, head, &ld.keywords, &place);
        let hosts_ref: Vec<&str> = hosts.iter().map(String::as_str).collect();
        let ctx = TagContext {
            title: title.as_deref(),
            sites: sites.iter().copied().chain(hosts_ref).collect(),
            authors: &authors,
        };
        let (tags, why) = meta_tags::choose_why(&candidates, &ctx);
        seen.extend(why);
        tags
    } else {
        Vec::new()
    };
    let source_url = stated_url(head).or_else(|| ld.url.filter(|u| is_absolute(u)));
    let language = head
        .lang
        .clone()
        .or_else(|| meta(&["content-language", "og:locale", "language"]))
        .or(ld.language)
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| {
            !l.is_empty()
                && l.len() <= 35
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    Meta {
        title,
        subtitle,
        authors,
        authors_are_site,
        date,
        updated,
        source: source.or(host_named),
        source_url,
        language,
        tags,
        seen,
    }
}

/// The address the page gives itself: its canonical link, else its
/// `og:url`, when absolute.
fn stated_url(head: &Head) -> Option<String> {
    head.canonical
        .clone()
        .filter(|u| is_absolute(u))
        .or_else(|| {
            head.metas
                .iter()
                .find(|(k, v)| k == "og:url" && !v.trim().is_empty())
                .map(|(_, v)| collapse(&decode_entities(v)))
                .filter(|u| is_absolute(u))
        })
}

/// The page's site, as [`host_label`] names it, from the address the page
/// gives itself ([`stated_url`]).
pub(super) fn page_site(head: &Head) -> Option<String> {
    stated_url(head).as_deref().and_then(host_label)
}

/// The name a URL's host is registered under: "cbsnews" for
/// `https://www.cbsnews.com/news/…`.
pub(super) fn host_label(url: &str) -> Option<String> {
    let host = url
        .split_once("://")?
        .1
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    // "bbc.co.uk": the label before a two-letter country code's second level.
    let i = if n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3 {
        n - 3
    } else {
        n.checked_sub(2)?
    };
    Some(labels[i].to_ascii_lowercase().replace('-', ""))
}

/// A lesser heading its template marks as the title (`post-title`,
/// `entry-title`, `headline`): blogs of every era put the site's name in
/// the `<h1>` and each post's title in an `<h2>`/`<h3>`. A sidebar's or a
/// widget's "title" is not the article's.
fn marked_title(a: &Arena, i: usize) -> bool {
    let at = a.nodes[i].attrs();
    says_title(at)
        && !at.words().any(|t| {
            [
                "sidebar", "widget", "comment", "related", "promo", "section",
            ]
            .iter()
            .any(|w| t.contains(w))
        })
        && !in_widget(a, i, &[])
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    #[test]
    fn an_app_name_that_is_the_pages_title_is_no_site_name() {
        let head = r#"<title>Buses for the north</title>
<meta name="application-name" content="Buses for the north">"#;
        let html = page(
            head,
            &format!("<h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"),
        );
        let a = clean(&html);
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));
        assert_eq!(a.source, None);
        // An app's name of its own is the site's.
        let head = r#"<title>Buses for the north - Daily Example</title>
<meta name="application-name" content="Daily Example">"#;
        let a = clean(&page(head, &format!("<p>{P1}</p><p>{P2}</p>")));
        assert_eq!(a.source.as_deref(), Some("Daily Example"));
    }

    #[test]
    fn finds_metadata() {
        let head = r#"<title>Buses for the north | The Daily Example</title>
<meta property="og:title" content="Buses for the north - The Daily Example">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://daily.example/news/buses">
<link rel="canonical" href="https://daily.example/news/buses-for-the-north">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-03-04T09:30:00+01:00">
<meta name="description" content="Three new lines will link the suburbs with the centre by next year.">"#;
        let html = page(head, &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
        let a = clean(&html);
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));
        assert_eq!(a.source.as_deref(), Some("The Daily Example"));
        assert_eq!(
            a.source_url.as_deref(),
            Some("https://daily.example/news/buses-for-the-north")
        );
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(a.date.as_deref(), Some("2026-03-04T09:30:00+01:00"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("Three new lines will link the suburbs with the centre by next year.")
        );
    }

    #[test]
    fn a_meta_with_its_value_in_value_is_read() {
        // Old templates and pages saved by some readers write `value`
        // where `content` belongs; `value` on another element is not a
        // meta's.
        let head = r#"<title>Buses for the north</title>
<meta value="Jane Roe" name="author">
<meta value="2016-12-14T06:02:15Z" name="article:published_time">"#;
        let body = format!(
            r#"<p>{P1}</p><p>{P2}</p><p>{P3}</p><input type="hidden" name="author" value="John Doe">"#
        );
        let a = clean(&page(head, &body));
        assert_eq!(a.authors, ["Jane Roe"]);
        assert_eq!(a.date.as_deref(), Some("2016-12-14T06:02:15+00:00"));
    }

    #[test]
    fn the_canonical_host_names_the_site_in_the_title() {
        // "Site - Section - Headline", a section `<h1>` before the
        // article's: the canonical URL's host says which part is the site.
        let head = r#"<title>Zoll online - Fachmeldungen - Verkündung des Tabaksteuergesetzes</title>
<link rel="canonical" href="https://www.zoll.de/DE/Fachmeldungen/tabak.html">"#;
        let art = format!(
            "<h1>Fachmeldungen</h1><div><h1>Verkündung des Tabaksteuergesetzes</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        );
        let a = clean(&page(head, &art));
        assert_eq!(
            a.title.as_deref(),
            Some("Verkündung des Tabaksteuergesetzes")
        );
        // With no site name declared, that part names the source.
        assert_eq!(a.source.as_deref(), Some("Zoll online"));
        // A declared one still wins.
        let declared = format!(r#"{head}<meta property="og:site_name" content="Zoll">"#);
        assert_eq!(
            clean(&page(&declared, &art)).source.as_deref(),
            Some("Zoll")
        );
    }

    #[test]
    fn a_blog_named_as_its_writer_keeps_its_writer() {
        // The `<title>` names the site by the host's spelling; that site
        // is a person, so the author meta naming it is the writer.
        let head = |host: &str, site: &str| {
            format!(
                r#"<title>Publizistische Sorgfaltspflicht | {site}</title><link rel="canonical" href="https://www.{host}/2017/06/x/"><meta name="author" content="{site}">"#
            )
        };
        let body = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(&head("wolfgangmichal.de", "Wolfgang Michal"), &body));
        assert_eq!(a.authors, ["Wolfgang Michal"]);
        // An outlet named by its host is still no writer.
        let a = clean(&page(
            &head("lasvegastribune.com", "Las Vegas Tribune"),
            &body,
        ));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
    }

    #[test]
    fn a_site_its_author_markup_credits_is_the_credit_when_no_one_is_named() {
        let head = r#"<title>Night buses return</title><meta property="og:site_name" content="Harbour Review"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Night buses return","author":{"@type":"Organization","name":"Harbour Review"}}</script>"#;
        let body = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(head, &body));
        assert_eq!(a.authors, ["Harbour Review"]);
        assert!(a.authors_are_site);
        // A writer named anywhere comes first.
        let signed = format!("<h1>Night buses return</h1><p class=\"byline\">By Ann Lee</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(head, &signed));
        assert_eq!(a.authors, ["Ann Lee"]);
        assert!(!a.authors_are_site);
    }

    #[test]
    fn a_recipe_or_how_to_dates_the_page_when_no_article_does() {
        let ld = |types: &str| {
            format!(
                r#"<title>Night buses return</title><script type="application/ld+json">[{types}]</script>"#
            )
        };
        let how_to = r#"{"@type":"HowTo","name":"Night buses return","datePublished":"2022-01-10T22:06:08:684Z","author":{"@type":"Person","name":"Jane Roe"}}"#;
        let body = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(&ld(how_to), &body));
        assert_eq!(a.date.as_deref(), Some("2022-01-10"));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        // An article beside it is the page's own, whatever the order.
        let article = r#"{"@type":"NewsArticle","headline":"Night buses return","datePublished":"2022-02-03"}"#;
        for both in [format!("{how_to},{article}"), format!("{article},{how_to}")] {
            let a = clean(&page(&ld(&both), &body));
            assert_eq!(a.date.as_deref(), Some("2022-02-03"), "{both}");
        }
    }

    #[test]
    fn finds_metadata_in_json_ld_and_the_page() {
        let head = r#"<title>Buses for the north - The Daily Example</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
{"@type":"NewsArticle","headline":"Buses for the north","datePublished":"2026-03-04","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
"publisher":{"@type":"Organization","name":"Daily Example Media"}}]}</script>"#;
        let a = clean(&page(head, &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>")));
        assert_eq!(
            a.authors,
            vec!["Jane Roe".to_string(), "John Doe".to_string()]
        );
        assert_eq!(a.date.as_deref(), Some("2026-03-04"));
        assert_eq!(a.source.as_deref(), Some("Daily Example Media"));
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));

        // <title> without og:title, <time datetime>, rel=author, a deck.
        let head = "<title>Night buses return - The Daily Example</title>";
        let art = format!(
            r#"<header><h1>Night buses return</h1><p class="standfirst">The council reverses last spring's cuts after residents' protests.</p></header>
<p class="byline">By <a rel="author" href="/staff/jane">Jane Roe</a></p><time datetime="2026-03-05T08:00:00Z">5 March</time><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page(head, &art));
        assert_eq!(a.title.as_deref(), Some("Night buses return"));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(a.date.as_deref(), Some("2026-03-05T08:00:00+00:00"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("The council reverses last spring's cuts after residents' protests.")
        );
        let md = body(&a);
        assert!(
            !md.contains("reverses last spring"),
            "deck repeated in body: {md}"
        );
        assert!(!md.contains("Jane Roe"), "byline in body: {md}");
    }
}
