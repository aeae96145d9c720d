//! Write the site atomically: into a fresh folder beside the output, then
//! swapped in, so a failed build leaves the previous site as it was and
//! files no longer produced disappear.

use super::{Site, SiteError};
use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// Reject any path that could leave the output folder.
pub fn safe_relative(path: &str) -> Result<PathBuf, SiteError> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && !path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(p.to_path_buf())
    } else {
        Err(SiteError::UnsafePath(path.to_string()))
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub fn write_atomic(site: &Site, output: &Path) -> Result<(), SiteError> {
    // Check every path before writing anything.
    let paths: Vec<(PathBuf, &Vec<u8>)> = site
        .files
        .iter()
        .map(|(k, v)| safe_relative(k).map(|p| (p, v)))
        .collect::<Result<_, _>>()?;

    let output = if output.as_os_str().is_empty() {
        Path::new(".")
    } else {
        output
    };
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into());
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    // Folders first (sorted, so parents come before children), then the
    // files in parallel.
    let dirs: std::collections::BTreeSet<PathBuf> = paths
        .iter()
        .filter_map(|(rel, _)| staging.join(rel).parent().map(Path::to_path_buf))
        .collect();
    let result = dirs
        .iter()
        .try_for_each(|dir| std::fs::create_dir_all(dir).map_err(io(dir)))
        .and_then(|()| {
            paths.par_iter().try_for_each(|(rel, bytes)| {
                let target = staging.join(rel);
                std::fs::write(&target, bytes).map_err(io(&target))
            })
        });
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    // Swap: the old output is moved aside, the new one takes its name.
    if output.exists() {
        std::fs::rename(output, &retired).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staging);
            io(output)(e)
        })?;
    }
    if let Err(e) = std::fs::rename(&staging, output) {
        // Put the previous site back.
        if retired.exists() {
            let _ = std::fs::rename(&retired, output);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(io(output)(e));
    }
    if retired.exists() {
        std::fs::remove_dir_all(&retired).map_err(io(&retired))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape() {
        assert!(safe_relative("don-vi/x/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative("a\\..\\b").is_err());
        assert!(safe_relative("").is_err());
    }
}
