//! Step 1 of the pipeline: read `content/`, parse every file, validate
//! everything, and build the [`Model`]. Nothing is rendered unless this
//! step reports no error.

pub mod dates;
mod flow;
pub mod numbers;
pub mod parse;
pub mod positions;
pub mod schema;
pub mod suggest;
mod validate;

use crate::diagnostics::Diagnostics;
use crate::model::Model;
use std::path::Path;

pub use validate::{is_slug, LoadCache};

/// The result of loading: the model when there is no error, and every
/// error and warning found.
#[derive(Debug)]
pub struct Loaded {
    pub model: Option<Model>,
    pub diagnostics: Diagnostics,
}

/// Load and validate the content folder. Never panics on bad input.
pub fn load(content_dir: &Path) -> Loaded {
    validate::load(content_dir)
}

/// [`load`] for `serve`: files unchanged since `cache` was filled are not
/// read again. Also returns the dispatch files that were read this time.
pub fn load_cached(content_dir: &Path, cache: &mut LoadCache) -> (Loaded, Vec<std::path::PathBuf>) {
    validate::load_cached(content_dir, cache)
}
