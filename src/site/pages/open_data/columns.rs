//! What each open data file holds: its columns (name, type, meaning, shown
//! on the data page and written into `datapackage.json`), its key and the
//! keys it shares with the other files.
//!
//! The figures are published normalised: one fact file per year
//! (`ket-qua-<year>`, one row per figure, ids only) and the detail counts
//! per year (`chi-tiet-<year>`), joined by their ids to the lookup files of
//! units, indicators, periods, documents and tables, which carry the names
//! once.

/// The type of a column: what `datapackage.json` declares and how the
/// files write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// An id or a code the build writes (never free text).
    Id,
    /// Text as an editor wrote it: guarded in CSV against formulas.
    Text,
    /// A number with a decimal point (`55.02`).
    Number,
    /// A whole number.
    Integer,
    /// A date as `2023-10-31`.
    Date,
}

impl Type {
    /// The Table Schema type.
    pub fn schema(self) -> &'static str {
        match self {
            Type::Id | Type::Text => "string",
            Type::Number => "number",
            Type::Integer => "integer",
            Type::Date => "date",
        }
    }

    /// Written as a JSON number rather than a string.
    pub fn numeric(self) -> bool {
        matches!(self, Type::Number | Type::Integer)
    }
}

/// One column of a file.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    pub name: &'static str,
    pub kind: Type,
    /// Its meaning, in Vietnamese, for the data page and the package.
    pub about: &'static str,
    /// Every row has a value.
    pub required: bool,
    /// The values it may take, when they are a fixed list.
    pub values: &'static [&'static str],
    /// Written in the CSV only: a spreadsheet's form of another column,
    /// which a program reading the JSON does not need.
    pub csv_only: bool,
}

const fn col(name: &'static str, kind: Type, about: &'static str) -> Col {
    Col {
        name,
        kind,
        about,
        required: false,
        values: &[],
        csv_only: false,
    }
}

const fn key(name: &'static str, about: &'static str) -> Col {
    Col {
        name,
        kind: Type::Id,
        about,
        required: true,
        values: &[],
        csv_only: false,
    }
}

const fn one_of(name: &'static str, about: &'static str, values: &'static [&'static str]) -> Col {
    Col {
        name,
        kind: Type::Id,
        about,
        required: false,
        values,
        csv_only: false,
    }
}

/// The file a key points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A lookup file, by its [`Schema::name`].
    Lookup(&'static str),
    /// The fact file of the same year.
    FactsOfYear,
    /// The same file (a unit's parent is a unit).
    Itself,
}

/// Columns whose values are keys of another file.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    pub fields: &'static [&'static str],
    pub target: Target,
    /// The columns of the target, in the order of `fields`.
    pub reference: &'static [&'static str],
}

/// One kind of file.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    /// The file's name without the year and extension: `ket-qua`, `don-vi`.
    pub name: &'static str,
    /// What it holds, in a heading.
    pub title: &'static str,
    /// One row is …, and how to join it.
    pub about: &'static str,
    pub columns: &'static [Col],
    /// The columns whose values are unique (none for the facts).
    pub primary_key: &'static [&'static str],
    pub foreign_keys: &'static [ForeignKey],
    /// One file per year (the facts and details) or one file in all.
    pub yearly: bool,
}

