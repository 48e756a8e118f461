//! Folding syndicated copies: which articles tell the same story.
//!
//! One story reaches a digest from several sites and scrapers: HTML and
//! plain text, hard-wrapped or not, with different leftover boilerplate,
//! small edits, or cut to a teaser. [`groups`] finds such copies so that the
//! digest publishes one page per story, and must never fold two stories that
//! merely share a site's boilerplate.
//!
//! **Signature** ([`signature`]; about 40 µs per 1,000 words, at most about
//! 1.3 KB). The body is reduced to words (lowercased letters and digits;
//! Markdown syntax, link targets, images, tags, URLs and list numbers left
//! out, so HTML, text and wrapped copies give the same words), then to the
//! set of its 4-word shingles, each hashed to 32 bits with fixed functions
//! (the same signature in every build, on every machine). The 256 smallest
//! hashes are kept (a bottom-k MinHash sketch), each with where its shingle
//! first occurs; a body of up to about 260 words is kept whole.
//!
//! **Similarity** ([`compare`], [`similarity`]). On the part of hash space
//! both sketches cover, they estimate the Jaccard similarity J of the two
//! shingle sets (standard error at most 0.03) and the containment of the
//! smaller in the larger. J is what folds, because it needs most of *both*
//! bodies to match: stories sharing a boilerplate block B score B / (B + both
//! stories), below the threshold (0.65) unless B outweighs them. For that
//! case the lead (a body's first fifth) decides: a copy carries the story
//! from its start, while boilerplate follows different openings, so one of
//! the two leads must be 70% found in the other body, or the pair scores 0.
//! (That was the one false fold in the test corpus: two text pages of one
//! site, 85% the same sidebar, J 0.74.) Bodies that open alike (each lead
//! 80% found in the other) but end with different junk have their Jaccard
//! distance counted at 60%, so J ≥ 0.42 folds. A teaser (the smaller body,
//! 80 words or more, its lead 90% found in the larger) scores
//! 1 − 2 (1 − C) on its containment C: a teaser, or a copy without the
//! other's junk, folds when 82.5% of it is in the longer body. A body of
//! fewer than 25 words never folds; up to 100 words the score needed rises
//! linearly to 1 (identical text).
//!
//! Not used: down-weighting shingles frequent across the site. Among a few
//! documents a site's boilerplate and a story's copies are equally frequent
//! (the false fold above shared its sidebar with no third page), and a pair's
//! fate would depend on every other article, so an unrelated edit in `serve`
//! could fold or unfold a story. The lead test looks at the pair alone. Its
//! gap: pages whose story is under about a tenth of the boilerplate after it
//! (15 words above a 180-word block) are copies by their text, and fold.
//!
//! **Grouping** ([`groups`]; about 50 ms for 10,000 documents on one core).
//! An inverted index holds each body's 12 smallest hashes and all its hashes
//! in a fixed 1/32 of hash space (at most 128): LSH with one-hash bands,
//! which finds pairs down to J = 0.3 and most teasers, where bands of several
//! hashes would miss them. Documents sharing an entry are candidates; a
//! bucket of more than 16 is split by each member's next indexed hash and
//! then pairs each member with its first 2 only, so boilerplate on every page
//! cannot make it quadratic. Candidates are screened on 64 hashes, then
//! scored. Groups are connected components (union-find) of folding pairs,
//! strongest first, with a chain guard: two groups merge only if their first
//! 4 members all score at least threshold / 2 with each other, so a body that
//! holds two stories cannot join them. Ties are broken by content, never by
//! input order, so the result is the same for any order of the documents.
//!
//! The files follow these steps: `words.rs` reduces a body to its words,
//! `sketch.rs` makes its [`Signature`], `pairs.rs` estimates how alike two
//! signatures are and whether they fold, and `grouping.rs` holds the
//! candidate index, the grouping and [`folds_with_any`].

mod grouping;
mod pairs;
mod sketch;
mod words;

pub use grouping::{folds_with_any, groups};
pub use pairs::{compare, similarity, Comparison, MIN_WORDS};
pub use sketch::{signature, Signature};

/// Settings (from the site config `dedup: {enabled, threshold}`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoldSettings {
    /// The [`similarity`] (mostly the estimated Jaccard similarity of the
    /// two bodies' shingle sets) needed to fold, 0..1.
    pub threshold: f64,
}

