//! Any bytes as a corpus file and as a workspace file: the loaders refuse with a message or accept, never
//! panic; an accepted corpus saves to JSON that loads to the same corpus and saves to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(corpus) = actormap::corpus::from_json(text) {
        let saved = actormap::corpus::to_json(&corpus);
        let again = actormap::corpus::from_json(&saved).expect("a saved corpus opens again");
        assert_eq!(actormap::corpus::to_json(&again), saved);
    }
    let _ = actormap::workspace::Workspace::from_json(text);
});
