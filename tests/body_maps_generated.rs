//! The committed body-map data (`body_maps/standard_adult.ron`, `body_maps/referral_patterns.ron`,
//! `body_maps/overlays.ron`) is exactly what `myomap::bodymap::generate` writes, byte for byte:
//! a hand edit, or a change to the generator without regenerating, fails here.

use std::path::Path;

/// The first line where `a` and `b` differ: (1-based number, line of `a`, line of `b`).
fn first_difference<'a>(a: &'a str, b: &'a str) -> Option<(usize, &'a str, &'a str)> {
    let (mut left, mut right) = (a.split('\n'), b.split('\n'));
    for number in 1.. {
        match (left.next(), right.next()) {
            (None, None) => return None,
            (l, r) if l != r => return Some((number, l.unwrap_or("<end>"), r.unwrap_or("<end>"))),
            _ => {}
        }
    }
    None
}

#[test]
fn committed_body_maps_are_the_generators_output() {
    let files = myomap::bodymap::generate::all_files().unwrap_or_else(|problems| {
        panic!(
            "the body-map generator found {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        )
    });
    for (name, generated) in &files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        if let Some((line, old, new)) = first_difference(&committed, generated) {
            panic!(
                "{name} differs from the generator's output, first at line {line}:\n\
                 committed: {old}\n\
                 generated: {new}\n\
                 Regenerate with `cargo run --example generate_body_maps`, review the diff and \
                 commit both the generator and the file."
            );
        }
    }
}

#[test]
fn a_difference_names_its_first_line() {
    assert_eq!(first_difference("a\nb\nc", "a\nb\nc"), None);
    assert_eq!(first_difference("a\nb\nc", "a\nx\nc"), Some((2, "b", "x")));
    assert_eq!(first_difference("a\nb", "a\nb\nc"), Some((3, "<end>", "c")));
}
