//! The CSV tables and the evidence report as a user gets them: a corpus whose names and sentences hold
//! commas, quotes, line breaks, markup and non-Latin text comes back field for field from the tables, the
//! HTML and Markdown reports show it as written without it turning into markup, the report lists pairs
//! with the most evidence first, and whatever the filter hides is in no file at all.

use std::path::PathBuf;

use actormap::corpus::{
    Actor, ActorKind, Article, Corpus, Evidence, Interaction, InteractionKind, Mention, MentionVia,
    Modality, Span,
};
use actormap::export::csv::{
    TABLES, TableWriter, write_actors_csv, write_csv_dir, write_evidence_csv,
    write_interactions_csv,
};
use actormap::export::report::{write_report_html, write_report_markdown};
use actormap::graph::{Isolated, MapFilter};
use actormap::map::MapState;

const IRAN: &str = "Iran, \"the Islamic Republic\"";
const INDIA: &str = "India <script>alert('name')</script>";
const A1_TITLE: &str = "Talks, \"tensions\" & <script>alert(1)</script>";
const A1_PATH: &str = "https://example.org/news?id=1&lang=en";
const A2_TITLE: &str = "Тегеран: переговоры";
const A2_PATH: &str = "/home/reader/news/тегеран.txt";
const REPORTED_BY: &str = "Radio Pakistan, Islamabad";
/// A word only the hidden interaction's sentence contains.
const HIDDEN_WORD: &str = "Sanctionmarker";

/// Sentences of article a1, in order.
const A1: [&str; 4] = [
    "Iran accused Pakistan of *sheltering* militants | #1 on the list.",
    "Iran and Pakistan met in Tehran,\nsaid \"officials\" & <script>alert('x')</script>.",
    "Pakistan threatened India over the border.",
    "The foreign minister accused Pakistan again.",
];
/// Sentences of article a2, in order.
const A2: [&str; 3] = [
    "Иран обвинил Пакистан.",
    "India Sanctionmarker China.",
    "Iran plans to visit Pakistan.",
];

/// The article `id` made of `sentences` separated by a space, with its sentence spans.
fn article(id: &str, path: &str, title: &str, sentences: &[&str]) -> Article {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push(Span::new(text.len(), text.len() + s.len()));
        text.push_str(s);
    }
    Article {
        id: id.into(),
        path: path.into(),
        title: title.into(),
        date: Some("2024-05-01".into()),
        text,
        sentences: spans,
        encoding: None,
        format: None,
    }
}

fn actor(id: &str, kind: ActorKind, name: &str, country: &str) -> Actor {
    Actor {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: vec![],
        country: Some(country.into()),
        title: None,
        code: None,
        affiliations: vec![],
        mentions: vec![],
    }
}

/// Evidence for sentence `sentence` of `article`, its trigger the first occurrence of `trigger`.
fn evidence(article: &Article, sentence: usize, trigger: &str) -> Evidence {
    let s = article.sentences[sentence];
    let at = s.start
        + article.slice(s).find(trigger).unwrap_or_else(|| {
            panic!("test data: {trigger:?} not in sentence {sentence}");
        });
    Evidence {
        article: article.id.as_str().into(),
        sentence,
        start: s.start,
        end: s.end,
        trigger: Some(Span::new(at, at + trigger.len())),
        source_span: None,
        target_span: None,
        rule: "test".into(),
        reported_by: None,
        when: None,
    }
}

fn interaction(
    id: &str,
    kind: InteractionKind,
    source: &str,
    target: &str,
    evidence: Vec<Evidence>,
) -> Interaction {
    Interaction {
        id: id.into(),
        kind,
        cameo: "112".into(),
        source: source.into(),
        target: target.into(),
        directed: true,
        modality: Modality::Asserted,
        rule: "test".into(),
        evidence,
    }
}

fn mention(article: &str, sentence: usize) -> Mention {
    Mention {
        article: article.into(),
        sentence,
        start: 0,
        end: 1,
        via: MentionVia::Name,
    }
}

