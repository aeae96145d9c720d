//! The shipped content loads, and every seed's figures are in the model as
//! the seed prints them.

use crate::support::api::{
    load, Dispatch, DispatchKind, Figure, FigureSource, FigureValue, Measure, Model, Num, Period,
    Rank, Status,
};
use crate::support::*;
use std::sync::OnceLock;

/// The model of the real content, loaded once.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let loaded = load(&real_content());
        assert!(
            !loaded.diagnostics.has_errors(),
            "the shipped content has errors:\n{}",
            report(&loaded)
        );
        loaded.model.expect("a model")
    })
}

fn month(year: i32, month: u32) -> Period {
    Period::Month { year, month }
}

/// The one figure of `unit` for `indicator` in `period`.
fn figure(unit: &str, period: Period, indicator: &str) -> &'static Figure {
    let found: Vec<&Figure> = model()
        .figures_of_unit(unit)
        .into_iter()
        .filter(|f| f.period == period && *f.indicator == *indicator)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{unit} / {period} / {indicator}: {} figures",
        found.len()
    );
    found[0]
}

fn value(f: &Figure) -> Num {
    match &f.value {
        FigureValue::Value { value } => *value,
        other => panic!("{} / {}: not a value: {other:?}", f.unit, f.indicator),
    }
}

/// Assert a figure's value as printed: the number and its decimals.
fn assert_printed(f: &Figure, text: &str) {
    let v = value(f);
    assert_eq!(
        v.to_string(),
        text,
        "{} / {} / {}",
        f.unit,
        f.period,
        f.indicator
    );
    let parsed = Num::parse(text).unwrap();
    assert_eq!(v.decimals, parsed.decimals);
    assert!((v.value - parsed.value).abs() < 1e-9);
}

/// The dispatch of `issuer` for `period`.
fn dispatch(issuer: &str, period: Period) -> &'static Dispatch {
    let found: Vec<&Dispatch> = model()
        .dispatches_of_period(&period)
        .into_iter()
        .filter(|d| d.file.issuer_unit() == Some(issuer))
        .collect();
    assert_eq!(found.len(), 1, "dispatches of {issuer} for {period}");
    found[0]
}

/// A rank as the dispatch prints it, leading zero and all.
fn rank(printed: &str) -> Option<Rank> {
    let (position, of) = printed.split_once('/')?;
    Some(Rank {
        position: position.parse().ok()?,
        of: of.parse().ok()?,
        digits: position.len() as u8,
    })
}

// ---- The shipped content ----------------------------------------------------

#[test]
fn real_content_loads_without_errors() {
    let loaded = load(&real_content());
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let model = loaded.model.as_ref().expect("a model");
    // Listed for whoever reads the test output.
    println!(
        "{} dispatches, {} units, {} figures, {} warnings",
        model.dispatches.len(),
        model.units.len(),
        model.figures.len(),
        loaded.diagnostics.warning_count()
    );
    for w in loaded.diagnostics.warnings() {
        println!("{w}");
    }
    assert!(model.dispatches.len() >= 5, "the five seeds");
    // Every figure is linked to a unit, an indicator and its source dispatch.
    for f in &model.figures {
        assert!(model.unit(&f.unit).is_some(), "{f:?}");
        assert!(model.indicator(&f.indicator).is_some(), "{f:?}");
        let d = model.dispatch(&f.dispatch).expect("source dispatch");
        assert_eq!(d.file.period, Some(f.period), "{f:?}");
    }
}

#[test]
fn every_unit_reference_of_units_yaml_resolves() {
    let model = model();
    for u in &model.units {
        if let Some(p) = &u.entry.parent {
            assert!(model.unit(p).is_some(), "{}: parent {p}", u.id());
        }
        for s in &u.entry.successors {
            let succ = model.unit(s).unwrap();
            assert!(succ.predecessors.iter().any(|p| p == u.id()));
        }
    }
    // The 2025 merger: planning and investment into finance.
    let khdt = model.unit("so-ke-hoach-va-dau-tu").unwrap();
    assert_eq!(khdt.entry.successors, ["so-tai-chinh"]);
    assert_eq!(
        khdt.entry.valid_to.map(|d| d.to_string()).as_deref(),
        Some("2025-02-28")
    );
    assert_eq!(
        model
            .unit("hung-yen")
            .unwrap()
            .entry
            .codes
            .get("dvcqg")
            .map(String::as_str),
        Some("H31")
    );
}

