//! Getting a file's bytes safely: only regular files, and only up to a size limit.
//!
//! The path is examined before it is opened, because opening a named pipe waits for a writer forever and a
//! device such as `/dev/zero` never ends; it is opened without waiting and what was opened is examined
//! again, so a path swapped for a pipe in between is refused too. The limit is checked twice: against the size the file system
//! reports, and while reading (a file that grows while it is read is caught too). Not for decoding the
//! bytes: that is `decode`.

use std::io::Read;
use std::path::Path;

use super::ReadError;

/// The largest file actormap reads: 512 MiB. News articles, pages and press releases are a few hundred
/// kilobytes at most; anything far larger is not an article, and reading it whole would take the memory of
/// the machine (the text is held several times over during extraction).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads the bytes of `path`, a regular file of at most [`MAX_FILE_BYTES`], with a reason a user can act on
/// when that fails.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bytes_within(path, MAX_FILE_BYTES)
}

/// [`read_bytes`] with the limit given (tests use a small one).
pub(crate) fn read_bytes_within(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(special_kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = open_without_waiting(path).map_err(|e| ReadError::Io(io_reason(&e)))?;
    // What was opened is checked again: the path may have been swapped for something else since.
    let meta = file.metadata().map_err(|e| ReadError::Io(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(special_kind(&meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Grew { limit });
    }
    Ok(bytes)
}

/// Opens `path` for reading without waiting: a named pipe opens at once (and is then refused) instead of
/// blocking until a writer comes; for a regular file the flag changes nothing.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// What a path that is neither a file nor a folder is, in the user's words.
#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// A size in the unit a user reads it in: bytes, KiB, MiB or GiB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    if size.fract() == 0.0 {
        format!("{size:.0} {}", UNITS[unit])
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_opens_without_waiting_and_is_seen_for_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // With no writer, a plain open would block here for ever.
        let file = open_without_waiting(&fifo).unwrap();
        let kind = file.metadata().unwrap().file_type();
        assert_eq!(special_kind(&kind), "a named pipe");
    }

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Iran and Pakistan.").unwrap();
        assert_eq!(read_bytes_within(&path, 18).unwrap(), b"Iran and Pakistan.");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_naming_size_and_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 3000]).unwrap();
        let err = read_bytes_within(&path, 2048).unwrap_err();
        assert_eq!(
            err,
            ReadError::TooLarge {
                size: 3000,
                limit: 2048
            }
        );
        assert_eq!(
            err.to_string(),
            "it is 2.9 KiB, more than the 2 KiB actormap reads; split it or open the articles it holds"
        );
    }

    #[test]
    fn folders_devices_and_missing_files_are_refused_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_bytes(dir.path()), Err(ReadError::Folder));
        assert_eq!(
            read_bytes(&dir.path().join("missing.txt")),
            Err(ReadError::Io("there is no such file".to_string()))
        );
        #[cfg(unix)]
        assert_eq!(
            read_bytes(Path::new("/dev/zero")),
            Err(ReadError::NotRegular("a device"))
        );
    }

    #[test]
    fn sizes_are_written_in_the_unit_a_user_reads() {
        assert_eq!(human_size(900), "900 bytes");
        assert_eq!(human_size(MAX_FILE_BYTES), "512 MiB");
        assert_eq!(human_size(MAX_FILE_BYTES + 100 * 1024 * 1024), "612 MiB");
        assert_eq!(human_size(3 * 1024 * 1024 * 1024 / 2), "1.5 GiB");
    }
}
