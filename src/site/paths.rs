//! The address of every page and file of the site, in one place.
//!
//! An *address* is relative to the site root and, for a page, ends with a
//! slash (`don-vi/so-tu-phap/`); the *file* it is written to ends with
//! `index.html`. Page modules write files under [`file_of`] their address;
//! views carry the address (a `url` field) and templates only put the way
//! back to the site root (`root`) in front of it, so that the site works
//! under any sub-path. Nothing else in the site spells an address.

use crate::model::Period;
use serde::Serialize;

/// The home page's file.
pub const HOME: &str = "index.html";
/// Served by the portal at any address that has no page.
pub const NOT_FOUND: &str = "404.html";
pub const FEED: &str = "feed.xml";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

pub const MONTHS: &str = "thang/";
/// Periods other than months, each under a section that says what it is:
/// a year's results are not a "tháng".
pub const QUARTERS: &str = "quy/";
pub const HALF_YEARS: &str = "nua-nam/";
pub const YEARS: &str = "nam/";
pub const WEEKS: &str = "tuan/";
/// Any other span, such as a year to date up to a cut-off.
pub const SPANS: &str = "ky/";
/// Every section that holds a page per period.
pub const PERIOD_SECTIONS: [&str; 6] = [MONTHS, QUARTERS, HALF_YEARS, YEARS, WEEKS, SPANS];
pub const UNITS: &str = "don-vi/";
pub const DISPATCHES: &str = "van-ban/";
pub const INDICATORS: &str = "chi-so/";
pub const OPEN_DATA: &str = "du-lieu/";
/// The Frictionless Data Package that describes the open data files.
pub const OPEN_DATA_PACKAGE: &str = "du-lieu/datapackage.json";
/// The theme's assets.
pub const STATIC: &str = "static/";
/// The search index: one small JSON file per word beginning
/// (`tim-kiem/chi-muc/kho.json`), rendered whole on every build.
pub const SEARCH: &str = "tim-kiem/";
pub const SEARCH_INDEX: &str = "tim-kiem/chi-muc/";

/// The sections' addresses, for templates (`urls.units`, …).
#[derive(Debug, Serialize)]
pub struct Sections {
    pub months: &'static str,
    pub units: &'static str,
    pub dispatches: &'static str,
    pub indicators: &'static str,
    pub open_data: &'static str,
    pub feed: &'static str,
    pub stylesheet: &'static str,
    pub favicon: &'static str,
    pub search_index: &'static str,
    /// The theme's one script: the search box and the print date.
    pub script: &'static str,
}

pub const SECTIONS: Sections = Sections {
    months: MONTHS,
    units: UNITS,
    dispatches: DISPATCHES,
    indicators: INDICATORS,
    open_data: OPEN_DATA,
    feed: FEED,
    stylesheet: "static/style.css",
    favicon: "static/favicon.svg",
    search_index: SEARCH_INDEX,
    script: "static/site.js",
};

/// The figures of one year as CSV: `du-lieu/ket-qua-2023.csv`.
pub fn open_data_csv(year: i32) -> String {
    open_data_file("ket-qua", Some(year), "csv")
}

/// The figures of one year as JSON: `du-lieu/ket-qua-2023.json`.
pub fn open_data_json(year: i32) -> String {
    open_data_file("ket-qua", Some(year), "json")
}

/// An open data file: `du-lieu/chi-tiet-2023.csv` (a file per year),
/// `du-lieu/don-vi.json` (a lookup file).
pub fn open_data_file(name: &str, year: Option<i32>, ext: &str) -> String {
    match year {
        Some(year) => format!("{OPEN_DATA}{name}-{year}.{ext}"),
        None => format!("{OPEN_DATA}{name}.{ext}"),
    }
}

/// The last part of a path: the name a file is saved under.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The search index's file for a word beginning: `tim-kiem/chi-muc/kho.json`.
pub fn search_shard(key: &str) -> String {
    format!("{SEARCH_INDEX}{key}.json")
}

