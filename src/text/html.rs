//! News pages: an HTML document → the article's main text (title, dateline, paragraphs) and the title and
//! publication date its metadata states.
//!
//! The page is parsed by `scraper` (html5ever, the HTML parser of Servo: entities decoded, broken markup
//! repaired as browsers do). The main text is found by a small content-density score in the manner of
//! readability: every paragraph of real prose scores its length to its parent and half of it to its
//! grandparent, and the highest-scoring element (widened to its enclosing `<article>`) holds the article.
//! Navigation, scripts, styles, forms, asides, footers and elements whose class or id says they are ads,
//! comments, sharing buttons or related links are skipped. Each paragraph becomes one line and paragraphs are
//! separated by a blank line, so the sentence splitter sees the breaks. The title and date come from
//! `page_meta`. Not for deciding that a file is HTML (`text::Format`) or for decoding its bytes (`decode`).

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, node::Element};

use super::page_meta::Metadata;
use super::{Page, ReadError};

/// Elements that never hold the article's text.
const SKIPPED_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "textarea", "input", "label", "figure", "object", "embed", "canvas",
    "dialog", "menu",
];

/// Words of a class or id (split at `-`, `_` and spaces) that mark page furniture rather than the article.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "footer",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "popup",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "search",
    "dialog",
];

/// Elements that start a line of their own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "header",
    "table",
    "tr",
    "td",
    "th",
    "address",
    "figcaption",
    "hr",
    "body",
];

/// A paragraph shorter than this (in characters) scores nothing: captions, bylines, buttons.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// Elements nested deeper than this refuse the page before it is parsed: news pages nest a few dozen deep,
/// and the HTML parsing rules take time growing with the square of the depth (40,000 nested `<div>`s, 1 MB,
/// take some 20 seconds).
pub const MAX_NESTING: usize = 5_000;

/// Elements without end tags, or whose end tags may be left out: they add no depth when counting tags.
const UNNESTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rp",
    "rt", "rtc", "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Reads a page. A page with no main text (only navigation, say) is refused.
pub fn read(html: &str) -> Result<Page, ReadError> {
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING {
        return Err(ReadError::NestedTooDeep(MAX_NESTING));
    }
    let doc = Html::parse_document(html);
    let meta = Metadata::of(&doc);
    let container = main_container(&doc).unwrap_or_else(|| doc.root_element());
    let mut blocks = Vec::new();
    collect(container, &mut blocks);
    let blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| b.heading || !b.mostly_links())
        .collect();
    if !blocks.iter().any(|b| !b.heading) {
        return Err(ReadError::NoMainText);
    }
    let title = meta.title();
    let mut lines: Vec<String> = Vec::with_capacity(blocks.len() + 1);
    // The page's heading may sit outside the element that holds the paragraphs: the title comes first.
    if let Some(t) = title.as_ref().or(meta.h1.as_ref())
        && !blocks.iter().take(3).any(|b| b.text == *t)
    {
        lines.push(t.clone());
    }
    lines.extend(blocks.into_iter().map(|b| b.text));
    Ok(Page {
        text: lines.join("\n\n"),
        title,
        date: meta.date(),
    })
}

/// The encoding a page declares in its first kilobyte (`<meta charset="…">` or `content="…; charset=…"`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|&c| c == b'"' || c == b'\'' || c == b' ')
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
        .collect();
    Encoding::for_label(&label)
}

/// How deep the page's elements nest, counted from its tags in one pass (comments, scripts and styles
/// skipped); counting stops past `limit`.
fn nesting_depth(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let find = |from: usize, what: &[u8]| -> usize {
        b.get(from..)
            .and_then(|rest| {
                rest.windows(what.len())
                    .position(|w| w.eq_ignore_ascii_case(what))
            })
            .map_or(b.len(), |at| from + at + what.len())
    };
    while let Some(at) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'<'))
    {
        i += at + 1;
        match b.get(i) {
            Some(b'!') if b[i..].starts_with(b"!--") => i = find(i + 3, b"-->"),
            Some(b'!' | b'?') => i = find(i, b">"),
            Some(b'/') => {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |n| i + 1 + n);
                if !UNNESTED_TAGS.contains(&html[i + 1..end].to_ascii_lowercase().as_str()) {
                    depth = depth.saturating_sub(1);
                }
                i = find(i, b">");
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let end = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |n| i + n);
                let name = html[i..end].to_ascii_lowercase();
                let close = find(end, b">");
                let self_closing = close >= 2 && b.get(close - 2) == Some(&b'/');
                i = close;
                if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
                    i = find(i, format!("</{name}").as_bytes());
                } else if !self_closing && !UNNESTED_TAGS.contains(&name.as_str()) {
                    depth += 1;
                    deepest = deepest.max(depth);
                    if deepest > limit {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    deepest
}

/// Whether a text that came without a telling extension is an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with('<') && (head.contains("<!doctype html") || head.contains("<html"))
}

