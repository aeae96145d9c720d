//! How far a build has got, for a progress line on a terminal.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The steps of a build, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    Loading = 0,
    Rendering = 1,
    CheckingLinks = 2,
    Done = 3,
}

impl Stage {
    fn from_u8(n: u8) -> Stage {
        match n {
            0 => Stage::Loading,
            1 => Stage::Rendering,
            2 => Stage::CheckingLinks,
            _ => Stage::Done,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Stage::Loading => "loading content",
            Stage::Rendering => "rendering",
            Stage::CheckingLinks => "checking links",
            Stage::Done => "done",
        }
    }
}

/// Counters the writer updates as files are written; read from another
/// thread while the build runs.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    pub files: AtomicUsize,
    pub bytes: AtomicUsize,
    /// Charts in the pages written.
    pub charts: AtomicUsize,
}

impl Progress {
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub fn stage(&self) -> Stage {
        Stage::from_u8(self.stage.load(Ordering::Relaxed))
    }

    /// `rendering: 1234 files, 56.7 MB written`, for the terminal.
    pub fn line(&self) -> String {
        format!(
            "{}: {} files, {:.1} MB written",
            self.stage().describe(),
            self.files.load(Ordering::Relaxed),
            self.bytes.load(Ordering::Relaxed) as f64 / 1e6
        )
    }
}
