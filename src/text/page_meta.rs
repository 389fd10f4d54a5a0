//! What a news page states about its article: the title (`og:title`, `<title>` without the site's name,
//! the first `<h1>`) and the publication date (`article:published_time` and similar metadata, JSON-LD
//! `datePublished`, `<time datetime>`). Not for the article's text: that is `html`.

use scraper::{ElementRef, Html};

use super::date::iso_date;
use super::html::inside_furniture;

/// Metadata keys (`property`, `name` or `itemprop`, lower case) that state the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
];

/// What the page's head and markup state about the article.
#[derive(Default)]
pub struct Metadata {
    /// `(key, content)` of each `<meta>`, the key being its `property`, `name` or `itemprop` in lower case.
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    /// The text of the first `<h1>` outside page furniture.
    pub h1: Option<String>,
    /// `datetime` of `<time>` elements, those marked as the publication time first.
    times: Vec<String>,
    json_ld: Vec<serde_json::Value>,
}

impl Metadata {
    pub fn of(doc: &Html) -> Metadata {
        let mut m = Metadata::default();
        let mut marked_times = Vec::new();
        for el in doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let e = el.value();
            match e.name() {
                "meta" => {
                    let key = e
                        .attr("property")
                        .or_else(|| e.attr("name"))
                        .or_else(|| e.attr("itemprop"));
                    if let (Some(k), Some(c)) = (key, e.attr("content")) {
                        m.metas
                            .push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
                    }
                }
                "title" if m.title_tag.is_none() => m.title_tag = text_of(el),
                "h1" if m.h1.is_none() && !inside_furniture(el) => m.h1 = text_of(el),
                "time" => {
                    if let Some(dt) = e.attr("datetime") {
                        if e.attr("pubdate").is_some()
                            || e.attr("itemprop") == Some("datePublished")
                        {
                            marked_times.push(dt.to_string());
                        } else {
                            m.times.push(dt.to_string());
                        }
                    }
                }
                "script" if e.attr("type") == Some("application/ld+json") => {
                    let json: String = el.text().collect();
                    if let Ok(v) = serde_json::from_str(&json) {
                        m.json_ld.push(v);
                    }
                }
                _ => {}
            }
        }
        marked_times.append(&mut m.times);
        m.times = marked_times;
        m
    }

    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, c)| k == key && !c.is_empty())
            .map(|(_, c)| c.as_str())
    }

    /// `og:title`; else `<title>` without its " - Site name" tail when that is one; else the first `<h1>`.
    pub fn title(&self) -> Option<String> {
        let clean = |s: &str| {
            Some(s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty())
        };
        if let Some(t) = self.meta("og:title").and_then(clean) {
            return Some(t);
        }
        if let Some(t) = &self.title_tag {
            return Some(self.without_site_name(t));
        }
        self.h1.clone()
    }

    /// "Talks resume in Muscat | Gulf Courier" → "Talks resume in Muscat", when the tail is the site's name
    /// (`og:site_name`), or the head is the page's heading, or a short tail follows a long head.
    fn without_site_name(&self, title: &str) -> String {
        let site = self
            .meta("og:site_name")
            .or_else(|| self.meta("application-name"));
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "] {
            if let Some(at) = title.rfind(sep) {
                let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
                let words = |s: &str| s.split_whitespace().count();
                let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail))
                    || self.h1.as_deref() == Some(head)
                    || (words(tail) <= 3 && words(head) >= 4);
                if is_site && !head.is_empty() {
                    return head.to_string();
                }
            }
        }
        title.to_string()
    }

    /// The publication date: the metadata's, then JSON-LD's `datePublished`, then a `<time>` element's.
    pub fn date(&self) -> Option<String> {
        DATE_KEYS
            .iter()
            .filter_map(|k| self.meta(k))
            .chain(self.json_ld.iter().filter_map(date_published))
            .chain(self.times.iter().map(String::as_str))
            .find_map(iso_date)
    }
}

/// The first `datePublished` anywhere in a JSON-LD value (objects, `@graph` arrays).
fn date_published(v: &serde_json::Value) -> Option<&str> {
    match v {
        serde_json::Value::Object(o) => o
            .get("datePublished")
            .and_then(|d| d.as_str())
            .or_else(|| o.values().find_map(date_published)),
        serde_json::Value::Array(a) => a.iter().find_map(date_published),
        _ => None,
    }
}

/// The text of an element, white space collapsed; None when empty.
fn text_of(el: ElementRef) -> Option<String> {
    let text = el
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_tail_is_removed_only_when_it_is_the_site_name() {
        let m = Metadata {
            metas: vec![("og:site_name".into(), "Daily Atlas".into())],
            ..Metadata::default()
        };
        assert_eq!(m.without_site_name("Iran - Daily Atlas"), "Iran");
        assert_eq!(
            m.without_site_name("Iran - Pakistan talks"),
            "Iran - Pakistan talks"
        );
    }
}
