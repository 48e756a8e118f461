//! Feeds built with the real binary: Atom, RSS and JSON Feed for the site,
//! its sections and terms; text that needs escaping round-trips exactly; the
//! `feeds:` settings choose formats, content and list feeds; pages link the
//! feeds they have.

mod common;

use common::*;

/// Everything a title can carry that a careless feed gets wrong.
const TITLE: &str = "Oil & \"gas\" <b>'rates'</b> 🛢️";
/// `TITLE` as a YAML double-quoted scalar.
const TITLE_YAML: &str = r#""Oil & \"gas\" <b>'rates'</b> 🛢️""#;

fn nasty_site(feeds: &str) -> tempfile::TempDir {
    let config = format!(
        "title: {TITLE_YAML}\ndescription: \"Rates & <more>\"\nbase_url: https://example.org/digest/\ntaxonomies: [tags, authors]\n{feeds}"
    );
    site(
        &config,
        &[
            (
                "content/analysis/_index.md",
                "---\ntitle: \"Analysis & <more>\"\n---\n",
            ),
            (
                "content/analysis/oil.md",
                &article(
                    &format!("title: {TITLE_YAML}\ndate: 2026-11-24T09:30:00Z\ntags: [{TITLE_YAML}]\nauthors: [{TITLE_YAML}]\nsource: \"Wire & Co\"\nsource_url: \"https://wire.example/a?b=1&c=2\""),
                    "Body with [a link](@/analysis/gas.md#part) & more.\n\n## Part\n\nSee the [note](#part).",
                ),
            ),
            (
                "content/analysis/gas.md",
                &article("title: Gas\ndate: 2026-05-01\ntags: [energy]", "Gas.\n\n## Part\n\nMore gas."),
            ),
            ("content/undated.md", &article("title: Undated", "No date.")),
        ],
    )
}

fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"))
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON: {e}\n{text}"))
}

/// The texts of the elements named `tag` (any namespace), in document order.
fn texts(text: &str, tag: &str) -> Vec<String> {
    parse_xml(text)
        .descendants()
        .filter(|n| n.tag_name().name() == tag)
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_list_gets_three_feeds_that_round_trip_their_text() {
    let dir = nasty_site("");
    let public = build_ok(dir.path(), &[]);
    let tag = "tags/oil-gas-b-rates-b-oil/";
    assert!(
        public.join(tag).join("index.html").is_file(),
        "the nasty tag's page is at {tag}"
    );
    for folder in [
        "",
        "analysis/",
        tag,
        "tags/energy/",
        "authors/oil-gas-b-rates-b-oil/",
    ] {
        for file in ["atom.xml", "rss.xml", "feed.json"] {
            assert!(
                public.join(folder).join(file).is_file(),
                "{folder}{file} was not written"
            );
        }
    }

    // The site feed: the titles and names come back exactly.
    let atom = read(&public, "atom.xml");
    let titles = texts(&atom, "title");
    assert_eq!(titles, [TITLE, TITLE, "Gas", "Undated"]);
    assert_eq!(texts(&atom, "name")[..2], [TITLE, TITLE]);
    assert_eq!(texts(&atom, "subtitle"), ["Rates & <more>"]);
    let doc = parse_xml(&atom);
    let categories: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("category"))
        .filter_map(|n| n.attribute("term"))
        .collect();
    assert_eq!(categories, [TITLE, "energy"]);
    let content = &texts(&atom, "content")[0];
    assert!(
        content.contains("href=\"https://example.org/digest/analysis/gas/#part\""),
        "{content}"
    );
    assert!(
        content.contains("href=\"https://example.org/digest/analysis/oil/#part\""),
        "fragment links are absolute: {content}"
    );
    assert!(
        content.contains("<p class=\"sources\">Source: <a href=\"https://wire.example/a?b=1&amp;c=2\">Wire &amp; Co</a></p>"),
        "{content}"
    );

    let rss = read(&public, "rss.xml");
    assert_eq!(texts(&rss, "title"), [TITLE, TITLE, "Gas", "Undated"]);
    assert_eq!(texts(&rss, "creator"), [TITLE]);
    assert_eq!(texts(&rss, "category"), [TITLE, "energy"]);
    assert_eq!(
        texts(&rss, "pubDate"),
        [
            "Tue, 24 Nov 2026 09:30:00 +0000",
            "Fri, 01 May 2026 00:00:00 +0000"
        ]
    );

    let feed = json(&read(&public, "feed.json"));
    assert_eq!(feed["title"], TITLE);
    assert_eq!(feed["feed_url"], "https://example.org/digest/feed.json");
    let item = &feed["items"][0];
    assert_eq!(item["title"], TITLE);
    assert_eq!(item["authors"][0]["name"], TITLE);
    assert_eq!(item["tags"][0], TITLE);
    assert_eq!(item["date_published"], "2026-11-24T09:30:00Z");
    assert_eq!(item["_dossier"]["sources"][0]["name"], "Wire & Co");
    assert_eq!(feed["items"].as_array().unwrap().len(), 3);

    // A tag feed: its own title and self links, summaries only by default.
    let tag_atom = read(&public, &format!("{tag}atom.xml"));
    assert_eq!(
        texts(&tag_atom, "title")[0],
        format!("{TITLE} · Tags · {TITLE}")
    );
    assert!(tag_atom.contains(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/digest/{tag}atom.xml\"/>"
    )));
    assert!(texts(&tag_atom, "content").is_empty(), "summary only");
    assert_eq!(texts(&tag_atom, "summary").len(), 1);
    let tag_json = json(&read(&public, &format!("{tag}feed.json")));
    assert_eq!(tag_json["items"][0]["title"], TITLE);
    let section_rss = read(&public, "analysis/rss.xml");
    assert_eq!(
        texts(&section_rss, "title"),
        [
            format!("Analysis & <more> · {TITLE}"),
            TITLE.into(),
            "Gas".into()
        ]
    );
    assert!(!section_rss.contains("<content:encoded>"));
}

