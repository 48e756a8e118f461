//! Step 3 of [`split_byline`](super::split_byline): the name words split
//! into parts at commas, semicolons and conjunctions.

/// The parts, each marked when a conjunction opened it ("… and Bo
/// Chan"): a new name, where a part after a comma may go on about the one
/// before.
pub(super) fn parts(tokens: Vec<&str>) -> Vec<(String, bool)> {
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut conjunction = false;
    let flush = |cur: &mut Vec<&str>, parts: &mut Vec<(String, bool)>, conjunction: &mut bool| {
        if !cur.is_empty() {
            parts.push((cur.join(" "), std::mem::take(conjunction)));
            cur.clear();
        }
    };
    // Where a Spanish or Portuguese "y"/"e" opened the part being read.
    let mut surname_joint: Option<(usize, &str)> = None;
    for w in tokens {
        let lower = w.to_lowercase();
        // Short conjunctions that are names as well ("Dan Balz", "Con
        // Coughlin", "Y Nguyen") join names only as written, in lower
        // case; the others in any case ("Ann Lee And Bo Chan").
        let joins = matches!(
            lower.as_str(),
            "and" | "&" | "und" | "et" | "och" | "with" | "avec" | "mit" | "and," | "+"
        ) || matches!(w, "y" | "e" | "en" | "og" | "con" | "dan");
        if joins {
            flush(&mut cur, &mut parts, &mut conjunction);
            join_surname(&mut parts, surname_joint.take());
            conjunction = true;
            surname_joint = matches!(w, "y" | "e").then_some((parts.len(), w));
            continue;
        }
        let ends = w.ends_with([',', ';']);
        let w = w.trim_end_matches([',', ';']);
        if !w.is_empty() {
            cur.push(w);
        }
        if ends {
            flush(&mut cur, &mut parts, &mut conjunction);
            join_surname(&mut parts, surname_joint.take());
        }
    }
    flush(&mut cur, &mut parts, &mut conjunction);
    join_surname(&mut parts, surname_joint);
    parts
}

/// Spanish and Portuguese join two surnames with "y"/"e" ("José Ortega y
/// Gasset", "José Volta e Pinto"): a lone capitalised word after it,
/// following a name of two words or more, ends that name rather than
/// naming a second writer. `at` is the part the conjunction opened.
fn join_surname(parts: &mut Vec<(String, bool)>, at: Option<(usize, &str)>) {
    let Some((at, joint)) = at else { return };
    if at == 0 || parts.len() != at + 1 {
        return;
    }
    let word = &parts[at].0;
    let surname = !word.contains(' ')
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    if surname && parts[at - 1].0.split_whitespace().count() >= 2 {
        let (word, _) = parts.pop().expect("the part after the conjunction");
        let before = &mut parts[at - 1].0;
        before.push(' ');
        before.push_str(joint);
        before.push(' ');
        before.push_str(&word);
    }
}