// ---- Seed 000: February 2023, no. 68 ------------------------------------------

#[test]
fn seed_000_february_2023() {
    let feb = month(2023, 2);
    let d = dispatch("hung-yen", feb);
    assert_eq!(d.file.kind, DispatchKind::MonthlyResults);
    assert_eq!(d.number_text(), "68/VPUB-PVHCC&KSTT");
    assert_eq!(d.file.issued().expect("a date").to_string(), "2023-03-08");
    assert_eq!(
        d.file.data_as_of.map(|x| x.to_string()).as_deref(),
        Some("2023-02-28")
    );

    let total = figure("hung-yen", feb, "tong-diem");
    assert_eq!(value(total), Num::new(55.02, 2));
    assert_eq!(value(total).to_string(), "55,02");
    assert_eq!(total.rank, rank("20/63"));
    assert_eq!(total.max.map(|m| m.value), Some(100.0));
    assert_eq!(&*total.dispatch, d.slug.as_str());
    assert_eq!(total.source, FigureSource::Results);

    for (indicator, printed, max) in [
        ("cong-khai-minh-bach", "7,7", 18.0),
        ("tien-do-giai-quyet", "18,4", 20.0),
        ("dich-vu-cong-truc-tuyen", "7,4", 12.0),
        ("muc-do-hai-long", "12", 18.0),
    ] {
        let f = figure("hung-yen", feb, indicator);
        assert_printed(f, printed);
        assert_eq!(f.max.map(|m| m.value), Some(max), "{indicator}");
    }
    // Four groups only: no online payment, no digitization that month.
    assert!(model()
        .figures_of_period(&feb)
        .iter()
        .all(|f| *f.indicator != *"so-hoa-ho-so" && *f.indicator != *"thanh-toan-truc-tuyen"));
    // Unit-level satisfaction data withheld: a note about that group.
    assert!(d
        .file
        .notes
        .iter()
        .any(|n| n.indicator.as_deref() == Some("muc-do-hai-long")
            && n.text.contains("tạm thời dừng")));
}

// ---- Seed 001: Mỹ Hào, November 2023 -----------------------------------------

#[test]
fn seed_001_my_hao_november_2023() {
    let nov = month(2023, 11);
    let d = dispatch("my-hao", nov);
    // "Số: /VP" and "ngày tháng 12 năm 2023": number and day left blank.
    assert_eq!(d.file.number, None);
    assert_eq!(d.number_text(), "/VP");
    let date = d.file.issued().expect("a date");
    assert_eq!(date.day, None);
    assert_eq!((date.year, date.month), (2023, 12));

    let figures: Vec<&Figure> = model()
        .figures_of_period(&nov)
        .into_iter()
        .filter(|f| *f.dispatch == *d.slug)
        .collect();
    let printed = |indicator: &str| {
        let f = figures
            .iter()
            .find(|f| *f.indicator == *indicator)
            .unwrap_or_else(|| panic!("{indicator}"));
        value(f).to_string()
    };
    assert_eq!(printed("cong-khai-minh-bach"), "7,3");
    assert_eq!(printed("tien-do-giai-quyet"), "19,8");
    assert_eq!(printed("thanh-toan-truc-tuyen"), "7,9");
    assert_eq!(printed("so-hoa-ho-so"), "17,6");

    // 14/14 units deployed e-certified copies.
    let results = d.file.results.as_ref().unwrap();
    let digit = results
        .groups
        .iter()
        .find(|g| *g.indicator == *"so-hoa-ho-so")
        .unwrap();
    let detail = &digit.details[0];
    assert_eq!(detail.count.map(|c| c.0), Some(14));
    assert_eq!(detail.of.map(|c| c.0), Some(14));

    // The two communes named without figures.
    let mentioned: Vec<&str> = d.file.mentions.iter().map(|m| m.unit.as_str()).collect();
    assert!(mentioned.contains(&"hung-long"), "{mentioned:?}");
    assert!(mentioned.contains(&"phan-dinh-phung"), "{mentioned:?}");
    assert!(model()
        .figures_of_unit("hung-long")
        .iter()
        .all(|f| f.period != nov));
    assert_eq!(
        model().unit("hung-long").unwrap().entry.parent.as_deref(),
        Some("my-hao")
    );
    // The misspelling "Mỹ Hòa" stays in the text.
    assert!(d.file.body.contains("Mỹ Hòa"));
}

// ---- Seed 002: March 2025, no. 120 --------------------------------------------

