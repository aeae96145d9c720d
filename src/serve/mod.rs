//! `congkhai serve`: build, serve the output on 127.0.0.1 only (`http`),
//! and rebuild when the content or the theme changes. A failed rebuild
//! prints its errors and leaves the last good build being served (the
//! write is atomic).

mod http;

pub use http::resolve;

use crate::site::incremental::IncrementalBuilder;
use crate::site::{self, BuildOptions, SiteError};
use crate::stamp;
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {message}")]
    Listen { port: u16, message: String },
}

/// Build (again) and print the outcome; true when the build succeeded.
pub fn build_and_report(builder: &mut IncrementalBuilder) -> bool {
    let started = std::time::Instant::now();
    match builder.rebuild() {
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
            true
        }
        Err(SiteError::Content(diags)) => {
            eprint!("{diags}");
            eprintln!(
                "build failed: {} errors; still serving the last good build",
                diags.error_count()
            );
            false
        }
        Err(e) => {
            eprintln!("build failed: {e}; still serving the last good build");
            false
        }
    }
}

pub fn serve(opts: BuildOptions, port: u16) -> Result<(), ServeError> {
    let mut builder = IncrementalBuilder::new(opts.clone());
    build_and_report(&mut builder);
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
    std::thread::spawn(move || {
        let mut last = stamp::all(&watched, &[]);
        loop {
            std::thread::sleep(Duration::from_millis(400));
            let now = stamp::all(&watched, &[]);
            if now != last {
                last = now;
                eprintln!("change detected, rebuilding…");
                build_and_report(&mut builder);
            }
        }
    });

    http::run(listener, opts.output);
    Ok(())
}
