//! Step 4 of [`split_byline`]: each part read as a
//! name or dropped: job titles and desks, outlets after a name, words run
//! on after it, a name printed twice.

use super::*;

/// The names among the parts, in order, each once.
pub(super) fn names_in(parts: &[(String, bool)]) -> Vec<String> {
    // After a job title set off by a comma, the parts up to the next
    // conjunction are the title's outlet ("Peter J. Westwood, Editor,
    // Burns Chronicle"), not more writers.
    let mut in_title = false;
    let mut names: Vec<String> = Vec::new();
    let first_caps = parts.first().is_some_and(|(p, _)| all_caps(p));
    for (i, (part, joined)) in parts.iter().enumerate() {
        if *joined {
            in_title = false;
        }
        if in_title {
            continue;
        }
        let Some(part) = cjk_writer(part) else {
            continue;
        };
        let part = part
            .trim()
            .trim_end_matches('.')
            .trim_start_matches(['(', '"', '\'', ':']);
        // A bracket the name closes stays: "Ann Lee (annlee)".
        let part = strip_label(if part.contains('(') {
            part.trim_end_matches(['"', '\'', ':'])
        } else {
            part.trim_end_matches([')', '"', '\'', ':'])
        });
        // A name followed by its job title with no comma ("Ann Lee Staff
        // Writer"): keep the words before the title.
        let mut words: Vec<&str> = part.split_whitespace().collect();
        let mut lowers: Vec<String> = words.iter().map(|w| bare_lower(w)).collect();
        // A job title before the name ("FOCUS-Online-Experte Robin
        // Tschöpe", "Chefredakteur Christoph Hein"): the name after it.
        let lead = lowers.iter().take_while(|w| role_word(w)).count();
        if lead > 0 && words.len() >= lead + 2 && is_person_name(&words[lead..].join(" ")) {
            words.drain(..lead);
            lowers.drain(..lead);
        }
        let part = &words.join(" ");
        // A collective word makes the part a desk, unless it opens a job
        // title after a name ("Meg James Staff Writer").
        let title_after = |k: usize| {
            lowers
                .get(k + 1)
                .is_some_and(|n| ROLES.contains(&n.as_str()) && !COLLECTIVE.contains(&n.as_str()))
        };
        if words.len() > 1
            && lowers
                .iter()
                .enumerate()
                .any(|(k, w)| COLLECTIVE.contains(&w.as_str()) && !(k >= 2 && title_after(k)))
        {
            continue;
        }
        let role_at = lowers.iter().position(|w| is_job(w));
        let part = match role_at {
            // After a comma, a job title with its outlet ("AP Sports
            // Writer"); the name before it is already read.
            Some(_) if i > 0 => {
                in_title = true;
                continue;
            }
            // The title's beat or desk before it is the title's too
            // ("Ann Lee Business Columnist"), as long as a full name is left.
            Some(k) if k >= 2 => {
                let name = words[..desk_start(&lowers, k)].join(" ");
                if !is_person_name(&name) {
                    continue;
                }
                name
            }
            Some(_) if words.len() > 1 => continue,
            _ => part.to_string(),
        };
        // An outlet in capitals run on after a name: "Kevin McCoy USA TODAY".
        let ws: Vec<&str> = part.split(' ').collect();
        let part = match ws
            .iter()
            .position(|w| all_caps(w) && w.chars().count() >= 2)
        {
            Some(k) if k >= 2 && !all_caps(&part) && ws[k..].iter().all(|w| all_caps(w)) => {
                ws[..k].join(" ")
            }
            _ => part,
        };
        // Words run on after a name that no name has ("Jonathan Garber
        // FOXBusiness", "Ann Lee meganr"): the name alone, when the whole is
        // not a name but its head is. A legal form run on is the firm's
        // own ("Bund der Energieverbraucher e.V."): no one's name is left.
        let part = if !is_person_name(&part) && latin(&part) {
            let ws: Vec<&str> = part.split(' ').collect();
            // A byline that sets its names in capitals sets them apart from
            // what it says of them ("LILIAN ALEMAGNA, LAURE BRETTON Envoyés
            // spéciaux à Toulouse"): the capitals are the name.
            let caps = ws
                .iter()
                .take_while(|w| all_caps(w) && name_word(w))
                .count();
            let caps_name = (first_caps && caps >= 2 && caps < ws.len())
                .then(|| ws[..caps].join(" "))
                .filter(|n| is_person_name(n));
            let k = ws.iter().take_while(|w| name_word(w)).count();
            // After the first name, a part that goes on in a phrase is the
            // one before described ("…, Mykolo Romerio universiteto
            // Žmogaus ir visuomenės studijų fakulteto profesorius": a
            // professor of that university), not another writer.
            let described =
                || ws.len() >= k + 3 && ws[k..].iter().any(|w| w.starts_with(char::is_lowercase));
            if let Some(name) = caps_name {
                name
            } else if k >= 2 && i > 0 && !names.is_empty() && described() {
                continue;
            } else if k >= 2 && !legal_form(&ws[k..]) && is_person_name(&ws[..k].join(" ")) {
                ws[..k].join(" ")
            } else {
                part
            }
        } else {
            part
        };
        if part.is_empty() {
            continue;
        }
        // After the first name: an outlet in capitals ("USA TODAY") or one
        // word (an outlet, a degree: "CNN", "PhD") is not another author.
        if i > 0 && !names.is_empty() {
            // …nor an outlet led by its acronym ("CNN Business", "AP
            // Sports") after a name not set in capitals.
            let lead = part.split(' ').next().unwrap_or("");
            if (all_caps(&part) || all_caps(lead) && lead.chars().count() >= 2) && !first_caps {
                continue;
            }
            if !part.contains(' ') && latin(&part) {
                continue;
            }
        }
        // "Ann Lee Ann Lee": a name printed twice.
        let ws: Vec<&str> = part.split(' ').collect();
        let half = ws.len() / 2;
        let part = if half > 0 && ws.len().is_multiple_of(2) && ws[..half] == ws[half..] {
            ws[..half].join(" ")
        } else {
            part
        };
        if !names.iter().any(|n| same_name(n, &part)) {
            names.push(part);
        }
    }
    names
}

