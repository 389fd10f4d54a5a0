//! Bytes → text: which character encoding a file is in, and its text as UTF-8.
//!
//! UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are recognised exactly;
//! bytes that are not valid UTF-8 are taken to be in a legacy encoding (Windows-1252, Latin-1, the other
//! single-byte code pages, the East Asian ones), which an HTML page may declare and which is otherwise
//! guessed by chardetng (Firefox's detector) and decoded by encoding_rs. Only the byte-order mark is
//! removed; line endings stay as they are. Not for deciding what kind of document the text is (HTML, PDF).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::ReadError;

/// A file's text and the encoding it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `windows-1252`, … (Latin-1 is read as its
    /// superset windows-1252, as browsers do).
    pub encoding: &'static Encoding,
}

/// Decodes `bytes`. A byte-order mark decides; then valid UTF-8 stays UTF-8; then `declared` (an HTML page's
/// `charset`) when there is one; then chardetng's guess. A NUL byte anywhere outside UTF-16 means binary.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, ReadError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if encoding != UTF_8 && text.contains('\0') {
            return Err(ReadError::Binary);
        }
        if encoding == UTF_8 && bytes.contains(&0) {
            return Err(ReadError::Binary);
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
        });
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8,
        });
    }
    // UTF-16 without a byte-order mark has NUL bytes in any Latin text and was refused above; a declared
    // UTF-8 or UTF-16 that is not valid is a wrong declaration, so the bytes are guessed instead.
    let encoding = declared
        .filter(|e| ![UTF_8, UTF_16LE, UTF_16BE].contains(e))
        .unwrap_or_else(|| {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Deny)
        });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (String, &'static str) {
        let d = decode(bytes, None).unwrap();
        (d.text, d.encoding.name())
    }

    #[test]
    fn utf8_with_or_without_a_bom_keeps_crlf() {
        assert_eq!(
            read(b"\xEF\xBB\xBFIran.\r\nPakistan."),
            ("Iran.\r\nPakistan.".to_string(), "UTF-8")
        );
        assert_eq!(
            read("Caf\u{e9} talks.".as_bytes()),
            ("Caf\u{e9} talks.".to_string(), "UTF-8")
        );
    }

    #[test]
    fn utf16_with_a_bom_is_read_in_either_byte_order() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Oman.\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Oman.\r\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read(&le), ("Oman.\r\n".to_string(), "UTF-16LE"));
        assert_eq!(read(&be), ("Oman.\r\n".to_string(), "UTF-16BE"));
    }

    #[test]
    fn a_legacy_single_byte_file_is_detected_and_decoded() {
        let bytes = b"\x93The caf\xe9 was closed,\x94 the minister said on Tuesday in the capital.";
        assert_eq!(
            read(bytes),
            (
                "\u{201c}The caf\u{e9} was closed,\u{201d} the minister said on Tuesday in the capital."
                    .to_string(),
                "windows-1252"
            )
        );
    }

    #[test]
    fn a_declared_charset_is_used_for_bytes_that_are_not_utf8() {
        let bytes = b"Gda\xf1sk port";
        let d = decode(bytes, Encoding::for_label(b"iso-8859-2")).unwrap();
        assert_eq!(d.text, "Gda\u{144}sk port");
        assert_eq!(d.encoding.name(), "ISO-8859-2");
    }

    #[test]
    fn a_nul_byte_anywhere_outside_utf16_means_binary() {
        let mut bytes = vec![b'a'; 200 * 1024];
        bytes.push(0);
        assert_eq!(decode(&bytes, None), Err(ReadError::Binary));
        assert_eq!(decode(b"\xEF\xBB\xBFtext\0", None), Err(ReadError::Binary));
        assert_eq!(decode(b"\xFF\xFEa\0\0\0", None), Err(ReadError::Binary));
    }
}
