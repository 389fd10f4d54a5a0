//! Reading article files into text: bytes on disk → the exact text the offsets of the corpus refer to.
//!
//! Plain text in UTF-8, UTF-16 or a legacy encoding (`decode`), the main text of an HTML news page (`html`)
//! and the text layer of a PDF (`pdf`), each with the title and date the document itself states. Only
//! regular files up to [`MAX_FILE_BYTES`] are read (`file`). For plain text only a leading byte-order mark
//! is removed; line endings and everything else stay as they are. Files that are not text are refused with
//! a reason the user can act on. Not for finding actors in the text: that is `extract`.

mod date;
mod decode;
mod file;
mod html;
mod page_meta;
mod pdf;

use std::fmt;
use std::path::Path;

pub use date::iso_date;
pub use file::{MAX_FILE_BYTES, read_bytes};

/// What kind of document a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (Markdown included: it is read as written).
    Text,
    /// An HTML page, of which the main text is read.
    Html,
    /// A PDF, of which the text layer is read.
    Pdf,
}

impl Format {
    /// The name recorded on the article: `text`, `html`, `pdf`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file's extension names, if it names one.
    pub fn of_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// An article file as read: the text extraction works on, and what the file states about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The text: a plain-text file's content decoded, a page's main text, a PDF's text layer.
    pub text: String,
    /// The title the document states (an HTML page's `og:title` or `<title>`, a PDF's `Title`).
    pub title: Option<String>,
    /// The publication date the document states, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The character encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, …); None
    /// for a PDF, whose text comes from its fonts.
    pub encoding: Option<String>,
    pub format: Format,
}

/// What a structured format (HTML, PDF) yields: its text and what its metadata says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The operating system refused (missing file, no permission).
    Io(String),
    /// A folder where a file was expected.
    Folder,
    /// Neither a file nor a folder: a named pipe, a device, a socket (what it is).
    NotRegular(&'static str),
    /// Larger than the limit (both in bytes).
    TooLarge { size: u64, limit: u64 },
    /// Grew past the limit while it was read.
    Grew { limit: u64 },
    /// The file holds nothing but white space.
    Empty,
    /// The file holds bytes no text file has (NUL bytes, say): an image, an archive, a program.
    Binary,
    /// An HTML page with no article text.
    NoMainText,
    /// An HTML page whose elements nest deeper than the limit (the limit).
    NestedTooDeep(usize),
    /// A PDF without a text layer.
    NoTextLayer,
    /// A PDF that could not be read (what the reader said).
    BrokenPdf(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use file::human_size;
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Folder => write!(f, "it is a folder; use Open folder… for folders"),
            ReadError::NotRegular(kind) => write!(
                f,
                "it is not a regular file (it is {kind}); save the articles in a file and open that"
            ),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "it is {}, more than the {} actormap reads; split it or open the articles it holds",
                human_size(*size),
                human_size(*limit)
            ),
            ReadError::Grew { limit } => write!(
                f,
                "it grew past the {} actormap reads while it was being read",
                human_size(*limit)
            ),
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::Binary => write!(f, "it is not a text file (it holds binary data)"),
            ReadError::NoMainText => write!(
                f,
                "it is an HTML page without article text (only navigation, scripts or forms)"
            ),
            ReadError::NestedTooDeep(limit) => write!(
                f,
                "it is an HTML page whose elements nest more than {limit} deep (news pages nest a few dozen); \
                 it is not read"
            ),
            ReadError::NoTextLayer => write!(
                f,
                "this PDF has no text layer (a scanned document?); run OCR on it first"
            ),
            ReadError::BrokenPdf(why) => write!(f, "it is not a readable PDF ({why})"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `path` as an article: its format from its extension or, failing that, its content.
pub fn read_document(path: &Path) -> Result<Document, ReadError> {
    document_of(&read_bytes(path)?, Format::of_extension(path))
}

/// Reads `path` as article text (the text of [`read_document`]).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    read_document(path).map(|d| d.text)
}

/// A file's bytes → the article document. `named` is the format the file's name says; a PDF is also known
/// by its `%PDF-` header and an HTML page by its start (`<!DOCTYPE html>`, `<html>`).
pub fn document_of(bytes: &[u8], named: Option<Format>) -> Result<Document, ReadError> {
    if named == Some(Format::Pdf) || bytes.starts_with(b"%PDF-") {
        if bytes.is_empty() {
            return Err(ReadError::Empty);
        }
        let page = pdf::read(bytes)?;
        return Ok(Document {
            text: page.text,
            title: page.title,
            date: page.date,
            encoding: None,
            format: Format::Pdf,
        });
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let html_named = named == Some(Format::Html) || html::looks_like_html(&head);
    let declared = if html_named {
        html::declared_charset(bytes)
    } else {
        None
    };
    let decoded = decode::decode(bytes, declared)?;
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let encoding = Some(decoded.encoding.name().to_string());
    if html_named || html::looks_like_html(&decoded.text) {
        let page = html::read(&decoded.text)?;
        return Ok(Document {
            text: page.text,
            title: page.title,
            date: page.date,
            encoding,
            format: Format::Html,
        });
    }
    Ok(Document {
        text: decoded.text,
        title: None,
        date: None,
        encoding,
        format: Format::Text,
    })
}

/// Bytes → text in any encoding `decode` knows (a byte-order mark removed); binary and empty refused.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let text = decode::decode(bytes, None)?.text;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_bom_is_removed_and_crlf_is_kept() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFIran.\r\nPakistan.").unwrap(),
            "Iran.\r\nPakistan."
        );
    }

    #[test]
    fn binary_and_empty_files_are_refused_and_latin1_is_read() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ReadError::Binary)
        );
        assert_eq!(decode(b"  \n\t "), Err(ReadError::Empty));
        assert_eq!(decode(b"caf\xe9 au lait").unwrap(), "caf\u{e9} au lait");
    }

    #[test]
    fn a_missing_file_says_so() {
        let err = read_text(Path::new("/definitely/not/here.txt")).unwrap_err();
        assert_eq!(err.to_string(), "there is no such file");
    }

    #[test]
    fn the_format_comes_from_the_name_or_else_from_the_content() {
        let page = b"<!DOCTYPE html><html><body><p>Envoys of Chile and Kenya met in Geneva on Monday.</p></body></html>";
        let named_text = document_of(page, Some(Format::Text)).unwrap();
        assert_eq!(named_text.format, Format::Html);
        assert_eq!(
            named_text.text,
            "Envoys of Chile and Kenya met in Geneva on Monday."
        );
        let plain = document_of(b"Envoys met.", None).unwrap();
        assert_eq!(plain.format, Format::Text);
        assert_eq!(plain.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(
            Format::of_extension(Path::new("a/Page.XHTML")),
            Some(Format::Html)
        );
        assert_eq!(Format::of_extension(Path::new("a.docx")), None);
    }

    #[test]
    fn an_empty_html_or_pdf_file_is_empty() {
        assert_eq!(document_of(b"", Some(Format::Html)), Err(ReadError::Empty));
        assert_eq!(document_of(b"", Some(Format::Pdf)), Err(ReadError::Empty));
    }
}
