//! The `congkhai` command line: check, build and serve the site.

use clap::{Parser, Subcommand};
use congkhai::content;
use congkhai::site::{self, BuildOptions, SiteError};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

// Rendering allocates many small values on every thread; mimalloc handles
// that far better than glibc's malloc (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "congkhai",
    version,
    about = "Publish the monthly public-service index results of a province as a static website"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the content and print every error and warning.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Validate the content and build the static site.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder; replaced as a whole when the build succeeds.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Sub-path the site is hosted under (overrides site.yaml), e.g. /cong-khai/.
        #[arg(long)]
        base_path: Option<String>,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Build, serve the site on 127.0.0.1 and rebuild when content or theme change.
    /// Scaffold the dispatch of a new period from an earlier one.
    New {
        /// The period: 2025-04, 2025-Q2, 2025-H1, 2025, 2025-W14.
        period: String,
        /// The dispatch to start from (its file name without `.yaml`);
        /// by default the latest results dispatch of the province.
        #[arg(long)]
        from: Option<String>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Replace an appendix's rows with a table from Excel or LibreOffice
    /// (.xlsx, .xls, .ods, .csv, .tsv, or - for a table pasted on stdin).
    Import {
        table: PathBuf,
        /// The dispatch (its file name without `.yaml`).
        #[arg(long)]
        dispatch: String,
        /// The appendix's printed number: I, II, III.
        #[arg(long)]
        appendix: String,
        /// The role of each table column, in order: stt, unit, status, -,
        /// or an appendix column's number (1, 2…).
        #[arg(long)]
        columns: Option<String>,
        /// Print the new rows without writing them.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    Serve {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The output folder.
        #[arg(long, default_value = "output")]
        output: PathBuf,
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            content,
            deny_warnings,
        } => check(&content, deny_warnings),
        Command::Build {
            content,
            output,
            base_path,
            deny_warnings,
            quiet,
        } => build(
            BuildOptions {
                content,
                output,
                base_path,
            },
            deny_warnings,
            quiet,
        ),
        Command::New {
            period,
            from,
            content,
        } => new(&content, &period, from.as_deref()),
        Command::Import {
            table,
            dispatch,
            appendix,
            columns,
            dry_run,
            content,
        } => import(&congkhai::intake::import::ImportOptions {
            content: &content,
            table: &table,
            dispatch: &dispatch,
            appendix: &appendix,
            columns: columns.as_deref(),
            dry_run,
        }),
        Command::Serve {
            content,
            output,
            port,
        } => {
            let opts = BuildOptions {
                content,
                output,
                base_path: None,
            };
            match congkhai::serve::serve(opts, port) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn build(opts: BuildOptions, deny_warnings: bool, quiet: bool) -> ExitCode {
    let started = Instant::now();
    if deny_warnings {
        let loaded = content::load(&opts.content);
        if loaded.diagnostics.warning_count() > 0 {
            eprint!("{}", loaded.diagnostics);
            eprintln!(
                "failed: {} warnings (warnings denied); nothing was written",
                loaded.diagnostics.warning_count()
            );
            return ExitCode::FAILURE;
        }
    }
    let progress = std::sync::Arc::new(site::Progress::default());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A progress line on a terminal only: logs and CI stay clean.
    let ticker = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let (progress, done) = (progress.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(200));
                eprint!("\r\x1b[2K{}", progress.line());
            }
            eprint!("\r\x1b[2K");
        })
    });
    let result = site::build(&opts, progress);
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    if let Some(t) = ticker {
        let _ = t.join();
    }
    match result {
        Ok(report) => {
            eprint!("{}", report.diagnostics);
            if !quiet {
                println!(
                    "built {} pages, {} charts, {} files, {} bytes into {} in {:.2} s ({} warnings)",
                    report.pages,
                    report.charts,
                    report.files,
                    report.bytes,
                    opts.output.display(),
                    started.elapsed().as_secs_f64(),
                    report.diagnostics.warning_count()
                );
            }
            ExitCode::SUCCESS
        }
        Err(SiteError::Content(diags)) => {
            eprint!("{diags}");
            eprintln!(
                "failed: {} errors, {} warnings; nothing was written, {} is unchanged",
                diags.error_count(),
                diags.warning_count(),
                opts.output.display()
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            if e.output_unchanged() {
                eprintln!("{} is unchanged", opts.output.display());
            } else {
                eprintln!(
                    "{} is missing: the previous site could not be put back; build again",
                    opts.output.display()
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn check(dir: &std::path::Path, deny_warnings: bool) -> ExitCode {
    // Everything a build checks, so that a `check` that passes means a
    // `build` that passes.
    let opts = BuildOptions {
        content: dir.to_path_buf(),
        output: PathBuf::new(),
        base_path: None,
    };
    let (model, diags) = match site::check(&opts) {
        Ok(checked) => checked,
        Err(SiteError::Content(diags)) => {
            eprint!("{diags}");
            eprintln!(
                "failed: {} errors, {} warnings",
                diags.error_count(),
                diags.warning_count()
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("failed: the content is valid, but a build would fail");
            return ExitCode::FAILURE;
        }
    };
    eprint!("{diags}");
    if deny_warnings && diags.warning_count() > 0 {
        eprintln!(
            "failed: 0 errors, {} warnings (warnings denied)",
            diags.warning_count()
        );
        return ExitCode::FAILURE;
    }
    println!(
        "ok: {} dispatches, {} units, {} indicators, {} figures, {} warnings",
        model.dispatches.len(),
        model.units.len(),
        model.indicators.len(),
        model.figures.len(),
        diags.warning_count()
    );
    ExitCode::SUCCESS
}

fn new(content: &std::path::Path, period: &str, from: Option<&str>) -> ExitCode {
    let period = match congkhai::model::Period::parse(period) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match congkhai::intake::scaffold::scaffold(content, &period, from) {
        Ok(path) => {
            println!("wrote {}", path.display());
            println!(
                "fill in each `{}`, then run `congkhai check`",
                congkhai::model::TO_FILL
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn import(opts: &congkhai::intake::import::ImportOptions) -> ExitCode {
    match congkhai::intake::import::import(opts) {
        Ok(done) => {
            if opts.dry_run {
                print!("{}", done.block);
                println!(
                    "would replace the rows of appendix {} in {} with {} rows (nothing written)",
                    opts.appendix,
                    done.file.display(),
                    done.rows
                );
            } else {
                println!(
                    "{} rows of appendix {} written to {}{}",
                    done.rows,
                    opts.appendix,
                    done.file.display(),
                    if done.changed { "" } else { " (unchanged)" }
                );
            }
            if !done.skipped.is_empty() {
                let rows: Vec<String> = done.skipped.iter().map(ToString::to_string).collect();
                println!(
                    "table rows left out (headings or no figures): {}",
                    rows.join(", ")
                );
            }
            println!("run `congkhai check` to check the whole dispatch");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("nothing was written");
            ExitCode::FAILURE
        }
    }
}
