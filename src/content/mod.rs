//! Step 1 of the pipeline: read `content/`, parse every file, validate
//! everything, and assemble the [`Model`]. Nothing is rendered unless this
//! step reports no error.
//!
//! - [`files`]: where the content files are, reading them as text, slugs;
//! - [`parse`]: YAML into the model's types, serde errors into diagnostics
//!   with file, line, column and field ([`source`], [`positions`]), and
//!   [`decimal_commas`] and [`limits`] (sizes, characters, no aliases)
//!   checked first; `direct` reads a file without the tree that errors
//!   are reported from, where that gives the same value, and
//!   `block_yaml` reads the block YAML that content is written in without
//!   libyaml, where that gives the same tree;
//! - `checks`: every rule serde cannot express, file by file;
//! - `load`: the order of it all, and `serve`'s [`LoadCache`];
//! - `assemble`: the model from checked content.

mod assemble;
mod block_yaml;
mod changes;
mod checks;
pub mod decimal_commas;
mod direct;
mod files;
pub mod limits;
mod load;
pub mod parse;
pub mod place;
pub mod positions;
mod printed_decimals;
pub mod source;
pub mod syntax;
mod wording;

use crate::diagnostics::Diagnostics;
use crate::model::Model;
use std::path::{Path, PathBuf};

pub use checks::today;
pub use files::is_slug;
pub use load::LoadCache;

/// The result of loading: the model when there is no error, and every
/// error and warning found.
#[derive(Debug)]
pub struct Loaded {
    pub model: Option<Model>,
    pub diagnostics: Diagnostics,
}

/// Load and validate the content folder. Never panics on bad input.
pub fn load(content_dir: &Path) -> Loaded {
    load::load(content_dir, None).0
}

/// [`load`] for `serve`: files unchanged since `cache` was filled are not
/// read again. Also returns the dispatch files that were read this time.
pub fn load_cached(content_dir: &Path, cache: &mut LoadCache) -> (Loaded, Vec<PathBuf>) {
    load::load(content_dir, Some(cache))
}
