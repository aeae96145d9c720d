//! `congkhai serve`: build, serve the output on 127.0.0.1 only (`http`),
//! and rebuild when the content or the theme changes. A failed rebuild
//! prints its errors and leaves the last good build being served (the
//! write is atomic).

mod http;

pub use http::resolve;

use crate::site::incremental::IncrementalBuilder;
use crate::site::{self, BuildOptions, SiteError};
use crate::stamp;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {message}")]
    Listen { port: u16, message: String },
}

/// What the preview's pages learn of the builds: a number that grows with
/// each good build (the page reloads when it does), and the errors of the
/// last build when it failed (shown above the last good page).
#[derive(Debug, Default)]
pub struct BuildStatus {
    pub generation: u64,
    pub errors: Option<String>,
}

/// Build (again), print the outcome and note it in `status`; true when the
/// build succeeded.
pub fn build_and_report(builder: &mut IncrementalBuilder, status: &Mutex<BuildStatus>) -> bool {
    let started = std::time::Instant::now();
    let failed = match builder.rebuild() {
        Ok(report) => {
            eprint!("{}", report.diagnostics);
            let what = if report.full {
                format!("built {} pages", report.pages)
            } else {
                format!(
                    "rebuilt what changed: {} of {} files rendered, {} written, {} removed",
                    report.rendered, report.files, report.written, report.removed
                )
            };
            eprintln!(
                "{what} in {:.2} s ({} warnings)",
                started.elapsed().as_secs_f64(),
                report.diagnostics.warning_count()
            );
            None
        }
        Err(SiteError::Content(diags)) => {
            eprint!("{diags}");
            eprintln!(
                "build failed: {} errors; still serving the last good build",
                diags.error_count()
            );
            Some(diags.to_string())
        }
        Err(e) => {
            eprintln!("build failed: {e}; still serving the last good build");
            Some(e.to_string())
        }
    };
    let mut status = status.lock().unwrap_or_else(|e| e.into_inner());
    let ok = failed.is_none();
    if ok {
        status.generation += 1;
    }
    status.errors = failed;
    ok
}

pub fn serve(opts: BuildOptions, port: u16) -> Result<(), ServeError> {
    let mut builder = IncrementalBuilder::new(opts.clone());
    let status = Arc::new(Mutex::new(BuildStatus::default()));
    build_and_report(&mut builder, &status);
    let listener =
        std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| ServeError::Listen {
            port,
            message: e.to_string(),
        })?;
    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl+C to stop)",
        opts.output.display()
    );

    let root = site::site_root(&opts.content);
    let watched = vec![
        opts.content.clone(),
        root.join("themes"),
        root.join("templates"),
        root.join("static"),
    ];
    let watcher_status = status.clone();
    std::thread::spawn(move || {
        let mut last = stamp::all(&watched, &[]);
        loop {
            std::thread::sleep(Duration::from_millis(400));
            let now = stamp::all(&watched, &[]);
            if now != last {
                last = now;
                eprintln!("change detected, rebuilding…");
                build_and_report(&mut builder, &watcher_status);
            }
        }
    });

    http::run(listener, opts.output, status);
    Ok(())
}
