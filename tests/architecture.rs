//! The shape of the code that `docs/architecture.md` promises: the document and the domain
//! have no egui, and no two modules of the app import each other, directly or through others.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A module's path under `app` ("shell::app", "canvas", "") from its file.
fn module_of(file: &Path, app: &Path) -> String {
    let relative = file.strip_prefix(app).expect("under src/app");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its test module.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("a source file");
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Every `crate::app::a::b` path and every `child::` path in `text`, resolved to the
/// longest module they name.
fn imports(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join("::"))
            .find(|m| modules.contains(m))
    };
    let mut found = BTreeSet::new();
    let word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':';
    let path_after = |at: usize, prefix: &str| {
        let rest = &text[at + prefix.len()..];
        let end = rest.find(|c| !word(c)).unwrap_or(rest.len());
        rest[..end].to_owned()
    };
    for (at, _) in text.match_indices("crate::app::") {
        found.extend(resolve(&path_after(at, "crate::app::")));
    }
    // `super::x` names a sibling of this module (a child of its parent).
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    for (at, _) in text.match_indices("super::") {
        let path = path_after(at, "super::");
        found.extend(resolve(&format!("{parent}::{path}")));
    }
    // A parent's own children, used by name (`marks::paint_zones`).
    for child in modules.iter().filter_map(|m| {
        let name = if module.is_empty() {
            m.as_str()
        } else {
            m.strip_prefix(module)?.strip_prefix("::")?
        };
        (!name.contains("::") && !name.is_empty()).then(|| (m.clone(), name.to_owned()))
    }) {
        let (full, name) = child;
        if text.contains(&format!("{name}::")) {
            found.insert(full);
        }
    }
    found.remove(module);
    found.remove("");
    found
}

#[test]
fn no_two_app_modules_import_each_other() {
    let app = src().join("app");
    let files = rust_files(&app);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(f, &app)).collect();
    let edges: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .map(|f| {
            let module = module_of(f, &app);
            let found = imports(&module, &code(f), &modules);
            (module, found)
        })
        .collect();
    assert!(
        edges["shell::app"].contains("shell::route"),
        "the import finder sees imports"
    );
    // Depth-first search for a way back to where it started.
    let mut cycles = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![vec![start.clone()]];
        while let Some(path) = stack.pop() {
            let last = path.last().expect("a path is never empty");
            for next in &edges[last] {
                if next == start {
                    cycles.push(format!("{} -> {start}", path.join(" -> ")));
                } else if !path.contains(next) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other:\n{}",
        cycles.join("\n")
    );
}

/// Whether code names egui (comments saying "no egui" do not count).
fn uses_egui(code: &str) -> bool {
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .any(|line| line.contains("egui::") || line.contains("egui_") || line.contains("use egui"))
}

#[test]
fn the_document_and_the_domain_have_no_egui() {
    let src = src();
    let mut offenders = Vec::new();
    for folder in [
        "document",
        "model",
        "storage",
        "bodymap",
        "metrics",
        "scene",
        "education",
    ] {
        for file in rust_files(&src.join(folder)) {
            if uses_egui(&code(&file)) {
                offenders.push(file.display().to_string());
            }
        }
    }
    for file in ["safety.rs", "geometry.rs", "check.rs"] {
        if uses_egui(&code(&src.join(file))) {
            offenders.push(file.to_owned());
        }
    }
    assert!(offenders.is_empty(), "egui outside the app: {offenders:?}");
}

#[test]
fn screens_and_the_canvas_never_write_a_session_field() {
    let app = src().join("app");
    let mut offenders = Vec::new();
    for file in rust_files(&app) {
        let text = code(&file);
        for pattern in ["session.apply(", "&mut doc.session", ".session_mut("] {
            if text.contains(pattern) {
                offenders.push(format!("{}: {pattern}", file.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "session changed outside the document: {offenders:?}"
    );
}
