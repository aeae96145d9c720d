//! What a partial rebuild needs to rewrite only the open data files that
//! changed.

use std::sync::Arc;

/// What the last build wrote: the years of the fact files, oldest first
/// (after an edit, `serve` rewrites the files of the year of the first
/// record that changed and of the years after it, and all of them when
/// the years are no longer the same), and a digest of the small files
/// (lookups and details), which are rewritten when it changes.
#[derive(Debug, Clone, Default)]
pub struct OpenDataLayout {
    pub years: Vec<i32>,
    pub small: u64,
    /// Each year's CSV compressed for the zip, in the order of `years`: a
    /// rebuild compresses only the years it rewrites (compressing every
    /// year took half of a national rebuild).
    pub year_zips: Vec<Arc<Vec<u8>>>,
}
