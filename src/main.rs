fn main() -> std::process::ExitCode {
    diploma_photo::allocator::configure();
    diploma_photo::cli::main()
}
