//! The `congkhai` command line: check, build and serve the site.

use clap::{Parser, Subcommand};
use congkhai::content;
use congkhai::lang::{Lang, Text};
use congkhai::site::{self, BuildOptions, SiteError};
use congkhai::tr;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

// Rendering allocates many small values on every thread; mimalloc handles
// that far better than glibc's malloc (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e` of
/// mimalloc 3's `mimalloc.h`; libmimalloc-sys names only a few options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A one-shot command keeps the memory it frees instead of handing it back
/// to the kernel after a second: each YAML file is read through a list of
/// its events that grows by doubling, and memory handed back comes back
/// through page faults as fresh pages the kernel must zero (national
/// `check`: 24 thousand page faults fall to under one thousand, and system
/// time by a third). The process ends soon after its peak anyway. `serve`
/// runs for hours and keeps the default.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option of the allocator; no pointer is
    // involved, and mimalloc reads options atomically on every thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

#[derive(Parser)]
#[command(
    name = "congkhai",
    version,
    about = "Publish the monthly public-service index results of a province as a static website"
)]
struct Cli {
    /// The language of messages: vi (Vietnamese, the default) or en
    /// (English, for developers). Also read from CONGKHAI_LANG.
    #[arg(long, global = true, value_name = "vi|en")]
    lang: Option<Lang>,
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
    let lang = cli
        .lang
        .or_else(|| {
            std::env::var("CONGKHAI_LANG")
                .ok()
                .and_then(|l| Lang::parse(&l))
        })
        .unwrap_or_default();
    match cli.command {
        Command::Check {
            content,
            deny_warnings,
        } => {
            keep_freed_memory();
            check(&content, deny_warnings, lang)
        }
        Command::Build {
            content,
            output,
            base_path,
            deny_warnings,
            quiet,
        } => {
            keep_freed_memory();
            build(
                BuildOptions {
                    content,
                    output,
                    base_path,
                },
                deny_warnings,
                quiet,
                lang,
            )
        }
        Command::New {
            period,
            from,
            content,
        } => new(&content, &period, from.as_deref(), lang),
        Command::Import {
            table,
            dispatch,
            appendix,
            columns,
            dry_run,
            content,
        } => import(
            &congkhai::intake::import::ImportOptions {
                content: &content,
                table: &table,
                dispatch: &dispatch,
                appendix: &appendix,
                columns: columns.as_deref(),
                dry_run,
            },
            lang,
        ),
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
            match congkhai::serve::serve(opts, port, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    error(&e.text(), lang);
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Print a line of the summary in `lang`.
fn say(t: &Text, lang: Lang) {
    println!("{}", t.get(lang));
}

/// Print a line to standard error in `lang`.
fn tell(t: &Text, lang: Lang) {
    eprintln!("{}", t.get(lang));
}

/// An error that stops the command: "lỗi: …" / "error: …".
fn error(t: &Text, lang: Lang) {
    tell(&tr!("lỗi: {}", "error: {}", t.get(lang)), lang);
}

/// A count as the language writes it: 1.038 in Vietnamese, 1038 in English.
fn n(x: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => congkhai::vi::format_int(x as u64),
        Lang::En => x.to_string(),
    }
}

fn build(opts: BuildOptions, deny_warnings: bool, quiet: bool, lang: Lang) -> ExitCode {
    let started = Instant::now();
    let out = opts.output.display().to_string();
    if deny_warnings {
        let loaded = content::load(&opts.content);
        let w = n(loaded.diagnostics.warning_count(), lang);
        if loaded.diagnostics.warning_count() > 0 {
            eprint!("{}", loaded.diagnostics.render(lang));
            tell(
                &tr!(
                    "không thành công: {w} cảnh báo (không cho phép cảnh báo); không ghi gì cả",
                    "failed: {w} warnings (warnings denied); nothing was written"
                ),
                lang,
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
                eprint!("\r\x1b[2K{}", progress.line(lang));
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
            eprint!("{}", report.diagnostics.render(lang));
            if !quiet {
                let secs = started.elapsed().as_secs_f64();
                let (pages, charts, files, bytes, w) = (
                    n(report.pages, lang),
                    n(report.charts, lang),
                    n(report.files, lang),
                    n(report.bytes, lang),
                    n(report.diagnostics.warning_count(), lang),
                );
                let vi_secs = congkhai::vi::format_decimal(secs, 2);
                say(
                    &tr!(
                        "đã dựng {pages} trang, {charts} biểu đồ, {files} tệp, {bytes} byte vào {out} trong {vi_secs} giây ({w} cảnh báo)",
                        "built {pages} pages, {charts} charts, {files} files, {bytes} bytes into {out} in {secs:.2} s ({w} warnings)"
                    ),
                    lang,
                );
            }
            ExitCode::SUCCESS
        }
        Err(SiteError::Content(diags)) => {
            eprint!("{}", diags.render(lang));
            let (e, w) = (n(diags.error_count(), lang), n(diags.warning_count(), lang));
            tell(
                &tr!(
                    "không thành công: {e} lỗi, {w} cảnh báo; không ghi gì cả, {out} giữ nguyên",
                    "failed: {e} errors, {w} warnings; nothing was written, {out} is unchanged"
                ),
                lang,
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            error(&e.text(), lang);
            if e.output_unchanged() {
                tell(&tr!("{out} giữ nguyên", "{out} is unchanged"), lang);
            } else {
                tell(
                    &tr!(
                        "{out} bị mất: không đặt lại được trang cũ; hãy dựng lại",
                        "{out} is missing: the previous site could not be put back; build again"
                    ),
                    lang,
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn check(dir: &std::path::Path, deny_warnings: bool, lang: Lang) -> ExitCode {
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
            eprint!("{}", diags.render(lang));
            let (e, w) = (n(diags.error_count(), lang), n(diags.warning_count(), lang));
            tell(
                &tr!(
                    "không đạt: {e} lỗi, {w} cảnh báo",
                    "failed: {e} errors, {w} warnings"
                ),
                lang,
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            error(&e.text(), lang);
            tell(
                &tr!(
                    "không đạt: nội dung hợp lệ, nhưng dựng trang sẽ không thành công",
                    "failed: the content is valid, but a build would fail"
                ),
                lang,
            );
            return ExitCode::FAILURE;
        }
    };
    eprint!("{}", diags.render(lang));
    let w = n(diags.warning_count(), lang);
    if deny_warnings && diags.warning_count() > 0 {
        tell(
            &tr!(
                "không đạt: 0 lỗi, {w} cảnh báo (không cho phép cảnh báo)",
                "failed: 0 errors, {w} warnings (warnings denied)"
            ),
            lang,
        );
        return ExitCode::FAILURE;
    }
    let (d, u, i, f) = (
        n(model.dispatches.len(), lang),
        n(model.units.len(), lang),
        n(model.indicators.len(), lang),
        n(model.figures.len(), lang),
    );
    say(
        &tr!(
            "đạt: {d} văn bản, {u} đơn vị, {i} chỉ tiêu, {f} số liệu, {w} cảnh báo",
            "ok: {d} dispatches, {u} units, {i} indicators, {f} figures, {w} warnings"
        ),
        lang,
    );
    ExitCode::SUCCESS
}

fn new(content: &std::path::Path, period: &str, from: Option<&str>, lang: Lang) -> ExitCode {
    let period = match congkhai::model::Period::parse(period) {
        Ok(p) => p,
        Err(e) => {
            error(&e, lang);
            return ExitCode::FAILURE;
        }
    };
    match congkhai::intake::scaffold::scaffold(content, &period, from) {
        Ok(path) => {
            let (path, fill) = (path.display(), congkhai::model::TO_FILL);
            say(&tr!("đã ghi {path}", "wrote {path}"), lang);
            say(
                &tr!(
                    "điền vào từng chỗ `{fill}`, rồi chạy `congkhai check`",
                    "fill in each `{fill}`, then run `congkhai check`"
                ),
                lang,
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(&e.text(), lang);
            ExitCode::FAILURE
        }
    }
}

fn import(opts: &congkhai::intake::import::ImportOptions, lang: Lang) -> ExitCode {
    match congkhai::intake::import::import(opts) {
        Ok(done) => {
            let (rows, app, file) = (n(done.rows, lang), opts.appendix, done.file.display());
            if opts.dry_run {
                print!("{}", done.block);
                say(
                    &tr!(
                        "sẽ thay các dòng của phụ lục {app} trong {file} bằng {rows} dòng (chưa ghi gì)",
                        "would replace the rows of appendix {app} in {file} with {rows} rows (nothing written)"
                    ),
                    lang,
                );
            } else if done.changed {
                say(
                    &tr!(
                        "đã ghi {rows} dòng của phụ lục {app} vào {file}",
                        "{rows} rows of appendix {app} written to {file}"
                    ),
                    lang,
                );
            } else {
                say(
                    &tr!(
                        "{rows} dòng của phụ lục {app} trong {file} không thay đổi",
                        "{rows} rows of appendix {app} written to {file} (unchanged)"
                    ),
                    lang,
                );
            }
            if !done.skipped.is_empty() {
                let rows: Vec<String> = done.skipped.iter().map(ToString::to_string).collect();
                let rows = rows.join(", ");
                say(
                    &tr!(
                        "các dòng của bảng được bỏ qua (tiêu đề hoặc không có số liệu): {rows}",
                        "table rows left out (headings or no figures): {rows}"
                    ),
                    lang,
                );
            }
            say(
                &tr!(
                    "chạy `congkhai check` để kiểm tra toàn bộ văn bản",
                    "run `congkhai check` to check the whole dispatch"
                ),
                lang,
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(&e.text(), lang);
            tell(&tr!("không ghi gì cả", "nothing was written"), lang);
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc 3 delays purges by 1000 ms unless told otherwise; no
        // other of its options has that default at this place.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(
                unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
                1000
            );
        }
        keep_freed_memory();
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            -1
        );
    }
}