/// Iran and Pakistan with three sentences between them, Pakistan and India with one (listed first, so
/// that ordering by evidence has to move it), an Iranian official, and India sanctioning China in a
/// sentence nothing else uses.
fn corpus() -> Corpus {
    let a1 = article("a1", A1_PATH, A1_TITLE, &A1);
    let a2 = article("a2", A2_PATH, A2_TITLE, &A2);
    let mut iran = actor("IRN", ActorKind::Country, IRAN, "IRN");
    iran.aliases = vec!["Persia".into(), "ایران".into()];
    iran.code = Some("IRN".into());
    iran.mentions = vec![mention("a1", 0), mention("a1", 1), mention("a2", 0)];
    let mut pakistan = actor("PAK", ActorKind::Country, "Pakistan", "PAK");
    pakistan.mentions = vec![mention("a1", 0), mention("a1", 1), mention("a1", 2)];
    let mut india = actor("IND", ActorKind::Country, INDIA, "IND");
    india.mentions = vec![mention("a1", 2), mention("a2", 1)];
    let mut china = actor("CHN", ActorKind::Country, "中国", "CHN");
    china.mentions = vec![mention("a2", 1)];
    let mut minister = actor(
        "IRN-FM",
        ActorKind::Official,
        "Hossein, the «minister»",
        "IRN",
    );
    minister.title = Some("Foreign Minister".into());
    minister.affiliations = vec!["IRN".into()];
    minister.mentions = vec![mention("a1", 3)];

    let mut met = evidence(&a1, 1, "met");
    met.reported_by = Some(REPORTED_BY.into());
    met.when = Some("this \"week\"".into());
    let mut consult = interaction(
        "consult:IRN-PAK",
        InteractionKind::Consult,
        "IRN",
        "PAK",
        vec![met],
    );
    consult.directed = false;
    let mut visit = interaction(
        "visit:IRN>PAK",
        InteractionKind::Visit,
        "IRN",
        "PAK",
        vec![evidence(&a2, 2, "visit")],
    );
    visit.modality = Modality::Intended;
    Corpus {
        actors: vec![iran, pakistan, india, china, minister],
        interactions: vec![
            interaction(
                "threaten:PAK>IND",
                InteractionKind::Threaten,
                "PAK",
                "IND",
                vec![evidence(&a1, 2, "threatened")],
            ),
            interaction(
                "accuse:IRN>PAK",
                InteractionKind::Accuse,
                "IRN",
                "PAK",
                vec![evidence(&a1, 0, "accused"), evidence(&a2, 0, "обвинил")],
            ),
            consult,
            visit,
            interaction(
                "sanction:IND>CHN",
                InteractionKind::Sanction,
                "IND",
                "CHN",
                vec![evidence(&a2, 1, HIDDEN_WORD)],
            ),
            interaction(
                "accuse:IRN-FM>PAK",
                InteractionKind::Accuse,
                "IRN-FM",
                "PAK",
                vec![evidence(&a1, 3, "accused")],
            ),
        ],
        articles: vec![a1, a2],
        ..Corpus::default()
    }
}

/// Everything but sanctions, unasserted interactions included, isolated actors left off.
fn filter() -> MapFilter {
    MapFilter {
        show_unasserted: true,
        hidden_kinds: vec![InteractionKind::Sanction],
        isolated: Isolated::Hide,
        ..MapFilter::default()
    }
}

fn map_with(filter: MapFilter) -> MapState {
    let mut state = MapState::new(corpus());
    state.set_filter(filter);
    state.settle(500);
    state
}

type Table = (Vec<String>, Vec<Vec<String>>);

/// The header and rows of a CSV table, read back by the csv crate.
fn read_table(bytes: &[u8]) -> Table {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed row")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

fn table(state: &MapState, write: TableWriter) -> Table {
    let mut bytes = Vec::new();
    write(state.laid_out(), &mut bytes).expect("writing to memory cannot fail");
    read_table(&bytes)
}

/// The row whose column `column` is `value`.
fn row<'t>(table: &'t Table, column: &str, value: &str) -> &'t [String] {
    let c = column_of(table, column);
    table
        .1
        .iter()
        .find(|r| r[c] == value)
        .unwrap_or_else(|| panic!("no row with {column} = {value:?}"))
}

fn column_of(table: &Table, column: &str) -> usize {
    table
        .0
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column}"))
}

fn field<'t>(table: &'t Table, row: &'t [String], column: &str) -> &'t str {
    &row[column_of(table, column)]
}

fn html(state: &MapState) -> String {
    let mut bytes = Vec::new();
    write_report_html(state.laid_out(), "Report <b>&</b> \"map\"", &mut bytes).unwrap();
    String::from_utf8(bytes).expect("the report is UTF-8")
}

