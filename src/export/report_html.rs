//! The evidence report as one self-contained HTML5 page: no scripts, no external files, a little inline
//! CSS, every piece of text from the corpus escaped (by `escape`, five replacements: all that element text
//! and quoted attribute values need, so no crate for it). It writes out what `report::Report` says; it
//! decides nothing about content or order.

use std::io::{self, BufWriter, Write};

use crate::corpus::{Article, Evidence};

use super::LaidOut;
// Markup escaping is the SVG writer's: the same five characters, and characters XML forbids left out.
use super::report::{
    Cited, Quote, Report, Shown, direction, headline, is_web_address, modality_words, plural,
};
use super::svg::escape;

/// Kept short and print-friendly: the report is read on screen and printed as an appendix.
const STYLE: &str = "\
body{font:16px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1a1a1a}
h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin:1.2em 0 .2em;font-size:1.05em}
.summary,.facts,.count,.cite{color:#555}.facts,.cite{margin:.2em 0;font-size:.9em}
.modality{margin:.2em 0;font-style:italic}
ol.evidence{padding-left:1.2em}ol.evidence li{margin:.6em 0}
blockquote{margin:0;padding:.3em .8em;background:#f4f4f1;border-left:3px solid #999}blockquote p{margin:0}
mark{background:#ffe08a;color:inherit;font-weight:600}
code{font-size:.9em;word-break:break-all}
@media print{body{margin:0;max-width:none}a{color:inherit}}
";

/// Writes the evidence report on what `map` shows as an HTML page titled `title`.
pub fn write_report_html(map: LaidOut<'_>, title: &str, out: &mut dyn Write) -> io::Result<()> {
    let report = Report::of(map);
    let title = if title.trim().is_empty() {
        "Evidence report"
    } else {
        title
    };
    let mut out = BufWriter::new(out);
    let w = &mut out;
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"en\">")?;
    writeln!(w, "<head>")?;
    writeln!(w, "<meta charset=\"utf-8\">")?;
    writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(w, "<title>{}</title>", escape(title))?;
    writeln!(w, "<style>\n{STYLE}</style>")?;
    writeln!(w, "</head>")?;
    writeln!(w, "<body>")?;
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>{}</h1>", escape(title))?;
    writeln!(w, "<p class=\"summary\">{}</p>", escape(&report.summary()))?;
    writeln!(w, "</header>")?;
    writeln!(w, "<main>")?;
    if report.pairs.is_empty() {
        writeln!(w, "<p>The map shows no interactions.</p>")?;
    }
    for (k, pair) in report.pairs.iter().enumerate() {
        writeln!(w, "<section class=\"pair\" id=\"pair-{}\">", k + 1)?;
        writeln!(
            w,
            "<h2>{} — {}</h2>",
            escape(pair.first),
            escape(pair.second)
        )?;
        writeln!(
            w,
            "<p class=\"count\">{} sentence{}</p>",
            pair.evidence,
            plural(pair.evidence)
        )?;
        for shown in &pair.interactions {
            interaction(w, &report, shown)?;
        }
        writeln!(w, "</section>")?;
    }
    if !report.cited.is_empty() {
        writeln!(w, "<section id=\"articles\">")?;
        writeln!(w, "<h2>Articles cited</h2>")?;
        writeln!(w, "<ol>")?;
        for (k, cited) in report.cited.iter().enumerate() {
            article_entry(w, k, cited)?;
        }
        writeln!(w, "</ol>")?;
        writeln!(w, "</section>")?;
    }
    writeln!(w, "</main>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")?;
    out.flush()
}

/// One interaction: who did what to whom, how, and each sentence that says so.
fn interaction(w: &mut dyn Write, report: &Report<'_>, shown: &Shown<'_>) -> io::Result<()> {
    let it = shown.interaction;
    writeln!(w, "<article class=\"interaction\">")?;
    writeln!(w, "<h3>{}</h3>", escape(&headline(report.corpus, it)))?;
    let mut facts = vec![
        direction(report.corpus, it),
        format!("{} ({})", it.kind.as_str(), it.kind.plover()),
        it.kind.family().as_str().to_string(),
    ];
    if !it.cameo.is_empty() {
        facts.push(format!("CAMEO {}", it.cameo));
    }
    writeln!(w, "<p class=\"facts\">{}</p>", escape(&facts.join(" · ")))?;
    if let Some(words) = modality_words(it.modality) {
        writeln!(w, "<p class=\"modality\">{}</p>", escape(words))?;
    }
    writeln!(w, "<ol class=\"evidence\">")?;
    for e in &it.evidence {
        writeln!(w, "<li>")?;
        match report.cited(&e.article) {
            Some((k, article)) => evidence(w, k, article, e)?,
            None => writeln!(
                w,
                "<p class=\"cite\">The article “{}” is not in the corpus.</p>",
                escape(&e.article)
            )?,
        }
        writeln!(w, "</li>")?;
    }
    writeln!(w, "</ol>")?;
    writeln!(w, "</article>")
}

/// One sentence, its trigger words marked, then where it comes from: the article (a link to its entry
/// in the list of articles), its file or address, who reported it and when.
fn evidence(w: &mut dyn Write, k: usize, article: &Article, e: &Evidence) -> io::Result<()> {
    let quote = Quote::of(article, e);
    if quote.is_empty() {
        writeln!(
            w,
            "<p class=\"cite\">Sentence {} could not be found in the article’s text.</p>",
            e.sentence + 1
        )?;
    } else if quote.trigger.is_empty() {
        writeln!(
            w,
            "<blockquote><p>{}</p></blockquote>",
            escape(quote.before)
        )?;
    } else {
        writeln!(
            w,
            "<blockquote><p>{}<mark>{}</mark>{}</p></blockquote>",
            escape(quote.before),
            escape(quote.trigger),
            escape(quote.after)
        )?;
    }
    let mut cite = vec![format!(
        "<a href=\"#article-{}\">{}</a>",
        k + 1,
        escape(&article.title)
    )];
    cite.extend(MARKUP.citation_tail(article, e));
    writeln!(w, "<p class=\"cite\">— {}</p>", cite.join(" · "))
}

/// An entry of the list of articles cited.
fn article_entry(w: &mut dyn Write, k: usize, cited: &Cited<'_>) -> io::Result<()> {
    let a = cited.article;
    let mut parts = vec![format!("<strong>{}</strong>", escape(&a.title))];
    parts.extend(MARKUP.article_tail(cited));
    writeln!(w, "<li id=\"article-{}\">{}</li>", k + 1, parts.join(" · "))
}

/// This format's escape and source links, for the parts shared with the other format.
const MARKUP: super::report::Markup = super::report::Markup { escape, source };

/// An article's file or web address: a link when it is a web address, else the path as code.
fn source(path: &str) -> String {
    if is_web_address(path) {
        let p = escape(path);
        format!("<a href=\"{p}\">{p}</a>")
    } else {
        format!("<code>{}</code>", escape(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_other_text_is_kept() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script> Тегеран"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt; Тегеран"
        );
    }

    #[test]
    fn a_web_address_is_linked_and_a_file_path_is_not() {
        assert_eq!(
            source("https://example.org/?a=1&b=2"),
            "<a href=\"https://example.org/?a=1&amp;b=2\">https://example.org/?a=1&amp;b=2</a>"
        );
        assert_eq!(
            source("javascript:alert(1)"),
            "<code>javascript:alert(1)</code>"
        );
    }
}
