//! PDF press releases: the text layer of a PDF, and the title and creation date its document information
//! states.
//!
//! The text comes from `pdf-extract`, which lays out the characters each page draws; its reader panics on
//! some malformed files, so every call into it is caught and a broken file becomes an error about that file.
//! A PDF that draws no characters (a scanned document: pictures of pages) has no text to read. Not for OCR.

use pdf_extract::{Document, Object};

use super::date::iso_date;
use super::{Page, ReadError};

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<Page, ReadError> {
    let text = quietly(|| pdf_extract::extract_text_from_mem(bytes))
        .ok_or_else(|| ReadError::BrokenPdf("the PDF reader failed on it".to_string()))?
        .map_err(|e| ReadError::BrokenPdf(e.to_string()))?;
    let text = tidy(&text);
    if text.trim().is_empty() {
        return Err(ReadError::NoTextLayer);
    }
    let info = quietly(|| Document::load_mem(bytes).ok().map(|d| info_of(&d))).flatten();
    let (title, date) = info.unwrap_or_default();
    Ok(Page { text, title, date })
}

/// Runs `f`, a call into the PDF reader, turning a panic into None.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// The text as laid out, with trailing spaces removed and runs of blank lines made one blank line (the
/// paragraph break the sentence splitter sees).
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// The `Title` and `CreationDate` (as `YYYY-MM-DD`) of the document information, when stated.
fn info_of(doc: &Document) -> (Option<String>, Option<String>) {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        })
        .and_then(|o| o.as_dict().ok());
    let Some(info) = info else {
        return (None, None);
    };
    let string = |key: &[u8]| match info.get(key) {
        Ok(Object::String(bytes, _)) => Some(text_string(bytes)),
        _ => None,
    };
    let title = string(b"Title")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let date = string(b"CreationDate").and_then(|d| iso_date(&d));
    (title, date)
}

/// A PDF text string: UTF-16BE after a byte-order mark, PDFDocEncoding (Latin-1 in its printable range)
/// otherwise.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(b"\xFE\xFF") {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_become_one_paragraph_break_and_trailing_spaces_go() {
        assert_eq!(
            tidy("\n\nTalks resume   \nin Lima.\n\n\n\nA second paragraph.  \n"),
            "Talks resume\nin Lima.\n\nA second paragraph."
        );
    }

    #[test]
    fn pdf_text_strings_are_decoded_in_both_encodings() {
        assert_eq!(text_string(b"Caf\xe9 talks"), "Caf\u{e9} talks");
        assert_eq!(text_string(b"\xFE\xFF\x00O\x00m\x00a\x00n"), "Oman");
    }

    #[test]
    fn a_broken_pdf_is_an_error_not_a_panic() {
        let err = read(
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF",
        )
        .unwrap_err();
        assert!(matches!(err, ReadError::BrokenPdf(_)), "{err:?}");
    }
}
