//! Readable highlighting: syntect's bundled themes were made for editors,
//! not for WCAG. InspiredGitHub's comments are under 3:1 on a light page;
//! some dark themes are worse. Every colour of a theme's stylesheet is moved
//! towards black (on a light background) or white (on a dark one) just far
//! enough to reach the AA contrast for text, 4.5:1, against the background
//! it is shown on. Colours that already pass are left as the theme has them.

/// WCAG 2 AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

pub type Rgb = [u8; 3];

fn parse_hex(hex: &str) -> Option<Rgb> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// Whether text on `bg` should be dark.
fn is_light(bg: Rgb) -> bool {
    luminance(bg) > 0.18
}

/// The WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The lowest contrast of `fg` on any of `bgs`.
fn worst(fg: Rgb, bgs: &[Rgb]) -> f64 {
    bgs.iter()
        .map(|&bg| contrast(fg, bg))
        .fold(f64::INFINITY, f64::min)
}

/// `fg`, moved towards black or white (away from the backgrounds, which
/// are all light or all dark) in small steps until it reaches
/// [`MIN_CONTRAST`] on each of `bgs`.
fn readable(fg: Rgb, bgs: &[Rgb]) -> Rgb {
    let target: Rgb = if is_light(bgs[0]) {
        [0, 0, 0]
    } else {
        [255, 255, 255]
    };
    let mut t = 0.0;
    let mut c = fg;
    while worst(c, bgs) < MIN_CONTRAST && t < 1.0 {
        t += 0.02;
        let mix = |i: usize| {
            (f64::from(fg[i]) + (f64::from(target[i]) - f64::from(fg[i])) * t).round() as u8
        };
        c = [mix(0), mix(1), mix(2)];
    }
    c
}

/// `key: #rrggbb` on one line of a stylesheet.
fn value(line: &str, key: &str) -> Option<Rgb> {
    let rest = line
        .trim()
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix(':')?;
    parse_hex(rest.trim().trim_end_matches(';').trim())
}

/// The theme's code background: the first one its stylesheet sets (on
/// `.hl-code`).
fn base_background(css: &str) -> Rgb {
    css.lines()
        .find_map(|l| value(l, "background-color"))
        .unwrap_or([255, 255, 255])
}

/// The backgrounds a rule's text is shown on: its own, or both the theme's
/// and `block`, the background the site's theme gives code blocks.
fn backgrounds(rule: &[&str], base: Rgb, block: Rgb) -> Vec<Rgb> {
    match rule.iter().find_map(|l| value(l, "background-color")) {
        Some(own) => vec![own],
        None => vec![base, block],
    }
}

/// Rewrites the `color:` of every rule in a syntect stylesheet so that it
/// reads on its backgrounds (see [`backgrounds`]). `block` must be of the
/// theme's kind (light for a light theme).
pub fn make_readable(css: &str, block: Rgb) -> String {
    let base = base_background(css);
    let mut out = String::with_capacity(css.len());
    let mut rule: Vec<&str> = Vec::new();
    for line in css.split_inclusive('\n') {
        rule.push(line);
        if !line.contains('}') {
            continue;
        }
        let bgs = backgrounds(&rule, base, block);
        for l in rule.drain(..) {
            match value(l, "color") {
                Some(fg) if worst(fg, &bgs) < MIN_CONTRAST => {
                    let [r, g, b] = readable(fg, &bgs);
                    let indent = &l[..l.len() - l.trim_start().len()];
                    let end = if l.ends_with('\n') { "\n" } else { "" };
                    out.push_str(&format!("{indent}color: #{r:02x}{g:02x}{b:02x};{end}"));
                }
                _ => out.push_str(l),
            }
        }
    }
    out.extend(rule);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour of every rule meets AA on the backgrounds it is shown on.
    fn assert_readable(css: &str, block: Rgb, what: &str) {
        let base = base_background(css);
        for rule in css.split('}') {
            let lines: Vec<&str> = rule.lines().collect();
            let bgs = backgrounds(&lines, base, block);
            for fg in lines.iter().filter_map(|l| value(l, "color")) {
                let c = worst(fg, &bgs);
                assert!(c >= MIN_CONTRAST, "{what}: {c:.2}:1 in {rule}");
            }
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        // #777 on white, the classic just-failing grey.
        assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
    }

    /// All of syntect's bundled themes, each on the default site theme's
    /// code background of its kind.
    #[test]
    fn every_bundled_theme_is_made_readable() {
        let themes = syntect::highlighting::ThemeSet::load_defaults();
        for (name, theme) in &themes.themes {
            let css =
                syntect::html::css_for_theme_with_class_style(theme, super::super::CLASS_STYLE)
                    .unwrap();
            let block = if is_light(base_background(&css)) {
                super::super::LIGHT_CODE_BG
            } else {
                super::super::DARK_CODE_BG
            };
            assert_readable(&make_readable(&css, block), block, name);
        }
    }

    #[test]
    fn only_failing_colours_change() {
        let css = ".hl-code {\n color: #323232;\n background-color: #ffffff;\n}\n\n.hl-comment {\n color: #969896;\nfont-style: italic;\n}\n.hl-invalid {\n color: #f8f8f8;\n background-color: #f93232;\n}\n";
        let out = make_readable(css, [255, 255, 255]);
        assert!(out.contains(" color: #323232;"));
        assert!(!out.contains("#969896"));
        assert!(out.contains("font-style: italic;"));
        assert_readable(&out, [255, 255, 255], "sample");
        let dark = ".hl-code {\n color: #c0c5ce;\n background-color: #2b303b;\n}\n.hl-comment {\n color: #65737e;\n}\n";
        let out = make_readable(dark, [0x1b, 0x1e, 0x23]);
        assert_readable(&out, [0x1b, 0x1e, 0x23], "dark sample");
        assert!(out.contains(" color: #c0c5ce;"), "{out}");
    }
}