#[test]
fn pages_link_their_feeds_and_the_links_resolve() {
    let dir = nasty_site("");
    let public = build_ok(dir.path(), &[]);
    let head = |path: &str| {
        let html = read(&public, path);
        html.lines()
            .filter(|l| l.starts_with("<link rel=\"alternate\""))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let front = head("index.html");
    assert_eq!(front.len(), 3, "{front:?}");
    assert!(front[0].contains("type=\"application/atom+xml\""));
    assert!(front[1].contains("type=\"application/rss+xml\""));
    assert!(front[2].contains("type=\"application/feed+json\" "));
    assert!(front[2].contains("href=\"./feed.json\""), "{front:?}");
    assert!(
        front[0].contains(
            "title=\"Oil &amp; &quot;gas&quot; &lt;b&gt;&#x27;rates&#x27;&lt;/b&gt; 🛢️ (Atom)\""
        ) || front[0].contains(
            "title=\"Oil &amp; &quot;gas&quot; &lt;b&gt;&#39;rates&#39;&lt;/b&gt; 🛢️ (Atom)\""
        ),
        "{front:?}"
    );
    let section = head("analysis/index.html");
    assert_eq!(section.len(), 6, "{section:?}");
    assert!(
        section[3].contains("href=\"../analysis/atom.xml\""),
        "{section:?}"
    );
    let term = head("tags/energy/index.html");
    assert_eq!(term.len(), 6, "{term:?}");
    assert!(
        term[5].contains("href=\"../../tags/energy/feed.json\""),
        "{term:?}"
    );
    assert_eq!(head("analysis/gas/index.html").len(), 3);
    // Every feed link on every page leads to a file (`check` follows <link href>).
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn feeds_settings_choose_formats_content_and_lists() {
    let dir = nasty_site(
        "feeds:\n  formats: [rss]\n  limit: 1\n  content: summary\n  list_content: full\n",
    );
    let public = build_ok(dir.path(), &[]);
    assert!(!public.join("atom.xml").exists() && !public.join("feed.json").exists());
    let rss = read(&public, "rss.xml");
    assert_eq!(texts(&rss, "item").len(), 1, "limit 1");
    assert!(!rss.contains("<content:encoded>"), "site feed: summary");
    assert!(read(&public, "analysis/rss.xml").contains("<content:encoded>"));
    assert!(read(&public, "index.html")
        .contains("href=\"./rss.xml\" type=\"application/rss+xml\">Feed</a>"));

    let dir = nasty_site("feeds: { lists: false }\n");
    let public = build_ok(dir.path(), &[]);
    assert!(public.join("feed.json").is_file());
    assert!(!public.join("analysis/atom.xml").exists());
    assert!(!public.join("tags/energy/rss.xml").exists());
    assert!(!read(&public, "analysis/index.html").contains("analysis/atom.xml"));
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");

    let dir = nasty_site("feeds: { formats: [] }\n");
    let public = build_ok(dir.path(), &[]);
    let written: Vec<_> = walkdir(&public)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name == "atom.xml" || name == "rss.xml" || name == "feed.json"
        })
        .collect();
    assert!(written.is_empty(), "{written:?}");
    let index = read(&public, "index.html");
    assert!(!index.contains("rel=\"alternate\"") && !index.contains("nav-feed"));
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn bad_feed_settings_are_explained() {
    for (feeds, says) in [
        (
            "feeds: { formats: [atom, rdf] }\n",
            "unknown feed format `rdf`",
        ),
        ("feeds: { content: all }\n", "`full` or `summary`"),
        ("feeds: { limit: 0 }\n", "at least 1"),
        ("feeds: { lsts: false }\n", "did you mean `lists`?"),
    ] {
        let dir = nasty_site(feeds);
        let (ok, stderr) = build(dir.path(), &[]);
        assert!(!ok, "{feeds}");
        assert!(stderr.contains(says), "{feeds}: {stderr}");
        assert!(stderr.contains("dossier.yaml:5"), "{feeds}: {stderr}");
    }
}

/// An article with many tags or authors is listed on each of their pages
/// and in each of their feeds: its card shows six tags and a link to the
/// rest, its feed entries name twenty of each, and only its own page names
/// them all. Otherwise the output grows with the square of its tags (20
/// articles of 2,000 tags: 13 GB).
#[test]
fn an_article_with_many_tags_and_authors_stays_small_in_every_list_and_feed() {
    let tags: Vec<String> = (1..=30).map(|i| format!("t{i:02}")).collect();
    let authors: Vec<String> = (1..=30).map(|i| format!("Ann Lee {i:02}")).collect();
    let dir = site(
        "title: Tags\nbase_url: https://example.org/\n",
        &[(
            "content/many.md",
            &article(
                &format!(
                    "title: Many\ndate: 2026-05-01\ntags: [{}]\nauthors: [{}]",
                    tags.join(", "),
                    authors.join(", ")
                ),
                "Body.",
            ),
        )],
    );
    let public = build_ok(dir.path(), &[]);
    let tag_links = |html: &str| html.matches("rel=\"tag\"").count();
    let list = read(&public, "tags/t17/index.html");
    assert_eq!(tag_links(&list), 6, "{list}");
    assert!(
        list.contains(">+24 more<span class=\"visually-hidden\"> tags of Many</span></a>"),
        "{list}"
    );
    let page = read(&public, "many/index.html");
    assert_eq!(tag_links(&page), 30);
    assert!(page.contains("Ann Lee 30"));
    for list in ["tags/t17", "authors/ann-lee-29"] {
        let atom = read(&public, &format!("{list}/atom.xml"));
        let rss = read(&public, &format!("{list}/rss.xml"));
        assert_eq!(texts(&atom, "category").len(), 20, "{list}");
        assert_eq!(texts(&rss, "category").len(), 20, "{list}");
        // The feed's own author is the site's; the entry names twenty.
        assert_eq!(texts(&atom, "author").len(), 21, "{list}");
        assert_eq!(texts(&rss, "creator").len(), 20, "{list}");
        let item = &json(&read(&public, &format!("{list}/feed.json")))["items"][0];
        assert_eq!(item["tags"].as_array().unwrap().len(), 20);
        assert_eq!(item["authors"].as_array().unwrap().len(), 20);
    }
}
