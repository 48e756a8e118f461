//! A teaser for a video, a recording or another story, set where the
//! player or the link box stood: "WATCH | Palestinians react to Sinwar
//! being named Hamas political leader:" (CBC), "Video | US-Truppen nehmen
//! russischen Tanker ein" (t-online), "MIRA | Kenji Fujimori: …" (El
//! Comercio). The cleaners keep no players (`<iframe>`, `<video>`) and no
//! link boxes, so the line announces nothing left on the page.

/// Words a teaser has at most, its label included: a longer paragraph that
/// opens so is text about the video.
pub(super) const TEASER_WORDS: usize = 25;

/// The media and link labels, lower case, in the languages the dev sets
/// hold: what the reader is asked to do (watch, listen, look) or what the
/// box held.
const LABELS: &[&str] = &[
    "watch",
    "listen",
    "video",
    "videos",
    "audio",
    "podcast", // English
    "anschauen",
    "ansehen",
    "anhören", // German
    "vidéo",
    "regardez",
    "écoutez", // French
    "mira",
    "ver",
    "vea",
    "escucha",
    "escuche", // Spanish
    "assista",
    "veja",
    "ouça", // Portuguese
    "guarda",
    "ascolta", // Italian
];

/// Whether `text` is a teaser: a label from [`LABELS`] that is set apart
/// as a label, in capitals ("WATCH:", "VIDEO:") or before a bar ("Video
/// |"), then the teaser's title, all in [`TEASER_WORDS`] words or fewer.
/// A label in running case before a colon ("Video: In this talk …") opens
/// a sentence about the video, and stays.
pub(super) fn teases_media(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(cut) = text.find([':', '|']) else {
        return false;
    };
    let (label, rest) = (text[..cut].trim_end(), &text[cut + 1..]);
    let bar = text[cut..].starts_with('|');
    // Emphasis or an escape left around the label ("**MIRA \|**").
    let label = label.trim_end_matches(['\\', '*', '_']).trim_end();
    if label.is_empty() || label.contains(char::is_whitespace) {
        return false;
    }
    let capitals = label.chars().all(|c| !c.is_lowercase());
    let known = LABELS.contains(&label.to_lowercase().as_str());
    let rest_words = rest.split_whitespace().count();
    known && (capitals || bar) && (1..TEASER_WORDS).contains(&rest_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_set_apart_before_a_title_is_a_teaser() {
        for teaser in [
            "WATCH | Palestinians react to Sinwar being named Hamas political leader:",
            "Video | US‑Truppen nehmen russischen Tanker ein",
            "**MIRA \\|** [**Kenji Fujimori: PJ concluye con interrogatorio**](https://x.pe/a)",
            "MIRA: Madre se acerca a conocer los motivos de captura de su hijo",
            "VIDEO: Breast Cancer Symptoms That Aren't Lumps",
            "LISTEN: The full interview",
        ] {
            assert!(teases_media(teaser), "{teaser}");
        }
    }

    #[test]
    fn a_sentence_about_a_video_is_not_a_teaser() {
        for text in [
            // The label in running case before a colon opens a sentence.
            "Video: In this talk presented at the 2016 TEDMED conference, a professor discusses the work",
            "Watch: Kiev overrun by protesting crowds.",
            // Not a media label.
            "UPDATE: The minister has since resigned.",
            "Berlin | Der Senat hat beschlossen",
            // A label and nothing after it is a label's business, not a teaser's.
            "VIDEO:",
            // Too long for a teaser.
            "WATCH: the minister said on Tuesday that the government would not back down on the plan to raise taxes on fuel, whatever the opposition says about it in parliament this week",
        ] {
            assert!(!teases_media(text), "{text}");
        }
    }
}
