//! Every message the loader can give is reached by a test: each
//! `tr!("…", "…")` of `src/content/` has its text (the longest run between
//! placeholders, in either language) in some test, snapshot or unit test.
//! A new rule without a row in one of the tables fails here.

use std::fs;
use std::path::{Path, PathBuf};

/// The files under `dir` whose name ends in one of `ends`, but
/// `node_modules`.
fn files(dir: &Path, ends: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name != "node_modules" && name != "fixtures" {
                files(&p, ends, out);
            }
        } else if ends.iter().any(|e| name.ends_with(e)) {
            out.push(p);
        }
    }
}

/// The Rust string literal at the start of `s` (after spaces), unescaped
/// as far as messages use escapes, and what follows it.
fn literal(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let mut chars = s.strip_prefix('"')?.char_indices();
    let mut out = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 2..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Each `tr!` of `text`: its line and its two texts.
fn messages(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("tr!(") {
        let rest = &text[at + 4..];
        let Some((vi, rest)) = literal(rest) else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix(',') else {
            continue;
        };
        let Some((en, _)) = literal(rest) else {
            continue;
        };
        out.push((text[..at].matches('\n').count() + 1, vi, en));
    }
    out
}

/// The longest run of a message's text between placeholders, quotes and
/// backticks, if one is long enough to tell the message.
fn telling(text: &str) -> Option<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => {
                depth += 1;
                runs.push(std::mem::take(&mut run));
            }
            '}' => depth -= 1,
            '`' | '"' => runs.push(std::mem::take(&mut run)),
            c if depth == 0 => run.push(c),
            _ => {}
        }
    }
    runs.push(run);
    runs.into_iter()
        .map(|r| r.trim().to_string())
        .filter(|r| r.chars().count() >= 8)
        .max_by_key(|r| r.chars().count())
}

#[test]
fn every_message_of_the_loader_is_reached_by_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src/content"), &[".rs"], &mut sources);
    // What tests say: the integration tests and their snapshots, and the
    // unit tests below `#[cfg(test)]` in the sources.
    let mut tested = Vec::new();
    files(&root.join("tests"), &[".rs", ".snap"], &mut tested);
    let mut corpus = String::new();
    for p in &tested {
        corpus.push_str(&fs::read_to_string(p).unwrap_or_default());
    }
    let mut all = Vec::new();
    files(&root.join("src"), &[".rs"], &mut all);
    for p in &all {
        let text = fs::read_to_string(p).unwrap_or_default();
        if let Some(at) = text.find("#[cfg(test)]") {
            corpus.push_str(&text[at..]);
        }
    }
    // In test sources a quote is written escaped.
    let corpus = corpus.replace("\\\"", "\"");
    let mut found = 0;
    let mut missing = Vec::new();
    for p in &sources {
        let text = fs::read_to_string(p).unwrap_or_default();
        for (line, vi, en) in messages(&text) {
            found += 1;
            let (tv, te) = (telling(&vi), telling(&en));
            if tv.is_none() && te.is_none() {
                continue;
            }
            let reached = [tv, te]
                .iter()
                .flatten()
                .any(|t| corpus.contains(t.as_str()));
            if !reached {
                let rel = p.strip_prefix(root).unwrap_or(p).display().to_string();
                missing.push(format!("{rel}:{line}: {en}"));
            }
        }
    }
    assert!(found > 250, "only {found} messages read: the scanner broke");
    assert!(
        missing.is_empty(),
        "{} of {found} messages are reached by no test (add a row to a table of \
         rule_table.rs, faults.rs, more_rules.rs or file_rules.rs):\n{}",
        missing.len(),
        missing.join("\n")
    );
}
