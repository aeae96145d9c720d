//! What a partial rebuild needs to rewrite the open data files from the
//! first record that changed.

/// Where each record starts in the two open data files, as last written:
/// after an edit, `serve` rewrites the files from the first record that
/// changed (the newest month is at the end).
#[derive(Debug, Clone, Default)]
pub struct OpenDataLayout {
    pub csv: Vec<u64>,
    pub json: Vec<u64>,
}
