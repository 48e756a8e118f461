//! Redirect pages for moved URLs: each alias of a page (front matter
//! `aliases:`, and the URLs folded copies would have had) gets a small HTML
//! file that sends readers and crawlers on. Static hosts cannot send a 301,
//! so it is a meta refresh with a canonical link (search engines treat that
//! pair as a permanent move) and a plain link for everything else.

use super::Site;
use crate::markdown::escape_html;
use crate::render::{file_for, root_for};

/// Every redirect of the site: (output file, HTML, the page's file).
pub fn redirects(site: &Site) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for page in &site.pages {
        for alias in &page.aliases {
            let target = format!("{}{}", root_for(alias), page.path);
            let canonical = site.config.permalink(&page.path);
            out.push((
                file_for(alias),
                html(&page.title, &target, &canonical, &site.config.language),
                page.file.display().to_string(),
            ));
        }
    }
    out
}

fn html(title: &str, target: &str, canonical: &str, language: &str) -> String {
    let (title, target, canonical) = (
        escape_html(title),
        escape_html(target),
        escape_html(canonical),
    );
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n\
         <p>This page has moved to <a href=\"{target}\">{title}</a>.</p>\n</body>\n</html>\n",
        lang = escape_html(language)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirect_page_points_relatively_and_canonically() {
        let html = super::html(
            "Oil & gas",
            "../../analysis/oil/",
            "https://e.org/analysis/oil/",
            "en",
        );
        assert!(html.contains("content=\"0; url=../../analysis/oil/\""));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://e.org/analysis/oil/\">"));
        assert!(html.contains("Oil &amp; gas"));
        assert!(html.contains("noindex"));
    }
}