impl Default for FoldSettings {
    fn default() -> Self {
        FoldSettings { threshold: 0.65 }
    }
}

#[cfg(test)]
mod tests {
    use super::pairs::passes;
    use super::*;

    /// A deterministic pseudo-random story of `n` words, in paragraphs.
    fn story(seed: u64, n: usize) -> String {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "da", "ben", "or", "is", "an",
            "tor", "qua", "el", "um", "sor", "fi",
        ];
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let mut out = String::new();
        for i in 0..n {
            for _ in 0..1 + next(3) {
                out.push_str(SYLLABLES[next(20) as usize]);
            }
            out.push_str(match i % 60 {
                59 => ".\n\n",
                k if k % 12 == 11 => ". ",
                _ => " ",
            });
        }
        out
    }

    /// Hard-wraps at `width` columns, keeping paragraphs.
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for para in text.split("\n\n") {
            let mut col = 0;
            for w in para.split_whitespace() {
                if col > 0 && col + 1 + w.len() > width {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(w);
                col += w.len();
            }
            out.push_str("\n\n");
        }
        out
    }

    /// Replaces every `k`-th word.
    fn edit(text: &str, k: usize) -> String {
        let words = text.split(' ').enumerate();
        words
            .map(|(i, w)| if i % k == k / 2 { "edited" } else { w })
            .collect::<Vec<_>>()
            .join(" ")
    }

    const DISCLAIMER: &str = "Legal Disclaimer: The provider offers this information \"as is\" \
        without warranty of any kind. We do not accept any responsibility or liability for the \
        accuracy, content, images, videos, licenses, completeness, legality, or reliability of \
        the information contained in this article. If you have any complaints or copyright \
        issues related to this article, kindly contact the provider above.\n\n## Most popular \
        stories\n\n- Exchange crosses ten million users as demand grows\n- Token utility \
        expands across platform services this quarter\n- Insurer secures funding to meet \
        soaring demand for savings\n\nComments\n\nNo comment";
    const PROMO: &str = "Sign up for our morning newsletter and get the day's top stories \
        delivered straight to your inbox, free. You can unsubscribe at any time. Follow us on \
        [Twitter](https://twitter.com/example) and Facebook. Copyright 2025 Example Media, all \
        rights reserved.";

    fn fold_all(texts: &[String]) -> Vec<Vec<usize>> {
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let docs: Vec<(&Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
        groups(&docs, &FoldSettings::default())
    }

    #[test]
    fn exact_duplicates_fold() {
        let a = story(1, 300);
        assert_eq!(fold_all(&[a.clone(), story(2, 300), a]), vec![vec![0, 2]]);
    }

    #[test]
    fn a_hard_wrapped_copy_with_other_boilerplate_folds() {
        let body = story(3, 400);
        let original = format!("{body}\n\n{DISCLAIMER}");
        let copy = format!("{}\n{PROMO}", wrap(&body, 70));
        assert_eq!(fold_all(&[original, copy]), vec![vec![0, 1]]);
    }

    #[test]
    fn small_edits_fold() {
        let body = story(4, 500);
        assert_eq!(
            fold_all(&[body.clone(), wrap(&edit(&body, 40), 72)]),
            vec![vec![0, 1]]
        );
    }

    #[test]
    fn an_extra_fifth_of_junk_and_a_teaser_fold() {
        let body = story(5, 600);
        let junky = format!("{body}\n\n{}", story(6, 150));
        let teaser: String = body.split(' ').take(240).collect::<Vec<_>>().join(" ");
        assert_eq!(fold_all(&[body, junky, teaser]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn folds_with_any_agrees_with_groups() {
        let body = story(7, 400);
        let others: Vec<Signature> = [
            format!("{body}\n\n{DISCLAIMER}"),
            format!("{}\n\n{DISCLAIMER}", story(8, 400)),
            story(9, 200),
        ]
        .iter()
        .map(|t| signature(t))
        .collect();
        let settings = FoldSettings::default();
        let copy = signature(&wrap(&edit(&body, 40), 70));
        assert!(folds_with_any(&copy, others.iter(), &settings));
        let fresh = signature(&format!("{}\n\n{DISCLAIMER}", story(10, 400)));
        assert!(!folds_with_any(&fresh, others.iter(), &settings));
        // And `groups` says the same of each.
        for (sig, folds) in [(&copy, true), (&fresh, false)] {
            let mut docs: Vec<(&Signature, bool)> = others.iter().map(|s| (s, true)).collect();
            docs.push((sig, true));
            let grouped = groups(&docs, &settings).iter().any(|g| g.contains(&3));
            assert_eq!(grouped, folds);
        }
    }

    #[test]
    fn stories_sharing_only_boilerplate_never_fold() {
        for n in [30, 50, 80, 150, 400] {
            let texts: Vec<String> = (0..8)
                .map(|k| format!("{}\n\n{DISCLAIMER}\n\n{PROMO}", story(100 + k, n)))
                .collect();
            assert!(fold_all(&texts).is_empty(), "{n}-word stories folded");
        }
    }

    #[test]
    fn short_texts_fold_only_when_identical() {
        let short = story(7, 24);
        assert!(fold_all(&[short.clone(), short]).is_empty());
        let brief = story(8, 30);
        assert_eq!(fold_all(&[brief.clone(), brief.clone()]), vec![vec![0, 1]]);
        assert!(fold_all(&[brief.clone(), edit(&brief, 30)]).is_empty());
    }

    #[test]
    fn a_document_marked_not_to_fold_is_left_out() {
        let body = story(9, 300);
        let sigs = [
            signature(&body),
            signature(&wrap(&body, 60)),
            signature(&body),
        ];
        let docs = [(&sigs[0], true), (&sigs[1], false), (&sigs[2], true)];
        assert_eq!(groups(&docs, &FoldSettings::default()), vec![vec![0, 2]]);
    }

    #[test]
    fn three_copies_make_one_group() {
        let body = story(10, 350);
        let texts = [
            format!("{body}\n\n{DISCLAIMER}"),
            story(11, 350),
            format!("{}\n{PROMO}", wrap(&body, 66)),
            edit(&body, 50),
        ];
        assert_eq!(fold_all(&texts), vec![vec![0, 2, 3]]);
    }

    #[test]
    fn a_page_holding_two_stories_does_not_chain_them() {
        let (a, c) = (story(12, 300), story(13, 300));
        let texts = [a.clone(), format!("{a}\n\n{c}"), c];
        let g = fold_all(&texts);
        assert!(g.len() == 1 && g[0].len() == 2, "{g:?}");
        // Even where both halves pass the threshold, the guard keeps the
        // two stories apart.
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let docs: Vec<(&Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
        let loose = FoldSettings { threshold: 0.3 };
        assert!(
            passes(&sigs[0], &sigs[1], 0.3).is_some() && passes(&sigs[1], &sigs[2], 0.3).is_some()
        );
        let g = groups(&docs, &loose);
        assert!(g.len() == 1 && g[0].len() == 2, "{g:?}");
    }

    #[test]
    fn the_result_does_not_depend_on_input_order() {
        let mut texts = Vec::new();
        for k in 0..6 {
            let body = story(20 + k, 120 + 90 * k as usize);
            texts.push(body.clone());
            texts.push(format!("{}\n{PROMO}", wrap(&edit(&body, 45), 70)));
            texts.push(format!("{}\n\n{DISCLAIMER}", story(40 + k, 100)));
        }
        let expected = fold_all(&texts);
        assert_eq!(expected.len(), 6);
        // A fixed shuffle; `perm[i]` is where text i goes.
        let n = texts.len();
        let perm: Vec<usize> = (0..n).map(|i| (i * 7 + 3) % n).collect();
        let mut shuffled = vec![String::new(); n];
        for (i, t) in texts.iter().enumerate() {
            shuffled[perm[i]] = t.clone();
        }
        let back: Vec<usize> = (0..n)
            .map(|j| perm.iter().position(|&p| p == j).unwrap())
            .collect();
        let mut mapped: Vec<Vec<usize>> = fold_all(&shuffled)
            .into_iter()
            .map(|g| {
                let mut g: Vec<usize> = g.into_iter().map(|j| back[j]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        mapped.sort_unstable();
        assert_eq!(mapped, expected);
        assert_eq!(fold_all(&texts), expected);
    }
}
