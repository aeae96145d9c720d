//! Every item of the library that the integration tests use, in one place:
//! when a module of `src/` is renamed or moved, this is the file to fix.
//! The tests import these through `crate::support::api`, never `congkhai::`.

// Each test binary uses only part of this list.
#![allow(unused_imports)]

pub use congkhai::charts::{
    bar_chart, bar_chart_wide, bar_summary, line_chart, line_chart_with_breaks, line_summary,
    line_summary_with_breaks, standalone, Bar, BarChart, Break, Datum, LineChart, Scale, Series,
};
pub use congkhai::content::{load, today, Loaded};
pub use congkhai::diagnostics::{Diagnostic, Severity};
pub use congkhai::intake::import::{import as import_table, ImportOptions};
pub use congkhai::lang::{Lang, Text};
pub use congkhai::model::{
    Cell, Dispatch, DispatchKind, Figure, FigureSource, FigureValue, Measure, Model, Num, Period,
    Rank, Status,
};
pub use congkhai::site::incremental::IncrementalBuilder;
pub use congkhai::site::pages::search::words as search_words;
pub use congkhai::site::{build as site_build, render, BuildOptions, BuildReport, SiteError};
