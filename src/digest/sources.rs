//! Source names: one name per publisher, however each copy spells it.
//!
//! A source reaches a page from `source:` (front matter or sidecar), the
//! folder's `clean.sources` rule, the page's own metadata (`og:site_name`,
//! JSON-LD publisher) or, failing all of those, the host of its
//! `source_url`. The same publisher then shows up as "CNBC" and "CNBC LLC",
//! or "Reuters" and "www.reuters.com". Spellings are merged by a key
//! (lowercase letters and digits, without corporate suffixes or a leading
//! "the"; a host by its registrable label), and pages that carry both a name
//! and a URL teach the merger which host goes with which name, so a copy
//! known only by its URL joins the publisher's other copies.
//!
//! Each merged publisher is shown under one spelling: a name over a host,
//! a plain name over one with a suffix, then the most used, then the
//! shortest and the first in sort order (deterministic).

use std::collections::BTreeMap;

/// Words a publisher's legal name adds to its brand.
const CORPORATE: &[&str] = &[
    "llc",
    "inc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "llp",
    "lp",
    "pty",
    "company",
];

/// Second-level labels under a country code (`bbc.co.uk`, `abc.net.au`).
const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"];

/// Subdomains that say nothing about the publisher.
const HOST_NOISE: &[&str] = &["www", "m", "amp", "mobile", "edition", "en", "news", "web"];

/// Whether a name is a host (`www.reuters.com`) or URL rather than a name.
pub fn is_host_like(name: &str) -> bool {
    let n = name.trim();
    n.contains("://")
        || (!n.contains(' ') && n.contains('.') && n.split('.').all(|l| !l.is_empty()))
}

/// The host of an http(s) URL, lowercased, without `www.` or a port.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

/// The merge key of a source name or host. Empty when nothing is left.
pub fn key(name: &str) -> String {
    let name = name.trim();
    if is_host_like(name) {
        let host = host_of(name)
            .or_else(|| host_of(&format!("https://{name}")))
            .unwrap_or_else(|| name.to_ascii_lowercase());
        return host_key(&host);
    }
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    while words.len() > 1 && words.last().is_some_and(|w| CORPORATE.contains(w)) {
        words.pop();
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.concat().replace('&', "and")
}

/// `www.bbc.co.uk` → `bbc`, `edition.cnn.com` → `cnn`.
fn host_key(host: &str) -> String {
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop(); // the top-level domain
    }
    if labels.len() > 1 && labels.last().is_some_and(|l| SECOND_LEVEL.contains(l)) {
        labels.pop();
    }
    let label = labels.last().copied().unwrap_or(host);
    let label = label
        .strip_prefix("the")
        .filter(|r| r.len() > 2)
        .unwrap_or(label);
    if HOST_NOISE.contains(&label) {
        return host.to_string();
    }
    label.replace('-', "")
}

/// What the site's pages call their sources, merged into publishers.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SourceNames {
    /// Merge key → the publisher's key (union-find, flattened).
    canonical: BTreeMap<String, String>,
    /// Publisher key → the spelling shown.
    display: BTreeMap<String, String>,
}

