//! `congkhai import`: an appendix from a table as Excel or LibreOffice
//! saves it. The round trip (each appendix of the real content exported as
//! Excel saves a CSV, then imported) gives a byte-identical site; each
//! conversion and each refusal is checked on its own table.

use crate::support::api::{load, render, Cell, Status};
use crate::support::*;
use std::process::Command;

fn import(fx: &Fixture, table: &std::path::Path, args: &[&str]) -> (bool, String) {
    let mut all = vec!["import".as_ref(), table.as_os_str()];
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    congkhai_on(fx, all)
}

/// An appendix of the real content as a Vietnamese-locale Excel saves it:
/// semicolons, a byte-order mark, CRLF, decimal commas, thousands dots.
fn excel_csv(slug: &str, number: &str) -> String {
    let model = load(&real_content()).model.unwrap();
    let d = model.dispatch(slug).unwrap();
    let app = d
        .file
        .appendices
        .iter()
        .find(|a| a.number == number)
        .unwrap();
    let mut out = String::from("\u{feff}");
    let mut head = vec!["STT".to_string(), "Tên cơ quan, đơn vị".to_string()];
    head.extend(app.columns.iter().map(|c| c.heading.clone()));
    let has_status = app.columns.iter().any(|c| c.has_status);
    if has_status {
        head.push("Trạng thái".into());
    }
    let field = |s: &str| {
        if s.contains([';', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    out.push_str(&head.iter().map(|h| field(h)).collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
    for row in &app.rows {
        let name = row.printed_name.clone().unwrap_or_else(|| {
            model
                .unit(row.unit.as_deref().unwrap())
                .unwrap()
                .entry
                .name
                .clone()
        });
        let mut cells = vec![row.no.clone(), name];
        for c in &row.values {
            cells.push(match c {
                Cell::Value { value } => value.to_string(),
                Cell::NotApplicable { reason } => reason.clone(),
                Cell::NotPublished { .. } => String::new(),
                Cell::Rank { rank } => rank.to_string(),
            });
        }
        if has_status {
            cells.push(match row.status {
                Some(Status::Met) => "Hoàn thành".into(),
                Some(Status::NotMet) => "Chưa hoàn thành".into(),
                None => String::new(),
            });
        }
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

#[test]
fn every_appendix_round_trips_to_a_byte_identical_site() {
    let fx = Fixture::real();
    let mut imported = 0;
    let model = load(&real_content()).model.unwrap();
    for d in model
        .dispatches
        .iter()
        .filter(|d| !d.file.appendices.is_empty())
    {
        let slug = d.slug.as_str();
        for app in &d.file.appendices {
            let table = fx.scratch(&format!("{slug}-{}.csv", app.number));
            std::fs::write(&table, excel_csv(slug, &app.number)).unwrap();
            let (ok, said) = import(
                &fx,
                &table,
                &["--dispatch", slug, "--appendix", &app.number],
            );
            assert!(ok, "{slug} {}: {said}", app.number);
            imported += 1;
        }
    }
    assert!(imported >= 3, "{imported} appendices");
    let a = render(&options(&real_content(), &fx.scratch("a"), None))
        .unwrap()
        .0;
    let b = render(&options(fx.content(), &fx.scratch("b"), None))
        .unwrap()
        .0;
    if let Some(d) = first_difference(&a.files, &b.files) {
        panic!("the imported site differs: {d}");
    }
}

#[test]
fn conversions_and_a_dry_run() {
    let fx = Fixture::real();
    let before = fx.read(OCT_2023);
    let table = fx.scratch("t.tsv");
    std::fs::write(
        &table,
        "STT\tTên cơ quan, đơn vị\tKết quả hồ sơ nộp trực tuyến tháng (%)\tTrạng thái\n\
         \tI. Các sở, ban, ngành\t\t\n\
         1\tsở tư pháp\t44.6%\tchưa hoàn thành\n\
         2\tSở Nội vụ\t\t\n\
         3\tSở Tài chính\tTTHC không có phí, lệ phí\t\n",
    )
    .unwrap();
    let (ok, said) = import(
        &fx,
        &table,
        &["--dispatch", "2023-10-vpub", "--appendix", "I", "--dry-run"],
    );
    assert!(ok, "{said}");
    assert_eq!(fx.read(OCT_2023), before, "a dry run writes nothing");
    for expected in [
        "unit: so-tu-phap\n        printed_name: \"sở tư pháp\"\n        values:\n          - 44,6\n        status: Chưa hoàn thành",
        "unit: so-noi-vu\n        values:\n          - ~",
        "- { not_applicable: \"TTHC không có phí, lệ phí\" }",
        "left out (headings or no figures): 2",
    ] {
        assert!(said.contains(expected), "{expected}\n---\n{said}");
    }
}

#[test]
fn names_that_are_no_unit_stop_the_import_with_the_closest() {
    let fx = Fixture::real();
    let before = fx.read(OCT_2023);
    let table = fx.scratch("t.csv");
    std::fs::write(
        &table,
        "STT,Tên cơ quan,Kết quả hồ sơ nộp trực tuyến tháng (%)\n1,Sở Tư phap X,\"44,6\"\n",
    )
    .unwrap();
    let (ok, said) = import(
        &fx,
        &table,
        &["--dispatch", "2023-10-vpub", "--appendix", "I"],
    );
    assert!(!ok);
    assert!(
        said.contains("row 2 of the table: `Sở Tư phap X` is not the name of a unit"),
        "{said}"
    );
    assert!(said.contains("the closest unit: so-tu-phap"), "{said}");
    assert_eq!(fx.read(OCT_2023), before, "nothing written");

    std::fs::write(&table, "STT;Tên;Số lượng\n1;Sở Tư pháp;\"85,4\"\n").unwrap();
    let (ok, said) = import(
        &fx,
        &table,
        &[
            "--dispatch",
            "2023-10-vpub",
            "--appendix",
            "III",
            "--columns",
            "stt,unit,2",
        ],
    );
    assert!(
        !ok && said.contains("count column is not a whole number"),
        "{said}"
    );

    let (ok, said) = import(
        &fx,
        &table,
        &["--dispatch", "2023-10-vpub", "--appendix", "IX"],
    );
    assert!(!ok && said.contains("no appendix `IX`"), "{said}");
}

/// Long names and headings wrapped inside their cells (Alt+Enter in
/// Excel; the CSV quotes the cell and keeps the line break) read as the
/// same names and headings on one line; a control character pasted into a
/// cell stops the import at its row, before anything is written.
#[test]
fn cells_wrapped_with_alt_enter_read_as_one_line() {
    let args = ["--dispatch", "2023-10-vpub", "--appendix", "I", "--dry-run"];
    let plain = "STT;Tên cơ quan, đơn vị;Kết quả hồ sơ nộp trực tuyến tháng (%);Trạng thái\r\n\
                 1;Sở Tư pháp;44,6;Chưa hoàn thành\r\n\
                 2;Sở Nội vụ;;\r\n";
    let wrapped =
        "STT;\"Tên cơ quan,\nđơn vị\";\"Kết quả hồ sơ nộp\ntrực tuyến tháng (%)\";Trạng thái\r\n\
                   1;\"Sở Tư\npháp\";44,6;\"Chưa\nhoàn thành\"\r\n\
                   2;Sở  Nội vụ;;\r\n";
    let fx = Fixture::real();
    let said: Vec<String> = [plain, wrapped]
        .iter()
        .map(|text| {
            let table = fx.scratch("t.csv");
            std::fs::write(&table, text).unwrap();
            let (ok, said) = import(&fx, &table, &args);
            assert!(ok, "{said}");
            said
        })
        .collect();
    assert!(said[0].contains("unit: so-tu-phap\n"), "{}", said[0]);
    assert!(!said[1].contains("printed_name"), "{}", said[1]);
    assert_eq!(said[0], said[1]);

    let before = fx.read(OCT_2023);
    let table = fx.scratch("t.csv");
    std::fs::write(
        &table,
        plain.replace("Sở Nội vụ;;", "Sở Nội vụ;TTHC không\u{1}có phí;"),
    )
    .unwrap();
    let (ok, said) = import(&fx, &table, &args[..4]);
    assert!(!ok);
    assert!(
        said.contains("row 3 of the table: a control character (U+0001) in the text"),
        "{said}"
    );
    assert!(said.contains("retype that cell"), "{said}");
    assert_eq!(fx.read(OCT_2023), before, "nothing written");
}

/// Figures an Excel formula computed (44.599999999999994) in cells shown
/// with two decimals (`0.00`) read as the cells show them: 44,60 and 100,00.
#[test]
fn an_excel_formula_s_figure_reads_as_its_cell_shows_it() {
    let fx = Fixture::real();
    let table = fixtures().join("import").join("phu-luc-1-so-le.xlsx");
    let (ok, said) = import(
        &fx,
        &table,
        &["--dispatch", "2023-10-vpub", "--appendix", "I", "--dry-run"],
    );
    assert!(ok, "{said}");
    for expected in [
        "unit: so-tu-phap\n        values:\n          - 44,60\n",
        "unit: so-noi-vu\n        values:\n          - 100,00\n",
    ] {
        assert!(said.contains(expected), "{expected}\n---\n{said}");
    }
}

/// The same small table saved by a spreadsheet program (figures stored as
/// numbers), and pasted on standard input: the rows read alike.
#[test]
fn spreadsheets_and_a_pasted_table_read_alike() {
    let expected = "      - no: \"1\"\n        unit: so-tu-phap\n        values:\n          - 44,6\n        status: Chưa hoàn thành\n      - no: \"2\"\n        unit: so-noi-vu\n        values:\n          - 100\n        status: Hoàn thành\n";
    let args = ["--dispatch", "2023-10-vpub", "--appendix", "I", "--dry-run"];
    // STT, name, "Kết quả hồ sơ nộp trực tuyến tháng (%)", status: two rows.
    // The Word file holds a letterhead table first, then the appendix. In
    // the `phu-luc-1-phan-tram` files the figures are cells formatted as
    // percentages (both programs store 44,6% as 0.446; in the .xlsx it is
    // a formula's result, 0.44599999999999995, shown as `0.0%`), and the table
    // starts below a title and right of an empty column (the .ods with the
    // repeated empty rows and cells LibreOffice writes).
    for file in [
        "phu-luc-1.xlsx",
        "phu-luc-1.ods",
        "cong-van.docx",
        "phu-luc-1-phan-tram.xlsx",
        "phu-luc-1-phan-tram.ods",
    ] {
        let fx = Fixture::real();
        let (ok, said) = import(&fx, &fixtures().join("import").join(file), &args);
        assert!(ok, "{file}: {said}");
        assert!(said.starts_with(expected), "{file}:\n{said}");
    }
    let fx = Fixture::real();
    let mut child = Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .args(["import", "-"])
        .args(args)
        .arg("--content")
        .arg(fx.content())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("STT\tTên cơ quan, đơn vị\tKết quả hồ sơ nộp trực tuyến tháng (%)\tTrạng thái\r\n1\tSở Tư pháp\t44,6\tChưa hoàn thành\r\n2\tSở Nội vụ\t100\tHoàn thành\r\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(expected));
}