/// One line of the main text being gathered.
#[derive(Default)]
struct Block {
    raw: String,
    /// Characters other than white space, and how many of them are link text.
    chars: usize,
    link_chars: usize,
    heading: bool,
    text: String,
}

impl Block {
    fn push(&mut self, s: &str, in_link: bool) {
        self.raw.push_str(s);
        let n = s.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += n;
        if in_link {
            self.link_chars += n;
        }
    }

    fn mostly_links(&self) -> bool {
        self.link_chars * 2 > self.chars
    }

    fn flush_into(&mut self, blocks: &mut Vec<Block>) {
        let text = self.raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let heading = self.heading;
        let block = std::mem::take(self);
        if !text.is_empty() {
            blocks.push(Block {
                text,
                heading,
                ..block
            });
        }
    }
}

/// Gathers the text under `root` into blocks, one per paragraph-like element, skipping page furniture.
/// A walk over the tree's open and close edges, not a recursion: a hostile page nests thousands deep.
fn collect(root: ElementRef, blocks: &mut Vec<Block>) {
    let mut current = Block::default();
    let mut open_links = 0usize;
    // The furniture element whose subtree is being skipped.
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if let Some(t) = node.value().as_text() {
                    current.push(t, open_links > 0);
                    continue;
                }
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                let e = el.value();
                if is_furniture(e) {
                    skipping = Some(node.id());
                    continue;
                }
                let name = e.name();
                if name == "br" || BLOCK_TAGS.contains(&name) {
                    current.flush_into(blocks);
                    current.heading = is_heading(name);
                }
                if name == "a" {
                    open_links += 1;
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                let name = el.value().name();
                if BLOCK_TAGS.contains(&name) {
                    current.flush_into(blocks);
                }
                if name == "a" {
                    open_links = open_links.saturating_sub(1);
                }
            }
        }
    }
    current.flush_into(blocks);
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether an element is navigation, an ad, a comment section or the like.
fn is_furniture(e: &Element) -> bool {
    let name = e.name();
    if SKIPPED_TAGS.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("role")
            .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim()))
    {
        return true;
    }
    // A class on the page's frame ("has-sidebar") says nothing about the text inside.
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    [e.attr("class"), e.id()]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| c == '-' || c == '_' || c.is_whitespace()))
        .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether `el` or an element around it is furniture.
pub(super) fn inside_furniture(el: ElementRef) -> bool {
    is_furniture(el.value())
        || el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_furniture(a.value()))
}

/// The element that holds the article's paragraphs: the best-scoring one, widened to its `<article>`.
fn main_container(doc: &Html) -> Option<ElementRef<'_>> {
    let mut scores: Vec<(ElementRef, usize)> = Vec::new();
    fn add<'a>(scores: &mut Vec<(ElementRef<'a>, usize)>, el: ElementRef<'a>, points: usize) {
        if let Some(s) = scores.iter_mut().find(|(e, _)| e.id() == el.id()) {
            s.1 += points;
        } else {
            scores.push((el, points));
        }
    }
    let paragraphs = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| matches!(e.value().name(), "p" | "pre"));
    for p in paragraphs {
        if inside_furniture(p) {
            continue;
        }
        let mut inner = Vec::new();
        collect(p, &mut inner);
        let chars: usize = inner.iter().map(|b| b.chars).sum();
        let links: usize = inner.iter().map(|b| b.link_chars).sum();
        if chars < MIN_PARAGRAPH_CHARS || links * 2 > chars {
            continue;
        }
        let mut up = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = up.next() {
            add(&mut scores, parent, chars);
            if let Some(grandparent) = up.next() {
                add(&mut scores, grandparent, chars / 2);
            }
        }
    }
    let best = scores.into_iter().max_by_key(|(_, s)| *s).map(|(e, _)| e)?;
    let article = std::iter::once(best)
        .chain(best.ancestors().filter_map(ElementRef::wrap))
        .find(|e| e.value().name() == "article");
    Some(article.unwrap_or(best))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Ministers meet in Muscat over shipping lanes | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="article:published_time" content="2023-05-17T08:30:00Z">
