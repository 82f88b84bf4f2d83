fn main() -> std::process::ExitCode {
    diploma_photo::cli::main()
}
