//! The house rule on doc comments, checked: every source file opens with a module comment
//! (`//!`) naming what it is for, and every type outside tests (struct, enum, trait, type
//! alias, whatever its visibility) says in a `///` comment why it exists. Fields, variants and
//! obvious methods are left to judgement: a comment that repeats the code is noise.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether the item at `lines[at]` has a `///` comment above it, past its attributes (which
/// may run over several lines).
fn documented(lines: &[&str], at: usize) -> bool {
    let mut i = at;
    let mut in_attribute = false;
    while i > 0 {
        i -= 1;
        let line = lines[i].trim();
        if line.starts_with("///") {
            return true;
        }
        if in_attribute {
            in_attribute = !line.starts_with("#[");
            continue;
        }
        if line.starts_with("#[") || line.starts_with("// ") {
            continue;
        }
        if line.ends_with(")]") || line.ends_with(']') && !line.starts_with("#[") {
            in_attribute = true;
            continue;
        }
        return false;
    }
    false
}

fn is_type(line: &str) -> bool {
    let line = line.trim_start();
    let rest = ["pub(crate) ", "pub(super) ", "pub "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    ["struct ", "enum ", "trait ", "type "]
        .iter()
        .any(|k| rest.starts_with(k))
        && line.starts_with("pub")
}

#[test]
fn every_file_and_every_type_says_why_it_exists() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        if !lines.first().is_some_and(|l| l.starts_with("//!")) {
            missing.push(format!(
                "{}: no module comment (//!) at the top",
                file.display()
            ));
        }
        for (n, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            if is_type(line) && !documented(&lines, n) {
                missing.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(files.len() > 40, "the sources were found");
    assert!(
        missing.is_empty(),
        "say why these exist:\n{}",
        missing.join("\n")
    );
}
