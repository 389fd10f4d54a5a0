//! The recovery copy: the session saved now and then while the user works, so that after a crash the app can
//! offer to restore it.
//!
//! It lives at `recovery.actormap` in actormap's data folder: `$ACTORMAP_RECOVERY_DIR` when set (tests, or
//! a user who wants it elsewhere), else `$XDG_DATA_HOME/actormap`, else `~/.local/share/actormap` (on
//! Windows, under `%USERPROFILE%`). `take_recovery` leaves the file in place: it goes only with
//! `discard_recovery`, once the user has declined it or saved the session, so a second crash before that
//! loses nothing.
//!
//! Each function has a twin taking the folder explicitly, which the tests use instead of changing the
//! process's environment.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::Workspace;

/// The recovery file's name inside its folder.
const FILE_NAME: &str = "recovery.actormap";

/// The folder of the recovery file, from the environment.
pub fn recovery_dir() -> PathBuf {
    dir_from(
        std::env::var_os("ACTORMAP_RECOVERY_DIR"),
        std::env::var_os("XDG_DATA_HOME"),
        std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")),
    )
}

/// The recovery file.
pub fn recovery_path() -> PathBuf {
    recovery_dir().join(FILE_NAME)
}

/// Saves `workspace` as the recovery copy, creating the folder when needed.
pub fn save_recovery(workspace: &Workspace) -> Result<(), String> {
    save_in(&recovery_dir(), workspace)
}

/// The recovery copy, if there is one that can be read. The file stays until `discard_recovery`.
pub fn take_recovery() -> Option<Workspace> {
    take_from(&recovery_dir())
}

/// Deletes the recovery copy; no copy is no error.
pub fn discard_recovery() -> Result<(), String> {
    discard_in(&recovery_dir())
}

/// The folder given `ACTORMAP_RECOVERY_DIR`, `XDG_DATA_HOME` and the home folder. An empty or relative
/// `XDG_DATA_HOME` is ignored, as the XDG specification says; without a home, the system's temporary
/// folder stands in.
fn dir_from(
    override_dir: Option<OsString>,
    xdg_data_home: Option<OsString>,
    home: Option<OsString>,
) -> PathBuf {
    if let Some(dir) = override_dir.filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(data) = xdg_data_home.map(PathBuf::from).filter(|d| d.is_absolute()) {
        return data.join("actormap");
    }
    match home.filter(|h| !h.is_empty()) {
        Some(home) => PathBuf::from(home).join(".local/share/actormap"),
        None => std::env::temp_dir().join("actormap"),
    }
}

fn save_in(dir: &Path, workspace: &Workspace) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "could not keep a recovery copy: the folder {} cannot be created ({e})",
            dir.display()
        )
    })?;
    workspace.save(&dir.join(FILE_NAME))
}

fn take_from(dir: &Path) -> Option<Workspace> {
    let path = dir.join(FILE_NAME);
    path.is_file()
        .then(|| Workspace::load(&path).ok())
        .flatten()
}

fn discard_in(dir: &Path) -> Result<(), String> {
    let path = dir.join(FILE_NAME);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!(
            "could not delete the recovery copy {}: {e}",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of its own for each test (tests run in parallel).
    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("actormap-recovery-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn the_override_wins_then_xdg_then_home() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(
            dir_from(some("/tmp/r"), some("/data"), some("/home/me")),
            PathBuf::from("/tmp/r")
        );
        assert_eq!(
            dir_from(None, some("/data"), some("/home/me")),
            PathBuf::from("/data/actormap")
        );
        assert_eq!(
            dir_from(some(""), some("relative"), some("/home/me")),
            PathBuf::from("/home/me/.local/share/actormap"),
            "an empty override and a relative XDG_DATA_HOME are ignored"
        );
        assert_eq!(
            dir_from(None, None, None),
            std::env::temp_dir().join("actormap")
        );
    }

    #[test]
    fn a_saved_recovery_copy_is_taken_back_until_discarded() {
        let dir = temp_dir("round-trip").join("nested");
        assert_eq!(take_from(&dir), None, "no copy yet");
        let mut workspace = Workspace::new(crate::corpus::Corpus::default());
        workspace.positions.insert("IRN".into(), [1.5, -2.0]);
        save_in(&dir, &workspace).unwrap();
        assert_eq!(take_from(&dir), Some(workspace.clone()));
        assert_eq!(
            take_from(&dir),
            Some(workspace),
            "taking it leaves it in place"
        );
        discard_in(&dir).unwrap();
        assert_eq!(take_from(&dir), None);
        discard_in(&dir).expect("discarding nothing is no error");
        let _ = std::fs::remove_dir_all(dir.parent().unwrap_or(&dir));
    }

    #[test]
    fn a_damaged_recovery_copy_is_not_offered() {
        let dir = temp_dir("damaged");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(FILE_NAME), "{ half a fi").unwrap();
        assert_eq!(take_from(&dir), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
