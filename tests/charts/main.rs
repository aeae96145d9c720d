//! Charts as the site uses them, drawn from sample data: every SVG is
//! parsed and checked against what it claims. One module per chart kind or
//! feature; whole charts are also kept as snapshots.

/// The library items the tests use, from the list shared by every test
/// binary (this one needs no other helper of `tests/support/`).
#[path = "../support/api.rs"]
mod api;

mod bar;
mod breaks;
mod gallery;
mod line;
mod rank;
mod robustness;
mod samples;
mod snapshots;
mod summary;
mod svg;
