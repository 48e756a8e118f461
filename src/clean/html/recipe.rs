//! A recipe's ingredients, where the template sets them apart from its
//! method. Recipe sites put the ingredient list in a box of its own (a
//! table beside a portion calculator), away from the steps the selection
//! finds; the page's JSON-LD `Recipe` names every ingredient, so the box
//! is found by what it says, not by what a site calls it.

use super::arena::{Arena, Tag};
use super::stats::Stat;
use crate::clean::normalize_for_matching;

/// Fewest ingredients a list must name for its box to be looked for: one
/// or two named are a garnish in the text, not a list.
const MIN_INGREDIENTS: usize = 3;

/// Text (characters) of a line that may name one ingredient: "200 g
/// Margarine oder Butter", not a paragraph of the method that mentions it.
const LINE: u32 = 160;

/// The lines of a page that name the ingredients of its recipe, found
/// once per page (the selection's retries only move where the text is).
#[derive(Default)]
pub(super) struct Ingredients {
    /// How many ingredients the recipe lists (with words to find).
    listed: usize,
    /// Each line naming some, in document order, with the ones it names.
    lines: Vec<(u32, Vec<usize>)>,
}

impl Ingredients {
    /// The lines of the page that name the `listed` ingredients (its
    /// JSON-LD); none when the list is too short to be one.
    pub(super) fn find(a: &Arena, st: &[Stat], listed: &[String]) -> Self {
        let keys: Vec<Vec<String>> = listed
            .iter()
            .map(|i| key_words(i))
            .filter(|k| !k.is_empty())
            .collect();
        if keys.len() < MIN_INGREDIENTS {
            return Self::marked(a);
        }
        let lines = (1..a.nodes.len() as u32)
            .filter(|&i| is_line(a, st, i))
            .filter_map(|i| {
                let words = key_words(&a.text(i));
                let named: Vec<usize> = (0..keys.len())
                    .filter(|&k| names(&words, &keys[k]))
                    .collect();
                (!named.is_empty()).then_some((i, named))
            })
            .collect();
        Ingredients {
            listed: keys.len(),
            lines,
        }
    }

    /// The lines microdata marks as ingredients (`itemprop=
    /// "recipeIngredient"`, the older `"ingredients"`): a page without
    /// JSON-LD says it in its markup, one ingredient per element.
    fn marked(a: &Arena) -> Self {
        let lines: Vec<(u32, Vec<usize>)> = (1..a.nodes.len() as u32)
            .filter(|&i| {
                a.node(i).attrs.as_ref().is_some_and(|at| {
                    at.itemprop
                        .as_deref()
                        .is_some_and(|p| matches!(p, "recipeIngredient" | "ingredients"))
                })
            })
            .enumerate()
            .map(|(k, i)| (i, vec![k]))
            .collect();
        if lines.len() < MIN_INGREDIENTS {
            return Self::default();
        }
        Ingredients {
            listed: lines.len(),
            lines,
        }
    }

    /// `roots` with the box of the ingredients added in document order
    /// (and which it is), when the selection holds fewer than half of
    /// them. The box is the smallest element holding every line outside
    /// the selection that names one; it is taken only when those lines
    /// name at least half of the list, and it holds no part of the
    /// selection and not mostly other text.
    pub(super) fn with_box(
        &self,
        a: &Arena,
        st: &[Stat],
        mut roots: Vec<u32>,
    ) -> (Vec<u32>, Option<u32>) {
        if self.lines.is_empty() {
            return (roots, None);
        }
        let within = |bx: u32, i: u32| bx <= i && (i as usize) < a.subtree_end(bx);
        let mut named_inside = vec![false; self.listed];
        let mut named_outside = vec![false; self.listed];
        let mut outside: Vec<u32> = Vec::new();
        for (i, named) in &self.lines {
            let seen = if roots.iter().any(|&r| within(r, *i)) {
                &mut named_inside
            } else {
                outside.push(*i);
                &mut named_outside
            };
            for &k in named {
                seen[k] = true;
            }
        }
        let half = self.listed.div_ceil(2);
        let count = |v: &[bool]| v.iter().filter(|&&b| b).count();
        if count(&named_inside) >= half || count(&named_outside) < half.max(MIN_INGREDIENTS) {
            return (roots, None);
        }
        let Some(bx) = common_ancestor(a, &outside) else {
            return (roots, None);
        };
        // The lines are at least a third of the box: a sidebar's shopping
        // list and the method's mentions have no common box but the page.
        let lines_len: u32 = outside.iter().map(|&l| st[l as usize].len).sum();
        if bx == 0
            || a.tag(bx) == Tag::Body
            || roots.iter().any(|&r| within(bx, r))
            || lines_len * 3 < st[bx as usize].len
        {
            return (roots, None);
        }
        let at = roots.partition_point(|&r| r < bx);
        roots.insert(at, bx);
        (roots, Some(bx))
    }

