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
        eprintln!("timing: {what}: {:.3} s", since.elapsed().as_secs_f64());
    }
}
