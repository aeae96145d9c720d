//! How far a build has got, for a progress line on a terminal.

use crate::lang::Lang;
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

    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Loading, Lang::Vi) => "đang đọc nội dung",
            (Stage::Loading, Lang::En) => "loading content",
            (Stage::Rendering, Lang::Vi) => "đang dựng trang",
            (Stage::Rendering, Lang::En) => "rendering",
            (Stage::CheckingLinks, Lang::Vi) => "đang kiểm tra liên kết",
            (Stage::CheckingLinks, Lang::En) => "checking links",
            (Stage::Done, Lang::Vi) => "xong",
            (Stage::Done, Lang::En) => "done",
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

    /// `rendering: 1234 files, 56.7 MB written`, for the terminal, in
    /// `lang` (`đang dựng trang: 1.234 tệp, đã ghi 56,7 MB`).
    pub fn line(&self, lang: Lang) -> String {
        let files = self.files.load(Ordering::Relaxed);
        let mb = self.bytes.load(Ordering::Relaxed) as f64 / 1e6;
        let stage = self.stage().describe(lang);
        match lang {
            Lang::Vi => format!(
                "{stage}: {} tệp, đã ghi {} MB",
                crate::vi::format_int(files as u64),
                crate::vi::format_decimal(mb, 1)
            ),
            Lang::En => format!("{stage}: {files} files, {mb:.1} MB written"),
        }
    }
}