    /// Whether element `n` lists ingredients: it holds two of their lines
    /// or more, or it is one (alone in its box, or inside one). A table
    /// of amounts and ingredient links is the recipe's data, and a line
    /// "80 g [Haferflocken](…)" is not a block of links.
    pub(super) fn listed_in(&self, a: &Arena, st: &[Stat], n: u32) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let end = a.subtree_end(n) as u32;
        let from = self.lines.partition_point(|(i, _)| *i < n);
        let to = self.lines.partition_point(|(i, _)| *i < end);
        match to - from {
            // A line before `n` whose subtree reaches past it holds it.
            0 => self.lines[..from]
                .iter()
                .any(|&(i, _)| a.subtree_end(i) as u32 > n),
            1 => st[n as usize].len <= 2 * st[self.lines[from].0 as usize].len,
            _ => true,
        }
    }
}

/// The words of an ingredient or a line that name it: letters only,
/// three or more of them (no amounts, units like "g", or "of").
fn key_words(text: &str) -> Vec<String> {
    normalize_for_matching(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_string)
        .collect()
}

/// Whether a line's words name the ingredient: two thirds of its words or
/// more, and the line not much longer than the ingredient.
fn names(line: &[String], ingredient: &[String]) -> bool {
    let hits = ingredient.iter().filter(|w| line.contains(w)).count();
    hits * 3 >= ingredient.len() * 2 && line.len() <= ingredient.len() + 6
}

/// An element that may be one line of an ingredient list: a list item, a
/// table row, or a leaf block, short.
fn is_line(a: &Arena, st: &[Stat], i: u32) -> bool {
    let s = &st[i as usize];
    s.len > 0
        && s.len <= LINE
        && match a.tag(i) {
            Tag::Li | Tag::Tr | Tag::Dd => true,
            Tag::P | Tag::Div => !s.has_block,
            _ => false,
        }
}

