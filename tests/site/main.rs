//! The site, end to end: the real content (or an edited copy of it) is
//! built into temporary folders, with the library or the `congkhai` binary
//! where the command line is part of what is tested, and the output is read
//! back. One module per feature.

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

/// The synthetic content generator of `examples/synth.rs`, for the tests at
/// national scale.
#[path = "../../examples/synth/generator.rs"]
mod generator;

mod atomic;
mod base_path;
mod charts;
mod escaping;
mod figures;
mod incremental;
mod links;
mod mergers;
mod open_data;
mod output_guard;
mod pages;
mod periods;
mod redirect;
mod scale;
mod scorecard;
mod search;
mod serve;
mod sources;
mod tables;
mod theme;
