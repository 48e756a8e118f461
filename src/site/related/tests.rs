use super::*;
use crate::content::front_matter::Date;

fn page(name: &str, date: Option<&str>, body: &str) -> Arc<Page> {
    Arc::new(Page {
        file: format!("content/{name}.md").into(),
        rel: format!("{name}.md"),
        title: name.into(),
        slug: name.into(),
        path: format!("{name}/"),
        date: date.and_then(Date::parse),
        body: body.into(),
        body_hash: fingerprint::of(body),
        ..Page::default()
    })
}

fn config() -> RelatedConfig {
    RelatedConfig::default()
}

fn names(pages: &[Arc<Page>], list: &[usize]) -> Vec<String> {
    list.iter().map(|&j| pages[j].title.clone()).collect()
}

fn build_fresh(pages: &[Arc<Page>]) -> Vec<Vec<usize>> {
    build(pages, &config(), &mut RelatedCache::default())
}

const COPPER: &str =
    "Copper smelters in Chile cut output as copper ore grades fall and smelter fees rise.";
const ELECTION: &str =
    "Voters head to the polls in a snap election; ballots, turnout and coalition talks.";

#[test]
fn related_pages_share_words_and_unrelated_ones_are_not_listed() {
    let pages = vec![
        page("copper-a", Some("2026-01-03"), COPPER),
        page("vote-a", Some("2026-01-02"), ELECTION),
        page(
            "copper-b",
            Some("2026-01-01"),
            &format!("{COPPER} Chile copper mines."),
        ),
        page(
            "vote-b",
            None,
            &format!("The election turnout and coalition ballots. {ELECTION}"),
        ),
    ];
    let lists = build_fresh(&pages);
    assert_eq!(names(&pages, &lists[0]), ["copper-b"]);
    assert_eq!(names(&pages, &lists[1]), ["vote-b"]);
    assert_eq!(names(&pages, &lists[2]), ["copper-a"]);
    assert_eq!(names(&pages, &lists[3]), ["vote-a"]);
}

#[test]
fn never_itself_and_at_most_count() {
    let pages: Vec<_> = (0..8)
        .map(|k| page(&format!("p{k}"), Some("2026-01-01"), COPPER))
        .collect();
    let lists = build_fresh(&pages);
    for (i, list) in lists.iter().enumerate() {
        assert_eq!(list.len(), config().count);
        assert!(!list.contains(&i));
    }
}

#[test]
fn ties_go_to_the_newer_article_then_the_path() {
    // Identical texts score the same: order by date, then path.
    let pages = vec![
        page("a", Some("2026-01-05"), COPPER),
        page("d", Some("2026-01-04"), COPPER),
        page("b", Some("2026-01-03"), COPPER),
        page("c", Some("2026-01-03"), COPPER),
        page("e", None, COPPER),
    ];
    let lists = build_fresh(&pages);
    assert_eq!(names(&pages, &lists[0]), ["d", "b", "c", "e"]);
    assert_eq!(names(&pages, &lists[4]), ["a", "d", "b", "c"]);
    // Whatever the thread count.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    assert_eq!(one.install(|| build_fresh(&pages)), lists);
}

#[test]
fn min_score_drops_weak_matches_and_off_means_empty() {
    let pages = vec![
        page("a", None, COPPER),
        page("b", None, &format!("{ELECTION} One smelter.")),
    ];
    assert_eq!(build_fresh(&pages), vec![Vec::<usize>::new(), vec![]]);
    let loose = RelatedConfig {
        min_score: 0.01,
        ..config()
    };
    assert_eq!(build(&pages, &loose, &mut RelatedCache::default())[1], [0]);
    let off = RelatedConfig {
        enabled: false,
        ..config()
    };
    let mut cache = RelatedCache::default();
    let pages2 = vec![page("a", None, COPPER), page("b", None, COPPER)];
    assert_eq!(
        build(&pages2, &off, &mut cache),
        vec![Vec::<usize>::new(), vec![]]
    );
    let mut lists = vec![vec![], vec![]];
    assert_eq!(update(&pages2, &[0], &mut cache, &mut lists), Some(vec![]));
}

/// xorshift: deterministic test input without a dependency.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    /// A skewed pick: low indices far more often (a few very common words,
    /// many rare ones), so edits cross every df class edge, the cap too.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        self.below(a + 1)
    }
    fn text(&mut self, vocab: &[String]) -> String {
        let len = 5 + self.below(30);
        (0..len)
            .map(|_| vocab[self.skewed(vocab.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[test]
fn updates_after_edits_equal_a_fresh_build() {
    let vocab: Vec<String> = (0..300).map(word).collect();
    let mut rng = Rng(0x5EED);
    let n = 120; // cap(120) = 50: common words cross it.
    let mut pages: Vec<Arc<Page>> = (0..n)
        .map(|k| {
            let day = format!("2026-01-{:02}", 1 + k % 28);
            page(&format!("p{k:03}"), Some(&day), &rng.text(&vocab))
        })
        .collect();
    let mut cache = RelatedCache::default();
    let mut lists = build(&pages, &config(), &mut cache);
    let mut changes = 0;
    for step in 0..150 {
        let edited: Vec<usize> = (0..1 + rng.below(2)).map(|_| rng.below(n)).collect();
        for &i in &edited {
            let mut p = (*pages[i]).clone();
            let body = match step % 3 {
                0 => rng.text(&vocab),
                1 => format!("{} {}", p.body, vocab[rng.skewed(vocab.len())]),
                _ => p.body.split(' ').skip(1).collect::<Vec<_>>().join(" "),
            };
            p.body_hash = fingerprint::of(&body);
            p.body = body.into();
            pages[i] = Arc::new(p);
        }
        let before = lists.clone();
        let changed = update(&pages, &edited, &mut cache, &mut lists).unwrap();
        let fresh = build_fresh(&pages);
        assert_eq!(lists, fresh, "step {step}");
        let really: Vec<usize> = (0..n).filter(|&x| before[x] != lists[x]).collect();
        assert_eq!(changed, really, "step {step}");
        changes += changed.len();
    }
    assert!(changes > 50, "the edits moved lists ({changes})");
}

/// A pronounceable letters-only word for `k` (the tokenizer drops digits).
fn word(k: usize) -> String {
    const C: &[u8] = b"bcdfghklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut s = String::new();
    let mut k = k + 20;
    while k > 0 {
        s.push(C[k % C.len()] as char);
        s.push(V[(k / C.len()) % V.len()] as char);
        k /= C.len() * V.len();
    }
    s.push('x');
    s
}