/// The lowest element holding all of `nodes`.
fn common_ancestor(a: &Arena, nodes: &[u32]) -> Option<u32> {
    let (&first, rest) = nodes.split_first()?;
    let mut anc = a.node(first).parent;
    for &n in rest {
        while !(anc <= n && (n as usize) < a.subtree_end(anc)) {
            if anc == 0 {
                return Some(0);
            }
            anc = a.node(anc).parent;
        }
    }
    Some(anc)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean};

    const METHOD: &str = "<h2>Method</h2><p>Rub the butter into the flour until the mixture looks like fine breadcrumbs, then stir in the sugar and a pinch of salt with a wooden spoon.</p><p>Beat the eggs with the milk, pour them into the bowl and fold everything together gently, so that the batter stays light and airy and does not lose its volume.</p><p>Bake for forty minutes in a hot oven, until the top is golden and a skewer pushed into the middle of the cake comes out clean, then leave it to cool on a rack.</p><p>Once it is cold, split the cake in two with a long serrated knife, spread the bottom half with jam and whipped cream, put the top back on and dust it with a little icing sugar before serving.</p>";

    fn recipe_page(ingredients: &str, box_html: &str) -> String {
        let ld = format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Recipe","name":"Sponge cake","recipeIngredient":[{ingredients}]}}</script>"#
        );
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sponge cake</title>{ld}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/cakes">Cakes</a></li></ul></nav>
<div class="recipe"><h1>Sponge cake</h1>
<div class="ingredients-box">{box_html}</div>
<div class="related"><a href="/r/1">Lemon drizzle</a> <a href="/r/2">Carrot cake</a></div>
<div class="method">{METHOD}</div></div>
<footer><p>© 2026 Example Recipes</p></footer></body></html>"#
        )
    }

    const TABLE: &str = r#"<h2>Ingredients</h2><table><tr><td>250 g</td><td><a href="/i/flour">flour</a></td></tr><tr><td>125 g</td><td><a href="/i/butter">butter</a></td></tr><tr><td>100 g</td><td><a href="/i/sugar">caster sugar</a></td></tr><tr><td>2</td><td><a href="/i/eggs">large eggs</a></td></tr><tr><td>150 ml</td><td><a href="/i/milk">whole milk</a></td></tr></table>"#;

    const LIST: &str =
        r#""250 g flour","125 g butter","100 g caster sugar","2 large eggs","150 ml whole milk""#;

    #[test]
    fn the_ingredient_table_outside_the_method_is_the_recipes() {
        let a = clean(&recipe_page(LIST, TABLE));
        let md = body(&a);
        for want in ["caster sugar", "whole milk", "Rub the butter", "skewer"] {
            assert!(md.contains(want), "{want}: {md}");
        }
        assert!(
            md.find("caster sugar") < md.find("Rub the butter"),
            "in the page's order: {md}"
        );
        assert!(!md.contains("Lemon drizzle"), "{md}");
    }

    #[test]
    fn ingredient_lines_that_link_their_ingredient_stay() {
        // Inside the method's box, each line mostly a link: not a
        // link-dense line.
        let rows: String = [
            ("250g", "plain flour"),
            ("125g", "salted butter"),
            ("100g", "caster sugar"),
            ("2", "large eggs"),
            ("150ml", "whole milk"),
        ]
        .iter()
        .map(|(amount, name)| {
            let slug = name.replace(' ', "-");
            format!(r#"<dd><span>{amount}</span> <div><a href="/i/{slug}">{name}</a></div></dd>"#)
        })
        .collect();
        let page = recipe_page(LIST, "").replace(
            r#"<div class="method">"#,
            &format!(r#"<div class="method"><dl>{rows}</dl>"#),
        );
        let md = body(&clean(&page));
        for want in ["salted butter", "whole milk", "Rub the butter"] {
            assert!(md.contains(want), "{want}: {md}");
        }
    }

    #[test]
    fn microdata_marks_the_ingredients_of_a_page_without_json_ld() {
        let items: String = [
            "250 g flour",
            "125 g butter",
            "100 g caster sugar",
            "2 large eggs",
        ]
        .iter()
        .map(|i| format!(r#"<li itemprop="recipeIngredient">{i}</li>"#))
        .collect();
        let page = recipe_page(LIST, &format!("<h2>Ingredients</h2><ul>{items}</ul>"))
            .replace("recipeIngredient\":", "keywords\":");
        let md = body(&clean(&page));
        assert!(
            md.contains("caster sugar") && md.contains("Rub the butter"),
            "{md}"
        );
        // Two marked lines are no list.
        let page = page
            .replace("itemprop=\"recipeIngredient\">25", "class=\"x\">25")
            .replace("itemprop=\"recipeIngredient\">12", "class=\"x\">12");
        assert!(!body(&clean(&page)).contains("caster sugar"));
    }

    #[test]
    fn without_a_list_on_the_page_nothing_is_added() {
        // The JSON-LD lists ingredients the page only mentions in its
        // method, and a sidebar names two of them: no box.
        let aside =
            r#"<p>Shop: <a href="/s/flour">flour</a></p><p>Shop: <a href="/s/milk">milk</a></p>"#;
        let a = clean(&recipe_page(LIST, aside));
        let md = body(&a);
        assert!(
            md.contains("Rub the butter") && !md.contains("Shop"),
            "{md}"
        );
        // No recipe, no box: the same table on a page without JSON-LD
        // stays out of the text, as any table of links beside it does.
        let page = recipe_page(LIST, TABLE).replace("recipeIngredient", "keywords");
        assert!(!body(&clean(&page)).contains("caster sugar"));
    }
}