/// The words too common to pick an index file by (a shard key holds no
/// `-`, so no word's file takes this name).
pub const SEARCH_COMMON: &str = "tim-kiem/chi-muc/tu-chung.json";

/// The results of a period, under the section of its kind: `thang/2023-10/`,
/// `quy/2024-q1/`, `nam/2024/`, `tuan/2024-w03/`, `ky/2025-01-01-2025-05-15/`;
/// a portal week `tuan/2024-tuan-03/`, a year to date with its hour
/// `ky/2025-01-01-2025-11-20-1600/`.
pub fn period(period: &Period) -> String {
    let section = match period {
        Period::Month { .. } => MONTHS,
        Period::Quarter { .. } => QUARTERS,
        Period::Half { .. } => HALF_YEARS,
        Period::Year { .. } => YEARS,
        Period::Week { .. } | Period::PortalWeek { .. } => WEEKS,
        Period::Range { .. } | Period::YearToDate { .. } => SPANS,
    };
    format!("{section}{}/", period.slug())
}

/// A unit's page: `don-vi/so-tu-phap/`.
pub fn unit(id: &str) -> String {
    format!("{UNITS}{id}/")
}

/// A dispatch's page: `van-ban/2023-10-vpub/`.
pub fn dispatch(slug: &str) -> String {
    format!("{DISPATCHES}{slug}/")
}

/// An indicator's page: `chi-so/tong-diem/`.
pub fn indicator(id: &str) -> String {
    format!("{INDICATORS}{id}/")
}

/// The dispatches issued in one year, when the list is split by year:
/// `van-ban/nam-2023/` (dispatch slugs start with their period, digits).
pub fn dispatch_year(year: i32) -> String {
    format!("{DISPATCHES}nam-{year}/")
}

/// The data of a unit's chart of one indicator, beside the unit's page.
pub fn unit_chart_csv(unit: &str, indicator: &str) -> String {
    format!("{UNITS}{unit}/{indicator}.csv")
}

/// The data of a unit's chart among its peers (a slug has no dot, so this
/// never meets an indicator's own CSV).
pub fn unit_peers_csv(unit: &str, indicator: &str) -> String {
    format!("{UNITS}{unit}/{indicator}.so-sanh.csv")
}

/// The data of an indicator's chart for one unit, beside the indicator's page.
pub fn indicator_chart_csv(indicator: &str, unit: &str) -> String {
    format!("{INDICATORS}{indicator}/{unit}.csv")
}

/// The data of an indicator's ranking chart, beside the indicator's page.
pub fn ranking_csv(indicator: &str) -> String {
    format!("{INDICATORS}{indicator}/xep-hang.csv")
}

/// A theme asset: `static/style.css`.
pub fn asset(name: &str) -> String {
    format!("{STATIC}{name}")
}

/// The file an address is written to: `don-vi/x/` → `don-vi/x/index.html`;
/// a file's address is its own path.
pub fn file_of(address: &str) -> String {
    if address.is_empty() || address.ends_with('/') {
        format!("{address}index.html")
    } else {
        address.to_string()
    }
}

