//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.

use std::fmt::Write;

use super::feed::xml_escape;
use super::Site;
use crate::content::front_matter::Date;

pub const SITEMAP_PATH: &str = "sitemap.xml";
pub const ROBOTS_PATH: &str = "robots.txt";

/// Every list and article page, sorted by URL, with `lastmod` where a date
/// is known (an article's `updated` or `date`; a list's newest article).
pub fn sitemap(site: &Site) -> String {
    let newest = |pages: &[usize]| pages.iter().filter_map(|&i| last_modified(site, i)).max();
    let mut entries: Vec<(String, Option<Date>)> = Vec::new();
    for entry in site.sections.values() {
        entries.push((entry.section.path.clone(), newest(&entry.pages)));
    }
    for (i, page) in site.pages.iter().enumerate() {
        entries.push((page.path.clone(), last_modified(site, i)));
    }
    for taxonomy in &site.taxonomies {
        let all: Vec<usize> = taxonomy
            .terms
            .iter()
            .flat_map(|t| t.pages.iter().copied())
            .collect();
        entries.push((taxonomy.path.clone(), newest(&all)));
        for term in &taxonomy.terms {
            entries.push((term.path.clone(), newest(&term.pages)));
        }
    }
    if let Some(latest) = site.editions.first() {
        entries.push((
            crate::digest::paths::EDITIONS_PATH.to_string(),
            newest(&latest.pages),
        ));
    }
    for edition in &site.editions {
        entries.push((edition.path.clone(), newest(&edition.pages)));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);

    let mut xml = String::with_capacity(128 + entries.len() * 128);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, date) in entries {
        let _ = write!(
            xml,
            "  <url>\n    <loc>{}</loc>\n",
            xml_escape(&site.config.permalink(&path))
        );
        if let Some(date) = date {
            let _ = writeln!(xml, "    <lastmod>{}</lastmod>", date.rfc3339());
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn last_modified(site: &Site, i: usize) -> Option<Date> {
    let page = &site.pages[i];
    page.updated.max(page.date)
}

/// Allows everything and points crawlers at the sitemap.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.permalink(SITEMAP_PATH)
    )
}
