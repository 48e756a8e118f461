//! Unit classes: each unit is body text ([`Class::Good`], [`Class::Near`]),
//! a short line whose role depends on context ([`Class::Short`]) or
//! boilerplate with a reason ([`Class::Bad`]). The classes are what the
//! metadata, region and trim steps reason about, rather than raw features.

use super::bylines::byline_names;
use super::cues::Cue;
use super::Cleaner;
use crate::clean::notes;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Class {
    /// Sentence-like text: body material.
    Good,
    /// Shorter sentence, or long text without final punctuation.
    Near,
    /// Short line: a heading, list item or menu entry, depending on context.
    Short,
    /// Boilerplate, with the reason.
    Bad(String),
}

impl Cleaner {
    pub(super) fn classify(&self, i: usize) -> Class {
        let u = &self.units[i];
        let f = &self.feats[i];
        if let Some(reason) = &f.known {
            return Class::Bad(reason.clone());
        }
        if f.words == 0 {
            return Class::Bad("no words".into());
        }
        if let Some(cue) = f.cue {
            return Class::Bad(cue.reason().into());
        }
        if f.words <= notes::DISCLOSURE_WORDS && notes::discloses_affiliate_links(&u.text) {
            return Class::Bad(Cue::Affiliate.reason().into());
        }
        if f.words <= notes::NEWSLETTER_WORDS && notes::invites_to_newsletter(&u.text) {
            return Class::Bad(Cue::Subscribe.reason().into());
        }
        if let Some(reason) = notes::frame_line(&u.text, f.words) {
            return Class::Bad(reason.into());
        }
        if f.menu_bar {
            return Class::Bad("navigation (breadcrumbs or menu bar)".into());
        }
        if is_embed_attribution(&u.text) {
            return Class::Near;
        }
        if f.meta {
            return Class::Bad(if byline_names(&u.text).is_some() {
                "byline".into()
            } else {
                "date line".into()
            });
        }
        // Prose in a language with stop words has some: a long line with
        // none is a keyword or tag list.
        if f.sentence {
            if f.words >= 10 {
                return Class::Good;
            }
            if f.words >= 4 {
                return Class::Near;
            }
            return Class::Short;
        }
        // "The plan has three phases:" introduces a list.
        let prose = f.stop_ratio > 0.0 || !f.latin;
        if prose
            && (f.words >= 20 && f.title_case < 0.6
                || f.colon && f.words >= 8 && f.title_case < 0.6)
        {
            return Class::Near;
        }
        Class::Short
    }
}

/// "— Name (@handle) November 9, 2018": the attribution line of an
/// embedded post, part of the article.
pub(super) fn is_embed_attribution(text: &str) -> bool {
    (text.starts_with('—') || text.starts_with('–')) && text.contains("(@")
        || text.contains("pic.twitter.com/")
}
