//! What a partial rebuild needs to rewrite only the open data files of the
//! years that changed.

/// The years whose files the last build wrote, oldest first: after an edit,
/// `serve` rewrites the files of the year of the first record that changed
/// and of the years after it (the newest month is at the end), and all of
/// them when the years are no longer the same.
#[derive(Debug, Clone, Default)]
pub struct OpenDataLayout {
    pub years: Vec<i32>,
}
