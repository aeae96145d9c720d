//! The loader's diagnostics, picked by file and field and checked for what
//! every diagnostic owes its reader: the file, the line, the column, a hint.

use super::api::{Diagnostic, Lang, Loaded};

/// Every diagnostic, one per line, for assertion messages.
pub fn report(loaded: &Loaded) -> String {
    loaded.diagnostics.to_string()
}

/// The errors about `field` in the file `rel` (a path relative to the
/// content folder, matched at the end of the diagnostic's path).
pub fn errors_at<'a>(loaded: &'a Loaded, rel: &str, field: &str) -> Vec<&'a Diagnostic> {
    loaded
        .diagnostics
        .errors()
        .filter(|d| d.file.ends_with(rel) && d.field == field)
        .collect()
}

pub fn warnings_at<'a>(loaded: &'a Loaded, rel: &str, field: &str) -> Vec<&'a Diagnostic> {
    loaded
        .diagnostics
        .warnings()
        .filter(|d| d.file.ends_with(rel) && d.field == field)
        .collect()
}

/// The one error about `field` in `rel`, checked to sit at `line`, to have
/// a column and a hint, to be printed as `file:line:` and to withhold the
/// model; or what is wrong with it.
pub fn check_error<'a>(
    loaded: &'a Loaded,
    rel: &str,
    field: &str,
    line: usize,
) -> Result<&'a Diagnostic, String> {
    let found = errors_at(loaded, rel, field);
    if found.len() != 1 {
        return Err(format!(
            "expected one error in `{field}` of {rel}, got {}:\n{}",
            found.len(),
            report(loaded)
        ));
    }
    let d = found[0];
    if d.line != Some(line) {
        return Err(format!(
            "wrong line for `{field}` in {rel}, expected {line}:\n{}",
            report(loaded)
        ));
    }
    if d.column.is_none() {
        return Err(format!("no column: {d}"));
    }
    if d.hint
        .as_ref()
        .is_none_or(|h| h.vi.trim().is_empty() || h.en.trim().is_empty())
    {
        return Err(format!("no hint: {d}"));
    }
    if loaded.model.is_some() {
        return Err(format!(
            "a model was built despite errors:\n{}",
            report(loaded)
        ));
    }
    // The printed form names the file and the line, as an editor's tools read it.
    let printed = d.to_string();
    if !printed.starts_with(&format!("{}:{line}:", d.file.display())) {
        return Err(format!("printed without `file:{line}:`: {printed}"));
    }
    Ok(d)
}

/// [`check_error`], panicking with what is wrong.
pub fn the_error<'a>(loaded: &'a Loaded, rel: &str, field: &str, line: usize) -> &'a Diagnostic {
    check_error(loaded, rel, field, line).unwrap_or_else(|why| panic!("{why}"))
}

/// The one warning about `field` in `rel`, at `line`, with a hint.
pub fn the_warning<'a>(loaded: &'a Loaded, rel: &str, field: &str, line: usize) -> &'a Diagnostic {
    let found = warnings_at(loaded, rel, field);
    assert_eq!(
        found.len(),
        1,
        "expected one warning in `{field}` of {rel}, got:\n{}",
        report(loaded)
    );
    let d = found[0];
    assert_eq!(d.line, Some(line), "wrong line: {d}");
    assert!(d.hint.is_some(), "no hint: {d}");
    d
}

/// Message and hint together, in English, for `contains` checks.
pub fn text_of(d: &Diagnostic) -> String {
    d.text(Lang::En)
}

/// Message and hint together, in Vietnamese.
pub fn text_vi(d: &Diagnostic) -> String {
    d.text(Lang::Vi)
}
