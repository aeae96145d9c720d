//! `congkhai serve`: build, serve the output on 127.0.0.1 only, and rebuild
//! when the content or the theme changes. A failed rebuild prints its
//! errors and leaves the last good build being served (the write is atomic).

use crate::site::incremental::IncrementalBuilder;
use crate::site::{self, BuildOptions, SiteError};
use crate::stamp;
use std::path::{Component, Path, PathBuf};
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

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Map a request path to a file below `root`, refusing anything that
/// would leave it; a folder serves its `index.html`.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = root.join(rel);
    if decoded.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

pub fn serve(opts: BuildOptions, port: u16) -> Result<(), ServeError> {
    let mut builder = IncrementalBuilder::new(opts.clone());
    build_and_report(&mut builder);
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| ServeError::Listen {
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

    for request in server.incoming_requests() {
        let response = match resolve(&opts.output, request.url()) {
            Some(file) => match std::fs::read(&file) {
                Ok(bytes) => respond(bytes, content_type(&file), 200),
                Err(_) => not_found(&opts.output),
            },
            None => not_found(&opts.output),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn respond(bytes: Vec<u8>, content_type: &str, status: u16) -> Response {
    let response = tiny_http::Response::from_data(bytes).with_status_code(status);
    match tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

fn not_found(output: &Path) -> Response {
    let body = std::fs::read(output.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
    respond(body, "text/html; charset=utf-8", 404)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(resolve(dir.path(), "/a/").is_some());
        assert!(resolve(dir.path(), "/a").is_some());
        assert!(resolve(dir.path(), "/../etc/passwd").is_none());
        assert!(resolve(dir.path(), "/%2e%2e/etc/passwd").is_none());
        assert!(resolve(dir.path(), "/missing/").is_none());
    }
}
