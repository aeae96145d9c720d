//! The loader's rules that the first two tables (`rule_table.rs`,
//! `faults.rs`) did not cover: the checks of units.yaml, indicators.yaml
//! and site.yaml, of an appendix's columns and rows, of the results in a
//! dispatch's text and of the fields each kind of document has. Each row is
//! an edit of a copy of the real content and the one error it must give
//! (file, exact line, field path, what is wrong and what to write, in
//! Vietnamese and English; all messages kept in a snapshot). What does not
//! fit a row (the sources and tables fixtures, warnings, an edit that gives
//! two errors) has a test of its own below the table.

use crate::rule_table::{assert_says, printed, run, untranslated, At, Edit, Rule, Says::*};
use crate::support::*;

const MORE: &[Rule] = &[
    // ---- units.yaml ----
    Rule {
        name: "a unit that is its own parent",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: xa-moi\n    name: UBND xã Mới\n    kind: commune\n    parent: xa-moi\n",
        ),
        at: At::Edit(4),
        field: "units[{new}].parent",
        says: &[Message("a unit cannot be its own parent"), Hint("hung-yen")],
    },
    Rule {
        name: "two units that are each other's parent",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: xa-mot\n    name: UBND xã Một\n    kind: commune\n    parent: xa-hai\n\n  - id: xa-hai\n    name: UBND xã Hai\n    kind: commune\n    parent: xa-mot\n",
        ),
        at: At::Edit(4),
        field: "units[{new}].parent",
        says: &[Message("the parents form a cycle"), Hint("end at the province")],
    },
    Rule {
        name: "a unit with successors but no last day",
        file: "units.yaml",
        edit: Edit::Replace(
            "    valid_to: 2025-02-28\n    successors: [so-tai-chinh]\n",
            "    successors: [so-tai-chinh]\n",
        ),
        at: At::Edit(0),
        field: "units[2].successors",
        says: &[Message("needs `valid_to`"), Hint("valid_to:")],
    },
    Rule {
        name: "a unit named like another unit",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: so-tu-phap-moi\n    name: Sở Tư pháp\n    kind: department\n    parent: hung-yen\n",
        ),
        at: At::Edit(2),
        field: "units[{new}].name",
        says: &[
            Message("the name `Sở Tư pháp` is also a name of `so-tu-phap`"),
            Hint("one unit only"),
        ],
    },
    Rule {
        name: "an alias that is another unit's name",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: so-noi-vu-moi\n    name: Sở Nội vụ mới\n    kind: department\n    parent: hung-yen\n    aliases: [Sở Nội vụ]\n",
        ),
        at: At::Edit(5),
        field: "units[{new}].aliases[0]",
        says: &[Message("also a name of `so-noi-vu`"), Hint("remove it")],
    },
    Rule {
        name: "a former id that is still a unit's id",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: so-tu-phap-moi\n    name: Sở Tư pháp mới\n    kind: department\n    parent: hung-yen\n    former_ids: [so-y-te]\n",
        ),
        at: At::Edit(5),
        field: "units[{new}].former_ids[0]",
        says: &[Message("`so-y-te` is already the id"), Hint("a former id must not be in use")],
    },
    Rule {
        name: "a parent unlike any unit",
        file: "units.yaml",
        edit: Edit::Append(
            "\n  - id: xa-moi\n    name: UBND xã Mới\n    kind: commune\n    parent: qqqqqqqqqqqqqqqqqqqq\n",
        ),
        at: At::Edit(4),
        field: "units[{new}].parent",
        says: &[Message("unknown unit"), Hint("use an id from units.yaml")],
    },
    // ---- indicators.yaml ----
    Rule {
        name: "an indicator id given twice",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "\nschemes:\n",
            "\n  - id: tong-diem\n    name: Tổng điểm (bản sao)\n    measure: points\n\nschemes:\n",
        ),
        at: At::Edit(1),
        field: "indicators[13].id",
        says: &[Message("the id `tong-diem` is used twice"), Hint("its own id")],
    },
    Rule {
        name: "a scheme id given twice",
        file: "indicators.yaml",
        edit: Edit::Replace("  - id: qd766-2026-sau-nhom\n", "  - id: qd766-2025-nam-nhom\n"),
        at: At::Edit(0),
        field: "schemes[3].id",
        says: &[Message("used twice"), Hint("each scheme its own id")],
    },
    Rule {
        name: "a scheme that ends before it starts",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "    valid_from: 2022-08-01\n    valid_to: 2023-12-31\n",
            "    valid_from: 2022-08-01\n    valid_to: 2022-07-31\n",
        ),
        at: At::Edit(1),
        field: "schemes[0].valid_to",
        says: &[Message("before valid_from 2022-08-01"), Hint("the last day the scheme")],
    },
    Rule {
        name: "parts whose maxima do not add up to their group's",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "          - { indicator: thanh-toan-truc-tuyen, max: 10 }\n",
            "          - { indicator: thanh-toan-truc-tuyen, max: 11 }\n",
        ),
        at: At::LineOf("        max: 22\n"),
        field: "schemes[2].groups[2].max",
        says: &[Message("add up to 23 but the group's max is 22"), Hint("parts' maxima")],
    },
    Rule {
        name: "groups whose maxima do not add up to the total",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "như năm 2022.\n    total_max: 100\n",
            "như năm 2022.\n    total_max: 90\n",
        ),
        at: At::Edit(1),
        field: "schemes[3].total_max",
        says: &[Message("add up to 100 but total_max is 90"), Hint("total_max")],
    },
    Rule {
        name: "a group maximum above the total while others are unknown",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "chưa ghi ở đây.\n    total_max: 100\n    groups:\n      - { indicator: cong-khai-minh-bach }\n",
            "chưa ghi ở đây.\n    total_max: 100\n    groups:\n      - { indicator: cong-khai-minh-bach, max: 120 }\n",
        ),
        at: At::Edit(1),
        field: "schemes[1].total_max",
        says: &[Message("add up to 120 but total_max is 100")],
    },
    Rule {
        name: "a scheme that starts while the one before is in force",
        file: "indicators.yaml",
        edit: Edit::Replace("    valid_from: 2024-01-01\n", "    valid_from: 2023-12-01\n"),
        at: At::Edit(0),
        field: "schemes[1].valid_from",
        says: &[
            Message("scheme `qd766-2024-bay-nhom` starts 2023-12-01 while `qd766-2022-sau-nhom` is still in force"),
            Hint("valid_to: 2023-11-30"),
        ],
    },
    Rule {
        name: "a scheme without an end before the next one",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "    valid_from: 2025-01-01\n    valid_to: 2025-12-31\n",
            "    valid_from: 2025-01-01\n",
        ),
        at: At::LineOf("    valid_from: 2026-01-01\n"),
        field: "schemes[3].valid_from",
        says: &[Message("while `qd766-2025-nam-nhom` is still in force"), Hint("valid_to: 2025-12-31")],
    },
    Rule {
        name: "a count as an index group",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "      - { indicator: cung-cap-dich-vu-cong-truc-tuyen }\n",
            "      - { indicator: so-ban-sao-dien-tu }\n",
        ),
        at: At::Edit(0),
        field: "schemes[1].groups[2].indicator",
        says: &[Message("not points: it cannot be an index group"), Hint("measure: points")],
    },
    Rule {
        name: "a percent as a part of an index group",
        file: "indicators.yaml",
        edit: Edit::Replace(
            "          - { indicator: dich-vu-cong-truc-tuyen, max: 12 }\n",
            "          - { indicator: ty-le-nop-truc-tuyen, max: 12 }\n",
        ),
        at: At::Edit(0),
        field: "schemes[2].groups[2].parts[0].indicator",
        says: &[Message("`ty-le-nop-truc-tuyen` is measured in percent")],
    },
    // ---- site.yaml ----
    Rule {
        name: "a site address without its scheme",
        file: "site.yaml",
        edit: Edit::Replace("site_url: https://hungyen.gov.vn\n", "site_url: hungyen.gov.vn\n"),
        at: At::Edit(0),
        field: "site_url",
        says: &[Message("`hungyen.gov.vn` is not a site address"), Hint("https://hungyen.gov.vn")],
    },
    Rule {
        name: "a site address with a trailing slash",
        file: "site.yaml",
        edit: Edit::Replace(
            "site_url: https://hungyen.gov.vn\n",
            "site_url: https://hungyen.gov.vn/\n",
        ),
        at: At::Edit(0),
        field: "site_url",
        says: &[Hint("without a trailing slash")],
    },
    Rule {
        name: "a theme written as a title",
        file: "site.yaml",
        edit: Edit::Replace("theme: default\n", "theme: Mặc định\n"),
        at: At::Edit(0),
        field: "theme",
        says: &[Message("`Mặc định` is not a theme folder name"), Hint("`mac-dinh`")],
    },
    // ---- references in a dispatch ----
    Rule {
        name: "an indicator's name instead of its id",
        file: FEB_2023,
        edit: Edit::Replace(
            "    - indicator: cong-khai-minh-bach\n",
            "    - indicator: Công khai, minh bạch\n",
        ),
        at: At::Edit(0),
        field: "results.groups[0].indicator",
        says: &[Hint("write the indicator's id, `cong-khai-minh-bach`, not its name")],
    },
    Rule {
        name: "an indicator unlike any indicator",
        file: FEB_2023,
        edit: Edit::Replace(
            "    - indicator: cong-khai-minh-bach\n",
            "    - indicator: qqqqqqqqqqqqqqqqqqqq\n",
        ),
        at: At::Edit(0),
        field: "results.groups[0].indicator",
        says: &[Hint("use one of: cong-khai-minh-bach")],
    },
    Rule {
        name: "an issuer that no longer existed on the date",
        file: MAR_2025,
        edit: Edit::Replace("issuer:\n  unit: hung-yen\n", "issuer:\n  unit: so-ke-hoach-va-dau-tu\n"),
        at: At::Edit(1),
        field: "issuer.unit",
        says: &[Message("Sở Kế hoạch và Đầu tư did not exist on 2025-04-10"), Hint("2025-02-28")],
    },
    // ---- results in the text ----
    Rule {
        name: "a rank without a total",
        file: FEB_2023,
        edit: Edit::Replace("  total: 55,02\n", ""),
        at: At::LineOf("  rank: 20/63\n"),
        field: "results.rank",
        says: &[Message("a rank without a total"), Hint("total:")],
    },
    Rule {
        name: "an empty grade",
        file: MAR_2025,
        edit: Edit::Replace("  rank: 28/63\n", "  rank: 28/63\n  grade: \"\"\n"),
        at: At::Edit(1),
        field: "results.grade",
        says: &[Message("the grade is empty"), Hint("tốt")],
    },
    Rule {
        name: "a group given twice",
        file: FEB_2023,
        edit: Edit::Replace(
            "    - indicator: muc-do-hai-long\n      score: 12\n",
            "    - indicator: cong-khai-minh-bach\n      score: 12\n",
        ),
        at: At::Edit(0),
        field: "results.groups[3].indicator",
        says: &[Message("`cong-khai-minh-bach` is given twice"), Hint("give each group once")],
    },
    Rule {
        name: "a group of another scheme",
        file: MAR_2025,
        edit: Edit::Replace(
            "    - indicator: muc-do-hai-long\n      score: 17,8\n",
            "    - indicator: cung-cap-dich-vu-cong-truc-tuyen\n      score: 17,8\n",
        ),
        at: At::Edit(0),
        field: "results.groups[4].indicator",
        says: &[
            Message("not a group of the scheme in force for 2025-03 (qd766-2025-nam-nhom)"),
            Hint("muc-do-hai-long"),
        ],
    },
    Rule {
        name: "a printed maximum that differs from the scheme's",
        file: FEB_2023,
        edit: Edit::Replace("      score: 7,7\n      max: 18\n", "      score: 7,7\n      max: 20\n"),
        at: At::Edit(1),
        field: "results.groups[0].max",
        says: &[Message("differs from 18"), Hint("add the new scheme")],
    },
    Rule {
        name: "a count more than its whole",
        file: OCT_2023,
        edit: Edit::Replace("          count: 171\n", "          count: 172\n"),
        at: At::Edit(0),
        field: "results.groups[4].details[0].count",
        says: &[Message("172 is more than the total of 171"), Hint("171/171")],
    },
    Rule {
        name: "a detail with neither count nor percent",
        file: MAR_2025,
        edit: Edit::Replace(
            "          count: 168\n          count_unit: hồ sơ\n          percent: 0,43\n",
            "          count_unit: hồ sơ\n",
        ),
        at: At::LineOf("        - label: Tỷ lệ khai thác"),
        field: "results.groups[5].details[2]",
        says: &[Message("a detail needs a `count` or a `percent`"), Hint("percent: 82,92")],
    },
    Rule {
        name: "a negative count in a table",
        file: OCT_2023,
        edit: Edit::Replace("          - 1038\n", "          - -1038\n"),
        at: At::Edit(0),
        field: "appendices[2].rows[0].values[1]",
        // As written: "-1.038" would read as a number the file may not hold.
        says: &[Message(": -1038 is below 0"), Hint("a count is 0 or more")],
    },
    // ---- an appendix's columns ----
    Rule {
        name: "a maximum column of a percent",
        file: OCT_2023,
        edit: Edit::Replace(
            "        heading: Kết quả số hóa hồ sơ (%) tháng\n",
            "        heading: Kết quả số hóa hồ sơ (%) tháng\n        holds: max\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].columns[0].holds",
        says: &[Message("a maximum or ratio column belongs to an indicator in points"), Hint("remove `holds:`")],
    },
    Rule {
        name: "a ratio column of a count",
        file: OCT_2023,
        edit: Edit::Replace(
            "        heading: Kết quả cấp bản sao điện tử\n",
            "        heading: Kết quả cấp bản sao điện tử\n        holds: ratio\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].columns[1].holds",
        says: &[Message("indicator in points")],
    },
    Rule {
        name: "a target on a rank column",
        file: OCT_2023,
        edit: Edit::Replace(
            "        heading: Kết quả cấp bản sao điện tử\n",
            "        heading: Kết quả cấp bản sao điện tử\n        holds: rank\n        of: 10\n        target:\n          at_least: 5\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].columns[1].holds",
        says: &[Message("belong to the value column"), Hint("move `target:`/`has_status:`")],
    },
    Rule {
        name: "a footnote mark without its footnote",
        file: OCT_2023,
        edit: Edit::Replace("        footnotes: [\"2\"]\n", "        footnotes: [\"3\"]\n"),
        at: At::Edit(0),
        field: "appendices[2].columns[1].footnotes[0]",
        says: &[Message("no footnote `3` in this appendix"), Hint("under `footnotes:`")],
    },
    Rule {
        name: "two value columns of one indicator",
        file: OCT_2023,
        edit: Edit::Replace(
            "      - indicator: so-ban-sao-dien-tu\n",
            "      - indicator: ty-le-so-hoa-ho-so\n        holds: value\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].columns[1].holds",
        says: &[Message("`ty-le-so-hoa-ho-so` already has a column of this kind"), Hint("at most one value column")],
    },
    Rule {
        name: "two columns that carry the status",
        file: OCT_2023,
        edit: Edit::Replace(
            "    columns:\n      - indicator: ty-le-so-hoa-ho-so\n        heading: Kết quả số hóa hồ sơ (%) tháng\n        footnotes: [\"1\"]\n      - indicator: so-ban-sao-dien-tu\n",
            "    columns:\n      - indicator: ty-le-so-hoa-ho-so\n        heading: Kết quả số hóa hồ sơ (%) tháng\n        footnotes: [\"1\"]\n        has_status: true\n      - indicator: so-ban-sao-dien-tu\n        has_status: true\n",
        ),
        at: At::Edit(0),
        field: "appendices[2].columns",
        says: &[Message("only one column can carry the published status"), Hint("has_status: true")],
    },
    Rule {
        name: "an extract of more units than the whole table",
        file: OCT_2023,
        edit: Edit::Replace(
            "    footnotes:\n      - mark: \"1\"\n",
            "    partial:\n      of: 5\n    footnotes:\n      - mark: \"1\"\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].partial.of",
        says: &[Message("the extract shows 10 units but `of:` says the full table has 5"), Hint("13 of about 150")],
    },
    // ---- an appendix's rows ----
    Rule {
        name: "a row with both a unit and a label",
        file: OCT_2023,
        edit: Edit::Replace(
            "        unit: thanh-pho-hung-yen\n        values:\n          - 73,8\n",
            "        unit: thanh-pho-hung-yen\n        label: Thành phố Hưng Yên\n        values:\n          - 73,8\n",
        ),
        at: At::Edit(1),
        field: "appendices[2].rows[0].label",
        says: &[Message("not both"), Hint("printed_name:")],
    },
    Rule {
        name: "a row with neither unit nor label",
        file: OCT_2023,
        edit: Edit::Replace(
            "      - no: \"17\"\n        unit: thanh-pho-hung-yen\n        values:\n          - 73,8\n",
            "      - no: \"17\"\n        values:\n          - 73,8\n",
        ),
        at: At::Edit(0),
        field: "appendices[2].rows[0]",
        says: &[Message("the row needs `unit:`"), Hint("label: Bình quân các xã")],
    },
    Rule {
        name: "a row with an empty label",
        file: OCT_2023,
        edit: Edit::Replace(
            "        unit: thanh-pho-hung-yen\n        values:\n          - 73,8\n",
            "        label: \"\"\n        values:\n          - 73,8\n",
        ),
        at: At::Edit(0),
        field: "appendices[2].rows[0].label",
        says: &[Message("the row's label is empty"), Hint("as printed")],
    },
    Rule {
        name: "two rows of one unit in an appendix",
        file: OCT_2023,
        edit: Edit::Replace(
            "        unit: kim-dong\n        values:\n          - 77,4\n          - 1194\n",
            "        unit: an-thi\n        values:\n          - 77,4\n          - 1194\n",
        ),
        at: At::Edit(0),
        field: "appendices[2].rows[2].unit",
        says: &[Message("`an-thi` has two rows in this appendix"), Hint("printed name")],
    },
    Rule {
        name: "a row with one value too few",
        file: OCT_2023,
        edit: Edit::Replace(
            "        values:\n          - 73,8\n          - 1038\n",
            "        values:\n          - 73,8\n",
        ),
        at: At::Edit(0),
        field: "appendices[2].rows[0].values",
        says: &[Message("1 value for 2 columns"), Hint("`~` for a blank cell")],
    },
    Rule {
        name: "a status in an appendix without a status column",
        file: OCT_2023,
        edit: Edit::Replace(
            "          - 73,8\n          - 1038\n",
            "          - 73,8\n          - 1038\n        status: Hoàn thành\n",
        ),
        at: At::Edit(2),
        field: "appendices[2].rows[0].status",
        says: &[Message("this appendix has no status column"), Hint("has_status: true")],
    },
    // ---- the fields of a kind of document ----
    Rule {
        name: "a results dispatch with an outlet",
        file: FEB_2023,
        edit: Edit::Append("outlet: Báo Hưng Yên\n"),
        at: At::Edit(0),
        field: "outlet",
        says: &[Message("a results dispatch has no `outlet` field"), Hint("`news-article` or `portal-capture`")],
    },
    Rule {
        name: "a results dispatch with a title",
        file: FEB_2023,
        edit: Edit::Append("title: V/v công bố kết quả\n"),
        at: At::Edit(0),
        field: "title",
        says: &[Hint("goes in `subject:`")],
    },
    Rule {
        name: "an issuer without its header lines",
        file: FEB_2023,
        edit: Edit::Replace("  header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]\n", ""),
        at: At::LineOf("issuer:\n"),
        field: "issuer",
        says: &[Message("missing field `header`"), Hint("header: [UBND TỈNH HƯNG YÊN, VĂN PHÒNG]")],
    },
    Rule {
        name: "a dispatch whose date is written unknown",
        file: FEB_2023,
        edit: Edit::Replace("date: 2023-03-08\n", "date: unknown\n"),
        at: At::Edit(0),
        field: "date",
        says: &[Message("a results dispatch has a date"), Hint("year-month")],
    },
    Rule {
        name: "a dispatch address without its scheme",
        file: FEB_2023,
        edit: Edit::Append("url: hungyen.gov.vn/van-ban/68\n"),
        at: At::Edit(0),
        field: "url",
        says: &[Message("`hungyen.gov.vn/van-ban/68` is not a web address"), Hint("starting with https://")],
    },
    Rule {
        name: "a body not filled in",
        file: FEB_2023,
        edit: Edit::Append("\n  ???\n"),
        at: At::LineOf("body: |"),
        field: "body",
        says: &[Message("not filled in yet (`???`)"), Hint("the full text of the new document")],
    },
    // ---- what the parser refuses ----
    Rule {
        name: "a value left as the stand-in of a new document",
        file: FEB_2023,
        edit: Edit::Replace("  total: 55,02\n", "  total: ???\n"),
        at: At::Edit(0),
        field: "results.total",
        says: &[Message("not filled in yet (`???`)"), Hint("write the value the new document prints")],
    },
    Rule {
        name: "a kind that is not a kind",
        file: FEB_2023,
        edit: Edit::Replace("kind: monthly-results\n", "kind: công văn\n"),
        at: At::Edit(0),
        field: "kind",
        says: &[Message("`công văn` is not allowed here"), Hint("write one of: monthly-results")],
    },
    Rule {
        name: "decimals in a list in brackets",
        file: OCT_2023,
        edit: Edit::Replace(
            "        values:\n          - 73,8\n          - 1038\n",
            "        values: [73,8, 1038]\n",
        ),
        at: At::Edit(0),
        field: "",
        says: &[Message("`73,8` inside `[ … ]`"), Hint("quote the decimal (\"73,8\")")],
    },
    Rule {
        name: "recipients written as one text",
        file: FEB_2023,
        edit: Edit::Replace(
            "recipients:\n  - Các sở, ban, ngành tỉnh;\n  - UBND các huyện, thị xã, thành phố.\n",
            "recipients: Các sở, ban, ngành tỉnh\n",
        ),
        at: At::Edit(0),
        field: "recipients",
        says: &[Message("wrong type"), Hint("write a list: one `- item` per line")],
    },
    Rule {
        name: "a signature written as a name alone",
        file: FEB_2023,
        edit: Edit::Replace(
            "signature:\n  titles: [KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG]\n  name: Trần Văn Thắng\n",
            "signature: Trần Văn Thắng\n",
        ),
        at: At::Edit(0),
        field: "signature",
        says: &[Message("wrong type"), Hint("write its fields on the lines below")],
    },
];

#[test]
fn each_further_rule_names_file_line_field_and_what_to_write() {
    insta::assert_snapshot!("more_messages", run(MORE));
}

// ---- what does not fit a row ------------------------------------------------

/// Replace `from` by `to` in `rel` of `fx`; then the one error of `field`
/// in `rel`, at the line of the edit plus `plus`, as [`printed`].
fn one_error(
    fx: &Fixture,
    rel: &str,
    edit: (&str, &str),
    plus: usize,
    field: &str,
    says: &[&str],
) -> String {
    let line = fx.replace(rel, edit.0, edit.1) + plus;
    let loaded = fx.load();
    let d = the_error(&loaded, rel, field, line);
    assert_says(d, says);
    printed(fx, d)
}

/// [`one_error`] for a warning; the model is built all the same.
fn one_warning(
    fx: &Fixture,
    rel: &str,
    edit: (&str, &str),
    plus: usize,
    field: &str,
    says: &[&str],
) -> String {
    let line = fx.replace(rel, edit.0, edit.1) + plus;
    let loaded = fx.load();
    let d = the_warning(&loaded, rel, field, line);
    assert!(d.column.is_some(), "no column: {d}");
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    assert!(loaded.model.is_some());
    assert_says(d, says);
    printed(fx, d)
}

/// What a unit's index in units.yaml is, by its id.
fn unit_index(fx: &Fixture, id: &str) -> usize {
    let text = fx.read("units.yaml");
    let at = text.find(&format!("  - id: {id}\n")).unwrap();
    text[..at].matches("\n  - id: ").count()
}

#[test]
fn a_unit_that_is_its_own_parent_is_told_once() {
    let fx = Fixture::real();
    let line = fx.replace(
        "units.yaml",
        "  - id: so-noi-vu\n    name: Sở Nội vụ\n    kind: department\n    parent: hung-yen\n",
        "  - id: so-noi-vu\n    name: Sở Nội vụ\n    kind: department\n    parent: so-noi-vu\n",
    ) + 3;
    let loaded = fx.load();
    let field = format!("units[{}].parent", unit_index(&fx, "so-noi-vu"));
    let d = the_error(&loaded, "units.yaml", &field, line);
    assert!(d.message.en.contains("its own parent"), "{d}");
    // Nothing else: the units below it are not in a cycle of their own.
    assert_eq!(loaded.diagnostics.error_count(), 1, "{}", report(&loaded));
}

#[test]
fn a_cycle_is_told_of_its_units_alone() {
    // The province under one of its departments: the two are the cycle;
    // the 130-odd units under them are not told each in turn.
    let fx = Fixture::real();
    let l1 = fx.replace(
        "units.yaml",
        "    short_name: Hưng Yên\n    kind: province\n",
        "    short_name: Hưng Yên\n    kind: province\n    parent: so-tai-chinh\n",
    ) + 2;
    let loaded = fx.load();
    let d = the_error(&loaded, "units.yaml", "units[0].parent", l1);
    assert!(d.message.en.contains("the parents form a cycle"), "{d}");
    let l2 = fx.line_of("units.yaml", "  - id: so-tai-chinh\n") + 3;
    the_error(&loaded, "units.yaml", "units[1].parent", l2);
    assert_eq!(loaded.diagnostics.error_count(), 2, "{}", report(&loaded));
}

#[test]
fn a_measure_is_named_in_vietnamese() {
    let fx = Fixture::real();
    let line = fx.replace(
        "indicators.yaml",
        "      - { indicator: cung-cap-dich-vu-cong-truc-tuyen }\n",
        "      - { indicator: so-ban-sao-dien-tu }\n",
    );
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        "indicators.yaml",
        "schemes[1].groups[2].indicator",
        line,
    );
    assert!(d.message.vi.contains("đo bằng số đếm (`count`)"), "{d}");
    assert!(!d.message.vi.contains("đo bằng count"), "{d}");
}

#[test]
fn a_missing_body_is_named() {
    let fx = Fixture::real();
    let text = fx.read(FEB_2023);
    fx.write(FEB_2023, &text[..text.find("\nbody: |").unwrap() + 1]);
    let loaded = fx.load();
    let line = fx.line_of(FEB_2023, "kind: monthly-results");
    let found: Vec<_> = errors_at(&loaded, FEB_2023, "")
        .into_iter()
        .filter(|d| d.message.en == "missing field `body`")
        .collect();
    assert_eq!(found.len(), 1, "{}", report(&loaded));
    let d = found[0];
    assert_eq!(d.line, Some(line), "{d}");
    assert!(
        text_of(d)
            .contains("add `body: |` with the full text below it (see docs/content-format.md)"),
        "{d}"
    );
    assert!(untranslated(d).is_empty(), "{d}");
}

/// Sources other than dispatches: each edit of a fixture and its one error.
#[test]
fn each_kind_of_source_names_what_it_lacks_or_cannot_have() {
    let mut out = Vec::new();
    let mut case = |name: &str, rel: &str, edit: (&str, &str), plus, field, says: &[&str]| {
        let fx = with_sources();
        out.push(format!(
            "{name}\n{}",
            one_error(&fx, rel, edit, plus, field, says)
        ));
    };
    case(
        "an article with an issuer",
        ARTICLE,
        (
            "outlet: Báo Hưng Yên\n",
            "outlet: Báo Hưng Yên\nissuer:\n  unit: hung-yen\n  body: Báo Hưng Yên\n",
        ),
        1,
        "issuer",
        &["a news article has no `issuer` field", "in `outlet:`"],
    );
    case(
        "an article with a subject",
        ARTICLE,
        (
            "byline: Minh Anh\n",
            "byline: Minh Anh\nsubject: Kết quả năm 2024\n",
        ),
        1,
        "subject",
        &["write the headline in `title:`"],
    );
    case(
        "a capture with a number",
        CAPTURE_0900,
        (
            "captured_at: 2025-11-20 09:05\n",
            "captured_at: 2025-11-20 09:05\nnumber: 12\n",
        ),
        1,
        "number",
        &[
            "a capture of the national portal has no `number` field",
            "write its address in `url:`",
        ],
    );
    case(
        "a capture with a date",
        CAPTURE_0900,
        (
            "captured_at: 2025-11-20 09:05\n",
            "captured_at: 2025-11-20 09:05\ndate: 2025-11-20\n",
        ),
        1,
        "date",
        &["in `captured_at:`, e.g. `captured_at: 2025-11-20 14:35`"],
    );
    case(
        "an article with a capture time",
        ARTICLE,
        (
            "byline: Minh Anh\n",
            "byline: Minh Anh\ncaptured_at: 2025-01-15 10:00\n",
        ),
        1,
        "captured_at",
        &["write the date of publication or issue in `date:`"],
    );
    case(
        "a report with its number but no symbol",
        WEEKLY_REPORT,
        ("number: 12\nsymbol: BC-TTPVHCC\n", "number: 12\n"),
        0,
        "number",
        &["the report's number has no symbol", "`symbol: BC-UBND`"],
    );
    case(
        "a capture cut off after it was taken",
        CAPTURE_0900,
        ("period: 2025-01-01/2025-11-20 09:00\n", "period: 2025-01-01/2025-11-20 10:00\n"),
        0,
        "period",
        &["the figures' cut-off 2025-01-01/2025-11-20 10:00 is after the capture (2025-11-20 09:05)", "`captured_at:`"],
    );
    insta::assert_snapshot!("more_source_messages", out.join("\n\n"));
}

#[test]
fn an_article_without_a_date_is_told_it_may_write_unknown() {
    let fx = with_sources();
    fx.replace(ARTICLE, "date: 2025-01-15\n", "");
    let loaded = fx.load();
    let line = fx.line_of(ARTICLE, "kind: news-article");
    let found = errors_at(&loaded, ARTICLE, "");
    assert_eq!(found.len(), 1, "{}", report(&loaded));
    let d = found[0];
    assert_eq!(d.line, Some(line), "{d}");
    assert!(d.message.en.contains("missing field `date`"), "{d}");
    assert!(
        text_of(d).contains("; when the source gives no date, write `date: unknown`"),
        "{d}"
    );
    assert!(text_vi(d).contains("date: unknown"), "{d}");
    assert!(untranslated(d).is_empty(), "{d}");
}

#[test]
fn a_report_without_a_title_is_named() {
    let fx = with_sources();
    fx.replace(
        WEEKLY_REPORT,
        "title: Báo cáo kết quả thực hiện Bộ chỉ số tuần thứ 3 năm 2024\n",
        "",
    );
    let loaded = fx.load();
    let line = fx.line_of(WEEKLY_REPORT, "kind: report");
    let found = errors_at(&loaded, WEEKLY_REPORT, "");
    assert_eq!(found.len(), 1, "{}", report(&loaded));
    let d = found[0];
    assert_eq!(d.line, Some(line), "{d}");
    assert!(d.message.en.contains("the report has no title"), "{d}");
    assert!(
        text_of(d).contains(
            "add `title:` with the report's title as printed, or `subject:` when it prints \"V/v …\""
        ),
        "{d}"
    );
    assert!(untranslated(d).is_empty(), "{d}");
}

#[test]
fn an_undated_article_without_its_period_gives_two_errors() {
    // Its date is unknown, and it carries figures: each needs the period.
    let fx = with_sources();
    fx.replace(ARTICLE_UNDATED, "period: 2024-Q4\n", "");
    let loaded = fx.load();
    let d = the_error(
        &loaded,
        ARTICLE_UNDATED,
        "date",
        fx.line_of(ARTICLE_UNDATED, "date: unknown"),
    );
    assert!(
        d.message
            .en
            .contains("a source whose date is unknown needs its period"),
        "{d}"
    );
    assert!(
        text_of(d).contains(
            "add `period:` (the period its figures cover): lists place a source with an unknown date at the end of that period"
        ),
        "{d}"
    );
    assert!(untranslated(d).is_empty(), "{d}");
    let d = the_error(
        &loaded,
        ARTICLE_UNDATED,
        "kind",
        fx.line_of(ARTICLE_UNDATED, "kind: news-article"),
    );
    assert!(
        d.message
            .en
            .contains("a news article with figures needs the period they cover"),
        "{d}"
    );
    assert!(
        text_of(d).contains("`period: 2024` for the results of 2024"),
        "{d}"
    );
    assert!(untranslated(d).is_empty(), "{d}");
}

/// The text of a row of the tables fixture whose rank column holds `1/…`.
fn first_rank_row(fx: &Fixture) -> String {
    let text = fx.read(UNITS_2025_09);
    let at = text.find("[\"91,2\", 1/").unwrap();
    let end = text[at..].find(']').unwrap();
    text[at..=at + end].to_string()
}

/// Cells of tables of index points: each edit and its one error.
#[test]
fn each_cell_of_a_table_of_points_says_what_to_write() {
    let mut out = Vec::new();
    let fx = Fixture::tables();
    out.push(format!(
        "a maximum of 0\n{}",
        one_error(
            &fx,
            UNITS_2025_09,
            (
                "values: [\"76,5\", 90, \"85,0\", 1]",
                "values: [\"76,5\", 0, \"85,0\", 1]"
            ),
            0,
            "appendices[1].rows[0].values[1]",
            &["the maximum 0 must be above 0", "`~` for a blank cell"],
        )
    ));
    let fx = Fixture::tables();
    out.push(format!(
        "a rank in the score column\n{}",
        one_error(
            &fx,
            UNITS_2025_09,
            (
                "values: [\"76,5\", 90, \"85,0\", 1]",
                "values: [1/3, 90, \"85,0\", 1]"
            ),
            0,
            "appendices[1].rows[0].values[0]",
            &[
                "not a rank column",
                "put ranks in a column with `holds: rank`"
            ],
        )
    ));
    let fx = Fixture::tables();
    let row = first_rank_row(&fx);
    out.push(format!(
        "a position without the number ranked\n{}",
        one_error(
            &fx,
            UNITS_2025_09,
            (&row, "[\"91,2\", 1]"),
            0,
            "appendices[0].rows[0].values[1]",
            &[
                "the rank 1 lacks the number ranked",
                "write it as printed, e.g. 6/9"
            ],
        )
    ));
    let fx = Fixture::tables();
    out.push(format!(
        "a position of 0\n{}",
        one_error(
            &fx,
            UNITS_2025_09,
            (
                "values: [\"76,5\", 90, \"85,0\", 1]",
                "values: [\"76,5\", 90, \"85,0\", 0]"
            ),
            0,
            "appendices[1].rows[0].values[3]",
            &[
                "the rank 0 is not between 1 and",
                "a whole number from 1 to the number ranked"
            ],
        )
    ));
    insta::assert_snapshot!("more_table_messages", out.join("\n\n"));
}

/// Warnings: the figure is kept as printed, and the editor told why.
#[test]
fn each_warning_names_file_line_field_and_what_to_check() {
    let mut out = Vec::new();
    let mut case =
        |name: &str, fx: Fixture, rel: &str, edit: (&str, &str), plus, field, says: &[&str]| {
            out.push(format!(
                "{name}\n{}",
                one_warning(&fx, rel, edit, plus, field, says)
            ));
        };
    case(
        "a printed name that is not a known name",
        Fixture::real(),
        OCT_2023,
        (
            "        printed_name: Sở Nông nghiệp và Phát triển Nông thôn\n        values:\n          - 97,0\n",
            "        printed_name: Sở Nông nghiệp\n        values:\n          - 97,0\n",
        ),
        0,
        "appendices[0].rows[12].printed_name",
        &["`Sở Nông nghiệp` is not a known name of `so-nong-nghiep-va-phat-trien-nong-thon`", "aliases in units.yaml"],
    );
    case(
        "a rank out of 34 provinces before the merger",
        Fixture::real(),
        FEB_2023,
        ("rank: 20/63", "rank: 20/34"),
        0,
        "results.rank",
        &[
            "ranked out of 34, but 63 provinces were ranked in 2023-02",
            "(write `20/63`)",
        ],
    );
    case(
        "a file name of another month than its period",
        Fixture::real(),
        FEB_2023,
        ("period: 2023-02\n", "period: 2023-01\n"),
        0,
        "period",
        &[
            "the file name says 2023-02 but the period is 2023-01",
            "rename the file after the period",
        ],
    );
    case(
        "groups that do not add up to the total",
        Fixture::real(),
        MAR_2025,
        ("total: 73,04", "total: 70,04"),
        0,
        "results.total",
        &[
            "the groups add up to 73,2 but the total is 70,04",
            "the printed total is kept",
        ],
    );
    case(
        "a status that disagrees with the target",
        Fixture::real(),
        OCT_2023,
        (
            "          - 5,63\n        status: Chưa hoàn thành",
            "          - 5,63\n        status: Hoàn thành",
        ),
        1,
        "appendices[1].rows[15].status",
        &[
            "5,63 misses the target of at least 30",
            "the published status is kept as printed",
        ],
    );
    case(
        "a printed change of points that disagrees with the record",
        Fixture::real(),
        MAR_2025,
        ("  rank: 28/63\n", "  rank: 28/63\n  change:\n    points: 18,2\n"),
        2,
        "results.change.points",
        &["the change is printed as 18,2 points, but the total went from 55,02 (2023-02) to 73,04", "note an error of the original under `editor_notes`"],
    );
    case(
        "a printed change of rank that disagrees with the record",
        Fixture::real(),
        MAR_2025,
        ("  rank: 28/63\n", "  rank: 28/63\n  change:\n    rank: 8\n"),
        2,
        "results.change.rank",
        &["the change of rank is printed as 8 places, but the rank went from 20/63 (2023-02) to 28/63", "a fall negative (-5)"],
    );
    let fx = Fixture::tables();
    let row = first_rank_row(&fx);
    case(
        "a rank among peers out of another number",
        fx,
        UNITS_2025_09,
        (&row, "[\"91,2\", 1/9]"),
        0,
        "appendices[0].rows[0].values[1]",
        &[
            "ranked out of 9, but units.yaml lists",
            "if units.yaml does not list every peer yet",
        ],
    );
    case(
        "a ratio that is not score over maximum",
        Fixture::tables(),
        UNITS_2025_09,
        (
            "values: [\"70,2\", 100, \"70,2\", 2]",
            "values: [\"70,2\", 100, \"72,0\", 2]",
        ),
        0,
        "appendices[1].rows[1].values[2]",
        &[
            "the ratio is printed as 72,0%",
            "check the score, maximum and ratio against the document",
        ],
    );
    case(
        "a ward's maximum above the scheme's",
        Fixture::tables(),
        UNITS_2025_09,
        (
            "values: [\"70,2\", 100, \"70,2\", 2]",
            "values: [\"70,2\", 120, \"58,5\", 2]",
        ),
        0,
        "appendices[1].rows[1].values[1]",
        &[
            "the printed maximum is 120; scheme `qd766-2025-nam-nhom` gives 100",
            "only communes have a smaller maximum",
        ],
    );
    case(
        "a period that ends after the date without the data's date",
        Fixture::real(),
        FEB_2023,
        (
            "date: 2023-03-08\nsubject: Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2023\nperiod: 2023-02\ndata_as_of: 2023-02-28\n",
            "date: 2023-02-20\nsubject: Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2023\nperiod: 2023-02\n",
        ),
        2,
        "period",
        &[
            "2023-02 ends on 2023-02-28, after the document's date 2023-02-20",
            "if the figures stop before the period's end, add `data_as_of:` with their date; else check `period:`",
        ],
    );
    case(
        "two documents that print two totals",
        Fixture::tables(),
        UNITS_2025_09,
        ("  total: 80,5\n", "  total: 81,5\n"),
        0,
        "results.total",
        &[
            "`tong-diem` 2025-09: this document prints 81,5",
            "check both documents; both figures are kept as printed, the charts take the results dispatch's, then the earliest document's; note an error under `editor_notes`",
        ],
    );
    // The scheme of 2022 made to start after February 2023.
    let fx = Fixture::real();
    fx.replace(
        "indicators.yaml",
        "    valid_from: 2022-08-01\n",
        "    valid_from: 2023-03-01\n",
    );
    let loaded = fx.load();
    let d = the_warning(
        &loaded,
        FEB_2023,
        "period",
        fx.line_of(FEB_2023, "period: 2023-02"),
    );
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    assert_says(
        d,
        &[
            "no scheme of index groups is on record for 2023-02",
            "known: qd766-2022-sau-nhom (2023-03-01 – 2023-12-31)",
        ],
    );
    out.push(format!("a period no scheme covers\n{}", printed(&fx, d)));
    insta::assert_snapshot!("more_warnings", out.join("\n\n"));
}

#[test]
fn a_status_warning_is_all_in_vietnamese() {
    let fx = Fixture::real();
    let line = fx.replace(
        OCT_2023,
        "          - 5,63\n        status: Chưa hoàn thành",
        "          - 5,63\n        status: Hoàn thành",
    ) + 1;
    let loaded = fx.load();
    let d = the_warning(&loaded, OCT_2023, "appendices[1].rows[15].status", line);
    assert!(
        d.message
            .vi
            .contains("5,63 không đạt chỉ tiêu tối thiểu 30"),
        "{d}"
    );
    assert!(!d.message.vi.contains("misses"), "{d}");
}

#[test]
fn two_documents_that_print_one_total_with_two_ranks_are_told_at_the_rank() {
    // The league table quotes the province's total as the dispatch prints
    // it, with another rank: the warning names the rank, at its line.
    let fx = Fixture::tables();
    fx.replace(
        LEAGUE_2025_09,
        "unit: hung-yen, values: [\"80,5\", 12/34,",
        "unit: hung-yen, values: [\"80,5\", 13/34,",
    );
    let loaded = fx.load();
    assert!(!loaded.diagnostics.has_errors(), "{}", report(&loaded));
    let line = fx.line_of(UNITS_2025_09, "  rank: 12/34\n");
    let d = the_warning(&loaded, UNITS_2025_09, "results.rank", line);
    assert!(
        warnings_at(&loaded, UNITS_2025_09, "results.total").is_empty(),
        "{}",
        report(&loaded)
    );
    assert!(
        text_of(d)
            .contains("`tong-diem` 2025-09: this document prints the rank 12/34, the document"),
        "{d}"
    );
    assert!(
        // Cited by its file: it has no number ("/VPUB-PVHCC" alone reads
        // like a slip).
        text_of(d).contains("the document dispatches/2025/2025-09-xep-hang-tinh.yaml prints 13/34"),
        "{d}"
    );
    assert!(
        text_of(d).contains("check both documents; both ranks are kept as printed"),
        "{d}"
    );
    assert!(
        text_vi(d).contains("tháng 09/2025: văn bản này ghi hạng 12/34"),
        "{d}"
    );
    assert!(untranslated(d).is_empty(), "{d}");
}

#[test]
fn a_maximum_of_0_is_refused_once() {
    // Nothing else is said of the row: its score is not read against a
    // maximum of 0, its ratio not against the scheme's.
    let fx = Fixture::tables();
    let line = fx.replace(
        UNITS_2025_09,
        "values: [\"76,5\", 90, \"85,0\", 1]",
        "values: [\"76,5\", 0, \"85,0\", 1]",
    );
    let loaded = fx.load();
    the_error(
        &loaded,
        UNITS_2025_09,
        "appendices[1].rows[0].values[1]",
        line,
    );
    let of_the_row = loaded
        .diagnostics
        .items
        .iter()
        .filter(|d| d.file.ends_with(UNITS_2025_09) && d.field.starts_with("appendices[1].rows[0]"))
        .count();
    assert_eq!(of_the_row, 1, "{}", report(&loaded));
}
