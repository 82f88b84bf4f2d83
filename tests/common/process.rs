//! The real binary as a child process: started on a random port, stopped
//! (or killed) by the test.
use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_diploma-photo");

/// The binary with a clean DP_* environment, run in `dir` (so no stray
/// `.env` file is read).
pub fn command(dir: &std::path::Path, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("DP_") {
            cmd.env_remove(key);
        }
    }
    cmd.envs(env.iter().copied());
    cmd
}

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Starts `serve` on a random port and learns the port from its JSON log.
pub fn start_server(dir: &std::path::Path, env: &[(&str, &str)]) -> Server {
    let mut child = command(dir, env)
        .env("DP_LISTEN", "127.0.0.1:0")
        .env("DP_LOG_FORMAT", "json")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("server exited before serving").unwrap();
        let Ok(event) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        if event["message"] == "serving" {
            break event["addr"].as_str().unwrap().to_owned();
        }
    };
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        base: format!("http://{addr}"),
    }
}
