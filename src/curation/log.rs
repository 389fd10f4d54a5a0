//! The history of corrections with undo and redo.
//!
//! Undo takes the last edit off the log; the map is then `apply(base, log)` again, which is the map as it
//! was before that edit. Redo puts it back. A new edit after an undo clears what could be redone, as in any
//! editor. Only the log is saved in a workspace; what could be redone is not.

use serde::{Deserialize, Serialize};

use super::edit::Edit;

/// The edits made, oldest first, and the edits undone that can be redone. Saved as the list of edits
/// alone.
#[derive(Default, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EditLog {
    pub edits: Vec<Edit>,
    /// Undone edits, the most recently undone last.
    #[serde(skip)]
    redo: Vec<Edit>,
}

impl EditLog {
    /// A log of these edits with nothing to redo.
    pub fn new(edits: Vec<Edit>) -> EditLog {
        EditLog {
            edits,
            redo: Vec::new(),
        }
    }

    /// Records a new edit; what could be redone is forgotten.
    pub fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
        self.redo.clear();
    }

    /// Takes back the last edit and returns it, or `None` when there is none.
    pub fn undo(&mut self) -> Option<Edit> {
        let edit = self.edits.pop()?;
        self.redo.push(edit.clone());
        Some(edit)
    }

    /// Makes the last undone edit again and returns it, or `None` when there is none.
    pub fn redo(&mut self) -> Option<Edit> {
        let edit = self.redo.pop()?;
        self.edits.push(edit.clone());
        Some(edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.edits.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The edit `undo` would take back.
    pub fn last(&self) -> Option<&Edit> {
        self.edits.last()
    }

    /// The edit `redo` would make again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Removes the edit at `index` from the log (a correction the user no longer wants, such as the
    /// delete of an actor to restore); what could be redone is forgotten. `None` when there is no such edit.
    pub fn remove(&mut self, index: usize) -> Option<Edit> {
        if index >= self.edits.len() {
            return None;
        }
        self.redo.clear();
        Some(self.edits.remove(index))
    }

    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    pub fn len(&self) -> usize {
        self.edits.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delete(actor: &str) -> Edit {
        Edit::DeleteActor {
            actor: actor.into(),
        }
    }

    #[test]
    fn undo_then_redo_gives_back_the_same_log() {
        let mut log = EditLog::default();
        log.push(delete("a"));
        log.push(delete("b"));
        let before = log.clone();
        assert_eq!(log.undo(), Some(delete("b")));
        assert!(log.can_redo());
        assert_eq!(log.redo(), Some(delete("b")));
        assert_eq!(log.edits, before.edits);
        assert!(!log.can_redo());
    }

    #[test]
    fn a_new_edit_after_an_undo_forgets_what_could_be_redone() {
        let mut log = EditLog::default();
        log.push(delete("a"));
        log.undo();
        log.push(delete("c"));
        assert!(!log.can_redo());
        assert_eq!(log.redo(), None);
        assert_eq!(log.edits, vec![delete("c")]);
    }

    #[test]
    fn undo_and_redo_on_an_empty_log_do_nothing() {
        let mut log = EditLog::default();
        assert!(!log.can_undo() && !log.can_redo());
        assert_eq!(log.undo(), None);
        assert_eq!(log.redo(), None);
        assert_eq!(log.remove(3), None);
    }

    #[test]
    fn the_redo_list_is_not_saved() {
        let mut log = EditLog::default();
        log.push(delete("a"));
        log.undo();
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(json, "[]");
    }
}
