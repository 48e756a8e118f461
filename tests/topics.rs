//! Topics end to end: a small site with only `title` and `base_url` gets
//! topic pages (`/topics/<name>/`, newest first), an index by size, and
//! each article's topics in its HTML; the config pins, renames, bans and
//! switches them off; front matter pins a page's own.

mod common;

use common::*;

const MERKEL: &str = "Angela Merkel met Emmanuel Macron in Berlin on Monday. Merkel said Berlin would pay. Macron agreed with Merkel, and the two leaders left Berlin together.";
const MACRON: &str = "Emmanuel Macron flew to Berlin. In Berlin, Macron met the press, and he said Angela Merkel was away. Merkel stayed home.";
const JOHNSON: &str = "Boris Johnson spoke in London. Johnson said London was ready, and Angela Merkel called Johnson about Berlin.";

fn fixture(config_extra: &str, extra_files: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = vec![
        (
            "content/merkel.md".into(),
            article("title: Merkel and Macron\ndate: 2026-03-01", MERKEL),
        ),
        (
            "content/macron.md".into(),
            article("title: Macron in Berlin\ndate: 2026-03-03", MACRON),
        ),
        (
            "content/johnson.md".into(),
            article("title: Johnson speaks\ndate: 2026-03-02", JOHNSON),
        ),
    ];
    files.extend(
        extra_files
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string())),
    );
    site_owned(
        &format!("title: T\nbase_url: https://example.org/\n{config_extra}"),
        &files,
    )
}

/// The names linked in an article's "Topics" block.
fn article_topics(html: &str) -> Vec<String> {
    let Some(at) = html.find("topics/\">Topics</a></dt>") else {
        return Vec::new();
    };
    let block = &html[at..html[at..].find("</div>").map_or(html.len(), |e| at + e)];
    block
        .split("class=\"pill\" href=\"")
        .skip(1)
        .map(|s| {
            let name = &s[s.find('>').unwrap() + 1..];
            name[..name.find('<').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn topics_get_pages_an_index_by_size_and_show_on_articles() {
    let dir = fixture("", &[]);
    let public = build_ok(dir.path(), &[]);
    let merkel = read(&public, "merkel/index.html");
    // Ranked by mentions, a title mention counting double.
    assert_eq!(
        article_topics(&merkel),
        vec!["Angela Merkel", "Emmanuel Macron", "Berlin"]
    );
    // Johnson and London are in one article only: no topic for them.
    assert!(!public.join("topics/boris-johnson").exists());
    assert!(article_topics(&read(&public, "johnson/index.html")).is_empty());

    // The term page lists its articles newest first.
    let term = read(&public, "topics/berlin/index.html");
    let (newer, older) = (
        term.find("Macron in Berlin").unwrap(),
        term.find("Merkel and Macron").unwrap(),
    );
    assert!(newer < older);
    assert!(!term.contains("Johnson speaks"));

    // The index: by size, then name.
    let index = read(&public, "topics/index.html");
    let order: Vec<usize> = ["Angela Merkel", "Berlin", "Emmanuel Macron"]
        .iter()
        .map(|n| index.find(&format!(">{n} ")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn config_pins_renames_bans_and_switches_off() {
    let dir = fixture(
        "topics:\n  pin: [London]\n  rename: { Macron: President Macron }\n  ban: [berlin]\n  min_articles: 2\n  max_per_article: 4\n",
        &[],
    );
    let public = build_ok(dir.path(), &[]);
    assert_eq!(
        article_topics(&read(&public, "merkel/index.html")),
        vec!["Angela Merkel", "President Macron"]
    );
    assert!(!public.join("topics/berlin").exists());
    assert!(public.join("topics/president-macron/index.html").is_file());
    // Pinned: kept though one article mentions it.
    assert_eq!(
        article_topics(&read(&public, "johnson/index.html")),
        vec!["London"]
    );

    let off = fixture("topics: { enabled: false }\n", &[]);
    let public = build_ok(off.path(), &[]);
    assert!(!public.join("topics").exists());
    assert!(article_topics(&read(&public, "merkel/index.html")).is_empty());

    let listed = fixture("taxonomies: [tags]\n", &[]);
    let public = build_ok(listed.path(), &[]);
    assert!(!public.join("topics").exists());
}

#[test]
fn front_matter_pins_a_pages_own_topics() {
    let own = article(
        "title: Own topics\ndate: 2026-03-04\ntaxonomies: { topics: [Energy policy] }",
        "Angela Merkel and Emmanuel Macron argued in Berlin about gas. Merkel won.",
    );
    let dir = fixture("", &[("content/own.md", &own)]);
    let public = build_ok(dir.path(), &[]);
    assert_eq!(
        article_topics(&read(&public, "own/index.html")),
        vec!["Energy policy"]
    );
    assert!(public.join("topics/energy-policy/index.html").is_file());
    // The others still get theirs.
    assert!(article_topics(&read(&public, "macron/index.html")).contains(&"Berlin".to_string()));
}

#[test]
fn bad_topics_config_is_explained() {
    let dir = fixture("topics: { max_per_article: 0 }\n", &[]);
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("dossier.yaml:3"), "{stderr}");
    assert!(stderr.contains("enabled: false"), "{stderr}");
}
