//! Every kind of article file a user has: text in any common encoding, news pages, PDF press releases, and
//! the files that must be refused (binary, empty, a named pipe) with a reason. Fixtures (invented text) are
//! in `tests/fixtures/inputs/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use actormap::extract::Extractor;
use actormap::open;
use actormap::text::{Format, ReadError, read_document};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn read(name: &str) -> actormap::text::Document {
    read_document(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn utf8_text_is_read_as_written() {
    let doc = read("utf8.txt");
    assert!(
        doc.text
            .starts_with("Harbour talks resume in Valpara\u{ed}so\n\nMonday, March 6, 2023")
    );
    assert_eq!(doc.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(doc.format, Format::Text);
    assert_eq!((doc.title, doc.date), (None, None));
}

#[test]
fn a_utf8_bom_is_removed_and_crlf_is_kept() {
    let doc = read("utf8-bom.txt");
    assert!(
        doc.text
            .starts_with("Grain corridor reopens\r\n\r\nOfficials of Romania"),
        "{:?}",
        doc.text
    );
    assert_eq!(doc.encoding.as_deref(), Some("UTF-8"));
}

#[test]
fn utf16_files_with_a_bom_are_read_in_both_byte_orders() {
    let le = read("utf16le-bom.txt");
    assert_eq!(
        le.text,
        "Ceasefire talks in Doha\r\n\r\nEnvoys of Qatar and Egypt met on Sunday to discuss a ceasefire.\r\n"
    );
    assert_eq!(le.encoding.as_deref(), Some("UTF-16LE"));
    let be = read("utf16be-bom.txt");
    assert!(
        be.text.contains("the caf\u{e9} near the embassy"),
        "{:?}",
        be.text
    );
    assert_eq!(be.encoding.as_deref(), Some("UTF-16BE"));
}

#[test]
fn a_windows_1252_file_is_detected_and_decoded() {
    let doc = read("windows-1252.txt");
    assert!(
        doc.text
            .contains("\u{201c}The caf\u{e9} on the square will serve as a waiting room,\u{201d}"),
        "{:?}",
        doc.text
    );
    assert_eq!(doc.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn a_news_page_yields_its_main_text_title_and_date() {
    let doc = read("news-page.html");
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.title.as_deref(),
        Some("Estonia and Iceland sign an undersea cable agreement")
    );
    assert_eq!(doc.date.as_deref(), Some("2022-10-05"));
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Estonia and Iceland sign an undersea cable agreement",
            "TALLINN, Oct. 5 \u{2014} October 5, 2022",
            "Estonia and Iceland signed an agreement on Wednesday to lay a new undersea data cable between the two countries, the Estonian foreign ministry said.",
            "The Estonian foreign minister met his Icelandic counterpart in Tallinn and said the cable would \u{201c}bring our research networks closer\u{201d} by 2025.",
            "Iceland's government said the project would be funded jointly & built by a consortium of engineering firms.",
        ]
    );
}

#[test]
fn a_pdf_with_a_text_layer_yields_its_text_title_and_date() {
    let doc = read("press-release.pdf");
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(doc.encoding, None);
    let words: Vec<&str> = doc.text.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        "Press release The Ministry of Foreign Affairs of Finland announced on Tuesday that its delegation \
         will visit Canada next week to discuss Arctic research."
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Finland and Canada plan Arctic research visit")
    );
    assert_eq!(doc.date.as_deref(), Some("2022-09-13"));
}

#[test]
fn files_that_are_no_articles_are_refused_with_their_reason() {
    let refused = |name: &str| read_document(&fixture(name)).unwrap_err();
    assert_eq!(refused("scanned.pdf"), ReadError::NoTextLayer);
    assert_eq!(
        refused("scanned.pdf").to_string(),
        "this PDF has no text layer (a scanned document?); run OCR on it first"
    );
    assert_eq!(refused("binary.dat"), ReadError::Binary);
    assert_eq!(refused("empty.txt"), ReadError::Empty);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("feed.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo failed");
    // Opening a pipe for reading blocks until a writer comes: the read runs on a thread of its own so that
    // a regression fails this test instead of hanging the suite.
    let (send, receive) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || send.send(read_document(&path)).unwrap());
    let result = receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("reading a named pipe must not wait for a writer");
    assert_eq!(result, Err(ReadError::NotRegular("a named pipe")));
    let opened = open::open_file(&fifo, Extractor::bundled()).unwrap_err();
    assert_eq!(
        opened.to_string(),
        format!(
            "Could not open {}: it is not a regular file (it is a named pipe); save the articles in a file and \
             open that",
            fifo.display()
        )
    );
}

