//! Messages in Vietnamese by default and in English with `--lang en` (or
//! `CONGKHAI_LANG=en`): `check`, `build`, `new` and `import` run as
//! processes; places an editor can find (the appendix, the printed STT);
//! YAML syntax errors in plain words.

use crate::support::api::Lang;
use crate::support::*;
use std::process::Command;

/// `congkhai <args>` on `fx`'s content; `lang` as `--lang`, or nothing
/// (the default). The exit status and everything printed.
fn run(fx: &Fixture, args: &[&str], lang: Option<&str>) -> (bool, String) {
    let mut cmd = Command::new(bin());
    cmd.env_remove("CONGKHAI_LANG").args(args);
    if let Some(l) = lang {
        cmd.args(["--lang", l]);
    }
    let out = cmd
        .arg("--content")
        .arg(fx.content())
        .output()
        .expect("running the congkhai binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn check_speaks_vietnamese_by_default_and_english_when_asked() {
    let fx = Fixture::real();
    let (ok, vi) = run(&fx, &["check"], None);
    assert!(ok, "{vi}");
    assert!(vi.starts_with("đạt: ") && vi.contains(" văn bản, "), "{vi}");
    let (_, en) = run(&fx, &["check"], Some("en"));
    assert!(
        en.starts_with("ok: ") && en.contains(" dispatches, "),
        "{en}"
    );

    let line = fx.replace(
        OCT_2023,
        "        unit: so-tu-phap\n        values:\n          - 44,6\n        status: Chưa hoàn thành\n",
        "        unit: so-tu-phap\n        values:\n          - 44,6\n        statu: Chưa hoàn thành\n",
    ) + 3;
    let (ok, vi) = run(&fx, &["check"], None);
    assert!(!ok);
    let at = format!("{OCT_2023}:{line}:");
    assert!(vi.contains(&at), "{vi}");
    assert!(
        vi.contains("lỗi ở Phụ lục I, dòng STT 15 (dòng thứ 16 của bảng, đếm từ 1), trường `statu`: trường không có trong mẫu: `statu` (có phải ý bạn là `status`?)"),
        "{vi}"
    );
    assert!(
        vi.contains("    cách sửa: các trường được phép ở đây: "),
        "{vi}"
    );
    assert!(vi.contains("không đạt: 1 lỗi, 0 cảnh báo"), "{vi}");
    let (_, en) = run(&fx, &["check"], Some("en"));
    assert!(
        en.contains("error in `appendices[0].rows[15].statu` (appendix I, row no. 15 (row 16 of the table, counted from 1)): unknown field `statu` (did you mean `status`?)"),
        "{en}"
    );
    assert!(en.contains("failed: 1 errors, 0 warnings"), "{en}");
    // The environment chooses too; the flag wins over it.
    let out = Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .args(["check", "--content"])
        .arg(fx.content())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("help: allowed here"));
    let out = Command::new(bin())
        .env("CONGKHAI_LANG", "en")
        .args(["--lang", "vi", "check", "--content"])
        .arg(fx.content())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("cách sửa: các trường"));
}

#[test]
fn a_refused_build_says_why_in_both_languages() {
    let fx = Fixture::real();
    let output = fx.scratch("mine");
    std::fs::create_dir_all(&output).unwrap();
    std::fs::write(output.join("luan-van.docx"), b"not ours").unwrap();
    let out = output.to_str().unwrap();
    let (ok, vi) = run(&fx, &["build", "--output", out], None);
    assert!(!ok);
    assert!(vi.contains("lỗi: từ chối thay thế "), "{vi}");
    assert!(vi.contains("không do congkhai tạo ra"), "{vi}");
    assert!(
        vi.contains("cách sửa: chọn một thư mục mới hoặc trống"),
        "{vi}"
    );
    assert!(vi.contains(" giữ nguyên"), "{vi}");
    let (_, en) = run(&fx, &["build", "--output", out], Some("en"));
    assert!(en.contains("error: refusing to replace "), "{en}");
    assert!(en.contains("help: name a new or empty folder"), "{en}");
    assert!(output.join("luan-van.docx").is_file(), "left as it was");
}

#[test]
fn new_refuses_a_period_that_has_its_dispatch_in_both_languages() {
    let fx = Fixture::real();
    let (ok, vi) = run(&fx, &["new", "2025-03"], None);
    assert!(!ok);
    assert!(
        vi.contains("lỗi: ") && vi.contains("đã có văn bản cho kỳ tháng 03/2025"),
        "{vi}"
    );
    let (_, en) = run(&fx, &["new", "2025-03"], Some("en"));
    assert!(
        en.contains("error: ") && en.contains("already has a dispatch for"),
        "{en}"
    );
    let (ok, vi) = run(&fx, &["new", "4/2025"], None);
    assert!(!ok);
    assert!(
        vi.contains("`4/2025` là tháng viết như trên văn bản"),
        "{vi}"
    );
}

