//! The command line as a script would use it: `actormap extract --json FILES > corpus.json`.

use std::process::Command;

fn actormap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actormap"))
}

#[test]
fn extract_writes_the_corpus_json_to_stdout() {
    let out = actormap()
        .args([
            "extract",
            "--json",
            "sample_data/01_iran_pakistan_talks.txt",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = actormap::corpus::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(corpus.articles.len(), 1);
    assert!(
        corpus
            .actors
            .iter()
            .any(|a| a.name == "Syed Abbas Araghchi")
    );
}

#[test]
fn a_file_that_fails_is_named_on_stderr_and_the_exit_status_says_so() {
    let out = actormap()
        .args([
            "extract",
            "--json",
            "sample_data/01_iran_pakistan_talks.txt",
            "no/such/article.txt",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/article.txt") && err.contains("no such file"),
        "{err}"
    );
    let corpus = actormap::corpus::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(
        corpus.articles.len(),
        1,
        "the files that opened are still written"
    );
}

#[test]
fn extract_without_files_explains_its_usage() {
    let out = actormap().arg("extract").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("USAGE"));
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    // `actormap extract --json … | head -c 10`: the pipe closes before the corpus is written.
    let mut child = actormap()
        .args(["extract", "--json", "sample_data"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{err}");
}

#[test]
fn bench_extract_refuses_zero_passes_rather_than_divide_by_zero() {
    let out = actormap()
        .args([
            "bench-extract",
            "--repeat",
            "0",
            "sample_data/01_iran_pakistan_talks.txt",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("--repeat needs a number of passes, 1 or more, not \"0\""),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bench_extract_names_a_file_it_cannot_read() {
    let out = actormap()
        .args(["bench-extract", "--repeat", "1", "no/such/article.txt"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("could not read no/such/article.txt: there is no such file"),
        "{err}"
    );
}

#[test]
fn bench_layout_refuses_an_endless_quality_run() {
    let edges = std::env::temp_dir().join(format!("actormap-cli-edges-{}.txt", std::process::id()));
    std::fs::write(&edges, "# nodes 3\n0 1\n1 2\n").unwrap();
    let out = actormap()
        .args(["bench-layout", "--quality", "inf"])
        .arg(&edges)
        .output()
        .unwrap();
    std::fs::remove_file(&edges).ok();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--quality needs milliseconds"), "{err}");
}
