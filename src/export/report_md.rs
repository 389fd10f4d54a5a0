//! The evidence report as Markdown (CommonMark, as GitHub and most editors render it). Every piece of
//! text from the corpus is escaped and kept on one line, so a sentence with `*`, `|`, `#` or a line break
//! in it reads as written instead of turning into emphasis, a table or a heading. It writes out what
//! `report::Report` says; it decides nothing about content or order.

use std::io::{self, BufWriter, Write};

use crate::corpus::{Article, Evidence};

use super::LaidOut;
use super::report::{
    Cited, Quote, Report, Shown, direction, headline, is_web_address, modality_words, plural,
};

/// Writes the evidence report on what `map` shows as a Markdown document titled `title`.
pub fn write_report_markdown(map: LaidOut<'_>, title: &str, out: &mut dyn Write) -> io::Result<()> {
    let report = Report::of(map);
    let title = if title.trim().is_empty() {
        "Evidence report"
    } else {
        title
    };
    let mut out = BufWriter::new(out);
    let w = &mut out;
    writeln!(w, "# {}\n", escape(title))?;
    writeln!(w, "{}\n", escape(&report.summary()))?;
    if report.pairs.is_empty() {
        writeln!(w, "The map shows no interactions.\n")?;
    }
    for pair in &report.pairs {
        writeln!(w, "## {} — {}\n", escape(pair.first), escape(pair.second))?;
        writeln!(w, "{} sentence{}\n", pair.evidence, plural(pair.evidence))?;
        for shown in &pair.interactions {
            interaction(w, &report, shown)?;
        }
    }
    if !report.cited.is_empty() {
        writeln!(w, "## Articles cited\n")?;
        for (k, cited) in report.cited.iter().enumerate() {
            article_entry(w, k, cited)?;
        }
    }
    out.flush()
}

/// One interaction: who did what to whom, how, and each sentence that says so.
fn interaction(w: &mut dyn Write, report: &Report<'_>, shown: &Shown<'_>) -> io::Result<()> {
    let it = shown.interaction;
    writeln!(w, "### {}\n", escape(&headline(report.corpus, it)))?;
    let mut facts = vec![
        direction(report.corpus, it),
        format!("{} ({})", it.kind.as_str(), it.kind.plover()),
        it.kind.family().as_str().to_string(),
    ];
    if !it.cameo.is_empty() {
        facts.push(format!("CAMEO {}", it.cameo));
    }
    writeln!(w, "{}\n", escape(&facts.join(" · ")))?;
    if let Some(words) = modality_words(it.modality) {
        writeln!(w, "*{}*\n", escape(words))?;
    }
    for e in &it.evidence {
        match report.cited(&e.article) {
            Some((k, article)) => evidence(w, k, article, e)?,
            None => writeln!(
                w,
                "The article “{}” is not in the corpus.\n",
                escape(&e.article)
            )?,
        }
    }
    Ok(())
}

/// One sentence as a block quote, its trigger words in bold, then where it comes from: the article (its
/// number in the list of articles), its file or address, who reported it and when.
fn evidence(w: &mut dyn Write, k: usize, article: &Article, e: &Evidence) -> io::Result<()> {
    let quote = Quote::of(article, e);
    if quote.is_empty() {
        writeln!(
            w,
            "> Sentence {} could not be found in the article’s text.\n>",
            e.sentence + 1
        )?;
    } else if quote.trigger.is_empty() {
        writeln!(w, "> {}\n>", escape(quote.before))?;
    } else {
        writeln!(
            w,
            "> {}**{}**{}\n>",
            escape(quote.before),
            escape(quote.trigger),
            escape(quote.after)
        )?;
    }
    let mut cite = vec![format!("\\[{}\\] *{}*", k + 1, escape(&article.title))];
    cite.extend(MARKUP.citation_tail(article, e));
    writeln!(w, "> — {}\n", cite.join(" · "))
}

/// An entry of the numbered list of articles cited.
fn article_entry(w: &mut dyn Write, k: usize, cited: &Cited<'_>) -> io::Result<()> {
    let a = cited.article;
    let mut parts = vec![format!("**{}**", escape(&a.title))];
    parts.extend(MARKUP.article_tail(cited));
    writeln!(w, "{}. {}", k + 1, parts.join(" · "))
}

/// This format's escape and source links, for the parts shared with the other format.
const MARKUP: super::report::Markup = super::report::Markup { escape, source };

/// An article's file or web address: an autolink when it is a web address (its text is taken literally
/// between `<` and `>`), else the escaped path.
fn source(path: &str) -> String {
    if is_web_address(path) {
        format!("<{path}>")
    } else {
        escape(path)
    }
}

/// `text` as literal Markdown on one line: each run of white space (line breaks included) becomes one
/// space, characters that could start emphasis, code, links, raw HTML, tables, headings, strike-through,
/// maths or character references are backslash-escaped, and so is a start that would read as a list
/// item or a heading underline.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // "- x", "+ x", "1. x", "1) x" and "===" at the start of a line mean lists and headings.
    let start = out.len() - out.trim_start().len();
    let rest = &out[start..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = if rest.starts_with(['-', '+', '=']) {
        Some(start)
    } else if digits > 0 && rest[digits..].starts_with(['.', ')']) {
        Some(start + digits)
    } else {
        None
    };
    if let Some(at) = marker {
        out.insert(at, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_text_is_escaped_and_line_breaks_are_folded() {
        assert_eq!(
            escape("a *b* | c # d\n\n<script> & $5 [x](y) _e_ `f`"),
            "a \\*b\\* \\| c \\# d \\<script\\> \\& \\$5 \\[x\\](y) \\_e\\_ \\`f\\`"
        );
    }

    #[test]
    fn a_start_that_would_make_a_list_or_heading_is_escaped() {
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("1999. A year"), "1999\\. A year");
        assert_eq!(escape("2) two"), "2\\) two");
        assert_eq!(escape(" ==="), " \\===");
        assert_eq!(escape("1999 was a year"), "1999 was a year");
        assert_eq!(escape("Тегеран-Исламабад"), "Тегеран-Исламабад");
    }
}
