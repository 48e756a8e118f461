//! Boxes that link the site's own privacy policy: the consent a site asks
//! before it shows an embedded video or chart ("I agree that content from
//! YouTube is shown to me … Privacy policy"), a newsletter or registration
//! form's fine print, a cookie notice, a footer's "Imprint | Privacy". Such
//! a box has no class or wording in common from site to site, but every
//! one of them links the page that the law makes each site keep, and
//! articles do not: a story about privacy cites other sites' policies.

use super::arena::{Arena, Tag};
use super::meta::host_label;

/// Text (characters) a box may hold: a consent notice with its heading and
/// button label, not a section of the article.
pub(super) const BOX_LEN: u32 = 600;

/// Words of a privacy policy's address ("/datenschutz/",
/// "/privacy-notice", "/hilfe/datenschutz", "politique-de-confidentialite",
/// "Datenschutzerklaerung-WELT.html"): at least one names privacy.
const PRIVACY: &[&str] = &[
    "privacy",
    "privacypolicy",
    "datenschutz",
    "datenschutzerklaerung",
    "datenschutzerklärung",
    "datenschutzhinweise",
    "datenschutzinformationen",
    "datenschutzeinstellungen",
    "confidentialite",
    "confidentialité",
    "privacidad",
    "privacidade",
    "riservatezza",
    "privacybeleid",
    "personvern",
    "integritetspolicy",
];

/// The other words such an address holds.
const POLICY: &[&str] = &[
    "policy",
    "notice",
    "statement",
    "settings",
    "center",
    "centre",
    "cookie",
    "cookies",
    "and",
    "politique",
    "politica",
    "política",
    "informativa",
    "de",
    "la",
    "di",
    "sulla",
    "erklaerung",
    "hinweise",
    "einstellungen",
];

/// Whether element `n` holds a link to the site's own privacy policy: an
/// address on the page's own site (`site`, its host label, as
/// `meta::host_label` gives it; a relative link always is) whose last part
/// names the policy and nothing else.
pub(super) fn links_privacy_page(a: &Arena, n: u32, site: Option<&str>) -> bool {
    (n as usize..a.subtree_end(n)).any(|k| {
        let node = &a.nodes[k];
        node.tag == Tag::A
            && node.attrs.is_some()
            && node
                .attrs()
                .href
                .as_deref()
                .is_some_and(|h| privacy_page(h, site))
    })
}

fn privacy_page(href: &str, site: Option<&str>) -> bool {
    let href = href.split(['?', '#']).next().unwrap_or("");
    let own = if href.contains("://") || href.starts_with("//") {
        let absolute = if href.starts_with("//") {
            format!("https:{href}")
        } else {
            href.to_string()
        };
        site.is_some_and(|s| host_label(&absolute).as_deref() == Some(s))
    } else {
        !href.starts_with("mailto:") && !href.starts_with("javascript:")
    };
    if !own {
        return false;
    }
    let path = href.split_once("://").map_or(href, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let last = last.to_lowercase();
    let stem = [".html", ".htm", ".php", ".aspx", ".jsp"]
        .iter()
        .find_map(|x| last.strip_suffix(x))
        .unwrap_or(&last);
    let words: Vec<&str> = stem
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| PRIVACY.contains(w))
        && words.iter().all(|w| {
            PRIVACY.contains(w)
                || POLICY.contains(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || site == Some(*w)
        })
}

#[cfg(test)]
mod tests {
    use super::privacy_page;

    #[test]
    fn a_privacy_policy_of_the_site_is_told_by_its_address() {
        let site = Some("gamestar");
        for own in [
            "/datenschutz/",
            "https://www.gamestar.de/datenschutz/",
            "https://www.gamestar.de/hilfe/privacy-notice?ref=embed",
            "/services/article157/Datenschutzerklaerung-GAMESTAR.html",
            "/einstellungen/datenschutzeinstellungen-100.html",
            "/fr/politique-de-confidentialite",
        ] {
            assert!(privacy_page(own, site), "{own}");
        }
        for other in [
            // Another site's policy, cited by a story.
            "https://www.facebook.com/privacy/policy/",
            // A story whose address names privacy among other words.
            "/ratgeber/icloud-datenschutz-funktionen",
            "/news/privacy-rules-tightened-for-apps",
            "/datenschutz/news/office-365-in-schools",
            "mailto:privacy@gamestar.de",
        ] {
            assert!(!privacy_page(other, site), "{other}");
        }
        // Without the page's address, only a relative link is known to be
        // the site's own.
        assert!(privacy_page("/privacy", None));
        assert!(!privacy_page("https://www.gamestar.de/privacy", None));
    }
}
