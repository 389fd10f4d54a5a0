//! The command line: start the app (optionally on files, or writing a screenshot and exiting), or run a
//! headless command. Everything real happens in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use actormap::corpus;
use actormap::extract::Extractor;
use actormap::open;

const USAGE: &str = "\
actormap: maps who did what to whom in foreign-affairs news

USAGE:
  actormap [FILE_OR_FOLDER...]                    open the app (on the sample corpus when no file is given)
  actormap --screenshot OUT.png [FILE_OR_FOLDER...]  open, let the map settle, save it as PNG, exit
  actormap extract --json FILE_OR_FOLDER...        write the corpus JSON of the files to stdout
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
    print!("{}", corpus::to_json(&corpus));
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
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
