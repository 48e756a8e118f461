//! Class / id vocabulary: what an element's `class`, `id`, `itemprop` and
//! `role` say about it (article-like, unlikely to be content, boilerplate
//! inside an article). Kept apart because both content selection and
//! boilerplate removal weigh the same words, and the lists are long.

use super::arena::{Attrs, Node, Tag};

const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

fn any_in(s: &str, words: &[&str]) -> bool {
    !s.is_empty() && words.iter().any(|w| s.contains(w))
}

pub(super) fn class_weight(at: &Attrs) -> f32 {
    class_weight_except(at, &[])
}

/// [`class_weight`] without the negative words this page uses for its
/// structure (see [`boiler_tokens`]).
pub(super) fn class_weight_except(at: &Attrs, structural: &[&str]) -> f32 {
    let mut w = 0.0;
    for s in [&at.class, &at.id] {
        if s.is_empty() {
            continue;
        }
        let negative = NEGATIVE
            .iter()
            .any(|n| !structural.contains(n) && s.contains(n));
        if negative || s == "hid" {
            w -= 25.0;
        }
        if any_in(s, POSITIVE) {
            w += 25.0;
        }
    }
    if at
        .itemprop
        .as_deref()
        .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
    {
        w += 25.0;
    }
    w
}

pub(super) fn is_unlikely(node: &Node) -> bool {
    match node.tag {
        Tag::Nav | Tag::Aside | Tag::Footer => return true,
        Tag::Body | Tag::A | Tag::Html => return false,
        _ => {}
    }
    let at = node.attrs();
    if let Some(role) = &at.role {
        if matches!(
            role.as_str(),
            "menu" | "menubar" | "complementary" | "navigation" | "alert"
        ) {
            return true;
        }
    }
    let both = if at.id.is_empty() {
        std::borrow::Cow::Borrowed(at.class.as_str())
    } else {
        std::borrow::Cow::Owned(format!("{} {}", at.class, at.id))
    };
    any_in(&both, UNLIKELY) && !any_in(&both, MAYBE)
}

/// A dialog the page opens over itself (log-in, sign-up, download, media
/// viewer): hidden until asked for, and never the article, whichever
/// attempt of the selection is running. A video page's article is one
/// short description; its log-in dialogs hold far more text. Told by
/// `role` or by a class or id word `modal` or `dialog` (`b-dialog`,
/// `login-modal`), a whole word so that "dialogue" stays an interview.
pub(super) fn is_dialog(node: &Node) -> bool {
    if matches!(node.tag, Tag::Body | Tag::Html) {
        // `modal-open` on the body says a dialog is open, not that the
        // page is one.
        return false;
    }
    let at = node.attrs();
    at.role
        .as_deref()
        .is_some_and(|r| matches!(r, "dialog" | "alertdialog"))
        || at.words().any(|w| w == "modal" || w == "dialog")
}

/// The words of a class or id attribute, parted at any sign
/// (`elementor-widget-wrap`, `header-info__author`).
fn class_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
}

/// Class/id tokens that mark boilerplate inside an article (exact tokens).
const BOILER_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "adunit",
    "adslot",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "meta",
    "metadata",
    "tags",
    "tag",
    "byline",
    "dateline",
    "timestamp",
    "share",
    "shares",
    "social",
    "related",
    "comments",
    "comment",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "promo",
    "promotion",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "caption",
    "credit",
    "credits",
    "author",
    "authors",
    "bio",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "toolbar",
    "pagination",
    "pager",
    "print",
    "email",
    "recirc",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "widget",
    "banner",
    "disclaimer",
    "copyright",
    "rating",
    "reactions",
    "tools",
    "utility",
    "utilities",
    "topics",
    "keywords",
    "masthead",
    "skip",
];
/// Substrings (in the class/id with separators removed) that mark boilerplate.
const BOILER_PARTS: &[&str] = &[
    "sharebar",
    "sharing",
    "socialshare",
    "sharetool",
    "shareicon",
    "sharebutton",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "outbrain",
    "taboola",
    "advert",
    "sponsor",
    "breadcrumb",
    "byline",
    "footer",
    "sidebar",
    "signup",
    "sronly",
    "visuallyhidden",
    "screenreader",
    "relatedarticle",
    "relatedpost",
    "relatedstor",
    "relatedlink",
    "relatedcontent",
    "readmore",
    "readnext",
    "mostread",
    "mostpopular",
    "morestories",
    "recirc",
    "disqus",
    "comments",
    "socialicon",
    "sociallink",
    "followus",
    "authorbio",
    "aboutauthor",
    "authorinfo",
    "articlemeta",
    "postmeta",
    "entrymeta",
    "storymeta",
    "publishdate",
    "pubdate",
    "inlinead",
    "adcontainer",
    "adwrapper",
    "adslot",
    "adunit",
    "dfp",
    "googleads",
    "paywall",
    "promo",
];

/// A class that hides its element: `hidden`, `is-hidden`, `js-hidden`.
/// Not one that hides a part of it (Drupal's `field-label-hidden` on every
/// body field) or hides it on some screens only (`hidden-xs`).
fn hidden_class(class: &str) -> bool {
    // Compared without lowercasing a copy: every class of every element
    // of the article passes here.
    [
        "hidden",
        "is-hidden",
        "is_hidden",
        "u-hidden",
        "js-hidden",
        "el-hidden",
        "ishidden",
    ]
    .iter()
    .any(|h| class.eq_ignore_ascii_case(h))
}

/// The boilerplate tokens of a class or id attribute ("widget" of
/// `elementor-widget-wrap`).
pub(super) fn boiler_tokens(s: &str) -> impl Iterator<Item = &'static str> + '_ {
    class_words(s).filter_map(|t| BOILER_TOKENS.iter().find(|b| **b == t).copied())
}

pub(super) fn boiler_class(at: &Attrs) -> Option<String> {
    boiler_class_except(at, &[])
}

/// [`boiler_class`] without the tokens in `structural`: the words a page
/// builder puts on every block, article text included (Elementor's
/// `elementor-widget`), say nothing about any one block.
pub(super) fn boiler_class_except(at: &Attrs, structural: &[&str]) -> Option<String> {
    // Embedded posts (tweets, videos) are quoted content, whatever else
    // their class says.
    if [&at.class, &at.id]
        .iter()
        .any(|s| s.contains("embed") || s.contains("tweet"))
    {
        return None;
    }
    for s in [&at.class, &at.id] {
        if s.is_empty() {
            continue;
        }
        let hit_token = boiler_tokens(s).any(|t| !structural.contains(&t))
            || s.split_whitespace().any(hidden_class);
        let joined: String = s.chars().filter(char::is_ascii_alphanumeric).collect();
        if hit_token
            || BOILER_PARTS
                .iter()
                .any(|p| joined.contains(p) && !structural.contains(p))
        {
            let what = if std::ptr::eq(s, &at.class) {
                "class"
            } else {
                "id"
            };
            let shown: String = s.chars().take(60).collect();
            return Some(format!("{what} `{shown}`"));
        }
    }
    if let Some(role) = &at.role {
        if matches!(
            role.as_str(),
            "navigation"
                | "complementary"
                | "banner"
                | "contentinfo"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "toolbar"
                | "search"
        ) {
            return Some(format!("role `{role}`"));
        }
    }
    None
}
