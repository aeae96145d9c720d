//! The preview's HTTP server: files of the output folder over HTTP/1.1 on
//! 127.0.0.1, one thread per connection (a bounded number at once), each
//! with read and write timeouts, so that a slow or half-open client never
//! holds up another. GET and HEAD only; every response closes its
//! connection.
//!
//! Pages served here (never the built files) carry a small script that
//! asks `STATUS` every second: the page reloads after a good rebuild, and
//! shows the errors of a failed one above the last good page.

use super::BuildStatus;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Connections served at once; more get a quick 503.
pub const MAX_CONNECTIONS: usize = 64;
/// How long a client may take to send its request, or to take a response.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The longest request head read (request line and headers).
const MAX_HEAD: usize = 16 * 1024;

/// Where the preview's script asks for the build status.
pub const STATUS: &str = "/__congkhai/status";

/// The preview's script: reload after a good build, show a failed one's
/// errors. Text only (`textContent`), so nothing in a message runs.
const PREVIEW_SCRIPT: &str = r#"<script data-congkhai-preview>
(function () {
  var seen = null, box = null;
  function show(errors) {
    if (!errors) { if (box) { box.remove(); box = null; } return; }
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff3f3;color:#8a1c1c;border-bottom:3px solid #c62828;font:15px/1.45 system-ui,sans-serif;white-space:pre-wrap;z-index:99999";
      document.body.appendChild(box);
    }
    box.textContent = "Nội dung có lỗi: trang đang hiện bản dựng đúng gần nhất.\n\n" + errors;
  }
  function poll() {
    fetch("/__congkhai/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.generation !== seen) { location.reload(); return; }
      seen = s.generation;
      show(s.errors);
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"#;

/// Serve `root` on `listener` until the process ends.
pub fn run(listener: TcpListener, root: PathBuf, status: Arc<Mutex<BuildStatus>>) {
    let root = Arc::new(root);
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let _ = stream.set_read_timeout(Some(TIMEOUT));
        let _ = stream.set_write_timeout(Some(TIMEOUT));
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = write_response(
                &mut stream,
                503,
                "text/plain; charset=utf-8",
                b"busy",
                false,
            );
            continue;
        }
        let (root, open, status) = (root.clone(), open.clone(), status.clone());
        std::thread::spawn(move || {
            let _ = handle(&mut stream, &root, &status);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// Read one request and answer it.
fn handle(stream: &mut TcpStream, root: &Path, status: &Mutex<BuildStatus>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = String::new();
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers: read and dropped, within a bound.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        head.push_str(&line);
        if head.len() > MAX_HEAD {
            return write_response(
                stream,
                431,
                "text/plain; charset=utf-8",
                b"too large",
                false,
            );
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let with_body = match method {
        "GET" => true,
        "HEAD" => false,
        _ => return write_response(stream, 405, "text/plain; charset=utf-8", b"GET only", false),
    };
    if target.split('?').next() == Some(STATUS) {
        let json = {
            let s = status.lock().unwrap_or_else(|e| e.into_inner());
            serde_json::json!({ "generation": s.generation, "errors": s.errors }).to_string()
        };
        return write_response(
            stream,
            200,
            "application/json; charset=utf-8",
            json.as_bytes(),
            with_body,
        );
    }
    match resolve(root, target).and_then(|file| std::fs::read(&file).ok().map(|b| (file, b))) {
        Some((file, bytes)) if content_type(&file).starts_with("text/html") => {
            let page = with_preview_script(bytes);
            write_response(stream, 200, content_type(&file), &page, with_body)
        }
        Some((file, bytes)) => write_response(stream, 200, content_type(&file), &bytes, with_body),
        None => {
            let body = std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
            write_response(stream, 404, "text/html; charset=utf-8", &body, with_body)
        }
    }
}

/// The page with the preview's script before `</body>` (or at its end).
fn with_preview_script(mut page: Vec<u8>) -> Vec<u8> {
    let at = page
        .windows(7)
        .rposition(|w| w == b"</body>")
        .unwrap_or(page.len());
    page.splice(at..at, PREVIEW_SCRIPT.bytes());
    page
}

fn write_response(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "Service Unavailable",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Map a request path to a file below `root`, refusing anything that
/// would leave it; a folder serves its `index.html`.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = root.join(rel);
    if decoded.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert!(resolve(dir.path(), "/a/").is_some());
        assert!(resolve(dir.path(), "/a").is_some());
        assert!(resolve(dir.path(), "/../etc/passwd").is_none());
        assert!(resolve(dir.path(), "/%2e%2e/etc/passwd").is_none());
        assert!(resolve(dir.path(), "/missing/").is_none());
    }
}
