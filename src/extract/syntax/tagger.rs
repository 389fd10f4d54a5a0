//! The parts of speech the network tells apart: the 17 universal tags of Universal Dependencies, in the
//! order of the network's tag scores.

/// The universal part-of-speech tags, in the network's order.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The class number of a tag name (unknown names read as X).
pub fn upos_id(name: &str) -> u8 {
    UPOS.iter()
        .position(|&t| t == name)
        .unwrap_or(UPOS.len() - 1) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_and_numbers_agree_and_unknown_names_read_as_x() {
        assert_eq!(UPOS[upos_id("PROPN") as usize], "PROPN");
        assert_eq!(UPOS[upos_id("nonsense") as usize], "X");
    }
}
