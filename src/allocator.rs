//! The global allocator of the binary and the benchmarks: mimalloc, asked for plain blocks whenever the
//! alignment allows. Extraction makes many small, short-lived allocations (phrases, candidates,
//! evidence); mimalloc serves them markedly faster than the system allocator.
//!
//! The `mimalloc` crate's own `MiMalloc` asks for an aligned block on every call, which takes mimalloc's
//! slower aligned path even for the byte and word alignments of nearly every Rust value; this one takes
//! the plain path for those, as mimalloc guarantees word alignment for every block.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// mimalloc returns every block aligned to at least a machine word.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// Install with `#[global_allocator] static ALLOCATOR: actormap::allocator::Allocator = actormap::allocator::Allocator;`.
pub struct Allocator;

// SAFETY: every call forwards to mimalloc, which returns null on failure and blocks of at least the size
// asked; blocks from the plain calls are word-aligned, so they serve any layout of at most that
// alignment, and mimalloc's `mi_free` releases blocks from either kind of call.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi_malloc(layout.size()) as *mut u8
            } else {
                mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi_zalloc(layout.size()) as *mut u8
            } else {
                mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi_free(ptr as *mut c_void) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_and_size_asked_and_keep_their_bytes_when_grown() {
        let a = Allocator;
        for (size, align) in [(1, 1), (3, 2), (8, 8), (24, 8), (64, 32), (4096, 4096)] {
            let layout = Layout::from_size_align(size, align).unwrap();
            unsafe {
                let p = a.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "alignment {align}");
                p.write_bytes(0xAB, size);
                let q = a.realloc(p, layout, size * 3);
                assert_eq!(q as usize % align, 0, "alignment {align} after growing");
                assert!(
                    (0..size).all(|i| *q.add(i) == 0xAB),
                    "bytes kept when grown"
                );
                a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                let z = a.alloc_zeroed(layout);
                assert!((0..size).all(|i| *z.add(i) == 0));
                a.dealloc(z, layout);
            }
        }
    }
}
