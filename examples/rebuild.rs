//! Time the rebuilds of `congkhai serve` after an edit, for the benchmark:
//! one full build, then, `--runs` times, an edit of `--edit` (by
//! `bench/edit-month.sh`, which toggles one figure and one line of the
//! body) followed by the rebuild `serve` would do. Only the rebuild is
//! timed. Prints one line per run and the median, in seconds.
//!
//! ```text
//! cargo run --release --example rebuild -- --content target/bench/province/content \
//!     --output target/bench/province/output --edit target/bench/province/content/dispatches/2027/2027-07-vpub.yaml
//! ```

use clap::Parser;
use congkhai::site::incremental::IncrementalBuilder;
use congkhai::site::BuildOptions;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Time congkhai serve's rebuild after one dispatch file changes")]
struct Args {
    #[arg(long)]
    content: PathBuf,
    #[arg(long)]
    output: PathBuf,
    /// The dispatch file to edit before each rebuild.
    #[arg(long)]
    edit: PathBuf,
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut builder = IncrementalBuilder::new(BuildOptions {
        content: args.content,
        output: args.output,
        base_path: None,
    });
    let started = Instant::now();
    if let Err(e) = builder.rebuild() {
        eprintln!("first build failed: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("full build: {:.3} s", started.elapsed().as_secs_f64());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/edit-month.sh");
    let mut times = Vec::new();
    for run in 1..=args.runs {
        let edited = Command::new("bash").arg(script).arg(&args.edit).status();
        if !edited.is_ok_and(|s| s.success()) {
            eprintln!("the edit of {} failed", args.edit.display());
            return ExitCode::FAILURE;
        }
        let started = Instant::now();
        match builder.rebuild() {
            Ok(r) => {
                let secs = started.elapsed().as_secs_f64();
                println!(
                    "run {run}: {secs:.3} s ({}, {} files rendered, {} written, {} removed)",
                    if r.full { "full" } else { "partial" },
                    r.rendered,
                    r.written,
                    r.removed
                );
                times.push(secs);
            }
            Err(e) => {
                eprintln!("rebuild failed: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    times.sort_by(f64::total_cmp);
    if let (Some(min), Some(max)) = (times.first(), times.last()) {
        println!(
            "median {:.3} s (range {min:.3} – {max:.3} s, {} runs)",
            times[times.len() / 2],
            times.len()
        );
    }
    ExitCode::SUCCESS
}
