//! The file tree of an output folder: every file with its bytes, every
//! entry, and the first difference between two trees.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The text of `dir/rel`; panics naming the file when it cannot be read.
pub fn read_text(dir: &Path, rel: &str) -> String {
    let path = dir.join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Every file below `dir`, by `/`-separated relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            files.insert(rel_name(dir, entry.path()), fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// Every entry (files and folders) below `dir`, relative.
pub fn tree(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| rel_name(dir, e.unwrap().path()))
        .collect()
}

fn rel_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The first difference between two snapshots, if any.
pub fn first_difference(
    a: &BTreeMap<String, Vec<u8>>,
    b: &BTreeMap<String, Vec<u8>>,
) -> Option<String> {
    let ka: BTreeSet<_> = a.keys().collect();
    let kb: BTreeSet<_> = b.keys().collect();
    if ka != kb {
        let only_a: Vec<_> = ka.difference(&kb).collect();
        let only_b: Vec<_> = kb.difference(&ka).collect();
        return Some(format!(
            "files only in the first: {only_a:?}; only in the second: {only_b:?}"
        ));
    }
    for (k, va) in a {
        let vb = &b[k];
        if va != vb {
            let at = va
                .iter()
                .zip(vb.iter())
                .position(|(x, y)| x != y)
                .unwrap_or(va.len().min(vb.len()));
            let lo = at.saturating_sub(80);
            return Some(format!(
                "{k} differs at byte {at} (lengths {} and {}):\n  first:  {:?}\n  second: {:?}",
                va.len(),
                vb.len(),
                String::from_utf8_lossy(&va[lo..(at + 80).min(va.len())]),
                String::from_utf8_lossy(&vb[lo..(at + 80).min(vb.len())]),
            ));
        }
    }
    None
}
