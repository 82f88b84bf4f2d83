//! No import cycles between the crate's modules (docs/architecture.md,
//! "Dependencies point one way"). Reads the sources under src/ rather than
//! compiling anything: each file is a module (src/service/booking.rs is
//! `service::booking`, a mod.rs is its folder), and each `crate::…` or
//! `super::…` path it names (in `use` trees and in code) is an edge to the
//! longest known module that prefixes it. Comments and `#[cfg(test)]` modules
//! are left out: test code may reach anywhere.
//!
//! Edges between a module and its ancestors or descendants are ignored: a
//! parent assembles its children (routes, re-exports) and children share what
//! the parent holds, which is Rust's module tree, not a design dependency.
//! Every other cycle fails the test, listed module by module with its edges
//! inside the cycle.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts.join("::")
}

/// The source without comments, string and char literals (their contents
/// replaced by nothing), so that only code is searched.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if b[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && !b[..i]
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                i += 2 + hashes;
                while i < b.len() && !b[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            // A char literal, not a lifetime: 'x' or '\n'.
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("' '");
            }
            _ => {
                let len = src[i..].chars().next().unwrap().len_utf8();
                out.push_str(&src[i..i + len]);
                i += len;
            }
        }
    }
    out
}

/// Removes `#[cfg(test)] mod … { … }` blocks.
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = rest[at + 12..].trim_start();
        let is_mod = after.starts_with("mod ") || after.starts_with("pub mod ");
        let open = after.find(['{', ';']);
        out.push_str(&rest[..at]);
        match (is_mod, open) {
            (true, Some(o)) if after.as_bytes()[o] == b'{' => {
                let mut depth = 0;
                let mut end = after.len();
                for (j, c) in after.char_indices().skip(o) {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = j + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &after[end..];
            }
            _ => {
                out.push_str("#[cfg(test)]");
                rest = &rest[at + 12..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands a use tree (the text after `crate::`, up to its `;`) into paths.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(inner) = tree.strip_prefix('{') {
        let inner = &inner[..inner.rfind('}').unwrap_or(inner.len())];
        let mut depth = 0;
        let mut start = 0;
        for (j, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..j], prefix, out);
                    start = j + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], prefix, out);
        return;
    }
    let end = tree.find(|c: char| !is_ident(c)).unwrap_or(tree.len());
    let (head, rest) = tree.split_at(end);
    let mut path = prefix.to_vec();
    if !head.is_empty() && head != "self" {
        path.push(head.to_owned());
    }
    match rest.trim_start().strip_prefix("::") {
        Some(next) => expand(next, &path, out),
        None => out.push(path),
    }
}

/// Every module path a file names: `use crate::…` / `use super::…` trees and
/// `crate::a::b` / `super::a` paths in code.
fn named_paths(module: &str, code: &str) -> Vec<Vec<String>> {
    let here: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = Vec::new();
    for root in ["crate::", "super::"] {
        for (at, _) in code.match_indices(root) {
            if code[..at].ends_with(|c: char| is_ident(c) || c == ':') {
                continue;
            }
            let mut prefix = if root == "crate::" {
                Vec::new()
            } else {
                here[..here.len().saturating_sub(1)].to_vec()
            };
            let mut rest = &code[at + root.len()..];
            // `super::super::…`
            while let Some(r) = rest.strip_prefix("super::") {
                prefix.pop();
                rest = r;
            }
            let in_use = code[..at].trim_end().ends_with("use")
                || code[..at].trim_end().ends_with('{') && {
                    // inside a `use …{` group: the nearest statement start is `use`
                    let before = &code[..at];
                    let stmt = before.rfind([';', '}']).map_or(0, |p| p + 1);
                    before[stmt..].trim_start().starts_with("use ")
                        || before[stmt..].trim_start().starts_with("pub use ")
                };
            if in_use {
                let end = rest.find(';').unwrap_or(rest.len());
                expand(&rest[..end], &prefix, &mut out);
            } else {
                let mut path = prefix;
                for seg in rest.split("::") {
                    let seg: String = seg.chars().take_while(|c| is_ident(*c)).collect();
                    if seg.is_empty() {
                        break;
                    }
                    let whole = rest.starts_with(&seg);
                    path.push(seg);
                    if !whole {
                        break;
                    }
                    rest = &rest[path.last().unwrap().len()..];
                    match rest.strip_prefix("::") {
                        Some(r) => rest = r,
                        None => break,
                    }
                }
                out.push(path);
            }
        }
    }
    out
}

fn related(a: &str, b: &str) -> bool {
    let under =
        |child: &str, parent: &str| parent.is_empty() || child.starts_with(&format!("{parent}::"));
    a == b || under(a, b) || under(b, a)
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("main.rs") {
                files.push(path);
            }
        }
    }
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            (
                module_of(f.strip_prefix(&src).unwrap()),
                without_tests(&code_only(&text)),
            )
        })
        .collect();
    let modules: BTreeSet<&str> = sources.iter().map(|(m, _)| m.as_str()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &sources {
        let targets = edges.entry(module.clone()).or_default();
        for path in named_paths(module, code) {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].join("::"))
                .find(|p| modules.contains(p.as_str()))
                .unwrap_or_default();
            if !related(module, &target) {
                targets.insert(target);
            }
        }
    }
    edges
}

/// Tarjan's strongly connected components of more than one module.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                loop {
                    let w = self.stack.pop().unwrap();
                    self.on_stack.remove(w);
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

#[test]
fn modules_form_no_import_cycles() {
    let edges = graph();
    let found: Vec<String> = cycles(&edges)
        .iter()
        .map(|c| {
            let inside: Vec<String> = c
                .iter()
                .map(|m| {
                    let to: Vec<&str> = edges[m]
                        .iter()
                        .filter(|t| c.contains(t))
                        .map(String::as_str)
                        .collect();
                    format!("  {m} → {}", to.join(", "))
                })
                .collect();
            inside.join("\n")
        })
        .collect();
    assert!(
        found.is_empty(),
        "import cycles (each a set of modules that reach each other):\n{}",
        found.join("\n\n")
    );
}

#[test]
fn the_checker_reads_use_trees_and_paths() {
    let code = "use crate::{a::b, c::{d, e as f}, g::*};\nfn x() { crate::h::i::J::new(); super::k::l(); }";
    let mut paths: Vec<String> = named_paths("m::n", code)
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        ["a::b", "c::d", "c::e", "g", "h::i::J::new", "m::k::l"]
    );
}
