//! Settings of glibc's allocator, applied by `main` and the benchmarks.

/// Photo decoding allocates tens of megabytes at a time on many threads.
/// glibc would keep such blocks in per-thread arenas after they are freed
/// (its mmap threshold grows with them), so resident memory ratchets up to
/// several times what is in use; a fixed threshold returns them to the OS
/// at once, and two arenas bound the rest. Call before starting threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn configure() {
    // SAFETY: mallopt only sets allocator parameters.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn configure() {}
