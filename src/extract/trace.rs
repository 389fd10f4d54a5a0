//! A reading trace for people tuning the extractor: with `ACTORMAP_TRACE=1` set, every sentence's actor
//! phrases, triggers and the interactions read from them are written to stderr, so one can see why an
//! edge exists or is missing. Off by default; the check is made once per process.

use std::sync::OnceLock;

/// Whether the trace is on (`ACTORMAP_TRACE` set in the environment).
pub fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ACTORMAP_TRACE").is_some())
}
