//! Write the site atomically: into a fresh folder beside the output (see
//! [`super::writer`]), then swapped in, so a failed build leaves the previous site as it was and
//! files no longer produced disappear.

use super::SiteError;
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

/// A fresh folder beside the output, into which a build writes.
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
    retired: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SiteError + '_ {
    move |source| SiteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Create the staging folder for `output`.
pub fn begin(output: &Path) -> Result<Staging, SiteError> {
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
    let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    Ok(Staging {
        dir,
        output: output.to_path_buf(),
        retired,
    })
}

/// Throw the staging folder away: the output stays as it was.
pub fn abort(staging: Staging) {
    let _ = std::fs::remove_dir_all(&staging.dir);
}

/// Swap the staging folder in: the old output is moved aside, the new one
/// takes its name, the old one is removed.
pub fn commit(staging: Staging) -> Result<(), SiteError> {
    let Staging {
        dir,
        output,
        retired,
    } = staging;
    if output.exists() {
        std::fs::rename(&output, &retired).map_err(|e| {
            let _ = std::fs::remove_dir_all(&dir);
            io(&output)(e)
        })?;
    }
    if let Err(e) = std::fs::rename(&dir, &output) {
        // Put the previous site back.
        if retired.exists() {
            let _ = std::fs::rename(&retired, &output);
        }
        let _ = std::fs::remove_dir_all(&dir);
        return Err(io(&output)(e));
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
