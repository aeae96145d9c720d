//! Sources other than dispatches (a news article with a date and one
//! without, two captures of the national portal on one day, a weekly
//! report), as fixtures with made-up figures: `tests/fixtures/sources/`.

use super::content::{fixtures, Fixture};

/// Where each fixture goes in the content: (fixture file, path in content).
pub const SOURCES: [(&str, &str); 5] = [
    ("bai-bao-nam-2024.yaml", ARTICLE),
    ("bai-khong-ro-ngay.yaml", ARTICLE_UNDATED),
    ("chup-cong-0900.yaml", CAPTURE_0900),
    ("chup-cong-1600.yaml", CAPTURE_1600),
    ("bao-cao-tuan-03.yaml", WEEKLY_REPORT),
];

pub const ARTICLE: &str = "dispatches/2025/2024-bao-hung-yen.yaml";
pub const ARTICLE_UNDATED: &str = "dispatches/2024/2024-q4-cong-tinh.yaml";
pub const CAPTURE_0900: &str = "dispatches/2025/2025-11-20-0900-cong.yaml";
pub const CAPTURE_1600: &str = "dispatches/2025/2025-11-20-1600-cong.yaml";
pub const WEEKLY_REPORT: &str = "dispatches/2024/2024-tuan-03-bao-cao.yaml";

/// The text of one fixture.
pub fn source_fixture(name: &str) -> String {
    let path = fixtures().join("sources").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The real content plus every source fixture.
pub fn with_sources() -> Fixture {
    let fx = Fixture::real();
    for (name, rel) in SOURCES {
        fx.write(rel, &source_fixture(name));
    }
    fx
}
