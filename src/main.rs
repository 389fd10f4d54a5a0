//! The command line: start the app (optionally on files, or writing a screenshot and exiting), or run a
//! headless command. Everything real happens in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use actormap::corpus;
use actormap::extract::Extractor;
use actormap::open;

// Extraction allocates many small, short-lived values (tokens' phrases, candidates, evidence): mimalloc.
#[global_allocator]
static ALLOCATOR: actormap::allocator::Allocator = actormap::allocator::Allocator;

const USAGE: &str = "\
actormap: maps who did what to whom in foreign-affairs news

USAGE:
  actormap [FILE_OR_FOLDER...]                    open the app (on the sample corpus when no file is given)
  actormap --screenshot OUT.png [FILE_OR_FOLDER...]  open, let the map settle, save it as PNG, exit
  actormap extract --json FILE_OR_FOLDER...        write the corpus JSON of the files to stdout
  actormap bench-extract [--repeat N] FILE_OR_FOLDER...
                                                   time extraction of the files (MB/s, words/s)
  actormap --help                                  this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-h" | "--help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("extract") => extract(&args[1..]),
        Some("bench-extract") => bench_extract(&args[1..]),
        _ => gui(&args),
    }
}

fn extract(args: &[String]) -> ExitCode {
    let paths: Vec<PathBuf> = args.iter().filter(|a| *a != "--json").map(PathBuf::from).collect();
    if paths.is_empty() {
        eprint!("actormap extract: no files given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let (corpus, errors) = open::open_paths(&paths, Extractor::bundled());
    for e in &errors {
        eprintln!("actormap: {e}");
    }
    // A reader that stops early (`| head`, `| cmp`) closes the pipe: that is not an error of ours to
    // report, and no reason to panic.
    use std::io::Write;
    match std::io::stdout().lock().write_all(corpus::to_json(&corpus).as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("actormap: could not write the corpus to standard output: {e}");
            return ExitCode::FAILURE;
        }
        Ok(()) => {}
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Times extraction alone (the lexicons are loaded first and timed apart), one article at a time.
fn bench_extract(args: &[String]) -> ExitCode {
    let mut repeat = 20usize;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--repeat" {
            match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => repeat = n,
                None => {
                    eprintln!("actormap bench-extract: --repeat needs a number");
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let (files, errors) = open::expand(&paths);
    for e in &errors {
        eprintln!("actormap: {e}");
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.extension().and_then(|e| e.to_str()) != Some(open::CORPUS_EXTENSION))
        .filter_map(|f| actormap::text::read_text(f).ok().map(|t| (f.display().to_string(), t)))
        .collect();
    if texts.is_empty() {
        eprintln!("actormap bench-extract: no readable article among the files given");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let extractor = Extractor::bundled();
    let load = started.elapsed();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let words: usize = texts.iter().map(|(_, t)| t.split_whitespace().count()).sum();
    let started = std::time::Instant::now();
    let mut actors = 0;
    for _ in 0..repeat {
        for (path, text) in &texts {
            actors += extractor.extract(path, text).actors.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let per_pass = secs / repeat as f64;
    println!(
        "{} articles, {:.1} KB, {} words; lexicons loaded in {:.0} ms
         extraction: {:.2} ms per pass ({repeat} passes, {} actors per pass) = {:.1} MB/s, {:.0} words/s",
        texts.len(),
        bytes as f64 / 1e3,
        words,
        load.as_secs_f64() * 1e3,
        per_pass * 1e3,
        actors / repeat,
        bytes as f64 / per_pass / 1e6,
        words as f64 / per_pass,
    );
    ExitCode::SUCCESS
}

#[cfg(feature = "gui")]
fn gui(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut screenshot = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--screenshot" => match it.next() {
                Some(out) => screenshot = Some(PathBuf::from(out)),
                None => {
                    eprint!("actormap: --screenshot needs the path of the PNG to write\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            flag if flag.starts_with("--") => {
                eprint!("actormap: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    match actormap::app::run(actormap::app::Launch { paths, screenshot }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("actormap: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn gui(_args: &[String]) -> ExitCode {
    eprint!("actormap was built without the app (feature \"gui\"); only the headless commands work\n\n{USAGE}");
    ExitCode::from(2)
}
