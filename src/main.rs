//! The command line: start the app (optionally on files, or writing a screenshot and exiting), or run a
//! headless command. Everything real happens in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actormap::corpus;
use actormap::export::atomic::{write_atomic, write_bytes_atomic};
use actormap::extract::Extractor;
use actormap::extract::syntax;
use actormap::layout;
use actormap::open;

// Extraction allocates many small, short-lived values (tokens' phrases, candidates, evidence): mimalloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
actormap: maps who did what to whom in foreign-affairs news

USAGE:
  actormap [FILE_OR_FOLDER...]                    open the app (on the sample corpus when no file is given)
  actormap --screenshot OUT.png [FILE_OR_FOLDER...]  open, let the map settle, save it as PNG, exit
  actormap --synthetic N                           open a generated map of N actors (to try scale)
  actormap extract --json [--out FILE] FILE_OR_FOLDER...
                                                   write the corpus JSON of the files to stdout, or with
                                                   --out to FILE (atomically: an interrupted save leaves
                                                   the previous FILE as it was)
  actormap render INPUT... [--png OUT.png] [--scale S] [--svg OUT.svg] [--gexf OUT.gexf]
                [--graphml OUT.graphml] [--csv DIR] [--report OUT.html|OUT.md] [--corpus OUT.json]
                [--title TEXT] [--no-legend]
                                                   lay the map of articles, a corpus JSON or a workspace out
                                                   and write it without a display; if an input fails,
                                                   nothing is written and the exit status is 1
  actormap bench-extract [--repeat N] FILE_OR_FOLDER...
                                                   time extraction of the files (MB/s, words/s)
  actormap bench-layout EDGES [--iterations N] [--warmup W] [--threads T] [--stability]
                                                   time one layout tick on an edge list (`# nodes N`, then
                                                   `src dst` lines); also takes ../shared/bench's harness
                                                   flags (--impl, --graph, --iters) and then prints its JSON;
                                                   --stability: how far old nodes move when 10% are added;
                                                   --quality MS: stress of the layout after MS milliseconds
  actormap parse FILE                              print the text's sentences as CoNLL-U (tags and tree)
  actormap eval-syntax [--model M] [--write OUT.conllu] FILE.conllu...
                                                   score tagger and parser on treebanks (gold tokens)
  actormap train-syntax [--out M] [--dev DEV.conllu] [--epochs N] [--threads N] [--OPTION VALUE...]
                       FILE.conllu...              train the tagger and parser (default: assets/syntax.model);
                                                   options: docs/syntax.md
  actormap train-mention-types [--out M] [--eval DEV.conllu] [--exclude DIR] FILE.conllu...
                                                   train the mention-type labeller on GUM's entity annotations
                                                   (default: assets/mention_types.model)
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
        Some("render") => render(&args[1..]),
        Some("bench-extract") => bench_extract(&args[1..]),
        Some("bench-layout") => bench_layout(&args[1..]),
        Some("parse") => parse(&args[1..]),
        Some("eval-syntax") => eval_syntax(&args[1..]),
        Some("train-syntax") => train_syntax(&args[1..]),
        Some("train-mention-types") => train_mention_types(&args[1..]),
        _ => gui(&args),
    }
}

