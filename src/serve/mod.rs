//! `congkhai serve`: build, serve the output on 127.0.0.1 only (`http`),
//! and rebuild when the content or the theme changes. A failed rebuild
//! prints its errors and leaves the last good build being served (the
//! write is atomic).

mod http;

pub use http::resolve;

use crate::lang::{io_error, Lang, Text};
use crate::site::incremental::IncrementalBuilder;
use crate::site::{self, BuildOptions, SiteError};
use crate::stamp;
use crate::tr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {message}")]
    Listen { port: u16, message: Text },
}

impl ServeError {
    pub fn text(&self) -> Text {
        match self {
            ServeError::Listen { port, message } => Text::new(
                format!(
                    "không mở được cổng 127.0.0.1:{port}: {}; chọn cổng khác bằng --port",
                    message.vi
                ),
                format!("cannot listen on 127.0.0.1:{port}: {}", message.en),
            ),
        }
    }
}

/// What the preview's pages learn of the builds: a number that grows with
/// each good build (the page reloads when it does), and the errors of the
/// last build when it failed (shown above the last good page), in the
/// language of `serve`.
#[derive(Debug, Default)]
pub struct BuildStatus {
    pub generation: u64,
    pub errors: Option<String>,
}

/// Build (again), print the outcome in `lang` and note it in `status`;
/// true when the build succeeded.
pub fn build_and_report(
    builder: &mut IncrementalBuilder,
    status: &Mutex<BuildStatus>,
    lang: Lang,
) -> bool {
    let started = std::time::Instant::now();
    let failed = match builder.rebuild() {
        Ok(report) => {
            eprint!("{}", report.diagnostics.render(lang));
            let secs = started.elapsed().as_secs_f64();
            // Seconds with a decimal comma in Vietnamese.
            let vi_secs = crate::vi::format_decimal(secs, 2);
            let warnings = report.diagnostics.warning_count();
            let (pages, rendered, files) = (report.pages, report.rendered, report.files);
            let (written, removed) = (report.written, report.removed);
            let line = if report.full {
                tr!(
                    "đã dựng {pages} trang trong {vi_secs} giây ({warnings} cảnh báo)",
                    "built {pages} pages in {secs:.2} s ({warnings} warnings)"
                )
            } else {
                tr!(
                    "đã dựng lại phần thay đổi: {rendered} trên {files} tệp được dựng, {written} tệp ghi, {removed} tệp xoá, trong {vi_secs} giây ({warnings} cảnh báo)",
                    "rebuilt what changed: {rendered} of {files} files rendered, {written} written, {removed} removed in {secs:.2} s ({warnings} warnings)"
                )
            };
            eprintln!("{}", line.get(lang));
            None
        }
        Err(SiteError::Content(diags)) => {
            eprint!("{}", diags.render(lang));
            let n = diags.error_count();
            eprintln!(
                "{}",
                tr!(
                    "dựng không thành công: {n} lỗi; vẫn đang hiển thị bản dựng tốt gần nhất",
                    "build failed: {n} errors; still serving the last good build"
                )
                .get(lang)
            );
            Some(diags.render(lang))
        }
        Err(e) => {
            let t = e.text();
            eprintln!(
                "{}",
                tr!(
                    "dựng không thành công: {}; vẫn đang hiển thị bản dựng tốt gần nhất",
                    "build failed: {}; still serving the last good build",
                    t.get(lang)
                )
                .get(lang)
            );
            Some(t.get(lang).to_string())
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

pub fn serve(opts: BuildOptions, port: u16, lang: Lang) -> Result<(), ServeError> {
    let mut builder = IncrementalBuilder::new(opts.clone());
    let status = Arc::new(Mutex::new(BuildStatus::default()));
    build_and_report(&mut builder, &status, lang);
    let listener =
        std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| ServeError::Listen {
            port,
            message: io_error(&e),
        })?;
    let out = opts.output.display();
    eprintln!(
        "{}",
        tr!(
            "đang phục vụ {out} tại http://127.0.0.1:{port}/ (Ctrl+C để dừng)",
            "serving {out} at http://127.0.0.1:{port}/ (Ctrl+C to stop)"
        )
        .get(lang)
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
                eprintln!(
                    "{}",
                    tr!(
                        "có thay đổi, đang dựng lại…",
                        "change detected, rebuilding…"
                    )
                    .get(lang)
                );
                build_and_report(&mut builder, &watcher_status, lang);
            }
        }
    });

    http::run(listener, opts.output, status);
    Ok(())
}