impl Schema {
    /// The position of a column.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// The table of figures printed in a document's own text (not an appendix).
pub const RESULTS_TABLE: &str = "ket-qua";

const FIGURE_KEYS: &[ForeignKey] = &[
    ForeignKey {
        fields: &["ky"],
        target: Target::Lookup("ky"),
        reference: &["ky"],
    },
    ForeignKey {
        fields: &["don_vi_id"],
        target: Target::Lookup("don-vi"),
        reference: &["don_vi_id"],
    },
    ForeignKey {
        fields: &["chi_so_id"],
        target: Target::Lookup("chi-so"),
        reference: &["chi_so_id"],
    },
    ForeignKey {
        fields: &["van_ban"],
        target: Target::Lookup("van-ban"),
        reference: &["van_ban"],
    },
    ForeignKey {
        fields: &["van_ban", "bang"],
        target: Target::Lookup("bang"),
        reference: &["van_ban", "bang"],
    },
    ForeignKey {
        fields: &["so_voi_ky"],
        target: Target::Lookup("ky"),
        reference: &["ky"],
    },
];

/// The figures, one row each. Columns that most rows leave empty come
/// last: a JSON row stops at its last filled cell.
pub const FACTS: Schema = Schema {
    name: "ket-qua",
    title: "Số liệu",
    about: "Mỗi dòng là một số liệu văn bản công bố: một chỉ số của một đơn vị trong một kỳ. \
            Tên đơn vị, chỉ số, kỳ và văn bản nằm trong các tệp tra cứu, nối theo mã.",
    columns: &[
        key("ky", "Mã kỳ đánh giá: tháng 2023-10, quý 2023-Q1, nửa năm 2023-H1, năm 2023, tuần 2023-W05, khoảng 2023-01-01/2023-05-15"),
        key("don_vi_id", "Mã đơn vị, không đổi qua các văn bản"),
        key("chi_so_id", "Mã chỉ số"),
        key("van_ban", "Mã văn bản nguồn (trang van-ban/<mã>/)"),
        key("bang", "Bảng trong văn bản (xem bang.csv): ket-qua là phần kết quả trong nội dung văn bản, I, II, III là số phụ lục"),
        col("dong", Type::Id, "Số thứ tự (STT) hoặc mã của dòng như văn bản in, trong phụ lục; để trống với phần kết quả trong nội dung"),
        Col {
            required: true,
            ..one_of(
                "loai",
                "gia_tri: có số liệu; khong_ap_dung: không áp dụng (khác với 0); chua_cong_bo: văn bản không công bố số liệu",
                &["gia_tri", "khong_ap_dung", "chua_cong_bo"],
            )
        },
        col("gia_tri", Type::Number, "Giá trị, dấu chấm thập phân (55.02), để máy đọc"),
        // A spreadsheet in Vietnamese reads `55.02` as text or a date; a
        // program reads `gia_tri`, which keeps the printed decimals too.
        Col {
            csv_only: true,
            ..col("gia_tri_in", Type::Id, "Giá trị như văn bản in, dấu phẩy thập phân, giữ số chữ số thập phân (55,02; 8,0); chỉ có trong tệp CSV, để Excel đọc đúng (tệp JSON dùng gia_tri)")
        },
        col("diem_toi_da", Type::Number, "Điểm tối đa của nhóm chỉ số theo bộ chỉ số áp dụng cho kỳ"),
        one_of("trang_thai", "Trạng thái như văn bản công bố: Hoàn thành hoặc Chưa hoàn thành", &["Hoàn thành", "Chưa hoàn thành"]),
        col("muc_tieu_toi_thieu", Type::Number, "Mục tiêu tối thiểu (%) áp dụng cho kỳ"),
        col("xep_hang", Type::Id, "Xếp hạng như văn bản in, ví dụ 06/63 (hạng 6 trên 63)"),
        col("trung_binh_ca_nuoc", Type::Number, "Điểm trung bình cả nước"),
        col("ty_le", Type::Number, "Tỷ lệ đạt (%) của nhóm chỉ số"),
        col("ly_do", Type::Text, "Lý do không áp dụng hoặc không công bố, như văn bản ghi"),
        col("xep_loai", Type::Text, "Xếp loại như văn bản in (tốt, xuất sắc), với tổng điểm"),
        col("thay_doi_diem", Type::Number, "Thay đổi điểm so với kỳ trước như văn bản in (âm là giảm), với tổng điểm"),
        col("thay_doi_hang", Type::Integer, "Số bậc xếp hạng tăng so với kỳ trước như văn bản in (âm là tụt), với tổng điểm"),
        col("so_voi_ky", Type::Id, "Kỳ được so sánh khi văn bản nêu rõ; để trống là kỳ liền trước cùng loại"),
    ],
    primary_key: &[],
    foreign_keys: FIGURE_KEYS,
    yearly: true,
};

/// The counts and rates printed under a group of the results.
pub const DETAILS: Schema = Schema {
    name: "chi-tiet",
    title: "Chi tiết của nhóm chỉ số",
    about: "Mỗi dòng là một số liệu chi tiết văn bản in dưới một nhóm chỉ số (171/171 đơn vị; 168 hồ sơ, đạt 0,43%). \
            Năm cột đầu trỏ tới số liệu của nhóm trong ket-qua-<năm>.csv cùng năm.",
    columns: &[
        key("ky", "Mã kỳ đánh giá"),
        key("don_vi_id", "Mã đơn vị"),
        key("chi_so_id", "Mã chỉ số của nhóm"),
        key("van_ban", "Mã văn bản nguồn"),
        key("bang", "Bảng trong văn bản: ket-qua"),
        Col {
            required: true,
            ..col("stt", Type::Integer, "Thứ tự của chi tiết trong nhóm, từ 1")
        },
        Col {
            required: true,
            ..col("noi_dung", Type::Text, "Nội dung như văn bản in")
        },
        col("so_luong", Type::Integer, "Số đếm (171 trong 171/171)"),
        col("tren_tong", Type::Integer, "Tổng số để so (171 trong 171/171)"),
        col("don_vi_dem", Type::Text, "Đơn vị của số đếm: đơn vị, hồ sơ"),
        col("ty_le", Type::Number, "Tỷ lệ (%), dấu chấm thập phân"),
        col("ty_le_in", Type::Id, "Tỷ lệ như văn bản in (0,43)"),
    ],
    primary_key: &["van_ban", "bang", "don_vi_id", "chi_so_id", "stt"],
    foreign_keys: &[
        ForeignKey {
            fields: &["ky", "don_vi_id", "chi_so_id", "van_ban", "bang"],
            target: Target::FactsOfYear,
            reference: &["ky", "don_vi_id", "chi_so_id", "van_ban", "bang"],
        },
        ForeignKey {
            fields: &["ky"],
            target: Target::Lookup("ky"),
            reference: &["ky"],
        },
        ForeignKey {
            fields: &["don_vi_id"],
            target: Target::Lookup("don-vi"),
            reference: &["don_vi_id"],
        },
        ForeignKey {
            fields: &["chi_so_id"],
            target: Target::Lookup("chi-so"),
            reference: &["chi_so_id"],
        },
        ForeignKey {
            fields: &["van_ban"],
            target: Target::Lookup("van-ban"),
            reference: &["van_ban"],
        },
    ],
    yearly: true,
};

pub const UNITS: Schema = Schema {
    name: "don-vi",
    title: "Đơn vị",
    about: "Mỗi dòng là một đơn vị được đánh giá: tỉnh, sở, ngành, huyện, xã, phường.",
    columns: &[
        key("don_vi_id", "Mã đơn vị (cũng là địa chỉ trang don-vi/<mã>/)"),
        Col {
            required: true,
            ..col("ten", Type::Text, "Tên chính thức")
        },
        col("ten_ngan", Type::Text, "Tên ngắn dùng trong bảng và biểu đồ"),
        Col {
            required: true,
            ..one_of(
                "loai_don_vi",
                "Loại đơn vị: province (tỉnh), department (sở, ngành), board (ban), district (huyện), town (thị xã), city (thành phố), commune (xã), ward (phường)",
                &[],
            )
        },
        Col {
            required: true,
            ..one_of(
                "cap",
                "Cấp để so sánh với nhau: tinh, so_nganh, huyen, xa",
                &["tinh", "so_nganh", "huyen", "xa"],
            )
        },
        col("ma_dvcqg", Type::Id, "Mã trên Cổng Dịch vụ công quốc gia (H31)"),
        col("don_vi_cha", Type::Id, "Mã đơn vị cấp trên"),
        col("hieu_luc_tu", Type::Date, "Ngày bắt đầu tồn tại với danh tính này"),
        col("hieu_luc_den", Type::Date, "Ngày cuối cùng tồn tại với danh tính này"),
        col("ke_thua", Type::Id, "Mã các đơn vị kế thừa khi sáp nhập, đổi tên, cách nhau bởi dấu cách"),
        col("ghi_chu", Type::Text, "Ghi chú về việc sáp nhập, đổi tên"),
    ],
    primary_key: &["don_vi_id"],
    foreign_keys: &[ForeignKey {
        fields: &["don_vi_cha"],
        target: Target::Itself,
        reference: &["don_vi_id"],
    }],
    yearly: false,
};

pub const INDICATORS: Schema = Schema {
    name: "chi-so",
    title: "Chỉ số",
    about: "Mỗi dòng là một chỉ số hoặc nhóm chỉ số (tong-diem là tổng điểm).",
    columns: &[
        key(
            "chi_so_id",
            "Mã chỉ số (cũng là địa chỉ trang chi-so/<mã>/)",
        ),
        Col {
            required: true,
            ..col("ten", Type::Text, "Tên chỉ số")
        },
        col("ten_ngan", Type::Text, "Tên ngắn"),
        Col {
            required: true,
            ..one_of(
                "do_bang",
                "diem: điểm trên điểm tối đa; phan_tram: tỷ lệ từ 0 đến 100; so_luong: số đếm",
                &["diem", "phan_tram", "so_luong"],
            )
        },
        Col {
            required: true,
            ..one_of(
                "chieu",
                "cao_hon_tot: càng cao càng tốt; thap_hon_tot: càng thấp càng tốt",
                &["cao_hon_tot", "thap_hon_tot"],
            )
        },
        col("don_vi_dem", Type::Text, "Đơn vị của số đếm: bản, hồ sơ"),
        col(
            "muc_tieu_toi_thieu",
            Type::Number,
            "Mục tiêu tối thiểu mặc định (%), khi có",
        ),
    ],
    primary_key: &["chi_so_id"],
    foreign_keys: &[],
    yearly: false,
};

pub const PERIODS: Schema = Schema {
    name: "ky",
    title: "Kỳ đánh giá",
    about: "Mỗi dòng là một kỳ: tháng, quý, nửa năm, năm, tuần hoặc một khoảng thời gian.",
    columns: &[
        key("ky", "Mã kỳ, như trong các tệp số liệu"),
        Col {
            required: true,
            ..col("ten", Type::Text, "Tên kỳ bằng tiếng Việt")
        },
        Col {
            required: true,
            ..one_of(
                "loai_ky",
                "thang, quy, nua_nam, nam, tuan (tuần ISO), khoang (một khoảng thời gian, như từ đầu năm đến ngày chốt)",
                &["thang", "quy", "nua_nam", "nam", "tuan", "khoang"],
            )
        },
        Col {
            required: true,
            ..col("bat_dau", Type::Date, "Ngày đầu kỳ")
        },
        Col {
            required: true,
            ..col("ket_thuc", Type::Date, "Ngày cuối kỳ")
        },
        col("thoi_diem_chot", Type::Id, "Thời điểm chốt số liệu của kỳ khi kỳ có (2025-08-15T10:30)"),
    ],
    primary_key: &["ky"],
    foreign_keys: &[],
    yearly: false,
};

pub const DOCUMENTS: Schema = Schema {
    name: "van-ban",
    title: "Văn bản nguồn",
    about: "Mỗi dòng là một văn bản công bố số liệu hoặc chỉ đạo.",
    columns: &[
        key("van_ban", "Mã văn bản (trang van-ban/<mã>/)"),
        Col {
            required: true,
            ..one_of(
                "loai_van_ban",
                "monthly-results: công văn công bố kết quả; directive: công văn chỉ đạo; report: báo cáo; news-article: bài báo, tin bài; portal-capture: ảnh chụp số liệu Cổng Dịch vụ công quốc gia",
                &[],
            )
        },
        col(
            "so",
            Type::Integer,
            "Số văn bản, để trống khi bản công bố để trống số",
        ),
        col("ky_hieu", Type::Text, "Ký hiệu sau dấu gạch chéo"),
        col(
            "so_ky_hieu",
            Type::Text,
            "Số và ký hiệu như văn bản in (68/VPUB-PVHCC&KSTT)",
        ),
        col(
            "ngay_ban_hanh",
            Type::Id,
            "Ngày ban hành hoặc ngày đăng 2023-11-08; 2023-11 khi bản công bố để trống ngày; unknown khi nguồn không ghi ngày; để trống với ảnh chụp Cổng (xem thoi_diem_chup)",
        ),
        col(
            "thoi_diem_chup",
            Type::Id,
            "Thời điểm chụp trang Cổng (2025-11-20T16:10), với ảnh chụp số liệu Cổng",
        ),
        col("co_quan", Type::Text, "Cơ quan ban hành, cơ quan báo chí hoặc Cổng"),
        col(
            "trich_yeu",
            Type::Text,
            "Trích yếu (công văn) hoặc tiêu đề (bài báo, báo cáo, trang Cổng)",
        ),
        col("dia_chi", Type::Text, "Địa chỉ trang web của văn bản, bài báo hoặc trang Cổng"),
        col("ky", Type::Id, "Kỳ của số liệu"),
        col("so_lieu_ngay", Type::Date, "Ngày chốt số liệu văn bản nêu"),
    ],
    primary_key: &["van_ban"],
    foreign_keys: &[ForeignKey {
        fields: &["ky"],
        target: Target::Lookup("ky"),
        reference: &["ky"],
    }],
    yearly: false,
};

pub const TABLES: Schema = Schema {
    name: "bang",
    title: "Bảng trong văn bản",
    about: "Mỗi dòng là một bảng số liệu của một văn bản: phần kết quả trong nội dung hoặc một phụ lục.",
    columns: &[
        key("van_ban", "Mã văn bản"),
        key("bang", "ket-qua (kết quả trong nội dung văn bản) hoặc số phụ lục (I, II)"),
        Col {
            required: true,
            ..col("tieu_de", Type::Text, "Tiêu đề như văn bản in")
        },
        Col {
            required: true,
            ..col("so_dong", Type::Integer, "Số dòng (đơn vị) của bảng")
        },
    ],
    primary_key: &["van_ban", "bang"],
    foreign_keys: &[ForeignKey {
        fields: &["van_ban"],
        target: Target::Lookup("van-ban"),
        reference: &["van_ban"],
    }],
    yearly: false,
};

/// Every kind of file, in the order the data page lists them.
pub const ALL: [&Schema; 7] = [
    &FACTS,
    &DETAILS,
    &UNITS,
    &INDICATORS,
    &PERIODS,
    &DOCUMENTS,
    &TABLES,
];

/// The lookup files (one file each).
pub const LOOKUPS: [&Schema; 5] = [&UNITS, &INDICATORS, &PERIODS, &DOCUMENTS, &TABLES];
