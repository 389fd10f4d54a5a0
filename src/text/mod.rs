//! Reading article files into text: bytes on disk → the exact text the offsets of the corpus refer to.
//!
//! Only a leading byte-order mark is removed; line endings and everything else stay as they are. Files that
//! are not text are refused with a reason the user can act on. (Legacy encodings, HTML and PDF come later.)

use std::fmt;
use std::path::Path;

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The operating system refused (missing file, no permission, a folder where a file was expected).
    Io(String),
    /// The file holds nothing but white space.
    Empty,
    /// The file holds bytes no text file has (NUL bytes, say): an image, an archive, a program.
    Binary,
    /// The file is not UTF-8 (byte offset of the first bad byte).
    NotUtf8(usize),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::Binary => write!(f, "it is not a text file (it holds binary data)"),
            ReadError::NotUtf8(at) => {
                write!(
                    f,
                    "it is not UTF-8 text (byte {at} is invalid); save it as UTF-8 and open it again"
                )
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads `path` as article text.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    decode(&read_bytes(path)?)
}

/// Reads the bytes of `path`, with a reason a user can act on when that fails.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|e| ReadError::Io(io_reason(&e, path)))
}

/// Bytes → article text: UTF-8, a leading BOM removed, binary refused.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(64 * 1024).any(|&b| b == 0) {
        return Err(ReadError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text.to_string())
}

fn io_reason(e: &std::io::Error, path: &Path) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if path.is_dir() => "it is a folder; use Open folder… for folders".to_string(),
        _ => e.to_string(),
    }
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
    fn binary_empty_and_non_utf8_files_are_refused_with_reasons() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ReadError::Binary)
        );
        assert_eq!(decode(b"  \n\t "), Err(ReadError::Empty));
        assert_eq!(decode(b"caf\xe9 au lait"), Err(ReadError::NotUtf8(3)));
    }

    #[test]
    fn a_missing_file_says_so() {
        let err = read_text(Path::new("/definitely/not/here.txt")).unwrap_err();
        assert_eq!(err.to_string(), "there is no such file");
    }
}
