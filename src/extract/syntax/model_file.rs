//! The syntax model's file (`assets/syntax.model`): the relation names, the network's sizes and its
//! weights, little-endian.
//!
//! Layout: the magic line `actormap-syntax 2\n`; the relation names (count, then length-prefixed UTF-8);
//! the nine sizes of `Dims` (u32 each); the embedding table as 16-bit floats (half the bytes, and the
//! network cannot tell); the other weights as 32-bit floats.

use super::Syntax;
use super::network::{Dims, Network};
use super::tagger::UPOS;

const MAGIC: &[u8] = b"actormap-syntax 2\n";

/// Reads numbers and arrays off the front of a byte slice (this file and the linear models' tables,
/// `weights`).
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
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("four bytes"),
        ))
    }

    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("eight bytes"),
        ))
    }

    pub fn u64s(&mut self, n: usize) -> Result<Vec<u64>, String> {
        let bytes = self.take(n.checked_mul(8).ok_or("a table too large")?)?;
        Ok(bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
            .collect())
    }

    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let bytes = self.take(n.checked_mul(4).ok_or("a table too large")?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("four bytes")))
            .collect())
    }

    pub fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec())
            .map_err(|_| "a name that is not UTF-8".to_string())
    }

    pub fn rest(self) -> &'a [u8] {
        self.bytes
    }
}

/// A 32-bit float as the nearest 16-bit one (ties to even); magnitudes below 2^-14 become zero.
pub fn to_f16(x: f32) -> u16 {
    let b = x.to_bits();
    let sign = (b >> 16) & 0x8000;
    let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
    let mant = b & 0x7f_ffff;
    if exp <= 0 {
        return sign as u16;
    }
    if exp >= 31 {
        return (sign | 0x7bff) as u16;
    }
    let mut h = sign | (exp as u32) << 10 | mant >> 13;
    let rest = mant & 0x1fff;
    if rest > 0x1000 || (rest == 0x1000 && h & 1 == 1) {
        h += 1;
    }
    (h.min(sign | 0x7bff)) as u16
}

pub fn from_f16(h: u16) -> f32 {
    let sign = (h as u32 & 0x8000) << 16;
    let exp = (h >> 10) as u32 & 0x1f;
    let mant = (h & 0x3ff) as u32;
    if exp == 0 {
        return f32::from_bits(sign);
    }
    f32::from_bits(sign | (exp + 127 - 15) << 23 | mant << 13)
}

/// The model's bytes.
pub fn write(model: &Syntax) -> Vec<u8> {
    let net = &model.network;
    let d = net.dims;
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(model.labels().len() as u32).to_le_bytes());
    for l in model.labels() {
        out.extend_from_slice(&(l.len() as u32).to_le_bytes());
        out.extend_from_slice(l.as_bytes());
    }
    for v in [
        d.emb,
        d.hidden,
        d.layers,
        d.window,
        d.arc,
        d.label,
        d.tags,
        d.labels,
        d.table_rows,
    ] {
        out.extend_from_slice(&(v as u32).to_le_bytes());
    }
    out.reserve(net.table.len() * 2 + net.params.len() * 4);
    for &v in &net.table {
        out.extend_from_slice(&to_f16(v).to_le_bytes());
    }
    for &v in &net.params {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// A model from its bytes, or what is wrong with them.
pub fn read(bytes: &[u8]) -> Result<Syntax, String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("not an actormap syntax model (version 2)")?;
    let mut r = Reader::new(rest);
    let n = r.u32()? as usize;
    if n == 0 || n > 1000 {
        return Err(format!("{n} relation names"));
    }
    let labels = (0..n).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
    let mut size = || -> Result<usize, String> {
        let v = r.u32()? as usize;
        if v == 0 || v > 1 << 24 {
            Err(format!("a network size of {v}"))
        } else {
            Ok(v)
        }
    };
    let dims = Dims {
        emb: size()?,
        hidden: size()?,
        layers: size()?,
        window: size()?,
        arc: size()?,
        label: size()?,
        tags: size()?,
        labels: size()?,
        table_rows: size()?,
    };
    if dims.tags != UPOS.len()
        || dims.labels != n
        || dims.layers > 16
        || dims.window.is_multiple_of(2)
        || dims.window > 9
        || dims.emb > 4096
        || dims.hidden > 4096
    {
        return Err(format!(
            "a network that does not fit the tags and relations: {dims:?}"
        ));
    }
    let layout = dims.layout();
    let table_len = dims
        .table_rows
        .checked_mul(dims.emb)
        .ok_or("a table too large")?;
    let table: Vec<f32> = r
        .take(table_len * 2)?
        .chunks_exact(2)
        .map(|c| from_f16(u16::from_le_bytes([c[0], c[1]])))
        .collect();
    let params: Vec<f32> = r
        .take(layout.len * 4)?
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().expect("four bytes")))
        .collect();
    if !r.bytes.is_empty() {
        return Err(format!("{} bytes after the last weight", r.bytes.len()));
    }
    if !params.iter().chain(&table).all(|v| v.is_finite()) {
        return Err("a weight that is not a number".to_string());
    }
    Syntax::new(
        Network {
            dims,
            layout,
            table,
            params,
        },
        labels,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::syntax::network::tests::tiny;

    #[test]
    fn half_floats_round_to_nearest() {
        for x in [0.0f32, 1.0, -2.5, 0.333, 1000.0, -0.0001] {
            let back = from_f16(to_f16(x));
            assert!((back - x).abs() <= x.abs() / 1024.0, "{x} -> {back}");
        }
        assert_eq!(from_f16(to_f16(1e-9)), 0.0);
    }

    #[test]
    fn a_model_reads_back_as_written_and_a_cut_file_is_refused() {
        let mut net = Network::new(
            Dims {
                tags: UPOS.len(),
                ..tiny()
            },
            3,
        );
        net.table
            .iter_mut()
            .enumerate()
            .for_each(|(i, v)| *v = (i % 5) as f32 * 0.25);
        let labels = vec!["nsubj".to_string(), "obj".to_string(), "root".to_string()];
        let model = Syntax::new(net, labels).unwrap();
        let bytes = write(&model);
        assert_eq!(read(&bytes).unwrap(), model);
        assert!(
            read(&bytes[..bytes.len() - 1])
                .unwrap_err()
                .contains("ends early")
        );
        assert!(read(b"something else").is_err());
    }
}
