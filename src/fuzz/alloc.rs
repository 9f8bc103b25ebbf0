//! A counting allocator for the lib's test binary: how many bytes one thread holds at its
//! peak while it parses, and a ceiling that stops a parse before it eats the machine; and
//! whether memory freed still held a secret ([`freed_holding`]).
//!
//! Counts are per thread, so tests running in parallel do not see each other. A parse
//! that passes its ceiling gets a null allocation, which aborts the test binary with
//! "memory allocation of N bytes failed": loud, immediate, and no swap storm on a
//! machine shared with other builds. Memory freed on another thread than the one that
//! allocated it skews both threads' counts; parsers here are single-threaded.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

#[global_allocator]
static COUNTING: Counting = Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
    static CEILING: Cell<usize> = const { Cell::new(usize::MAX) };
    /// [`freed_holding`]: the bytes looked for in every block this thread frees, and
    /// whether one held them.
    static NEEDLE: Cell<(*const u8, usize)> = const { Cell::new((std::ptr::null(), 0)) };
    static FOUND: Cell<bool> = const { Cell::new(false) };
}

/// Whether the block at `ptr` holds the needle this thread looks for.
///
/// # Safety
/// `ptr` is a live block of `size` bytes. Blocks are read only while a test looks, and
/// only on its thread: the blocks it frees are its own, written whole.
unsafe fn holds_needle(ptr: *const u8, size: usize) -> bool {
    let (needle, len) = NEEDLE.try_with(Cell::get).unwrap_or((std::ptr::null(), 0));
    if len == 0 || size < len {
        return false;
    }
    let needle = std::slice::from_raw_parts(needle, len);
    let block = std::slice::from_raw_parts(ptr, size);
    block.windows(len).any(|w| w == needle)
}

/// Accounts for `grow` more bytes on this thread; false when that passes the ceiling.
fn grow(by: usize) -> bool {
    // `try_with`: the thread-locals may be gone while a thread is being torn down.
    LIVE.try_with(|live| {
        let now = live.get().saturating_add(by);
        if now > CEILING.try_with(Cell::get).unwrap_or(usize::MAX) {
            return false;
        }
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        true
    })
    .unwrap_or(true)
}

fn shrink(by: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(by)));
}

// SAFETY: every call is forwarded to `System` unchanged; the counters and the search for
// a needle only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !grow(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc(layout);
        if p.is_null() {
            shrink(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !grow(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc_zeroed(layout);
        if p.is_null() {
            shrink(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if holds_needle(ptr, layout.size()) {
            let _ = FOUND.try_with(|f| f.set(true));
        }
        System.dealloc(ptr, layout);
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block that may move may leave its old bytes behind, as a freed one does.
        if holds_needle(ptr, layout.size()) {
            let _ = FOUND.try_with(|f| f.set(true));
        }
        let old = layout.size();
        if new_size > old && !grow(new_size - old) {
            return std::ptr::null_mut();
        }
        let p = System.realloc(ptr, layout, new_size);
        if p.is_null() {
            if new_size > old {
                shrink(new_size - old);
            }
        } else if new_size < old {
            shrink(old - new_size);
        }
        p
    }
}

/// Runs `f` on this thread and returns what it gave and the most bytes it held at once
/// beyond what the thread held before; `f` may not hold more than `ceiling` bytes.
pub fn peak<T>(ceiling: usize, f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let before = CEILING.with(|c| c.replace(base.saturating_add(ceiling)));
    let out = f();
    CEILING.with(|c| c.set(before));
    let held = PEAK.with(Cell::get).saturating_sub(base);
    (out, held)
}

/// Runs `f` on this thread and says whether memory it freed still held `needle`: a
/// secret not wiped before its memory went back to the allocator (where a later
/// allocation, a core dump or a swapped page can find it).
pub fn freed_holding(needle: &[u8], f: impl FnOnce()) -> bool {
    FOUND.with(|found| found.set(false));
    NEEDLE.with(|n| n.set((needle.as_ptr(), needle.len())));
    f();
    NEEDLE.with(|n| n.set((std::ptr::null(), 0)));
    FOUND.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_of_a_megabyte_is_counted_and_freed_memory_is_not() {
        let (len, held) = peak(usize::MAX, || vec![1u8; 1 << 20].len());
        assert_eq!(len, 1 << 20);
        assert!((1 << 20..2 << 20).contains(&held), "{held}");
        let ((), held) = peak(usize::MAX, || {
            for _ in 0..10 {
                drop(vec![1u8; 1 << 20]);
            }
        });
        assert!(held < 2 << 20, "freed blocks add up: {held}");
    }
}