fn markdown(state: &MapState) -> String {
    let mut bytes = Vec::new();
    write_report_markdown(state.laid_out(), "Report # 1 | *draft*", &mut bytes).unwrap();
    String::from_utf8(bytes).expect("the report is UTF-8")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("actormap-test-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    dir
}

#[test]
fn the_actor_table_reads_back_field_for_field_with_positions() {
    let state = map_with(filter());
    let t = table(&state, write_actors_csv);
    assert_eq!(
        t.0,
        [
            "id", "name", "kind", "country", "title", "code", "aliases", "mentions", "x", "y"
        ]
    );
    let ids: Vec<&str> = t.1.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["IRN", "PAK", "IND", "IRN-FM"],
        "CHN has no shown interaction"
    );
    let iran = row(&t, "id", "IRN");
    assert_eq!(field(&t, iran, "name"), IRAN);
    assert_eq!(field(&t, iran, "aliases"), "Persia; ایران");
    assert_eq!(field(&t, iran, "code"), "IRN");
    assert_eq!(field(&t, iran, "mentions"), "3");
    assert_eq!(field(&t, row(&t, "id", "IND"), "name"), INDIA);
    let minister = row(&t, "id", "IRN-FM");
    assert_eq!(field(&t, minister, "name"), "Hossein, the «minister»");
    assert_eq!(field(&t, minister, "kind"), "official");
    assert_eq!(field(&t, minister, "title"), "Foreign Minister");
    let map = state.laid_out();
    for (i, r) in t.1.iter().enumerate() {
        let [x, y] = map.position(i);
        let xy: Vec<f32> = [field(&t, r, "x"), field(&t, r, "y")]
            .iter()
            .map(|v| v.parse().expect("a number"))
            .collect();
        assert!(
            (xy[0] - x).abs() < 0.01 && (xy[1] - y).abs() < 0.01,
            "{xy:?} vs {x},{y}"
        );
    }
}

#[test]
fn the_interaction_and_evidence_tables_read_back_field_for_field() {
    let state = map_with(filter());
    let t = table(&state, write_interactions_csv);
    assert_eq!(t.1.len(), 5, "every shown interaction, the sanction hidden");
    let accuse = row(&t, "id", "accuse:IRN>PAK");
    for (column, value) in [
        ("source_id", "IRN"),
        ("source_name", IRAN),
        ("target_id", "PAK"),
        ("target_name", "Pakistan"),
        ("kind", "accuse"),
        ("family", "conflict"),
        ("plover", "ACCUSE"),
        ("cameo", "112"),
        ("directed", "true"),
        ("modality", "asserted"),
        ("evidence", "2"),
        ("edge_evidence", "2"),
    ] {
        assert_eq!(field(&t, accuse, column), value, "{column}");
    }
    let consult = row(&t, "id", "consult:IRN-PAK");
    assert_eq!(field(&t, consult, "directed"), "false");
    let visit = row(&t, "id", "visit:IRN>PAK");
    assert_eq!(field(&t, visit, "modality"), "intended");

    let e = table(&state, write_evidence_csv);
    assert_eq!(
        e.0,
        [
            "interaction_id",
            "article_id",
            "article_title",
            "sentence",
            "sentence_text",
            "trigger",
            "reported_by",
            "when"
        ]
    );
    assert_eq!(
        e.1.len(),
        6,
        "one row per sentence of each shown interaction"
    );
    let met = row(&e, "interaction_id", "consult:IRN-PAK");
    assert_eq!(
        field(&e, met, "sentence_text"),
        A1[1],
        "line break, quotes and markup kept"
    );
    assert_eq!(field(&e, met, "article_title"), A1_TITLE);
    assert_eq!(field(&e, met, "sentence"), "1");
    assert_eq!(field(&e, met, "trigger"), "met");
    assert_eq!(field(&e, met, "reported_by"), REPORTED_BY);
    assert_eq!(field(&e, met, "when"), "this \"week\"");
    let russian: Vec<&Vec<String>> = e.1.iter().filter(|r| r[0] == "accuse:IRN>PAK").collect();
    assert_eq!(russian.len(), 2);
    assert_eq!(field(&e, russian[1], "sentence_text"), A2[0]);
    assert_eq!(field(&e, russian[1], "trigger"), "обвинил");
    assert_eq!(field(&e, russian[1], "article_title"), A2_TITLE);
}