fn extract(args: &[String]) -> ExitCode {
    let Ok((opts, rest)) = options(args, &["--out"], "extract") else {
        return ExitCode::from(2);
    };
    let out = opts.last().map(|(_, file)| Path::new(file));
    let paths: Vec<PathBuf> = rest
        .into_iter()
        .filter(|a| *a != "--json")
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        eprint!("actormap extract: no files given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let (corpus, errors) = open::open_paths(&paths, Extractor::bundled());
    for e in &errors {
        eprintln!("actormap: {e}");
    }
    if let Some(out) = out {
        // Atomic: killed or out of space mid-save, the previous file stays as it was.
        if let Err(e) = write_atomic(out, |w| corpus::write_json(&corpus, w)) {
            eprintln!("actormap extract: {e}");
            return ExitCode::FAILURE;
        }
    } else {
        // A reader that stops early (`| head`, `| cmp`) closes the pipe: that is not an error of ours to
        // report, and no reason to panic.
        match corpus::write_json(&corpus, std::io::stdout().lock()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("actormap: could not write the corpus to standard output: {e}");
                return ExitCode::FAILURE;
            }
            Ok(()) => {}
        }
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Times extraction alone (the lexicons are loaded first and timed apart), one article at a time.
fn bench_extract(args: &[String]) -> ExitCode {
    let mut repeat = 20usize;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--repeat" {
            // Each pass is timed and the time divided by the passes: none would divide by zero.
            match it.next().map(|n| (n, n.parse::<usize>())) {
                Some((_, Ok(n))) if n > 0 => repeat = n,
                Some((n, _)) => {
                    eprintln!(
                        "actormap bench-extract: --repeat needs a number of passes, 1 or more, not \"{n}\""
                    );
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!(
                        "actormap bench-extract: --repeat needs a number of passes, 1 or more"
                    );
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let (files, errors) = open::expand(&paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        eprintln!("actormap: {e}");
    }
    let mut texts: Vec<(String, String)> = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().and_then(|e| e.to_str()) != Some(open::CORPUS_EXTENSION))
    {
        match actormap::text::read_text(f) {
            Ok(t) => texts.push((f.display().to_string(), t)),
            Err(e) => {
                eprintln!(
                    "actormap bench-extract: could not read {}: {e}",
                    f.display()
                );
                failed = true;
            }
        }
    }
    if texts.is_empty() {
        eprintln!("actormap bench-extract: no readable article among the files given");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let extractor = Extractor::bundled();
    let load = started.elapsed();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let words: usize = texts
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
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
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Times layout ticks on an edge list; prints the median, or with `--impl NAME` (the harness of
/// `../shared/bench`) one JSON line in that harness's shape.
fn bench_layout(args: &[String]) -> ExitCode {
    let valued = [
        "--iterations",
        "--iters",
        "--warmup",
        "--threads",
        "--graph",
        "--impl",
        "--budget-s",
        "--max-iter-s",
        "--quality",
    ];
    let Ok((opts, rest)) = options(args, &valued, "bench-layout") else {
        return ExitCode::from(2);
    };
    let get = |names: &[&str]| {
        opts.iter()
            .rev()
            .find(|(k, _)| names.contains(k))
            .map(|(_, v)| *v)
    };
    let number = |names: &[&str], default: usize| -> Result<usize, ExitCode> {
        match get(names) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| {
                eprintln!(
                    "actormap bench-layout: {} needs a whole number, not \"{v}\"",
                    names[0]
                );
                ExitCode::from(2)
            }),
        }
    };
    let (iterations, warmup, threads) = match (
        number(&["--iterations", "--iters"], 50),
        number(&["--warmup"], 10),
        number(&["--threads"], 0),
    ) {
        (Ok(i), Ok(w), Ok(t)) => (i.max(1), w, t),
        _ => return ExitCode::from(2),
    };
    let Some(path) = get(&["--graph"]).or(rest.first().copied()) else {
        eprintln!("actormap bench-layout: give an edge list file\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let graph = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| layout::bench::read_edge_list(&t))
    {
        Ok(g) => g,
        Err(e) => {
            eprintln!("actormap bench-layout: could not read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("actormap bench-layout: could not start {threads} threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let threads = pool.current_num_threads();
    if let Some(ms) = get(&["--quality"]) {
        // Not "inf": the layout would run until it settled, which a large graph may never do.
        let Some(ms) = ms
            .parse::<f64>()
            .ok()
            .filter(|m| m.is_finite() && *m >= 0.0)
        else {
            eprintln!("actormap bench-layout: --quality needs milliseconds, not \"{ms}\"");
            return ExitCode::from(2);
        };
        let (positions, ticks) = pool.install(|| layout::bench::layout_for(&graph, ms));
        println!(
            "{} nodes after {ms} ms ({ticks} ticks): stress {:.4} (normalised, 200 BFS roots; lower is better)",
            graph.nodes,
            layout::bench::stress(&graph, &positions, 200)
        );
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--stability") {
        let (median, p90, share) =
            pool.install(|| layout::bench::displacement_after_growth(&graph, 0.1, 5000));
        println!(
            "{} nodes: adding the last 10% moved {:.0}% of the others; displacement in node radii: median {median:.2}, 90th percentile {p90:.2}",
            graph.nodes,
            share * 100.0
        );
        return ExitCode::SUCCESS;
    }
    let t = pool.install(|| layout::bench::time_ticks(&graph, warmup, iterations));
    match get(&["--impl"]) {
        Some(name) => {
            let row = serde_json::json!({
                "impl": name, "n": graph.nodes, "m": graph.edges.len(), "status": "ok",
                "median_ms": t.quantile(0.5), "p10_ms": t.quantile(0.1), "p90_ms": t.quantile(0.9),
                "min_ms": t.quantile(0.0), "iters": iterations, "warmup": warmup, "first_iter_ms": t.first_ms,
                "rss_mb": peak_rss_mb(), "params": {"threads": threads}, "setup_ms": t.setup_ms,
            });
            println!("{row}");
        }
        None => println!(
            "{} nodes, {} edges, {threads} thread{}, {iterations} ticks after {warmup} warm-up\nmedian: {:.2} ms per iteration (p10 {:.2}, p90 {:.2})",
            graph.nodes,
            graph.edges.len(),
            if threads == 1 { "" } else { "s" },
            t.quantile(0.5),
            t.quantile(0.1),
            t.quantile(0.9),
        ),
    }
    ExitCode::SUCCESS
}

/// The process's peak resident memory in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Options with their values, and the other arguments.
type SplitArgs<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Splits `--model PATH`-style options (named in `options`) and flags from the other arguments.
fn options<'a>(
    args: &'a [String],
    valued: &[&str],
    command: &str,
) -> Result<SplitArgs<'a>, ExitCode> {
    let mut opts = Vec::new();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if valued.contains(&a.as_str()) {
            match it.next() {
                Some(v) => opts.push((a.as_str(), v.as_str())),
                None => {
                    eprintln!("actormap {command}: {a} needs a value");
                    return Err(ExitCode::from(2));
                }
            }
        } else {
            rest.push(a.as_str());
        }
    }
    Ok((opts, rest))
}

/// The syntax model: the bundled one, or the file given with `--model`.
fn syntax_model(path: Option<&str>) -> Result<std::borrow::Cow<'static, syntax::Syntax>, String> {
    match path {
        None => Ok(std::borrow::Cow::Borrowed(syntax::Syntax::bundled())),
        Some(p) => {
            let bytes =
                std::fs::read(p).map_err(|e| format!("could not read the model {p}: {e}"))?;
            syntax::model_file::read(&bytes)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| format!("{p} is not a usable model: {e}"))
        }
    }
}

fn parse(args: &[String]) -> ExitCode {
    let Ok((opts, files)) = options(args, &["--model"], "parse") else {
        return ExitCode::from(2);
    };
    if files.is_empty() {
        eprint!("actormap parse: no file given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let model = match syntax_model(opts.iter().find(|o| o.0 == "--model").map(|o| o.1)) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("actormap parse: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = false;
    for f in files {
        match actormap::text::read_text(std::path::Path::new(f)) {
            Ok(text) => print!(
                "{}",
                syntax::conllu::write(&syntax::parse_text(&model, &text))
            ),
            Err(e) => {
                eprintln!("actormap parse: {f}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads the CoNLL-U files given, naming the one that fails.
fn treebanks(files: &[&str], command: &str) -> Result<Vec<syntax::conllu::TreeSentence>, ExitCode> {
    let mut all = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| {
            eprintln!("actormap {command}: could not read {f}: {e}");
            ExitCode::FAILURE
        })?;
        all.extend(syntax::conllu::read(&text).map_err(|e| {
            eprintln!("actormap {command}: {f}: {e}");
            ExitCode::FAILURE
        })?);
    }
    Ok(all)
}

fn eval_syntax(args: &[String]) -> ExitCode {
    let Ok((opts, files)) = options(args, &["--model", "--write"], "eval-syntax") else {
        return ExitCode::from(2);
    };
    if files.is_empty() {
        eprint!("actormap eval-syntax: no CoNLL-U file given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let model = match syntax_model(opts.iter().find(|o| o.0 == "--model").map(|o| o.1)) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("actormap eval-syntax: {e}");
            return ExitCode::FAILURE;
        }
    };
    let gold = match treebanks(&files, "eval-syntax") {
        Ok(g) => g,
        Err(code) => return code,
    };
    let (scores, analysed) = syntax::scores::score_and_keep(&model, &gold);
    if let Some((_, out)) = opts.iter().find(|o| o.0 == "--write")
        && let Err(e) =
            write_bytes_atomic(Path::new(out), syntax::conllu::write(&analysed).as_bytes())
    {
        eprintln!("actormap eval-syntax: {e}");
        return ExitCode::FAILURE;
    }
    println!("{scores}");
    eprintln!(
        "({} words; LAS on universal relations {:.4})",
        scores.words, scores.las_universal
    );
    ExitCode::SUCCESS
}

fn train_syntax(args: &[String]) -> ExitCode {
    let mut options = syntax::training::Options::default();
    let (mut out, mut dev_files, mut files) = ("assets/syntax.model", Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let Some(name) = a.strip_prefix("--") else {
            files.push(a.as_str());
            continue;
        };
        let Some(value) = it.next() else {
            eprintln!("actormap train-syntax: {a} needs a value");
            return ExitCode::from(2);
        };
        match name {
            "out" => out = value,
            "dev" => dev_files.push(value.as_str()),
            _ => {
                if let Err(e) = options.set(name, value) {
                    eprintln!("actormap train-syntax: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    if files.is_empty() {
        eprint!("actormap train-syntax: no CoNLL-U file given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let (gold, dev) = match (
        treebanks(&files, "train-syntax"),
        treebanks(&dev_files, "train-syntax"),
    ) {
        (Ok(g), Ok(d)) => (g, d),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let started = std::time::Instant::now();
    let progress = |m: &str| eprintln!("[{:6.1} s] {m}", started.elapsed().as_secs_f64());
    let model = match syntax::training::train(&gold, &dev, options, &progress) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("actormap train-syntax: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = syntax::model_file::write(&model);
    if let Err(e) = write_bytes_atomic(Path::new(out), &bytes) {
        eprintln!("actormap train-syntax: {e}");
        return ExitCode::FAILURE;
    }
    progress(&format!("wrote {out}: {:.1} MB", bytes.len() as f64 / 1e6));
    ExitCode::SUCCESS
}

fn train_mention_types(args: &[String]) -> ExitCode {
    use actormap::extract::mention_types;
    let Ok((opts, files)) = options(
        args,
        &["--out", "--eval", "--exclude"],
        "train-mention-types",
    ) else {
        return ExitCode::from(2);
    };
    if files.is_empty() {
        eprint!("actormap train-mention-types: no CoNLL-U file given\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let read = |f: &str| {
        std::fs::read_to_string(f)
            .map(|t| mention_types::read_typed(&t))
            .map_err(|e| format!("could not read {f}: {e}"))
    };
    let mut sentences = Vec::new();
    for f in &files {
        match read(f) {
            Ok(s) => sentences.extend(s),
            Err(e) => {
                eprintln!("actormap train-mention-types: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    // Documents of an evaluation set (the .txt names in the folder given) are left out of training.
    if let Some((_, dir)) = opts.iter().find(|o| o.0 == "--exclude") {
        let names: Vec<String> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".txt")
                        .map(String::from)
                })
                .collect(),
            Err(e) => {
                eprintln!("actormap train-mention-types: could not read {dir}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let before = sentences.len();
        sentences.retain(|s| !names.contains(&s.doc));
        eprintln!(
            "left out {} sentences of {} documents in {dir}",
            before - sentences.len(),
            names.len()
        );
    }
    let started = std::time::Instant::now();
    let model = mention_types::train(&sentences, 8, 2026);
    let out = opts
        .iter()
        .find(|o| o.0 == "--out")
        .map_or("assets/mention_types.model", |o| o.1);
    let bytes = model.write();
    if let Err(e) = write_bytes_atomic(Path::new(out), &bytes) {
        eprintln!("actormap train-mention-types: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {out}: {:.1} MB in {:.1} s",
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if let Some((_, dev)) = opts.iter().find(|o| o.0 == "--eval") {
        match read(dev) {
            Ok(gold) => println!("{}", mention_types::score(&model, &gold)),
            Err(e) => {
                eprintln!("actormap train-mention-types: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

#[cfg(feature = "gui")]
fn gui(args: &[String]) -> ExitCode {
    let mut paths = Vec::new();
    let mut screenshot = None;
    let mut synthetic = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--synthetic" => match it
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (2..=2_000_000).contains(n))
            {
                Some(n) => synthetic = Some(n),
                None => {
                    eprint!(
                        "actormap: --synthetic needs a number of actors from 2 to 2000000\n\n{USAGE}"
                    );
                    return ExitCode::from(2);
                }
            },
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
    match actormap::app::run(actormap::app::Launch {
        paths,
        screenshot,
        synthetic,
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("actormap: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn gui(_args: &[String]) -> ExitCode {
    eprint!(
        "actormap was built without the app (feature \"gui\"); only the headless commands work\n\n{USAGE}"
    );
    ExitCode::from(2)
}

/// `actormap render`: pictures and files of the map with no display (`actormap::render`).
fn render(args: &[String]) -> ExitCode {
    let parsed = match actormap::render::parse_args(args) {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "actormap render: {e}

usage: {}",
                actormap::render::USAGE
            );
            return ExitCode::from(2);
        }
    };
    match actormap::render::render(&parsed, Extractor::bundled()) {
        Ok(written) => {
            for path in written {
                eprintln!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("actormap render: {e}");
            ExitCode::FAILURE
        }
    }
}
