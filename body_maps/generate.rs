//! Writes the generated body-map data from `myomap::bodymap::generate`:
//! `body_maps/standard_adult.ron`, then `body_maps/referral_patterns.ron` and
//! `body_maps/overlays.ron` (drawn on it).
//!
//! ```text
//! cargo run --example generate_body_maps             # writes the three files
//! cargo run --example generate_body_maps -- --check  # exits 1 naming each file that differs
//! ```

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.as_slice() {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => {
            eprintln!("usage: cargo run --example generate_body_maps [-- --check]");
            return ExitCode::from(2);
        }
    };
    let files = match myomap::bodymap::generate::all_files() {
        Ok(files) => files,
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!(
                "generate_body_maps: {} problem(s); nothing written",
                problems.len()
            );
            return ExitCode::FAILURE;
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failed = false;
    for (name, text) in &files {
        let path = root.join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_ref() == Some(text) {
                println!("{name} is up to date");
            } else {
                eprintln!(
                    "{name} differs from the generator's output: \
                     run `cargo run --example generate_body_maps` and commit the result"
                );
                failed = true;
            }
        } else if let Err(error) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {error}", path.display());
            failed = true;
        } else {
            println!("wrote {name}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
