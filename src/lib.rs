//! congkhai: compiles the monthly dispatches of the public-service index
//! (Decision 766/QĐ-TTg) into a static website.
//!
//! The pipeline, one module per step:
//! 1. [`content`]: read `content/`, parse and validate every file, and build
//! 2. the validated in-memory [`model`];
//! 3. [`site`]: gather each page's data and render it with the theme's
//!    templates, draw the [`charts`], and write the output folder atomically.

pub mod address;
pub mod charts;
pub mod content;
pub mod diagnostics;
pub mod intake;
pub mod lang;
pub mod model;
pub mod serve;
pub mod site;
pub mod stamp;
pub mod suggest;
pub mod timings;
pub mod vi;
