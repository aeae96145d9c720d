//! `congkhai serve`: serves the build on 127.0.0.1, rebuilds on change, and
//! keeps serving the last good build when the content breaks.

use crate::support::{bin, Fixture};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

/// Wait until `check` holds for the page, or fail after 60 s.
fn wait_for(port: u16, path: &str, what: &str, check: impl Fn(&str) -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Some((200, body)) = get(port, path) {
            if check(&body) {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("timed out waiting for {path}: {what}");
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serves_rebuilds_and_keeps_the_last_good_build() {
    let fixture = Fixture::real();
    let content = fixture.content().to_path_buf();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .args(["serve", "--port", &port.to_string(), "--content"])
        .arg(&content)
        .arg("--output")
        .arg(fixture.scratch("output"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _server = Server(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });

    let page = "/thang/2023-02/";
    wait_for(port, page, "the first build", |b| b.contains("55,02"));
    assert_eq!(get(port, "/khong-co/").map(|r| r.0), Some(404));
    assert_eq!(get(port, "/../../etc/passwd").map(|r| r.0), Some(404));

    let file = content.join("dispatches/2023/2023-02-vpub.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    // Broken content: the error is printed, the last good build stays.
    std::fs::write(&file, good.replace("  total: 55,02", "  total: 155,02")).unwrap();
    let start = Instant::now();
    let mut printed = false;
    while start.elapsed() < Duration::from_secs(60) && !printed {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(500)) {
            printed = line.contains("2023-02-vpub.yaml:") && line.contains("155,02");
        }
    }
    assert!(printed, "the validation error was not printed");
    let (status, body) = get(port, page).unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("55,02") && !body.contains("155,02"));

    // Fixed content: rebuilt and served.
    std::fs::write(&file, good.replace("  total: 55,02", "  total: 55,03")).unwrap();
    wait_for(port, page, "the rebuild", |b| b.contains("55,03"));
}

/// `serve` on a free port with the real content; returns it once the first
/// build is served.
fn start_serving(fixture: &Fixture, output: &std::path::Path) -> (Server, u16) {
    start_serving_in(fixture, output, "en")
}

/// [`start_serving`] with messages in `lang`.
fn start_serving_in(fixture: &Fixture, output: &std::path::Path, lang: &str) -> (Server, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(bin())
        .env("CONGKHAI_LANG", lang)
        .args(["serve", "--port", &port.to_string(), "--content"])
        .arg(fixture.content())
        .arg("--output")
        .arg(output)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child);
    wait_for(port, "/", "the first build", |b| b.contains("</html>"));
    (server, port)
}

/// A client that asks for a 20 MB file and never reads it, and others that
/// never send their request, hold up nobody: many clients at once all get
/// their pages, each in good time. Bounded: 200 requests, a minute at most.
#[test]
fn a_client_that_never_reads_stalls_no_other() {
    let fixture = Fixture::real();
    let output = fixture.scratch("output");
    let (_server, port) = start_serving(&fixture, &output);
    std::fs::write(output.join("lon.bin"), vec![b'x'; 20 << 20]).unwrap();
    let mut stalled = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /lon.bin HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        stalled.push(s);
    }
    for _ in 0..4 {
        // Half-open: connected, nothing sent.
        stalled.push(TcpStream::connect(("127.0.0.1", port)).unwrap());
    }
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let clients: Vec<_> = (0..10)
        .map(|_| {
            std::thread::spawn(move || {
                let mut slowest = Duration::ZERO;
                for _ in 0..20 {
                    let t = Instant::now();
                    let (status, body) = get(port, "/thang/2023-02/").expect("an answer");
                    assert_eq!(status, 200);
                    assert!(body.contains("55,02"));
                    slowest = slowest.max(t.elapsed());
                }
                slowest
            })
        })
        .collect();
    for c in clients {
        let slowest = c.join().unwrap();
        assert!(
            slowest < Duration::from_secs(3),
            "a request took {slowest:?}"
        );
    }
    assert!(started.elapsed() < Duration::from_secs(60));
    drop(stalled);
}

/// The preview reloads after a good rebuild and shows a failed one's
/// errors: its pages carry a script (the built files do not), and the
/// status it asks for follows the builds.
#[test]
fn the_preview_reloads_and_shows_errors() {
    let fixture = Fixture::real();
    let output = fixture.scratch("output");
    // In Vietnamese, as `serve` speaks by default.
    let (_server, port) = start_serving_in(&fixture, &output, "vi");
    let (_, page) = get(port, "/thang/2023-02/").unwrap();
    assert!(
        page.contains("data-congkhai-preview"),
        "the served page has the script"
    );
    let on_disk = std::fs::read_to_string(output.join("thang/2023-02/index.html")).unwrap();
    assert!(
        !on_disk.contains("data-congkhai-preview"),
        "the built file does not"
    );
    let status = |port| {
        let (code, text) = get(port, "/__congkhai/status").unwrap();
        assert_eq!(code, 200);
        let body = text.split("\r\n\r\n").nth(1).unwrap().to_string();
        serde_json::from_str::<serde_json::Value>(&body).unwrap()
    };
    let first = status(port);
    assert_eq!(first["errors"], serde_json::Value::Null);
    let generation = first["generation"].as_u64().unwrap();

    let file = fixture.content().join("dispatches/2023/2023-02-vpub.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, good.replace("  total: 55,02", "  total: 155,02")).unwrap();
    let wait = |what: &str, ok: &dyn Fn(&serde_json::Value) -> bool| {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if ok(&status(port)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("timed out waiting for {what}");
    };
    wait("the errors", &|s| {
        s["errors"].as_str().is_some_and(|e| {
            e.contains("2023-02-vpub.yaml")
                && e.contains("lỗi ở trường `results.total`: 155,02 lớn hơn điểm tối đa 100")
                && e.contains("cách sửa: ")
        })
    });
    assert_eq!(
        status(port)["generation"].as_u64(),
        Some(generation),
        "no reload"
    );
    std::fs::write(&file, good).unwrap();
    wait("the rebuild", &|s| {
        s["errors"].is_null() && s["generation"].as_u64() == Some(generation + 1)
    });
}
