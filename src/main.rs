fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    diploma_photo::cli::main()
}

/// Photo decoding allocates tens of megabytes at a time on many threads.
/// glibc would keep such blocks in per-thread arenas after they are freed
/// (its mmap threshold grows with them), so resident memory ratchets up to
/// several times what is in use; a fixed threshold returns them to the OS
/// at once, and two arenas bound the rest.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: mallopt only sets allocator parameters; called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