#[test]
fn seed_002_march_2025() {
    let mar = month(2025, 3);
    let d = dispatch("hung-yen", mar);
    assert_eq!(d.number_text(), "120/VPUB-PVHCC&KSTT");
    assert_eq!(d.file.issued().expect("a date").to_string(), "2025-04-10");
    // Diacritics restored.
    assert!(d.file.body.contains("Công khai minh bạch"));

    let total = figure("hung-yen", mar, "tong-diem");
    assert_printed(total, "73,04");
    assert_eq!(total.rank, rank("28/63"));

    // group, score, max, national average, rank, rate
    type Group = (
        &'static str,
        &'static str,
        f64,
        &'static str,
        Option<Rank>,
        Option<&'static str>,
    );
    let groups: [Group; 6] = [
        (
            "cong-khai-minh-bach",
            "9,3",
            18.0,
            "9,9",
            rank("26/63"),
            None,
        ),
        (
            "tien-do-giai-quyet",
            "19,3",
            20.0,
            "17,6",
            rank("06/63"),
            Some("96,57"),
        ),
        (
            "dich-vu-cong-truc-tuyen",
            "7,5",
            12.0,
            "6,2",
            rank("21/63"),
            Some("69,9"),
        ),
        (
            "thanh-toan-truc-tuyen",
            "4,7",
            10.0,
            "5,2",
            rank("52/63"),
            Some("31,08"),
        ),
        ("muc-do-hai-long", "17,8", 18.0, "17,5", None, Some("98,9")),
        ("so-hoa-ho-so", "14,6", 22.0, "14,6", None, None),
    ];
    for (indicator, score, max, avg, r, rate) in groups {
        let f = figure("hung-yen", mar, indicator);
        assert_printed(f, score);
        assert_eq!(f.max.map(|m| m.value), Some(max), "{indicator}");
        assert_eq!(
            f.national_average.map(|a| a.to_string()).as_deref(),
            Some(avg),
            "{indicator}"
        );
        assert_eq!(f.rank, r, "{indicator}");
        assert_eq!(
            f.rate.map(|x| x.to_string()).as_deref(),
            rate,
            "{indicator}"
        );
        // Read against the five-group scheme of 2025.
        assert_eq!(f.scheme.as_deref(), Some("qd766-2025-nam-nhom"));
    }

    // Digitization sub-indicators: 82,92%, 84,69%, 168 hồ sơ đạt 0,43%.
    let results = d.file.results.as_ref().unwrap();
    let digit = results
        .groups
        .iter()
        .find(|g| *g.indicator == *"so-hoa-ho-so")
        .unwrap();
    let percents: Vec<String> = digit
        .details
        .iter()
        .filter_map(|x| x.percent.map(|p| p.to_string()))
        .collect();
    assert_eq!(percents, ["82,92", "84,69", "0,43"]);
    let reuse = &digit.details[2];
    assert_eq!(reuse.count.map(|c| c.0), Some(168));
    assert_eq!(reuse.count_unit.as_deref(), Some("hồ sơ"));
}

// ---- Seed 003: October 2023, three appendices ----------------------------------

#[test]
fn seed_003_october_2023_results() {
    let oct = month(2023, 10);
    let d = dispatch("hung-yen", oct);
    assert_eq!(d.file.number, None);
    assert_eq!(d.file.issued().expect("a date").to_string(), "2023-11");

    for (indicator, printed) in [
        ("cong-khai-minh-bach", "8,4"),
        ("tien-do-giai-quyet", "18,7"),
        ("dich-vu-cong-truc-tuyen", "7,4"),
        ("thanh-toan-truc-tuyen", "5,5"),
        // Printed with one decimal, and shown so.
        ("so-hoa-ho-so", "15,0"),
    ] {
        assert_printed(figure("hung-yen", oct, indicator), printed);
    }
    let f = figure("hung-yen", oct, "so-hoa-ho-so");
    assert_eq!(value(f).decimals, 1);
    assert_eq!(value(f).value, 15.0);

    // "171/171 đơn vị".
    let results = d.file.results.as_ref().unwrap();
    let digit = results
        .groups
        .iter()
        .find(|g| *g.indicator == *"so-hoa-ho-so")
        .unwrap();
    assert_eq!(digit.details[0].count.map(|c| c.0), Some(171));
    assert_eq!(digit.details[0].of.map(|c| c.0), Some(171));
}