#[test]
fn the_csv_folder_holds_the_three_tables_as_the_single_writers_make_them() {
    let state = map_with(filter());
    let dir = temp_dir("csv-dir").join("new folder");
    let written = write_csv_dir(state.laid_out(), &dir).expect("the folder is writable");
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["actors.csv", "interactions.csv", "evidence.csv"]);
    for (path, (_, write)) in written.iter().zip(TABLES) {
        let mut expected = Vec::new();
        write(state.laid_out(), &mut expected).unwrap();
        assert_eq!(std::fs::read(path).unwrap(), expected, "{}", path.display());
    }
    std::fs::remove_dir_all(dir.parent().unwrap()).ok();
}

#[test]
fn a_folder_that_cannot_be_made_is_reported_by_name() {
    let state = map_with(filter());
    let dir = temp_dir("csv-blocked");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let err = write_csv_dir(state.laid_out(), &file.join("tables")).unwrap_err();
    assert!(err.contains("a-file") && err.contains("folder"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_hidden_interaction_is_in_no_table_and_no_report() {
    let state = map_with(filter());
    let mut all = String::new();
    for (_, write) in TABLES {
        let mut bytes = Vec::new();
        write(state.laid_out(), &mut bytes).unwrap();
        all.push_str(&String::from_utf8(bytes).unwrap());
    }
    all.push_str(&html(&state));
    all.push_str(&markdown(&state));
    for absent in ["sanction:IND>CHN", HIDDEN_WORD, "中国", "CHN"] {
        assert!(!all.contains(absent), "{absent} is hidden but exported");
    }
    // The same corpus with nothing hidden exports it: the test above can fail.
    let everything = map_with(MapFilter {
        show_unasserted: true,
        ..MapFilter::default()
    });
    assert!(html(&everything).contains(HIDDEN_WORD));
    assert!(markdown(&everything).contains(HIDDEN_WORD));
    assert_eq!(table(&everything, write_interactions_csv).1.len(), 6);
}

#[test]
fn a_filtered_edge_still_lists_every_sentence_of_its_interaction() {
    // Only article a1: the accusation has one of its two sentences there, and stays on the map.
    let state = map_with(MapFilter {
        articles: Some(["a1".to_string()].into()),
        ..filter()
    });
    let edge = state
        .graph()
        .edges
        .iter()
        .find(|e| state.corpus().interactions[e.interaction].id == "accuse:IRN>PAK")
        .expect("the accusation is on the map");
    let t = table(&state, write_interactions_csv);
    let accuse = row(&t, "id", "accuse:IRN>PAK");
    assert_eq!(field(&t, accuse, "evidence"), "2");
    assert_eq!(
        field(&t, accuse, "edge_evidence"),
        edge.evidence.to_string()
    );
    let e = table(&state, write_evidence_csv);
    let articles: Vec<&str> =
        e.1.iter()
            .filter(|r| r[0] == "accuse:IRN>PAK")
            .map(|r| r[1].as_str())
            .collect();
    assert_eq!(articles, ["a1", "a2"]);
}

#[test]
fn an_edge_grouped_by_country_exports_each_interaction_it_stands_for() {
    let state = map_with(MapFilter {
        group_by_country: true,
        ..filter()
    });
    let grouped = state
        .graph()
        .edges
        .iter()
        .find(|e| e.grouped.len() > 1)
        .expect("the minister's accusation folds into Iran's");
    assert_eq!(grouped.grouped.len(), 2);
    let t = table(&state, write_interactions_csv);
    for id in ["accuse:IRN>PAK", "accuse:IRN-FM>PAK"] {
        assert_eq!(
            field(&t, row(&t, "id", id), "edge_evidence"),
            grouped.evidence.to_string()
        );
    }
    assert_eq!(
        field(&t, row(&t, "id", "accuse:IRN-FM>PAK"), "evidence"),
        "1"
    );
    let html = html(&state);
    assert!(html.contains("The foreign minister <mark>accused</mark> Pakistan again."));
}

/// Checks that every element the page opens is closed in order (void elements excepted), so that text
/// from the corpus has opened or closed none.
fn assert_balanced(html: &str) {
    const VOID: [&str; 2] = ["meta", "br"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').expect("every tag is closed") + at;
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(
                open.pop().as_deref(),
                Some(closing),
                "misnested </{closing}>"
            );
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

#[test]
fn the_html_report_is_one_page_with_every_text_from_the_corpus_escaped() {
    let state = map_with(filter());
    let html = html(&state);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Report &lt;b&gt;&amp;&lt;/b&gt; &quot;map&quot;</title>"));
    assert!(
        !html.to_lowercase().contains("<script"),
        "markup from the data"
    );
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("India &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "self-contained"
    );
    assert_balanced(&html);
    // Summary: IRN, PAK, IND and the minister; five interactions; two articles.
    assert!(html.contains("4 actors · 5 interactions · 2 articles"));
    // The trigger is marked, the direction is given, and an unasserted interaction says so.
    assert!(html.contains(
        "Iran <mark>accused</mark> Pakistan of *sheltering* militants | #1 on the list."
    ));
    assert!(html.contains("<mark>обвинил</mark>"));
    assert!(html.contains("Iran, &quot;the Islamic Republic&quot; → Pakistan"));
    assert!(html.contains("Iran, &quot;the Islamic Republic&quot; — Pakistan · consult"));
    assert!(html.contains("intended: planned or promised"));
    // Source, who reported it and when; a web address is a link, a file path is not.
    assert!(html.contains("reported by Radio Pakistan, Islamabad"));
    assert!(html.contains("when: this &quot;week&quot;"));
    assert!(html.contains("<a href=\"https://example.org/news?id=1&amp;lang=en\">"));
    assert!(html.contains("<code>/home/reader/news/тегеран.txt</code>"));
    let cited = html
        .find("<h2>Articles cited</h2>")
        .expect("a list of articles");
    assert!(html[cited..].contains("Talks, &quot;tensions&quot; &amp; &lt;script&gt;"));
    assert!(html[cited..].contains(A2_TITLE));
}

#[test]
fn pairs_are_listed_with_the_most_evidence_first() {
    let state = map_with(filter());
    let g = state.graph();
    assert_eq!(
        state.corpus().interactions[g.edges[0].interaction].id,
        "threaten:PAK>IND",
        "the map's first edge is the pair with least evidence, so order is the report's doing"
    );
    let html = html(&state);
    let heading = |first: &str, second: &str| {
        html.find(&format!("<h2>{first} — {second}</h2>"))
            .unwrap_or_else(|| panic!("no pair {first} — {second}"))
    };
    let iran = "Iran, &quot;the Islamic Republic&quot;";
    let india = "India &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;";
    // Iran — Pakistan: 4 sentences; the minister — Pakistan and Pakistan — India: 1 each, map order.
    let order = [
        heading(iran, "Pakistan"),
        heading("Pakistan", india),
        heading("Pakistan", "Hossein, the «minister»"),
    ];
    assert!(order.is_sorted(), "{order:?}");
    assert!(html.contains("<p class=\"count\">4 sentences</p>"));
    // Within a pair, the interaction with most evidence first.
    let accuse = html.find("accused or criticised Pakistan</h3>").unwrap();
    let consult = html.find("met or held talks with Pakistan</h3>").unwrap();
    assert!(order[0] < accuse && accuse < consult && consult < order[1]);

    let md = markdown(&state);
    let md_iran = md
        .find("## Iran, \"the Islamic Republic\" — Pakistan")
        .unwrap();
    let md_india = md.find("## Pakistan — India \\<script\\>").unwrap();
    assert!(md_iran < md_india);
}

#[test]
fn the_markdown_report_escapes_markdown_and_keeps_each_quote_on_one_line() {
    let state = map_with(filter());
    let md = markdown(&state);
    assert!(
        md.starts_with(
            "# Report \\# 1 \\| \\*draft\\*\n\n4 actors · 5 interactions · 2 articles\n"
        )
    );
    assert!(md.contains(
        "> Iran **accused** Pakistan of \\*sheltering\\* militants \\| \\#1 on the list."
    ));
    assert!(md.contains(
        "> Iran and Pakistan **met** in Tehran, said \"officials\" \\& \\<script\\>alert('x')\\</script\\>."
    ));
    assert_eq!(
        md.matches("<script").count(),
        md.matches("\\<script").count(),
        "raw HTML from the data"
    );
    assert!(md.matches("\\<script").count() >= 3);
    assert!(md.contains("> Иран **обвинил** Пакистан."));
    assert!(md.contains("reported by Radio Pakistan, Islamabad · when: this \"week\""));
    assert!(md.contains("<https://example.org/news?id=1&lang=en>"));
    assert!(md.contains("*intended: planned or promised, not reported as done*"));
    let cited = md.find("## Articles cited").expect("a list of articles");
    assert!(md[cited..].contains("1. **Talks, \"tensions\" \\& \\<script\\>"));
    assert!(md[cited..].contains("2. **Тегеран: переговоры**"));
    // No line of the data starts a heading, a list or a table row by accident.
    for line in md.lines() {
        assert!(!line.starts_with('|'), "{line}");
    }
}
