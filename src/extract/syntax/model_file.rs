//! The syntax model's file: the tagger's, parser's and labeller's weights and the relation names, in one
//! little-endian binary file (`assets/syntax.model`), read straight into the lookup tables.
//!
//! Layout: the magic line `actormap-syntax 1\n`; the relation names (count, then length-prefixed UTF-8);
//! the three weight tables (`Weights::write`).

use super::Syntax;
use super::labeler::Labeler;
use super::parser::Parser;
use super::tagger::Tagger;
use super::weights::Weights;

const MAGIC: &[u8] = b"actormap-syntax 1\n";

/// Reads numbers and arrays off the front of a byte slice.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.bytes.len() < n {
            return Err("the file ends early".to_string());
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }

    pub fn u64s(&mut self, n: usize) -> Result<Vec<u64>, String> {
        let bytes = self.take(n.checked_mul(8).ok_or("a table too large")?)?;
        Ok(bytes.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes"))).collect())
    }

    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let bytes = self.take(n.checked_mul(4).ok_or("a table too large")?)?;
        Ok(bytes.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("four bytes"))).collect())
    }

    pub fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "a name that is not UTF-8".to_string())
    }

    pub fn rest(self) -> &'a [u8] {
        self.bytes
    }
}

/// The model's bytes.
pub fn write(model: &Syntax) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(model.labeler.labels.len() as u32).to_le_bytes());
    for l in &model.labeler.labels {
        out.extend_from_slice(&(l.len() as u32).to_le_bytes());
        out.extend_from_slice(l.as_bytes());
    }
    model.tagger.weights.write(&mut out);
    model.parser.weights.write(&mut out);
    model.labeler.weights.write(&mut out);
    out
}

/// A model from its bytes, or what is wrong with them.
pub fn read(bytes: &[u8]) -> Result<Syntax, String> {
    let rest = bytes.strip_prefix(MAGIC).ok_or("not an actormap syntax model (version 1)")?;
    let mut r = Reader::new(rest);
    let n = r.u32()? as usize;
    if n == 0 || n > 64 {
        return Err(format!("{n} relation names"));
    }
    let labels = (0..n).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
    let (tagger, rest) = Weights::read(r.rest())?;
    let (parser, rest) = Weights::read(rest)?;
    let (labeler, rest) = Weights::read(rest)?;
    if !rest.is_empty() {
        return Err(format!("{} bytes after the last table", rest.len()));
    }
    if tagger.classes() != super::tagger::UPOS.len() || parser.classes() != 4 || labeler.classes() != labels.len() {
        return Err("the tables do not fit the tags, moves and relations".to_string());
    }
    Ok(Syntax { tagger: Tagger { weights: tagger }, parser: Parser { weights: parser }, labeler: Labeler { labels, weights: labeler } })
}
