//! The attributes the cleaner reads off an element, and what they say
//! about it: hidden (by a class only screen readers hear, `hidden`,
//! `aria-hidden`, an inline style), floated, a tracking pixel or an icon,
//! a lazy image's real source, a code block's language.

use dom_query::Element;

use super::*;

/// The attributes of `el` (named `name`, read as `tag`) that the cleaner
/// keeps: `Some(None)` when there are none worth keeping, `None` when they
/// hide the element from readers.
pub(super) fn read(el: &Element, name: &str, tag: Tag) -> Option<Option<Box<Attrs>>> {
    if el.attrs.is_empty() {
        return Some(None);
    }
    let mut a = Attrs::default();
    let mut any = false;
    let (mut w, mut hgt) = (None, None);
    let mut floated = false;
    let mut lazy: Option<String> = None;
    let mut aria_hidden = false;
    for at in &el.attrs {
        let v: &str = &at.value;
        match &*at.name.local {
            "class" if screen_reader_only(v) => return None,
            "class" => {
                a.class = v.to_ascii_lowercase();
                any = true;
            }
            "id" => {
                a.id = v.to_ascii_lowercase();
                any = true;
            }
            "href" => {
                a.href = Some(v.trim().to_string());
                any = true;
            }
            "src" => {
                a.src = Some(v.trim().to_string());
                any = true;
            }
            "data-src" | "data-lazy-src" | "data-original" | "data-url" | "data-hi-res-src"
            | "data-full-src"
                if lazy.is_none() && !v.trim().is_empty() =>
            {
                lazy = Some(v.trim().to_string());
            }
            "srcset" | "data-srcset" if lazy.is_none() => {
                lazy = v
                    .split(',')
                    .next()
                    .and_then(|s| s.split_whitespace().next())
                    .map(str::to_string);
            }
            "alt" => {
                a.alt = Some(v.to_string());
                any = true;
            }
            "datetime" => {
                a.datetime = Some(v.to_string());
                any = true;
            }
            // The microformats' abbr pattern: the machine
            // value in the title (`<abbr class="published"
            // title="2016-12-23T05:11:00-05:00">5:11 AM`).
            "title" if name == "abbr" && a.datetime.is_none() => {
                a.datetime = Some(v.to_string());
                any = true;
            }
            "rel" => {
                a.rel = Some(v.to_ascii_lowercase());
                any = true;
            }
            "itemprop" => {
                a.itemprop = Some(v.to_string());
                any = true;
            }
            "data-lang" => {
                a.lang = Some(v.to_string());
                any = true;
            }
            "role" => {
                a.role = Some(v.to_ascii_lowercase());
                any = true;
            }
            "width" => w = v.trim().trim_end_matches("px").parse::<u32>().ok(),
            "height" => hgt = v.trim().trim_end_matches("px").parse::<u32>().ok(),
            "hidden" => return None,
            "aria-hidden" if v.trim().eq_ignore_ascii_case("true") => {
                aria_hidden = true;
            }
            "style" if style_hides(v) => return None,
            "style" => floated |= style_floats(v),
            "align" => {
                floated |= ["left", "right"]
                    .iter()
                    .any(|d| v.trim().eq_ignore_ascii_case(d))
            }
            _ => {}
        }
    }
    // Hidden from screen readers, not shown: but text
    // behind a paywall, which the page carries hidden
    // until it is unlocked, is the article's.
    if aria_hidden && !a.class.contains("paywall") {
        return None;
    }
    if tag == Tag::Img {
        let bad = |s: &Option<String>| {
            s.as_deref()
                .is_none_or(|s| s.is_empty() || s.starts_with("data:"))
        };
        if bad(&a.src) && lazy.is_some() {
            a.src = lazy;
            any = true;
        }
        a.tiny = matches!((w, hgt), (Some(w), Some(h)) if w <= 2 || h <= 2);
        a.floated = floated;
        a.icon = w.is_some_and(|w| w < 100) || hgt.is_some_and(|h| h < 50);
    }
    if matches!(tag, Tag::Pre | Tag::Code) && a.lang.is_none() {
        a.lang = code_lang(&a.class);
    }
    Some(any.then(|| Box::new(a)))
}

/// Text only a screen reader speaks, by the class names of the common
/// front-end kits (WordPress's `screen-reader-text` and older
/// `assistive-text`, Bootstrap's `sr-only`, `visually-hidden`, Drupal's
/// `element-invisible`, Foundation's `show-for-sr`, `offscreen` as in
/// `h-offscreen`, Twitter's `u-hiddenVisually`), and the same under a
/// utility prefix (`u-screen-reader-text`): a label for an icon or a
/// toggle the digest does not show ("Post author", "Opens in a new
/// window", "Box aufklappen Box zuklappen"), or the visible text again
/// ("Kristen Falc'hon" twice in one link).
fn screen_reader_only(class: &str) -> bool {
    const HIDDEN: [&str; 10] = [
        "screen-reader-text",
        "assistive-text",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "hiddenvisually",
        "element-invisible",
        "show-for-sr",
        "offscreen",
        "a11y-hidden",
    ];
    class.split_ascii_whitespace().any(|c| {
        let c = c.as_bytes();
        HIDDEN.iter().any(|k| {
            c.len().checked_sub(k.len()).is_some_and(|at| {
                c[at..].eq_ignore_ascii_case(k.as_bytes())
                    && (at == 0 || matches!(c[at - 1], b'-' | b'_'))
            })
        })
    })
}

/// Whether an inline element with `class` holding `text` is an icon
/// font's glyph, a picture drawn with a letter: one character in an
/// element the class names an icon (Gawker's magnifier "S" in `<span
/// class="icon">`, the print glyph "⎙" in `ss-icon`), or the icon's name
/// in Google's ligature fonts (`<i class="material-icons">public</i>`).
/// A digit stays: an icon class also marks a count or a step's number.
///
/// `class` is as [`Attrs`] keeps it, in lower case.
pub(super) fn icon_glyph(class: &str, text: impl FnOnce() -> String) -> bool {
    let words = || class.split_ascii_whitespace();
    let material =
        words().any(|w| w.starts_with("material-icons") || w.starts_with("material-symbols"));
    let icon = material
        || words().any(|w| {
            w == "icon" || w == "glyphicon" || w.starts_with("icon-") || w.ends_with("-icon")
        });
    if !icon {
        return false;
    }
    let text = text();
    let text = text.trim();
    let mut chars = text.chars();
    let one = chars.next().is_some_and(|c| !c.is_ascii_digit()) && chars.next().is_none();
    one || material && !text.is_empty() && text.len() <= 32 && !text.contains(char::is_whitespace)
}

/// An inline style without spaces, in lower case: "Display: None" and
/// "display:none" are one rule.
fn compact_style(style: &str) -> String {
    style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn style_hides(style: &str) -> bool {
    let s = compact_style(style);
    s.contains("display:none") || s.contains("visibility:hidden")
}

fn style_floats(style: &str) -> bool {
    let s = compact_style(style);
    s.contains("float:left") || s.contains("float:right")
}

fn code_lang(class: &str) -> Option<String> {
    class.split_ascii_whitespace().find_map(|c| {
        let l = c
            .strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .or_else(|| c.strip_prefix("highlight-source-"))?;
        (!l.is_empty()
            && l.len() <= 20
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+#-_".contains(c)))
        .then(|| l.to_string())
    })
}