#[test]
fn import_names_an_unknown_unit_in_both_languages() {
    let fx = Fixture::real();
    let table = fx.scratch("bang.csv");
    std::fs::write(
        &table,
        "STT,Tên cơ quan,Kết quả hồ sơ nộp trực tuyến tháng (%)\n1,Sở Tư phap X,\"44,6\"\n",
    )
    .unwrap();
    let args = [
        "import",
        table.to_str().unwrap(),
        "--dispatch",
        "2023-10-vpub",
        "--appendix",
        "I",
    ];
    let (ok, vi) = run(&fx, &args, None);
    assert!(!ok);
    assert!(
        vi.contains("dòng 2 của bảng: `Sở Tư phap X` không phải tên của đơn vị nào"),
        "{vi}"
    );
    assert!(vi.contains("cách sửa: đơn vị gần nhất: so-tu-phap"), "{vi}");
    assert!(vi.contains("không ghi gì cả"), "{vi}");
    let (_, en) = run(&fx, &args, Some("en"));
    assert!(
        en.contains("row 2 of the table: `Sở Tư phap X` is not the name of a unit"),
        "{en}"
    );
}

/// A cell's place names the appendix by its printed number, the row by
/// its printed STT and the column by its heading; a row whose STT is its
/// position says so once.
#[test]
fn a_place_names_the_printed_appendix_stt_and_column() {
    let fx = Fixture::real();
    fx.replace(OCT_2023, "          - 44,6\n", "          - 446\n");
    let loaded = fx.load();
    let d = errors_at(&loaded, OCT_2023, "appendices[0].rows[15].values[0]");
    assert_eq!(d.len(), 1, "{}", report(&loaded));
    let place = d[0].place.as_ref().expect("a place");
    assert_eq!(
        place.vi,
        "Phụ lục I, dòng STT 15 (dòng thứ 16 của bảng, đếm từ 1), cột số liệu thứ 1 “Kết quả hồ sơ nộp trực tuyến tháng (%)”"
    );
    assert!(
        place
            .en
            .starts_with("appendix I, row no. 15 (row 16 of the table"),
        "{}",
        place.en
    );
    assert!(
        d[0].to_string().contains(": lỗi ở Phụ lục I, dòng STT 15"),
        "{}",
        d[0]
    );

    // A unit of units.yaml by its id.
    let fx = Fixture::real();
    fx.replace("units.yaml", "  - id: so-tai-chinh\n    name: Sở Tài chính\n", "  - id: so-tai-chinh\n    name: Sở Tài chính\n    valid_to: 2020-01-01\n    valid_from: 2021-01-01\n");
    let loaded = fx.load();
    let d = loaded
        .diagnostics
        .errors()
        .find(|d| d.field.ends_with(".valid_to"))
        .expect("an error");
    let place = d.place.as_ref().unwrap();
    assert!(
        place.vi.starts_with("đơn vị `so-tai-chinh` (mục thứ "),
        "{}",
        place.vi
    );
}

/// YAML syntax errors, each in a dispatch of the real content, explained
/// in plain words with the line to look at and its text.
#[test]
fn yaml_syntax_errors_are_explained_in_plain_words() {
    let rows =
        "          - 100\n        status: Hoàn thành\n      - no: \"2\"\n        unit: so-ke-hoach-va-dau-tu\n";
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "a row without its dash",
            rows,
            "          - 100\n        status: Hoàn thành\n      no: \"2\"\n        unit: so-ke-hoach-va-dau-tu\n",
            "thiếu dấu `-`",
        ),
        (
            "a tab in the indentation",
            "place: Hung Yên\n",
            "place: Hưng Yên\n\tnote: x\n",
            "phím Tab",
        ),
        (
            "a quote not closed",
            "place: Hung Yên\n",
            "place: \"Hưng Yên\n",
            "dấu ngoặc kép mở ở dòng",
        ),
        (
            "a text with `: ` not quoted",
            "place: Hung Yên\n",
            "place: Hưng Yên: tỉnh\n",
            "`: `",
        ),
    ];
    for (name, from, to, says) in cases {
        let fx = Fixture::real();
        let file = if from == rows { OCT_2023 } else { FEB_2023 };
        fx.replace(file, from, to);
        let loaded = fx.load();
        let errs = errors_at(&loaded, file, "");
        assert_eq!(errs.len(), 1, "{name}: {}", report(&loaded));
        let d = errs[0];
        assert!(
            d.message.vi.starts_with("lỗi cú pháp YAML: "),
            "{name}: {d}"
        );
        assert!(d.message.vi.contains(says), "{name}: {d}");
        assert!(
            d.message.vi.contains(" — dòng "),
            "{name}: the line's text: {d}"
        );
        assert!(d.line.is_some(), "{name}: {d}");
        assert!(
            d.message.en.starts_with("YAML syntax: "),
            "{name}: {}",
            d.render(Lang::En)
        );
        assert!(crate::rule_table::untranslated(d).is_empty(), "{name}: {d}");
    }
}

/// A row whose `- ` was left out, its fields aligned with the row above:
/// YAML reads the row's keys again in the row above, and the hint says
/// that a `-` may be missing.
#[test]
fn a_key_given_twice_in_a_row_suggests_the_missing_dash() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "          - 100\n        status: Hoàn thành\n      - no: \"2\"\n        unit: so-ke-hoach-va-dau-tu\n",
        "          - 100\n        status: Hoàn thành\n        no: \"2\"\n        unit: so-ke-hoach-va-dau-tu\n",
    );
    let loaded = fx.load();
    let d = the_error(&loaded, OCT_2023, "appendices[0].rows[1].no", line + 2);
    let hint = d.hint.as_ref().unwrap();
    assert!(hint.vi.contains("thiếu dấu `-`: viết `- no: …`"), "{d}");
    assert!(hint.en.contains("the `-` is missing"), "{d}");
}