#[test]
fn seed_003_october_2023_appendices() {
    let oct = month(2023, 10);
    let d = dispatch("hung-yen", oct);
    let apps = &d.file.appendices;
    let numbers: Vec<&str> = apps.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["I", "II", "III"]);
    // 26 units plus the province's row I in I and II; rows 17–26 in III.
    assert_eq!(apps[0].rows.len(), 27);
    assert_eq!(apps[1].rows.len(), 27);
    let nos: Vec<&str> = apps[2].rows.iter().map(|r| r.no.as_str()).collect();
    assert_eq!(
        nos,
        ["17", "18", "19", "20", "21", "22", "23", "24", "25", "26"]
    );
    assert_eq!(apps[2].footnotes.len(), 2);

    // Phụ lục I: Sở Tư pháp 44,6, not met, against at least 60.
    let f = figure("so-tu-phap", oct, "ty-le-nop-truc-tuyen");
    assert_printed(f, "44,6");
    assert_eq!(f.status, Some(Status::NotMet));
    assert_eq!(f.target.as_ref().map(|t| t.at_least.value), Some(60.0));
    assert_eq!(f.meets_target(), Some(false));
    assert!(
        matches!(&f.source, FigureSource::Appendix { number, row } if &**number == "I" && !row.is_empty())
    );

    // Phụ lục II: Sở Tư pháp 5,63 against at least 30.
    let f = figure("so-tu-phap", oct, "ty-le-thanh-toan-truc-tuyen");
    assert_printed(f, "5,63");
    assert_eq!(f.status, Some(Status::NotMet));
    assert_eq!(f.target.as_ref().map(|t| t.at_least.value), Some(30.0));

    // Sở Khoa học và Công nghệ paid online 0%: a value, not "not applicable".
    let f = figure(
        "so-khoa-hoc-va-cong-nghe",
        oct,
        "ty-le-thanh-toan-truc-tuyen",
    );
    assert_eq!(value(f).value, 0.0);
    assert_eq!(value(f).to_string(), "0");
    assert_eq!(f.status, Some(Status::NotMet));

    // Sở Tài chính: not applicable, with the printed reason; not 0.
    let f = figure("so-tai-chinh", oct, "ty-le-thanh-toan-truc-tuyen");
    assert_eq!(
        f.value,
        FigureValue::NotApplicable {
            reason: "TTHC không có phí, lệ phí".into()
        }
    );
    assert_eq!(f.value.number(), None);
    assert_eq!(f.status, Some(Status::Met));

    // Văn Giang 21,86, not met.
    let f = figure("van-giang", oct, "ty-le-thanh-toan-truc-tuyen");
    assert_printed(f, "21,86");
    assert_eq!(f.status, Some(Status::NotMet));

    // Phụ lục III: Thành phố Hưng Yên 73,8% digitized, 1038 e-copies.
    let f = figure("thanh-pho-hung-yen", oct, "ty-le-so-hoa-ho-so");
    assert_printed(f, "73,8");
    assert_eq!(f.status, None);
    let f = figure("thanh-pho-hung-yen", oct, "so-ban-sao-dien-tu");
    assert_eq!(value(f), Num::new(1038.0, 0));
    // Shown with the Vietnamese thousands dot.
    assert_eq!(value(f).to_string(), "1.038");
    assert_eq!(
        model().indicator("so-ban-sao-dien-tu").unwrap().measure,
        Measure::Count
    );
    // Provincial departments have no row in Phụ lục III.
    assert!(model()
        .figures_of_unit("so-tu-phap")
        .iter()
        .all(|f| *f.indicator != *"so-ban-sao-dien-tu"));
}

// ---- Seed 004: the 2022 directive --------------------------------------------

#[test]
fn seed_004_directive_has_no_figures() {
    let directives: Vec<&Dispatch> = model()
        .dispatches
        .iter()
        .filter(|d| d.file.kind == DispatchKind::Directive)
        .map(|d| &**d)
        .collect();
    assert_eq!(directives.len(), 1);
    let d = directives[0];
    assert_eq!(d.number_text(), "1846/UBND-PVHCC&KSTT");
    assert_eq!(d.file.issued().expect("a date").to_string(), "2022-07-18");
    assert_eq!(d.file.period, None);
    assert!(d.file.results.is_none());
    assert!(d.file.appendices.is_empty());
    assert!(model().figures.iter().all(|f| *f.dispatch != *d.slug));
    assert!(d.file.body.contains("01/8/2022"));
    // Archived first: dispatches are ordered by date of issue.
    assert_eq!(model().dispatches[0].slug, d.slug);
}
