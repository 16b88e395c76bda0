//! The layers hold: the model knows no egui or SQLite, the views no SQL, and no two modules
//! of the store (nor of its importer) use each other in a circle. Read from the source, so
//! a new file is covered at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The code of a file without its inline test module (tests may use anything).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The sibling modules of `dir` each of its files names (`super::x`, or `crate::<prefix>::x`).
fn graph(dir: &Path, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(stem)
        })
        .filter(|n| n != "mod")
        .collect();
    let mut edges = BTreeMap::new();
    for name in &names {
        let file = dir.join(format!("{name}.rs"));
        let files = if file.exists() {
            vec![file]
        } else {
            rust_files(&dir.join(name))
        };
        let mut used = BTreeSet::new();
        for f in files {
            let text = code(&f);
            let nested = f.parent() != Some(dir);
            for other in &names {
                if other == name {
                    continue;
                }
                let via_crate = format!("{prefix}::{other}::");
                let via_crate_brace = format!("{prefix}::{other}}}");
                // From a file directly in `dir`, `super::x` is a sibling; from a file one
                // level down, `super::super::x` is.
                let via_super = if nested {
                    format!("super::super::{other}")
                } else {
                    format!("super::{other}")
                };
                let hit = |pat: &str| {
                    text.match_indices(pat).any(|(i, _)| {
                        let end = i + pat.len();
                        !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                };
                // `use super::{x::A, y::B}` names siblings inside the braces.
                let grouped = text.split("use super::{").skip(1).any(|rest| {
                    let inside = &rest[..rest.find("};").unwrap_or(rest.len())];
                    inside
                        .split(|c: char| c == '{' || c == ',' || c.is_whitespace())
                        .any(|part| part.starts_with(&format!("{other}::")))
                });
                if text.contains(&via_crate)
                    || text.contains(&via_crate_brace)
                    || hit(&via_super)
                    || (!nested && grouped)
                {
                    used.insert(other.clone());
                }
            }
        }
        edges.insert(name.clone(), used);
    }
    edges
}

/// A circle in the graph, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_store_and_its_importer_have_no_import_circles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (dir, prefix) in [
        (src.join("store"), "crate::store"),
        (src.join("store/import"), "crate::store::import"),
    ] {
        let edges = graph(&dir, prefix);
        assert!(edges.len() > 5, "{} read", dir.display());
        if let Some(c) = circle(&edges) {
            panic!("{}: {}", dir.display(), c.join(" → "));
        }
    }
}

#[test]
fn the_model_knows_no_window_or_database_and_the_views_no_sql() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (dir, banned) in [
        ("model", &["egui", "rusqlite", "eframe"][..]),
        ("ui", &["rusqlite"][..]),
        ("app", &["rusqlite"][..]),
        ("store", &["egui", "eframe"][..]),
    ] {
        for f in rust_files(&src.join(dir)) {
            let text = code(&f);
            for b in banned {
                assert!(
                    !text.contains(&format!("{b}::")) && !text.contains(&format!("use {b}")),
                    "{} uses {b}",
                    f.display()
                );
            }
        }
    }
}
