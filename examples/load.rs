//! Time loading and validating a content folder alone (`content::load`,
//! no rendering), for profiling the load step:
//!
//! ```text
//! CONGKHAI_TIMINGS=1 cargo run --release --example load -- target/bench/national/content
//! ```
//!
//! Prints the wall time, the diagnostics count and whether a model was
//! assembled.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: load <content folder>");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let loaded = congkhai::content::load(&dir);
    let seconds = started.elapsed().as_secs_f64();
    let errors = loaded
        .diagnostics
        .items
        .iter()
        .filter(|d| d.is_error())
        .count();
    println!(
        "load: {seconds:.3} s, {} diagnostics ({errors} errors), model: {}",
        loaded.diagnostics.items.len(),
        if loaded.model.is_some() { "yes" } else { "no" }
    );
    if loaded.model.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
