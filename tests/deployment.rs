//! The deployment files in `docs/deploy/` (docs/deployment.md) are real
//! configuration: nginx accepts the site (`nginx -t`, with a self-signed
//! certificate made here and a temporary prefix), systemd accepts the units
//! (`systemd-analyze verify`, and `security` for the hardening), and the
//! limits and timeouts they set match the service's own defaults.
//!
//! Without nginx, openssl or systemd-analyze these tests are skipped, except
//! under `scripts/test.sh`, which installs the tools and sets
//! `DP_TEST_REQUIRE_DEPLOY_TOOLS=1`, so there a missing tool fails.

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    time::Duration,
};

use diploma_photo::config::Config;

const DEPLOY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/deploy");
const BIN: &str = env!("CARGO_BIN_EXE_diploma-photo");

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(DEPLOY).join(name)).unwrap()
}

/// The tool's path, or None (the test is skipped) when it is not installed
/// and not required.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .chain(["/usr/sbin".into(), "/sbin".into()])
        .map(|dir| dir.join(name))
        .find(|path| path.is_file());
    if found.is_none() {
        let required = std::env::var("DP_TEST_REQUIRE_DEPLOY_TOOLS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "DP_TEST_REQUIRE_DEPLOY_TOOLS=1 but `{name}` is not installed \
             (scripts/test.sh installs it with apt)"
        );
        eprintln!("SKIPPED: `{name}` is not installed");
    }
    found
}

fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Every `name value;` directive of an nginx file, in order.
fn directives(conf: &str) -> Vec<(String, String)> {
    conf.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter_map(|l| l.strip_suffix(';'))
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(name, value)| (name.to_owned(), value.trim().to_owned()))
        .collect()
}

fn values<'a>(all: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    all.iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// nginx sizes (`20m`) and times (`10s`).
fn bytes(value: &str) -> usize {
    let (n, unit) = value.split_at(value.len() - 1);
    n.parse::<usize>().unwrap() * if unit == "m" { 1 << 20 } else { 1 << 10 }
}

fn seconds(value: &str) -> Duration {
    Duration::from_secs(value.strip_suffix('s').unwrap().parse().unwrap())
}

fn defaults() -> Config {
    Config::from_lookup(|_| None).unwrap()
}

#[test]
fn the_nginx_site_matches_the_service_limits_and_timeouts() {
    let config = defaults();
    let site = directives(&read("nginx-site.conf"));
    let one = |name: &str| {
        let found = values(&site, name);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        found[0]
    };
    assert_eq!(
        bytes(one("client_max_body_size")),
        config.upload_limit_bytes
    );
    let limits = &config.connections;
    assert_eq!(seconds(one("client_header_timeout")), limits.header_timeout);
    assert_eq!(seconds(one("client_body_timeout")), limits.body_period);
    // The upstream's idle connections, then the clients'.
    let keepalive = values(&site, "keepalive_timeout");
    assert_eq!(keepalive.len(), 2, "{keepalive:?}");
    assert!(seconds(keepalive[0]) < limits.idle_timeout);
    assert_eq!(seconds(keepalive[1]), limits.idle_timeout);
    // The service (DP_TRUST_FORWARDED_FOR) takes the last entry: nginx's.
    let headers = values(&site, "proxy_set_header");
    assert!(
        headers.contains(&"X-Forwarded-For $proxy_add_x_forwarded_for"),
        "{headers:?}"
    );
}

#[test]
fn the_nginx_site_passes_nginx_t() {
    let (Some(nginx), Some(openssl)) = (tool("nginx"), tool("openssl")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().display().to_string();
    run(Command::new(openssl).args([
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=photo.example.edu.cn",
        "-keyout",
        &format!("{tmp}/privkey.pem"),
        "-out",
        &format!("{tmp}/fullchain.pem"),
    ]));
    // The site as written, but with the test's certificate and logs.
    let site = read("nginx-site.conf")
        .replace("/etc/ssl/diploma-photo/", &format!("{tmp}/"))
        .replace("/var/log/nginx/", &format!("{tmp}/"));
    std::fs::write(dir.path().join("site.conf"), site).unwrap();
    // What Debian's /etc/nginx/nginx.conf gives a site, all under the prefix.
    let main = format!(
        "user www-data;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\n\
         http {{\n  access_log {tmp}/access.log;\n  client_body_temp_path {tmp}/body;\n  \
         proxy_temp_path {tmp}/proxy;\n  fastcgi_temp_path {tmp}/fastcgi;\n  \
         uwsgi_temp_path {tmp}/uwsgi;\n  scgi_temp_path {tmp}/scgi;\n  \
         include {tmp}/site.conf;\n}}\n"
    );
    std::fs::write(dir.path().join("nginx.conf"), main).unwrap();
    let output = run(Command::new(nginx).args([
        "-t",
        "-p",
        &tmp,
        "-c",
        &format!("{tmp}/nginx.conf"),
        "-e",
        &format!("{tmp}/error.log"),
    ]));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("test is successful"), "{said}");
    assert!(!said.contains("[warn]"), "{said}");
}

#[test]
fn the_units_match_the_service_and_pass_systemd_analyze() {
    let config = defaults();
    let unit = read("diploma-photo.service");
    let setting = |name: &str| {
        unit.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name}="))
    };
    let stop = Duration::from_secs(setting("TimeoutStopSec").parse().unwrap());
    assert!(
        stop > config.shutdown_grace,
        "systemd must let the drain finish"
    );
    assert_eq!(
        setting("LimitNOFILE").parse::<usize>().unwrap(),
        config.connections.max_connections + 1024,
        "the open-file limit the service would raise itself to"
    );
    let Some(analyze) = tool("systemd-analyze") else {
        return;
    };
    // The units as written, with ExecStart pointing at the binary built here
    // (verify checks that it exists).
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in [
        "diploma-photo.service",
        "diploma-photo-backup.service",
        "diploma-photo-backup.timer",
    ] {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            read(name).replace("/usr/local/bin/diploma-photo", BIN),
        )
        .unwrap();
        files.push(path);
    }
    let output = run(Command::new(&analyze)
        .arg("verify")
        .arg("--man=no")
        .args(&files)
        .current_dir(dir.path()));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.trim().is_empty(), "systemd-analyze verify: {said}");
    // The hardening: an exposure of at most 2.0 of 10 ("OK").
    for service in &files[..2] {
        run(Command::new(&analyze)
            .args(["security", "--offline=true", "--threshold=20"])
            .arg(service)
            .current_dir(dir.path()));
    }
}