impl SourceNames {
    /// Learns publishers from every page's (name, url) pair.
    pub fn learn<'a>(pairs: impl Iterator<Item = (Option<&'a str>, Option<&'a str>)>) -> Self {
        let mut parent: BTreeMap<String, String> = BTreeMap::new();
        fn find(parent: &mut BTreeMap<String, String>, k: &str) -> String {
            let mut k = k.to_string();
            while let Some(p) = parent.get(&k).filter(|p| **p != k) {
                k = p.clone();
            }
            k
        }
        let mut spellings: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (name, url) in pairs {
            let name = name.map(str::trim).filter(|n| !n.is_empty());
            let host = url.and_then(host_of);
            let name_key = name.map(key).filter(|k| !k.is_empty());
            let host_key = host.as_deref().map(key).filter(|k| !k.is_empty());
            for k in name_key.iter().chain(&host_key) {
                parent.entry(k.clone()).or_insert_with(|| k.clone());
            }
            if let (Some(a), Some(b)) = (&name_key, &host_key) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    // The smaller key leads: the result is the same in any order.
                    let (lead, other) = if ra < rb { (ra, rb) } else { (rb, ra) };
                    parent.insert(other, lead);
                }
            }
            let spelled = name.map(str::to_string).or(host);
            if let (Some(k), Some(s)) = (name_key.or(host_key), spelled) {
                *spellings.entry(k).or_default().entry(s).or_default() += 1;
            }
        }
        let keys: Vec<String> = parent.keys().cloned().collect();
        let canonical: BTreeMap<String, String> = keys
            .into_iter()
            .map(|k| {
                let root = find(&mut parent, &k);
                (k, root)
            })
            .collect();
        let mut by_root: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for (k, counts) in &spellings {
            let entry = by_root.entry(canonical[k].as_str()).or_default();
            for (s, n) in counts {
                *entry.entry(s.as_str()).or_default() += n;
            }
        }
        let display = by_root
            .into_iter()
            .filter_map(|(root, counts)| {
                let best = counts.into_iter().min_by(|(a, na), (b, nb)| {
                    let rank = |s: &str| (is_host_like(s), has_suffix(s));
                    rank(a)
                        .cmp(&rank(b))
                        .then(nb.cmp(na))
                        .then(a.len().cmp(&b.len()))
                        .then(a.cmp(b))
                })?;
                Some((root.to_string(), best.0.to_string()))
            })
            .collect();
        SourceNames { canonical, display }
    }

    /// The publisher key of a name or host, if any page used it.
    pub fn publisher(&self, name: &str) -> Option<&str> {
        self.canonical.get(&key(name)).map(String::as_str)
    }

    /// How a page's source is shown: its publisher's spelling, else the
    /// name as given, else its URL's host.
    pub fn name_for(&self, name: Option<&str>, url: Option<&str>) -> Option<String> {
        let given = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .or_else(|| url.and_then(host_of))?;
        Some(
            self.publisher(&given)
                .and_then(|p| self.display.get(p))
                .cloned()
                .unwrap_or(given),
        )
    }

    /// Whether `name` (an author, say) is a publisher some page names.
    pub fn is_publisher(&self, name: &str) -> bool {
        let k = key(name);
        !k.is_empty() && self.canonical.contains_key(&k)
    }
}

fn has_suffix(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| CORPORATE.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_suffixes_hosts_and_case() {
        assert_eq!(key("CNBC LLC"), "cnbc");
        assert_eq!(key("CNBC"), "cnbc");
        assert_eq!(key("www.reuters.com"), "reuters");
        assert_eq!(key("Reuters"), "reuters");
        assert_eq!(key("https://www.bbc.co.uk/news"), "bbc");
        assert_eq!(key("edition.cnn.com"), "cnn");
        assert_eq!(key("The Guardian"), "guardian");
        assert_eq!(key("The Times"), "times");
        assert_eq!(key("Daily Mail"), "dailymail");
        assert_eq!(key("dailymail.co.uk"), "dailymail");
        assert_eq!(key("AT&T"), "atandt");
    }

    #[test]
    fn merges_spellings_and_prefers_plain_names() {
        let pairs = [
            (Some("CNBC LLC"), None),
            (Some("CNBC"), Some("https://www.cnbc.com/a")),
            (None, Some("https://www.cnbc.com/b")),
            (Some("www.reuters.com"), None),
            (Some("Reuters"), None),
        ];
        let names = SourceNames::learn(pairs.iter().copied());
        assert_eq!(
            names.name_for(Some("CNBC LLC"), None).as_deref(),
            Some("CNBC")
        );
        assert_eq!(
            names.name_for(None, Some("https://cnbc.com/x")).as_deref(),
            Some("CNBC")
        );
        assert_eq!(
            names.name_for(Some("www.reuters.com"), None).as_deref(),
            Some("Reuters")
        );
        assert!(names.is_publisher("Reuters"));
        assert!(!names.is_publisher("Jane Doe"));
        assert_eq!(
            names.name_for(Some("Unknown Wire"), None).as_deref(),
            Some("Unknown Wire")
        );
        assert_eq!(names.name_for(None, None), None);
    }

    #[test]
    fn a_host_teaches_which_name_it_belongs_to() {
        let pairs = [
            (
                Some("The Guardian"),
                Some("https://www.theguardian.com/world/x"),
            ),
            (None, Some("https://theguardian.com/uk/y")),
        ];
        let names = SourceNames::learn(pairs.iter().copied());
        assert_eq!(
            names
                .name_for(None, Some("https://theguardian.com/uk/y"))
                .as_deref(),
            Some("The Guardian")
        );
    }

    #[test]
    fn learning_is_order_independent() {
        let mut pairs = [
            (Some("B Corp"), Some("https://b.example.com/")),
            (Some("B"), None),
            (None, Some("https://b.example.com/z")),
            (Some("a.org"), None),
        ];
        let one = SourceNames::learn(pairs.iter().copied());
        pairs.reverse();
        assert_eq!(one, SourceNames::learn(pairs.iter().copied()));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Reuters.com:443/x?y").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(host_of("ftp://x.org"), None);
        assert!(is_host_like("www.reuters.com"));
        assert!(!is_host_like("Reuters"));
        assert!(!is_host_like("Mr. Smith"));
    }
}
