//! Write a synthetic content folder in the real schema, for benchmarks:
//!
//! ```text
//! cargo run --release --example synth -- --scale province --months 60 --out target/bench/province/content
//! cargo run --release --example synth -- --scale national --months 60 --out target/bench/national/content
//! ```
//!
//! The output passes `congkhai check`. See `examples/synth/generator.rs`
//! for what it contains, and `bench/run.sh` for the benchmark.

#[path = "synth/generator.rs"]
mod generator;

use clap::{Parser, ValueEnum};
use generator::{Options, Scale, Ym};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, ValueEnum)]
enum ScaleArg {
    /// One province: about 130 units, one dispatch a month.
    Province,
    /// 34 provinces, about 4,000 units, one dispatch per province a month.
    National,
}

#[derive(Parser)]
#[command(about = "Write synthetic content for congkhai benchmarks (not real data)")]
struct Args {
    #[arg(long, value_enum)]
    scale: ScaleArg,
    /// Months of results.
    #[arg(long, default_value_t = 60)]
    months: u32,
    /// The content folder to write. Replaced if a previous synth output.
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator: the same seed gives the same files.
    #[arg(long, default_value_t = 766)]
    seed: u64,
    /// National scale: keep only the first N provinces.
    #[arg(long)]
    provinces: Option<usize>,
    /// Last month, YYYY-MM (default: 2025-08, or later when the window from
    /// 2022-08 needs it).
    #[arg(long, value_parser = parse_ym)]
    end: Option<Ym>,
}

fn parse_ym(s: &str) -> Result<Ym, String> {
    Ym::parse(s).ok_or_else(|| format!("`{s}` is not a month: write YYYY-MM"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = Options {
        scale: match args.scale {
            ScaleArg::Province => Scale::Province,
            ScaleArg::National => Scale::National,
        },
        months: args.months,
        out: args.out,
        seed: args.seed,
        provinces: args.provinces,
        end: args.end,
    };
    let started = Instant::now();
    match generator::generate(&opts) {
        Ok(s) => {
            println!(
                "synth: {} scale, {} months ({} – {}), seed {} into {}",
                opts.scale,
                opts.months,
                s.first,
                s.last,
                opts.seed,
                opts.out.display()
            );
            println!("units={}", s.units);
            println!("provinces={}", s.provinces);
            println!("dispatches={}", s.dispatches);
            println!("figures={}", s.figures);
            println!("files={}", s.files);
            println!("bytes={}", s.bytes);
            println!("first={}", s.first);
            println!("last={}", s.last);
            for l in &s.latest {
                println!("latest={}", l.display());
            }
            println!("seconds={:.2}", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
