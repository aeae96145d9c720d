//! Load and validate `content/`.
pub mod dates;
pub mod numbers;
pub mod schema;
pub mod suggest;