#[test]
fn a_file_larger_than_the_limit_is_refused_naming_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: its size is reported without the disk space being used.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(actormap::text::MAX_FILE_BYTES + 1024 * 1024)
        .unwrap();
    let err = read_document(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        "it is 513 MiB, more than the 512 MiB actormap reads; split it or open the articles it holds"
    );
}

#[test]
fn opening_records_the_documents_title_date_encoding_and_format() {
    let extractor = Extractor::bundled();
    let page = open::open_file(&fixture("news-page.html"), extractor).unwrap();
    let a = &page.articles[0];
    assert_eq!(
        a.title,
        "Estonia and Iceland sign an undersea cable agreement"
    );
    assert_eq!(a.date.as_deref(), Some("2022-10-05"));
    assert_eq!(a.format.as_deref(), Some("html"));
    assert_eq!(a.encoding, None, "UTF-8 is not recorded");

    let legacy = open::open_file(&fixture("windows-1252.txt"), extractor).unwrap();
    assert_eq!(legacy.articles[0].encoding.as_deref(), Some("windows-1252"));
    assert_eq!(legacy.articles[0].format, None);

    let pdf = open::open_file(&fixture("press-release.pdf"), extractor).unwrap();
    assert_eq!(pdf.articles[0].format.as_deref(), Some("pdf"));
    assert_eq!(pdf.articles[0].date.as_deref(), Some("2022-09-13"));

    let plain = open::open_file(&fixture("utf8.txt"), extractor).unwrap();
    let json = actormap::corpus::to_json(&plain);
    assert!(
        !json.contains("\"encoding\"") && !json.contains("\"format\""),
        "plain UTF-8 text records nothing new"
    );
}

#[test]
fn extracting_again_keeps_what_the_file_stated_about_itself() {
    let extractor = Extractor::bundled();
    for name in ["news-page.html", "press-release.pdf", "windows-1252.txt"] {
        let first = open::open_file(&fixture(name), extractor).unwrap();
        let again = open::extract_again(&first.articles[0], extractor);
        assert_eq!(again.articles[0], first.articles[0], "{name}");
        assert_eq!(again.interactions, first.interactions, "{name}");
    }
}

#[test]
fn a_known_date_resolves_relative_times_in_the_text() {
    let extractor = Extractor::bundled();
    let text = "The foreign minister of Chile met the ambassador of Norway on Monday in Santiago.";
    let corpus = extractor.extract_dated("note.txt", text, Some("2022-10-05"));
    assert_eq!(corpus.articles[0].date.as_deref(), Some("2022-10-05"));
    let when: Vec<Option<&str>> = corpus
        .interactions
        .iter()
        .map(|i| i.evidence[0].when.as_deref())
        .collect();
    assert!(
        when.contains(&Some("2022-10-03")),
        "\"on Monday\" before Wednesday 2022-10-05 is 2022-10-03: {when:?}"
    );
}

#[test]
fn folders_pick_up_pages_and_pdfs() {
    let (files, errors) = open::expand(&[fixture("")]);
    assert!(errors.is_empty());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"news-page.html".to_string())
            && names.contains(&"press-release.pdf".to_string())
    );
    assert!(!names.contains(&"binary.dat".to_string()));
}

#[test]
fn extract_finds_actors_of_the_main_text_and_none_of_the_scripts_or_navigation() {
    let out = Command::new(env!("CARGO_BIN_EXE_actormap"))
        .args(["extract", "--json"])
        .arg(fixture("news-page.html"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = actormap::corpus::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let names: Vec<&str> = corpus.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Estonia"), "{names:?}");
    for furniture in [
        "Kazakhstan",
        "Argentina",
        "Mexico",
        "Peru",
        "Vietnam",
        "Turkey",
        "Morocco",
        "Sweden",
        "Nigeria",
        "Ghana",
        "Ukraine",
    ] {
        assert!(
            !names.contains(&furniture),
            "{furniture} comes from the page's furniture: {names:?}"
        );
    }
}