/// The address of a file: `don-vi/x/index.html` → `don-vi/x/`.
pub fn url_of_file(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

/// The prefix that leads from a file back to the site root:
/// `don-vi/x/index.html` → `../../`; `index.html` → ``.
pub fn root_of(file: &str) -> String {
    "../".repeat(file.matches('/').count())
}

/// A link from the file `from` to `address`: by its name alone when it is
/// in the same folder (a chart's CSV beside its page), else by way of the
/// site root.
pub fn link(from: &str, address: &str) -> String {
    let folder = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    match address.strip_prefix(folder) {
        Some(rest) if !folder.is_empty() && rest.starts_with('/') => rest[1..].to_string(),
        _ if folder.is_empty() => address.to_string(),
        _ => format!("{}{address}", root_of(from)),
    }
}

/// The part of the site a file belongs to, rendered as a whole: a unit's,
/// month's, dispatch's or indicator's folder (`don-vi/<id>`, …), the search
/// index (`tim-kiem/chi-muc`); any other file is its own part.
pub fn owner(path: &str) -> &str {
    let sections = [UNITS, DISPATCHES, INDICATORS, SEARCH];
    for section in sections.into_iter().chain(PERIOD_SECTIONS) {
        if let Some(rest) = path.strip_prefix(section) {
            if let Some((name, _)) = rest.split_once('/') {
                return &path[..section.len() + name.len()];
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_written_to_its_index_file() {
        let p = Period::parse("2023-10").unwrap();
        assert_eq!(file_of(&period(&p)), "thang/2023-10/index.html");
        // Other periods under the section of their kind.
        for (text, page) in [
            ("2024", "nam/2024/index.html"),
            ("2024-Q1", "quy/2024-q1/index.html"),
            ("2024-H2", "nua-nam/2024-h2/index.html"),
            ("2024-W03", "tuan/2024-w03/index.html"),
            (
                "2025-01-01/2025-05-15",
                "ky/2025-01-01-2025-05-15/index.html",
            ),
            (
                "2025-01-01/2025-11-20 16:00",
                "ky/2025-01-01-2025-11-20-1600/index.html",
            ),
            ("2024-tuan-03", "tuan/2024-tuan-03/index.html"),
        ] {
            let p = Period::parse(text).unwrap();
            assert_eq!(file_of(&period(&p)), page);
            assert_eq!(owner(page), &page[..page.len() - "/index.html".len()]);
        }
        assert_eq!(file_of(&unit("so-tu-phap")), "don-vi/so-tu-phap/index.html");
        assert_eq!(file_of(UNITS), "don-vi/index.html");
        assert_eq!(file_of(""), HOME);
        assert_eq!(url_of_file(&file_of(&dispatch("x"))), "van-ban/x/");
    }

    #[test]
    fn links_lead_back_to_the_root_or_stay_in_the_folder() {
        assert_eq!(root_of("don-vi/x/index.html"), "../../");
        assert_eq!(root_of(HOME), "");
        let page = file_of(&unit("x"));
        assert_eq!(
            link(&page, &unit_chart_csv("x", "tong-diem")),
            "tong-diem.csv"
        );
        assert_eq!(
            link(&page, &indicator_chart_csv("tong-diem", "x")),
            "../../chi-so/tong-diem/x.csv"
        );
        // A folder whose name starts like another's is not the same folder.
        assert_eq!(
            link("don-vi/x/index.html", "don-vi/xy/a.csv"),
            "../../don-vi/xy/a.csv"
        );
        assert_eq!(link(HOME, &indicator_chart_csv("t", "h")), "chi-so/t/h.csv");
    }

    #[test]
    fn owners_are_the_folders_rendered_as_a_whole() {
        assert_eq!(owner("don-vi/x/index.html"), "don-vi/x");
        assert_eq!(owner("don-vi/x/tong-diem.csv"), "don-vi/x");
        assert_eq!(owner("don-vi/index.html"), "don-vi/index.html");
        assert_eq!(
            owner("du-lieu/ket-qua-2023.csv"),
            "du-lieu/ket-qua-2023.csv"
        );
        assert_eq!(owner("thang/2023-10/index.html"), "thang/2023-10");
        assert_eq!(owner(FEED), FEED);
    }

    /// The literal text of an attribute value, without its `{{ … }}` parts.
    fn literal(value: &str) -> String {
        let mut out = String::new();
        let mut rest = value;
        while let Some(i) = rest.find("{{") {
            out.push_str(&rest[..i]);
            rest = rest[i..].split_once("}}").map_or("", |(_, r)| r);
        }
        out + rest
    }

    #[test]
    fn the_default_templates_spell_no_address() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut links = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for attr in [" href=\"", " src=\""] {
                for value in text.split(attr).skip(1).filter_map(|v| v.split('"').next()) {
                    links += 1;
                    let own = literal(value);
                    assert!(
                        own.is_empty() || own.starts_with('#') || own.starts_with("https://"),
                        "{}: `{value}` spells an address; take it from the view or `urls`",
                        path.display()
                    );
                }
            }
        }
        assert!(links > 40, "the templates' links were read ({links})");
    }
}
