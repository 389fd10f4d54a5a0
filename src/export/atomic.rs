//! Saving a file so that it is either the old file or the whole new one, never half of either.
//!
//! The new content goes to a hidden temporary file in the same folder (`.NAME.XXXXXX.tmp`), which is
//! flushed and synced to disk and only then renamed over the file; on Unix the folder is synced too, so
//! the rename survives a power cut. A crash, a kill or a full disk during the save leaves the previous
//! file as it was (and at worst a stray temporary file); a save that fails removes its temporary file.
//!
//! Every save actormap makes goes through here: corpus files, pictures, models. This module knows
//! nothing about what is being saved, only how to put bytes in place safely.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// The step of a save that failed; it decides what the message tells the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Making the temporary file in the destination's folder.
    Create,
    /// Writing the content, flushing it, or syncing it to disk.
    Write,
    /// Renaming the temporary file over the destination.
    Replace,
    /// Syncing the folder after the rename.
    SyncFolder,
}

/// Why a file could not be saved. The previous file, if there was one, is unchanged (except after a
/// failed `SyncFolder` step, where the new file is in place but may not survive a power cut).
#[derive(Debug)]
pub struct SaveError {
    path: PathBuf,
    step: Step,
    source: io::Error,
}

impl SaveError {
    /// The file that was being saved, as the caller named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The kind of the underlying I/O error (`StorageFull`, `PermissionDenied`, …).
    pub fn kind(&self) -> ErrorKind {
        self.source.kind()
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.path.display();
        let folder = folder_of(&self.path).display();
        write!(f, "could not save {file}: ")?;
        match (self.source.kind(), self.step) {
            (_, Step::SyncFolder) => write!(
                f,
                "the file was written, but the system could not confirm that it is safely on disk \
                 ({}) — save again",
                self.source
            ),
            (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _) => {
                f.write_str("the disk is full — free some space and save again")
            }
            (ErrorKind::FileTooLarge, _) => write!(
                f,
                "the file is larger than that disk's file system allows — save it to another disk"
            ),
            (ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem, _) => write!(
                f,
                "actormap may not write in the folder {folder} — choose another folder"
            ),
            (ErrorKind::NotFound | ErrorKind::NotADirectory, Step::Create) => write!(
                f,
                "the folder {folder} does not exist — choose an existing folder, or create it first"
            ),
            (ErrorKind::IsADirectory | ErrorKind::DirectoryNotEmpty, Step::Replace) => {
                f.write_str("that name belongs to a folder — choose a file name")
            }
            _ => write!(
                f,
                "{} — the previous version, if any, is unchanged; check the disk and save again",
                self.source
            ),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Saves what `write` writes at `path`, atomically: `path` holds either its previous content or all of
/// the new content, whatever happens during the save. `write` gets a buffered writer into a temporary file
/// beside `path`; an error it returns abandons the save. The permissions of an existing file are kept
/// (best effort); a new file gets the usual ones (as `File::create` would give it).
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |step| {
        move |source| SaveError {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    // Saving through a symbolic link replaces the file it points to, not the link.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    let folder = folder_of(&target);
    let previous = fs::metadata(&target).ok().filter(|m| m.is_file());

    let mut temp = temporary_file(&target, folder).map_err(fail(Step::Create))?;
    if let Some(previous) = &previous {
        // Best effort: a file we cannot give the old mode to is still worth saving.
        let _ = temp.as_file().set_permissions(previous.permissions());
    }
    // From here on, an early return drops `temp`, which deletes the temporary file.
    {
        let mut out = BufWriter::new(temp.as_file_mut());
        write(&mut out).map_err(fail(Step::Write))?;
        out.flush().map_err(fail(Step::Write))?;
    }
    temp.as_file().sync_all().map_err(fail(Step::Write))?;
    temp.persist(&target)
        .map_err(|e| fail(Step::Replace)(e.error))?;
    sync_folder(folder).map_err(fail(Step::SyncFolder))
}

/// `write_atomic` for content already in memory.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic(path, |out| out.write_all(bytes))
}

/// The folder a file lives in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A new, empty hidden file in `folder`, named after `target` so that a stray one left by a crash says
/// what it was.
fn temporary_file(target: &Path, folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile's default is owner-only (0600); a saved file should be as readable as one made by
    // `File::create` (0666 less the umask).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(folder)
}

/// Makes a rename in `folder` durable (Unix; elsewhere the rename itself is all there is).
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        // Some file systems cannot sync a folder at all (EINVAL): nothing more can be done there.
        match File::open(folder)?.sync_all() {
            Err(e) if e.kind() == ErrorKind::InvalidInput => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `folder` other than `keep`.
    fn others(folder: &Path, keep: &str) -> Vec<String> {
        fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != keep)
            .collect()
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.json");
        fs::write(&path, "old content").unwrap();
        let err = write_atomic(&path, |out| {
            out.write_all(&[b'x'; 100_000])?;
            Err(io::Error::other("the encoder gave up"))
        })
        .unwrap_err();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old content");
        assert_eq!(others(dir.path(), "corpus.json"), Vec::<String>::new());
        let message = err.to_string();
        assert!(
            message.contains(&path.display().to_string()) && message.contains("unchanged"),
            "{message}"
        );
    }

    #[test]
    fn a_successful_write_replaces_the_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        fs::write(&path, "a much longer old content than the new one").unwrap();
        write_bytes_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(others(dir.path(), "map.png"), Vec::<String>::new());
    }

    #[test]
    fn saving_into_a_missing_folder_names_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("no-such-folder");
        let err = write_bytes_atomic(&folder.join("corpus.json"), b"{}").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        let message = err.to_string();
        assert!(
            message.contains(&format!("the folder {} does not exist", folder.display())),
            "{message}"
        );
    }

    #[test]
    fn saving_over_a_folder_is_refused_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("reports");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("inside.txt"), "kept").unwrap();
        let err = write_bytes_atomic(&folder, b"{}").unwrap_err();
        assert!(err.to_string().contains("choose a file name"), "{err}");
        assert_eq!(
            fs::read_to_string(folder.join("inside.txt")).unwrap(),
            "kept"
        );
        assert_eq!(others(dir.path(), "reports"), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("syntax.model");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_bytes_atomic(&path, b"new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_replaces_the_linked_file_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_bytes_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn the_disk_full_message_says_what_to_do() {
        let err = SaveError {
            path: PathBuf::from("/data/corpus.json"),
            step: Step::Write,
            source: io::Error::from(ErrorKind::StorageFull),
        };
        assert_eq!(
            err.to_string(),
            "could not save /data/corpus.json: the disk is full — free some space and save again"
        );
    }

    #[test]
    fn a_denied_folder_asks_for_another_folder() {
        let err = SaveError {
            path: PathBuf::from("/etc/corpus.json"),
            step: Step::Create,
            source: io::Error::from(ErrorKind::PermissionDenied),
        };
        assert!(
            err.to_string()
                .ends_with("may not write in the folder /etc — choose another folder"),
            "{err}"
        );
    }
}