/// Chinese and Japanese bylines say each person's part after the name
/// ("Eric Freeman 著、嶋田 健志 監訳、木下 哲也 訳": written by, translation
/// supervised by, translated by) or before the next one ("Diogo Carleto
/// 翻訳者 中村 真子": translator). The writer's name without its word;
/// `None` for a part that names a translator, an editor or a
/// photographer, who did not write the article.
fn cjk_writer(part: &str) -> Option<&str> {
    const WROTE: &[&str] = &["著", "作", "撰", "撰文"];
    const OTHER_PART: &[&str] = &[
        "訳", "監訳", "翻訳", "译", "翻译", "编译", "編", "编", "編集", "编辑", "監修", "写真",
        "撮影", "摄影",
    ];
    const BEFORE_TRANSLATOR: &[&str] = &["翻訳者", "訳者", "译者", "翻訳", "翻译"];
    let part = part.trim();
    let words: Vec<&str> = part.split_whitespace().collect();
    // A translator's word after the writer's name: the name before it;
    // at the part's head, a translator alone.
    if words.first().is_some_and(|w| BEFORE_TRANSLATOR.contains(w)) {
        return None;
    }
    if let Some(role) = words.iter().find(|w| BEFORE_TRANSLATOR.contains(w)) {
        let at = part.find(role).unwrap_or(part.len());
        return Some(part[..at].trim_end());
    }
    match words.last() {
        Some(w) if words.len() > 1 && WROTE.contains(w) => {
            Some(part[..part.len() - w.len()].trim_end())
        }
        Some(w) if words.len() > 1 && OTHER_PART.contains(w) => None,
        _ => Some(part),
    }
}
