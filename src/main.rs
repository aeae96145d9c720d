//! The `congkhai` command line: check, build and serve the site.

use clap::{Parser, Subcommand};
use congkhai::content;
use std::path::PathBuf;
use std::process::ExitCode;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            content,
            deny_warnings,
        } => check(&content, deny_warnings),
    }
}

fn check(dir: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let loaded = content::load(dir);
    let diags = &loaded.diagnostics;
    eprint!("{diags}");
    match &loaded.model {
        Some(model) if !(deny_warnings && diags.warning_count() > 0) => {
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
        _ => {
            eprintln!(
                "failed: {} errors, {} warnings{}",
                diags.error_count(),
                diags.warning_count(),
                if deny_warnings && diags.error_count() == 0 {
                    " (warnings denied)"
                } else {
                    ""
                }
            );
            ExitCode::FAILURE
        }
    }
}
