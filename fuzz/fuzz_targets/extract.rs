//! Any bytes, read as a plain-text or HTML article the way a file is (decoding, the page's main text,
//! then extraction; PDFs are left out: their text layer is the PDF crate's): nothing panics, and the
//! corpus made passes the corpus loader's checks (every sentence, mention and evidence span inside the
//! text, on character boundaries, inside its sentence; no self-loop, no empty evidence), so it would
//! open again as saved.
#![no_main]

use actormap::extract::Extractor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if bytes.starts_with(b"%PDF-") {
        return;
    }
    let Ok(document) = actormap::text::document_of(bytes, None) else {
        return;
    };
    let corpus = Extractor::bundled().extract_dated("fuzz.txt", &document.text, document.date.as_deref());
    let saved = actormap::corpus::to_json(&corpus);
    if let Err(e) = actormap::corpus::from_json(&saved) {
        panic!("the extractor made a corpus its own loader refuses: {e}");
    }
});
