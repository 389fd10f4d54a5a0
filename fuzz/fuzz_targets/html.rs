//! Any bytes as an HTML page: the reader returns the page's main text or a message, never panics; a
//! title is one line of text and a date is a real `YYYY-MM-DD` day.
#![no_main]

use actormap::text::{Format, document_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(page) = document_of(bytes, Some(Format::Html)) else {
        return;
    };
    assert!(!page.text.trim().is_empty(), "a page read has text");
    if let Some(title) = &page.title {
        assert!(!title.contains('\n'), "title {title:?}");
    }
    if let Some(date) = &page.date {
        assert!(
            actormap::text::iso_date(date).as_deref() == Some(date.as_str()),
            "date {date:?}"
        );
    }
});