<script>var tracker = "Kazakhstan";</script><style>p { color: red }</style>
</head><body class="has-sidebar">
<nav><a href="/">Home</a> <a href="/world">Brazil news</a></nav>
<div class="ad-slot">Buy tickets to Fiji now, prices never lower than today!</div>
<article>
<h1>Ministers meet in Muscat over shipping lanes</h1>
<p class="dateline">MUSCAT, May 17</p>
<p>The foreign ministers of Oman and Portugal met on Wednesday to discuss the safety of shipping lanes.</p>
<p>Both sides said the talks were &ldquo;useful&rdquo; and agreed to meet again &amp; soon.</p>
<div class="share-buttons"><a href="/share">Share on a network that Chile likes</a></div>
</article>
<section id="comments"><p>A reader from Norway wrote that this article was far too short for him.</p></section>
<footer><p>Copyright The Harbour Ledger, all rights reserved in every country.</p></footer>
</body></html>"#;

    #[test]
    fn the_main_text_keeps_title_dateline_and_paragraphs_and_drops_the_furniture() {
        let page = read(PAGE).unwrap();
        assert_eq!(
            page.text,
            "Ministers meet in Muscat over shipping lanes\n\nMUSCAT, May 17\n\n\
             The foreign ministers of Oman and Portugal met on Wednesday to discuss the safety of shipping lanes.\n\n\
             Both sides said the talks were \u{201c}useful\u{201d} and agreed to meet again & soon."
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Ministers meet in Muscat over shipping lanes")
        );
        assert_eq!(page.date.as_deref(), Some("2023-05-17"));
    }

    #[test]
    fn og_title_and_json_ld_date_are_read_when_present() {
        let html = r#"<html><head><meta property="og:title" content="Talks &amp; trade">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-11-03T10:00:00+02:00"}]}</script>
</head><body><div><p>Delegations from Peru and Ghana signed a trade agreement in the capital on Monday.</p></div></body></html>"#;
        let page = read(html).unwrap();
        assert_eq!(page.title.as_deref(), Some("Talks & trade"));
        assert_eq!(page.date.as_deref(), Some("2021-11-03"));
        assert_eq!(
            page.text,
            "Talks & trade\n\nDelegations from Peru and Ghana signed a trade agreement in the capital on Monday."
        );
    }

    #[test]
    fn a_time_element_gives_the_date_and_an_impossible_one_is_ignored() {
        let html = r#"<html><body><time datetime="2020-02-30">then</time><time datetime="2020-02-28">Feb 28</time>
<p>Mongolia and Laos opened a new consulate on Friday after months of talks.</p></body></html>"#;
        assert_eq!(read(html).unwrap().date.as_deref(), Some("2020-02-28"));
    }

    #[test]
    fn nesting_is_counted_from_the_tags_and_a_page_nested_too_deep_is_refused() {
        assert_eq!(nesting_depth(PAGE, 100), 3);
        assert_eq!(
            nesting_depth(
                "<div><p>a<p>b<br><img src=x><span/></div><!-- <div><div> --><div></div>",
                100
            ),
            1
        );
        assert_eq!(
            nesting_depth("<script>if (a<b) { x = '<div>'; }</script><b>x</b>", 100),
            1
        );
        let deep = format!(
            "<html><body>{}<p>Chad and Niger met.</p>{}</body></html>",
            "<div>".repeat(MAX_NESTING + 1),
            "</div>".repeat(MAX_NESTING + 1)
        );
        assert_eq!(read(&deep), Err(ReadError::NestedTooDeep(MAX_NESTING)));
        let deep_enough = deep.replacen("<div>", "", 2).replacen("</div>", "", 2);
        assert_eq!(read(&deep_enough).unwrap().text, "Chad and Niger met.");
    }

    #[test]
    fn a_page_without_main_text_is_refused() {
        let html = "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav>\
                    <script>document.write('Cuba')</script></body></html>";
        assert_eq!(read(html), Err(ReadError::NoMainText));
    }

    #[test]
    fn html_is_recognised_by_its_start_and_its_charset_is_read() {
        assert!(looks_like_html("\n<!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("The <html> tag was discussed."));
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1252\">").map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"
            )
            .map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(declared_charset(b"<html>"), None);
    }
}
