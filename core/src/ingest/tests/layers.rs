//! The shape of the ingest source itself: no file imports a file that imports it back,
//! directly or in a circle, and the stages depend on each other one way only: `classify` and
//! `extract` read `read`, never the other way, and never each other.
//!
//! The imports are read from the source text: every `use` path and every path written in the
//! code that starts with `crate::ingest::`, `super::`, `self::` or a child module's name,
//! resolved to the file of the deepest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each part of ingest may import besides itself; the root `mod.rs` and the tests may
/// import anything. `lexicon` and `analysis` are shared by all three stages.
const ALLOWED: &[(&str, &[&str])] = &[
    ("lexicon", &[]),
    ("analysis", &["read", "lexicon"]),
    ("read", &["lexicon"]),
    ("classify", &["read", "lexicon", "analysis"]),
    ("extract", &["read", "lexicon", "analysis"]),
];

/// Module path (below `ingest`) → its file, relative to `src/ingest`.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("ingest source")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let mut path = prefix.to_vec();
        if p.is_dir() {
            path.push(name);
            modules(&p, &path, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            if name != "mod" {
                path.push(name);
            }
            out.insert(path, p);
        }
    }
}

/// Source without comments (doc links name modules without importing them).
fn strip_comments(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `a::{b, c::{d, self}}` → `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.trim_end_matches("::*").to_string()];
    };
    let head = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            if p == "self" {
                vec![head.to_string()]
            } else {
                expand(p)
                    .into_iter()
                    .map(|q| format!("{head}::{q}"))
                    .collect()
            }
        })
        .collect()
}

/// Every path the code names: `use` trees expanded, and `a::b::c` chains elsewhere.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let word_start = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let Some(end) = rest[i..].find(';') else {
            break;
        };
        if word_start {
            out.extend(expand(&rest[i + 4..i + end]));
        }
        rest = &rest[i + 4..];
    }
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let starts = is_ident(c) && (k == 0 || !is_ident(chars[k - 1].1) && chars[k - 1].1 != ':');
        if !starts {
            k += 1;
            continue;
        }
        let mut j = k;
        let end = loop {
            while j < chars.len() && is_ident(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(code.len(), |c| c.0);
            if code[end..].starts_with("::") && code[end + 2..].chars().next().is_some_and(is_ident)
            {
                j += 2;
            } else {
                break end;
            }
        };
        if code[at..end].contains("::") {
            out.push(code[at..end].to_string());
        }
        k = j.max(k + 1);
    }
    out
}

/// The file of the deepest module `path` names, seen from module `current`.
fn resolve(
    path: &str,
    current: &[String],
    mods: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let segs: Vec<&str> = path.split("::").collect();
    let (mut base, mut i): (Vec<String>, usize) = match segs[0] {
        "crate" if segs.get(1) == Some(&"ingest") => (Vec::new(), 2),
        "self" => (current.to_vec(), 1),
        "super" => {
            let mut b = current.to_vec();
            let mut i = 0;
            while segs.get(i) == Some(&"super") {
                b.pop();
                i += 1;
            }
            (b, i)
        }
        first => {
            let mut child = current.to_vec();
            child.push(first.to_string());
            if !mods.contains_key(&child) {
                return None;
            }
            (current.to_vec(), 0)
        }
    };
    while let Some(seg) = segs.get(i) {
        let mut next = base.clone();
        next.push(seg.to_string());
        if !mods.contains_key(&next) {
            break;
        }
        base = next;
        i += 1;
    }
    mods.get(&base).cloned()
}

/// The part of ingest a module belongs to: its stage folder, or its own name at the root.
fn part(module: &[String]) -> &str {
    module.first().map_or("", String::as_str)
}

/// Each file's imports of other ingest files.
fn imports() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/ingest");
    let mut mods = BTreeMap::new();
    modules(&root, &[], &mut mods);
    let mut graph = BTreeMap::new();
    for (module, file) in &mods {
        let src = strip_comments(&std::fs::read_to_string(file).expect("read source"));
        let (main, tests) = src
            .split_once("#[cfg(test)]\nmod tests {")
            .unwrap_or((&src, ""));
        let mut in_tests = module.clone();
        in_tests.push("tests".into());
        let found: BTreeSet<PathBuf> = paths(main)
            .iter()
            .filter_map(|p| resolve(p, module, &mods))
            .chain(
                paths(tests)
                    .iter()
                    .filter_map(|p| resolve(p, &in_tests, &mods)),
            )
            .filter(|f| f != file)
            .collect();
        graph.insert(file.clone(), found);
    }
    graph
}

/// The module path of a file below `src/ingest`.
fn module_of(file: &Path) -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/ingest");
    let rel = file.strip_prefix(&root).unwrap_or(file);
    let mut out: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    if out.last().is_some_and(|l| l == "mod") {
        out.pop();
    }
    out
}

/// A circle through `from`, if the imports have one.
fn circle(
    graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    from: &Path,
    trail: &mut Vec<PathBuf>,
    done: &mut BTreeSet<PathBuf>,
) -> Option<Vec<PathBuf>> {
    if let Some(at) = trail.iter().position(|f| f == from) {
        return Some(trail[at..].to_vec());
    }
    if !done.insert(from.to_path_buf()) {
        return None;
    }
    trail.push(from.to_path_buf());
    for next in graph.get(from).into_iter().flatten() {
        if let Some(c) = circle(graph, next, trail, done) {
            return Some(c);
        }
        done.remove(next);
    }
    trail.pop();
    None
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 30, "ingest source not found");
    for file in graph.keys() {
        let mut trail = Vec::new();
        if let Some(c) = circle(&graph, file, &mut trail, &mut BTreeSet::new()) {
            let names: Vec<String> = c.iter().map(|f| module_of(f).join("::")).collect();
            panic!("import circle: {}", names.join(" → "));
        }
    }
}

#[test]
fn stages_import_one_way() {
    let mut wrong = Vec::new();
    for (file, deps) in imports() {
        let from = module_of(&file);
        let Some((_, allowed)) = ALLOWED.iter().find(|(p, _)| *p == part(&from)) else {
            continue;
        };
        for dep in deps {
            let to = module_of(&dep);
            if part(&to) != part(&from) && !allowed.contains(&part(&to)) {
                wrong.push(format!("{} imports {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_imports() {
    let graph = imports();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/ingest");
    let mail = &graph[&root.join("read/mail.rs")];
    for dep in [
        "read/addr.rs",
        "read/sections.rs",
        "read/html.rs",
        "read/text.rs",
    ] {
        assert!(mail.contains(&root.join(dep)), "read::mail imports {dep}");
    }
    let top = &graph[&root.join("mod.rs")];
    for dep in [
        "read/mail.rs",
        "classify/mod.rs",
        "extract/mod.rs",
        "analysis.rs",
    ] {
        assert!(top.contains(&root.join(dep)), "ingest imports {dep}");
    }
}
