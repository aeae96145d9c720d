//! What a partial rebuild needs to rewrite only the open data files that
//! changed.

/// What the last build wrote: the years of the fact files, oldest first
/// (after an edit, `serve` rewrites the files of the year of the first
/// record that changed and of the years after it, and all of them when
/// the years are no longer the same), and a digest of the small files
/// (lookups and details), which are rewritten when it changes.
#[derive(Debug, Clone, Default)]
pub struct OpenDataLayout {
    pub years: Vec<i32>,
    pub small: u64,
}
