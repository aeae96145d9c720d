//! Phase durations on stderr when `CONGKHAI_TIMINGS` is set, for profiling
//! builds and rebuilds (see BENCHMARKS.md); silent otherwise.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CONGKHAI_TIMINGS").is_some())
}

/// Print `what` with the seconds since `since`.
pub fn note(what: &str, since: Instant) {
    if enabled() {
        eprintln!(
            "timing: {what}: {:.3} s{}",
            since.elapsed().as_secs_f64(),
            memory()
        );
    }
}

/// The resident and peak memory, on Linux (what `/proc/self/status` says).
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().strip_suffix(" kB"))
            .and_then(|kb| kb.trim().parse::<u64>().ok())
            .map(|kb| kb / 1024)
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(rss), Some(peak)) => format!(", resident {rss} MiB (peak {peak} MiB)"),
        _ => String::new(),
    }
}
