//! Synthetic content in the real schema, for the benchmark (`bench/run.sh`)
//! and `tests/synth.rs`. Deterministic: the same options give the same bytes.
//!
//! Two scales:
//! - `province`: one province modelled on Hưng Yên (about 130 units): its
//!   departments (merged on 01/3/2025, one renamed), its district level until
//!   30/6/2025 and its new communes from 01/7/2025; one dispatch a month.
//! - `national`: 34 provinces, each with its departments (the same mergers)
//!   and its communes (3,321 in all, about 4,000 units); one dispatch per
//!   province per month. To carry the national volume over the whole window
//!   (about a million figures over 60 months), the communes are the 3,321 of
//!   the 2025 reform throughout, and there is no district level.
//!
//! Values spread like the seeds': many 100%, some 0, "not applicable" rows
//! (no fee), blank cells (`~`), missing rows and months, statuses that follow
//! the printed targets, blank numbers and days, and long Markdown bodies.

#![allow(dead_code)]

use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The real indicators (the `indicators:` part is copied; the schemes are
/// replaced by ones covering every generated month).
const REAL_INDICATORS: &str = include_str!("../../content/indicators.yaml");

/// How `site.yaml` of synthetic content starts: a folder whose `site.yaml`
/// starts so may be replaced by the next run.
pub const MARKER: &str = "# Synthetic content (";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Province,
    National,
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scale::Province => "province",
            Scale::National => "national",
        })
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub scale: Scale,
    /// Number of months of results.
    pub months: u32,
    /// The content folder to write (created; replaced only if a previous
    /// synthetic output).
    pub out: PathBuf,
    pub seed: u64,
    /// National scale only: keep the first N provinces (quick tests).
    pub provinces: Option<usize>,
    /// The last month; by default 2025-08, or later when the window from
    /// 2022-08 needs it (60 months: 2022-08 – 2027-07).
    pub end: Option<Ym>,
}

impl Options {
    pub fn new(scale: Scale, months: u32, out: impl Into<PathBuf>) -> Options {
        Options {
            scale,
            months,
            out: out.into(),
            seed: 766,
            provinces: None,
            end: None,
        }
    }
}

/// What was written: enough for a test to check the loaded model.
#[derive(Clone, Debug)]
pub struct Summary {
    pub units: usize,
    /// Units of the province(s) only (kind `province`).
    pub provinces: usize,
    pub dispatches: usize,
    /// Every figure the loader should find: totals, group scores and every
    /// appendix cell (values, not applicable and not published).
    pub figures: usize,
    pub files: usize,
    pub bytes: u64,
    pub first: Ym,
    pub last: Ym,
    /// Dispatch files of the last month, relative to the content folder.
    pub latest: Vec<PathBuf>,
}

// ---------------------------------------------------------------------------
// Months

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ym(i32);

impl Ym {
    pub fn new(year: i32, month: u32) -> Ym {
        Ym(year * 12 + month as i32 - 1)
    }
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    pub fn month(self) -> u32 {
        (self.0.rem_euclid(12) + 1) as u32
    }
    pub fn plus(self, n: i32) -> Ym {
        Ym(self.0 + n)
    }
    pub fn days(self) -> u32 {
        match self.month() {
            2 => {
                let y = self.year();
                if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
                    29
                } else {
                    28
                }
            }
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }
    /// `2025-07`.
    pub fn parse(s: &str) -> Option<Ym> {
        let (y, m) = s.trim().split_once('-')?;
        let y: i32 = y.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        (1..=12).contains(&m).then(|| Ym::new(y, m))
    }
    fn first_day(self) -> String {
        format!("{self}-01")
    }
    fn last_day(self) -> String {
        format!("{self}-{:02}", self.days())
    }
    /// "3/2025" or "03/2025", as documents vary.
    fn text(self, padded: bool) -> String {
        if padded {
            format!("{:02}/{}", self.month(), self.year())
        } else {
            format!("{}/{}", self.month(), self.year())
        }
    }
}

impl fmt::Display for Ym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// The index system went live on 01/8/2022.
const INDEX_START: Ym = Ym(2022 * 12 + 7);
/// Departments merged from 01/3/2025.
const DEPT_MERGE: Ym = Ym(2025 * 12 + 2);
/// District level abolished, 34 provinces, from 01/7/2025.
const REFORM: Ym = Ym(2025 * 12 + 6);

fn window(opts: &Options) -> Result<(Ym, Ym), String> {
    if opts.months == 0 {
        return Err("--months must be at least 1".into());
    }
    let n = opts.months as i32;
    let end = opts
        .end
        .unwrap_or_else(|| std::cmp::max(Ym::new(2025, 8), INDEX_START.plus(n - 1)));
    let start = end.plus(-(n - 1));
    if start < INDEX_START {
        return Err(format!(
            "{n} months ending {end} start {start}, before the index started (2022-08)"
        ));
    }
    Ok((start, end))
}

// ---------------------------------------------------------------------------
// Randomness: splitmix64, keyed so that a unit's values do not depend on
// the order they are drawn in.

#[derive(Clone)]
struct Rng(u64);

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

impl Rng {
    fn keyed(seed: u64, key: &[u64]) -> Rng {
        let mut h = splitmix(seed);
        for k in key {
            h = splitmix(h ^ k);
        }
        Rng(h)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        splitmix(self.0)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Roughly standard normal (Irwin–Hall of 4).
    fn normal(&mut self) -> f64 {
        let s: f64 = (0..4).map(|_| self.unit()).sum();
        (s - 2.0) * 3f64.sqrt()
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------
// Names

/// As the loader folds names: without diacritics, lower case, words only.
fn fold(s: &str) -> String {
    deunicode::deunicode(s)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn slug(s: &str) -> String {
    fold(s).replace(' ', "-")
}

/// Syllables of Vietnamese place names.
const SYLLABLES: &[&str] = &[
    "An",
    "Bình",
    "Hòa",
    "Phú",
    "Tân",
    "Thạnh",
    "Hưng",
    "Long",
    "Phước",
    "Thành",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Minh",
    "Quang",
    "Đức",
    "Hiệp",
    "Lợi",
    "Thuận",
    "Vĩnh",
    "Xuân",
    "Hải",
    "Sơn",
    "Lâm",
    "Thủy",
    "Mỹ",
    "Khánh",
    "Hồng",
    "Lạc",
    "Định",
    "Phong",
    "Cường",
    "Thịnh",
    "Gia",
    "Kim",
    "Ngọc",
    "Hà",
    "Yên",
    "Thái",
    "Hoàng",
    "Quý",
    "Tiến",
    "Đại",
    "Lộc",
    "Thiện",
    "Nghĩa",
    "Tường",
    "Quảng",
    "Cát",
    "Văn",
    "Hợp",
    "Châu",
    "Kiến",
    "Chánh",
    "Thới",
    "Hậu",
    "Thọ",
    "Trường",
    "Hiếu",
    "Điền",
    "Đồng",
    "Lương",
    "Bảo",
    "Phụng",
    "Nhơn",
    "Lập",
    "Mai",
    "Dương",
    "Cẩm",
    "Tiên",
    "Vạn",
    "Phúc",
    "Nhân",
    "Hội",
    "Triều",
    "Quế",
];

/// A place name not used yet (by fold).
fn place_name(rng: &mut Rng, used: &mut HashSet<String>) -> String {
    for attempt in 0.. {
        let n = if attempt < 40 { 2 } else { 3 };
        let mut parts: Vec<&str> = Vec::new();
        while parts.len() < n {
            let s = *rng.pick(SYLLABLES);
            if !parts.iter().any(|p| fold(p) == fold(s)) {
                parts.push(s);
            }
        }
        let name = parts.join(" ");
        if used.insert(fold(&name)) {
            return name;
        }
    }
    unreachable!()
}

// ---------------------------------------------------------------------------
// Units

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Province,
    Department,
    District,
    Commune,
}

#[derive(Clone, Debug)]
struct Unit {
    id: String,
    name: String,
    short_name: Option<String>,
    kind: &'static str,
    parent: Option<String>,
    aliases: Vec<String>,
    /// First and last month of existence.
    from: Option<Ym>,
    to: Option<Ym>,
    successors: Vec<String>,
    change_note: Option<String>,
    code: Option<String>,
    role: Role,
    /// 0 (weak) – 1 (strong): how well it does, for its values.
    quality: f64,
    /// Its procedures carry no fee: online payment is not applicable.
    no_fee: bool,
}

impl Unit {
    fn active(&self, ym: Ym) -> bool {
        self.from.is_none_or(|f| f <= ym) && self.to.is_none_or(|t| ym <= t)
    }
}

struct DeptTemplate {
    id: &'static str,
    name: &'static str,
    kind: &'static str,
    short: Option<&'static str>,
    alias: Option<&'static str>,
    /// Merged or renamed into this template id from 01/3/2025.
    into: Option<&'static str>,
    note: Option<&'static str>,
    /// New from 01/3/2025.
    new: bool,
    no_fee: bool,
}

const fn dept(id: &'static str, name: &'static str) -> DeptTemplate {
    DeptTemplate {
        id,
        name,
        kind: "department",
        short: None,
        alias: None,
        into: None,
        note: None,
        new: false,
        no_fee: false,
    }
}

const fn merged(
    id: &'static str,
    name: &'static str,
    into: &'static str,
    note: &'static str,
) -> DeptTemplate {
    DeptTemplate {
        into: Some(into),
        note: Some(note),
        ..dept(id, name)
    }
}

const DEPARTMENTS: &[DeptTemplate] = &[
    DeptTemplate {
        no_fee: true,
        ..dept("so-tai-chinh", "Sở Tài chính")
    },
    merged(
        "so-ke-hoach-va-dau-tu",
        "Sở Kế hoạch và Đầu tư",
        "so-tai-chinh",
        "Hợp nhất vào Sở Tài chính từ ngày 01/3/2025.",
    ),
    dept("so-noi-vu", "Sở Nội vụ"),
    DeptTemplate {
        no_fee: true,
        ..merged(
            "so-thong-tin-va-truyen-thong",
            "Sở Thông tin và Truyền thông",
            "so-khoa-hoc-va-cong-nghe",
            "Hợp nhất vào Sở Khoa học và Công nghệ từ ngày 01/3/2025.",
        )
    },
    dept("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ"),
    merged(
        "so-giao-thong-van-tai",
        "Sở Giao thông vận tải",
        "so-xay-dung",
        "Hợp nhất vào Sở Xây dựng từ ngày 01/3/2025.",
    ),
    dept("so-xay-dung", "Sở Xây dựng"),
    dept("so-y-te", "Sở Y tế"),
    dept("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo"),
    dept("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch"),
    merged(
        "so-lao-dong-thuong-binh-va-xa-hoi",
        "Sở Lao động - Thương binh và Xã hội",
        "so-noi-vu",
        "Hợp nhất vào Sở Nội vụ từ ngày 01/3/2025.",
    ),
    DeptTemplate {
        alias: Some("Sở Nông nghiệp và PTNT"),
        ..merged(
            "so-nong-nghiep-va-phat-trien-nong-thon",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "so-nong-nghiep-va-moi-truong",
            "Hợp nhất với Sở Tài nguyên và Môi trường thành Sở Nông nghiệp và Môi trường từ ngày 01/3/2025.",
        )
    },
    merged(
        "so-tai-nguyen-va-moi-truong",
        "Sở Tài nguyên và Môi trường",
        "so-nong-nghiep-va-moi-truong",
        "Hợp nhất với Sở Nông nghiệp và Phát triển nông thôn thành Sở Nông nghiệp và Môi trường từ ngày 01/3/2025.",
    ),
    DeptTemplate {
        new: true,
        ..dept("so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường")
    },
    dept("so-cong-thuong", "Sở Công Thương"),
    dept("so-tu-phap", "Sở Tư pháp"),
    DeptTemplate {
        no_fee: true,
        ..dept("thanh-tra-tinh", "Thanh tra tỉnh")
    },
    DeptTemplate {
        kind: "board",
        no_fee: true,
        ..merged(
            "ban-dan-toc",
            "Ban Dân tộc tỉnh",
            "so-dan-toc-va-ton-giao",
            "Đổi tên thành Sở Dân tộc và Tôn giáo từ ngày 01/3/2025.",
        )
    },
    DeptTemplate {
        new: true,
        ..dept("so-dan-toc-va-ton-giao", "Sở Dân tộc và Tôn giáo")
    },
    DeptTemplate {
        kind: "board",
        short: Some("Ban Quản lý các KCN"),
        ..dept(
            "ban-quan-ly-cac-khu-cong-nghiep",
            "Ban Quản lý các khu công nghiệp tỉnh",
        )
    },
];

/// Hưng Yên's district level until 30/6/2025: id, name, short name, kind,
/// and how many of the new communes (wards for a city or town) its area
/// became.
const DISTRICTS: &[(&str, &str, &str, &str, usize)] = &[
    (
        "thanh-pho-hung-yen",
        "UBND thành phố Hưng Yên",
        "TP Hưng Yên",
        "city",
        8,
    ),
    ("an-thi", "UBND huyện Ân Thi", "Ân Thi", "district", 10),
    (
        "kim-dong",
        "UBND huyện Kim Động",
        "Kim Động",
        "district",
        10,
    ),
    (
        "khoai-chau",
        "UBND huyện Khoái Châu",
        "Khoái Châu",
        "district",
        12,
    ),
    ("tien-lu", "UBND huyện Tiên Lữ", "Tiên Lữ", "district", 9),
    ("phu-cu", "UBND huyện Phù Cừ", "Phù Cừ", "district", 8),
    ("yen-my", "UBND huyện Yên Mỹ", "Yên Mỹ", "district", 11),
    ("my-hao", "UBND thị xã Mỹ Hào", "Mỹ Hào", "town", 9),
    ("van-lam", "UBND huyện Văn Lâm", "Văn Lâm", "district", 11),
    (
        "van-giang",
        "UBND huyện Văn Giang",
        "Văn Giang",
        "district",
        12,
    ),
];

/// The 34 provinces and cities from 01/7/2025: id, short name, is a city
/// (thành phố trực thuộc Trung ương), number of communes, wards and special
/// zones (3,321 in all), code on the national portal.
const PROVINCES: &[(&str, &str, bool, usize, &str)] = &[
    ("ha-noi", "Hà Nội", true, 126, "H01"),
    ("hue", "Huế", true, 40, "H46"),
    ("lai-chau", "Lai Châu", false, 38, "H12"),
    ("dien-bien", "Điện Biên", false, 45, "H11"),
    ("son-la", "Sơn La", false, 75, "H14"),
    ("lang-son", "Lạng Sơn", false, 65, "H20"),
    ("quang-ninh", "Quảng Ninh", false, 54, "H22"),
    ("thanh-hoa", "Thanh Hóa", false, 166, "H38"),
    ("nghe-an", "Nghệ An", false, 130, "H40"),
    ("ha-tinh", "Hà Tĩnh", false, 69, "H42"),
    ("cao-bang", "Cao Bằng", false, 56, "H04"),
    ("tuyen-quang", "Tuyên Quang", false, 124, "H08"),
    ("lao-cai", "Lào Cai", false, 99, "H10"),
    ("thai-nguyen", "Thái Nguyên", false, 92, "H19"),
    ("phu-tho", "Phú Thọ", false, 148, "H25"),
    ("bac-ninh", "Bắc Ninh", false, 99, "H24"),
    ("hung-yen", "Hưng Yên", false, 104, "H31"),
    ("hai-phong", "Hải Phòng", true, 114, "H31P"),
    ("ninh-binh", "Ninh Bình", false, 129, "H37"),
    ("quang-tri", "Quảng Trị", false, 78, "H45"),
    ("da-nang", "Đà Nẵng", true, 94, "H48"),
    ("quang-ngai", "Quảng Ngãi", false, 96, "H51"),
    ("gia-lai", "Gia Lai", false, 135, "H64"),
    ("khanh-hoa", "Khánh Hòa", false, 65, "H56"),
    ("lam-dong", "Lâm Đồng", false, 124, "H68"),
    ("dak-lak", "Đắk Lắk", false, 102, "H66"),
    ("ho-chi-minh", "Hồ Chí Minh", true, 168, "H79"),
    ("dong-nai", "Đồng Nai", false, 95, "H75"),
    ("tay-ninh", "Tây Ninh", false, 96, "H72"),
    ("can-tho", "Cần Thơ", true, 103, "H92"),
    ("vinh-long", "Vĩnh Long", false, 124, "H86"),
    ("dong-thap", "Đồng Tháp", false, 102, "H87"),
    ("ca-mau", "Cà Mau", false, 64, "H96"),
    ("an-giang", "An Giang", false, 102, "H89"),
];

const SIGNERS: &[&str] = &[
    "Trần Văn Thắng",
    "Nguyễn Thị Hương",
    "Lê Minh Tuấn",
    "Phạm Quốc Hùng",
    "Đặng Ngọc Huân",
    "Vũ Thị Lan",
    "Hoàng Văn Nam",
    "Bùi Đức Long",
    "Đỗ Thị Thu Hà",
    "Ngô Quang Vinh",
];

struct Province {
    /// Index of its unit.
    unit: usize,
    /// Its departments, then its districts, then its communes, in the order
    /// the appendices print them.
    members: Vec<usize>,
    /// "Hưng Yên".
    short: String,
    /// "tỉnh Hưng Yên", "thành phố Hà Nội".
    long: String,
    /// Who signs for the office this year.
    signer_seed: u64,
    /// "171/171 đơn vị": the units counted for electronic copies.
    served: u32,
}

struct World {
    units: Vec<Unit>,
    provinces: Vec<Province>,
}

fn quality(rng: &mut Rng, base: f64, spread: f64) -> f64 {
    (base + spread * rng.normal()).clamp(0.02, 0.98)
}

/// Departments of a province: `prefix` before each id (empty for the
/// province scale, which keeps the real ids), `long` after each name.
fn departments(
    world: &mut World,
    seed: u64,
    province_id: &str,
    prefix: &str,
    long: Option<&str>,
    pq: f64,
) -> Vec<usize> {
    let id = |t: &str| format!("{prefix}{t}");
    let mut out = Vec::new();
    for t in DEPARTMENTS {
        let mut rng = Rng::keyed(seed, &[fnv(province_id), fnv(t.id), 1]);
        let name = match long {
            None => t.name.to_string(),
            Some(l) => format!("{} {l}", t.name.strip_suffix(" tỉnh").unwrap_or(t.name)),
        };
        let short_name = match (t.short, long) {
            (Some(s), _) => Some(s.to_string()),
            (None, Some(_)) => Some(t.name.strip_suffix(" tỉnh").unwrap_or(t.name).to_string()),
            (None, None) => None,
        };
        let aliases = match (t.alias, long) {
            (Some(a), None) => vec![a.to_string()],
            (Some(a), Some(l)) => vec![format!("{a} {l}")],
            _ => Vec::new(),
        };
        out.push(world.units.len());
        world.units.push(Unit {
            id: id(t.id),
            name,
            short_name,
            kind: t.kind,
            parent: Some(province_id.to_string()),
            aliases,
            from: t.new.then_some(DEPT_MERGE),
            to: t.into.map(|_| DEPT_MERGE.plus(-1)),
            successors: t.into.map(|s| vec![id(s)]).unwrap_or_default(),
            change_note: t.note.map(str::to_string),
            code: None,
            role: Role::Department,
            quality: quality(&mut rng, 0.35 + 0.5 * pq, 0.18),
            no_fee: t.no_fee || rng.chance(0.04),
        });
    }
    out
}

fn province_world(seed: u64) -> World {
    let mut world = World {
        units: Vec::new(),
        provinces: Vec::new(),
    };
    let mut used = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    world.units.push(Unit {
        id: "hung-yen".into(),
        name: "Tỉnh Hưng Yên".into(),
        short_name: Some("Hưng Yên".into()),
        kind: "province",
        parent: None,
        aliases: vec![
            "UBND tỉnh Hưng Yên".into(),
            "Ủy ban nhân dân tỉnh Hưng Yên".into(),
        ],
        from: None,
        to: None,
        successors: Vec::new(),
        change_note: None,
        code: Some("H31".into()),
        role: Role::Province,
        quality: 0.55,
        no_fee: false,
    });
    let mut members = departments(&mut world, seed, "hung-yen", "", None, 0.55);
    for u in &world.units {
        ids.insert(u.id.clone());
        used.insert(fold(u.short_name.as_deref().unwrap_or(&u.name)));
    }
    for (id, _, short, _, _) in DISTRICTS {
        ids.insert(id.to_string());
        used.insert(fold(short));
    }
    let mut communes = Vec::new();
    for (id, name, short, kind, n) in DISTRICTS {
        let mut rng = Rng::keyed(seed, &[fnv(id), 2]);
        let dq = quality(&mut rng, 0.6, 0.15);
        let district = world.units.len();
        members.push(district);
        let word = match *kind {
            "city" => "Thành phố",
            "town" => "Thị xã",
            _ => "Huyện",
        };
        world.units.push(Unit {
            id: id.to_string(),
            name: name.to_string(),
            short_name: Some(short.to_string()),
            kind,
            parent: Some("hung-yen".into()),
            aliases: vec![format!("{word} {}", short.replace("TP ", ""))],
            from: None,
            to: Some(REFORM.plus(-1)),
            successors: Vec::new(),
            change_note: None,
            code: None,
            role: Role::District,
            quality: dq,
            no_fee: false,
        });
        let mut successors = Vec::new();
        let mut names = Vec::new();
        for c in 0..*n {
            let mut crng = Rng::keyed(seed, &[fnv(id), c as u64, 3]);
            let x = place_name(&mut crng, &mut used);
            let ward = matches!(*kind, "city" | "town") && c < n * 2 / 3 || crng.chance(0.08);
            let (ukind, word) = if ward {
                ("ward", "phường")
            } else {
                ("commune", "xã")
            };
            let mut cid = slug(&x);
            if !ids.insert(cid.clone()) {
                cid = format!("{}-{}", if ward { "phuong" } else { "xa" }, slug(&x));
                ids.insert(cid.clone());
            }
            successors.push(cid.clone());
            names.push(format!("{} {x}", word));
            communes.push(world.units.len());
            world.units.push(Unit {
                id: cid,
                name: format!("UBND {word} {x}"),
                short_name: Some(x.clone()),
                kind: ukind,
                parent: Some("hung-yen".into()),
                aliases: vec![format!("{}{} {x}", word[..1].to_uppercase(), &word[1..])],
                from: Some(REFORM),
                to: None,
                successors: Vec::new(),
                change_note: None,
                code: None,
                role: Role::Commune,
                quality: quality(&mut crng, 0.35 + 0.4 * dq, 0.2),
                no_fee: false,
            });
        }
        let u = &mut world.units[district];
        u.change_note = Some(format!(
            "Cấp huyện kết thúc hoạt động từ ngày 01/7/2025; địa bàn nay thuộc {}.",
            names.join(", ")
        ));
        u.successors = successors;
    }
    members.extend(communes);
    world.provinces.push(Province {
        unit: 0,
        members,
        short: "Hưng Yên".into(),
        long: "tỉnh Hưng Yên".into(),
        signer_seed: fnv("hung-yen"),
        served: 171,
    });
    world
}

fn national_world(seed: u64, limit: Option<usize>) -> World {
    let mut world = World {
        units: Vec::new(),
        provinces: Vec::new(),
    };
    let mut used: HashSet<String> = HashSet::new();
    for (_, short, _, _, _) in PROVINCES {
        used.insert(fold(short));
    }
    let n = limit.unwrap_or(PROVINCES.len()).clamp(1, PROVINCES.len());
    for (pid, short, city, communes, code) in &PROVINCES[..n] {
        let mut rng = Rng::keyed(seed, &[fnv(pid), 4]);
        let pq = quality(&mut rng, 0.5, 0.2);
        let (word, long) = if *city {
            ("Thành phố", format!("thành phố {short}"))
        } else {
            ("Tỉnh", format!("tỉnh {short}"))
        };
        let unit = world.units.len();
        world.units.push(Unit {
            id: pid.to_string(),
            name: format!("{word} {short}"),
            short_name: Some(short.to_string()),
            kind: "province",
            parent: None,
            aliases: vec![format!("UBND {long}")],
            from: None,
            to: None,
            successors: Vec::new(),
            change_note: None,
            code: Some(code.to_string()),
            role: Role::Province,
            quality: pq,
            no_fee: false,
        });
        let mut members = departments(&mut world, seed, pid, &format!("{pid}-"), Some(&long), pq);
        for c in 0..*communes {
            let mut crng = Rng::keyed(seed, &[fnv(pid), c as u64, 5]);
            let x = place_name(&mut crng, &mut used);
            let ward = crng.chance(if *city { 0.45 } else { 0.15 });
            let (ukind, w) = if ward {
                ("ward", "phường")
            } else {
                ("commune", "xã")
            };
            members.push(world.units.len());
            world.units.push(Unit {
                id: format!("{pid}-{}", slug(&x)),
                name: format!("UBND {w} {x}"),
                short_name: Some(x.clone()),
                kind: ukind,
                parent: Some(pid.to_string()),
                aliases: vec![format!("{}{} {x}", w[..1].to_uppercase(), &w[1..])],
                from: None,
                to: None,
                successors: Vec::new(),
                change_note: None,
                code: None,
                role: Role::Commune,
                quality: quality(&mut crng, 0.2 + 0.5 * pq, 0.2),
                no_fee: false,
            });
        }
        world.provinces.push(Province {
            unit,
            members,
            short: short.to_string(),
            long,
            signer_seed: fnv(pid),
            served: (*communes as u32) + 20,
        });
    }
    world
}

// ---------------------------------------------------------------------------
// YAML text

/// A scalar as an editor would write it: plain when YAML reads it back as
/// the same text, else double-quoted.
fn q(s: &str) -> String {
    let first = s.chars().next().unwrap_or(' ');
    let plain = !s.is_empty()
        && s.trim() == s
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_ascii_digit()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.contains(['\n', '\t'])
        && !matches!(
            s.to_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "~"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string")
    }
}

/// A flow sequence of texts: `[A, B]`, quoting items with commas.
fn flow(items: &[String]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|s| {
            if s.contains([',', '[', ']', '{', '}']) {
                serde_json::to_string(s).expect("a string")
            } else {
                q(s)
            }
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// A decimal with a decimal comma: `73,8`, `100`.
fn num(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}").replace('.', ",")
}

fn round(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}

struct Out(String);

impl Out {
    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.0.push(' ');
        }
        self.0.push_str(text);
        self.0.push('\n');
    }
    fn kv(&mut self, indent: usize, key: &str, value: &str) {
        for _ in 0..indent {
            self.0.push(' ');
        }
        let _ = writeln!(self.0, "{key}: {value}");
    }
    fn list(&mut self, indent: usize, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.line(indent, &format!("{key}:"));
        for i in items {
            self.line(indent + 2, &format!("- {}", q(i)));
        }
    }
}

// ---------------------------------------------------------------------------
// Catalog files

/// `lead`: the province the home page leads with.
fn site_yaml(opts: &Options, lead: &str) -> String {
    let (title, publisher, province, url, description) = match opts.scale {
        Scale::Province => (
            "Công khai kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp",
            "Văn phòng UBND tỉnh Hưng Yên",
            "hung-yen",
            "https://hungyen.gov.vn",
            "Dữ liệu tổng hợp (synthetic) ở quy mô một tỉnh, để đo hiệu năng: không phải số liệu thật.",
        ),
        Scale::National => (
            "Công khai kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp toàn quốc",
            "Văn phòng UBND tỉnh Hưng Yên",
            lead,
            "https://congkhai.example.gov.vn",
            "Dữ liệu tổng hợp (synthetic) ở quy mô toàn quốc (34 tỉnh, thành phố), để đo hiệu năng: không phải số liệu thật.",
        ),
    };
    let mut o = Out(String::new());
    o.line(
        0,
        &format!(
            "{MARKER}{} scale, seed {}), written by examples/synth.rs: not real data.",
            opts.scale, opts.seed
        ),
    );
    o.kv(0, "title", &q(title));
    o.kv(0, "publisher", &q(publisher));
    o.kv(0, "province", province);
    o.kv(0, "language", "vi");
    o.kv(0, "site_url", url);
    o.kv(0, "base_path", "/");
    o.kv(0, "theme", "default");
    o.kv(0, "description", &q(description));
    o.0
}

fn units_yaml(world: &World) -> String {
    let mut o = Out(String::with_capacity(world.units.len() * 300));
    o.line(
        0,
        "# Synthetic units, written by examples/synth.rs: not real data.",
    );
    o.line(0, "units:");
    for u in &world.units {
        o.kv(2, "- id", &u.id);
        o.kv(4, "name", &q(&u.name));
        if let Some(s) = &u.short_name {
            o.kv(4, "short_name", &q(s));
        }
        o.kv(4, "kind", u.kind);
        if let Some(p) = &u.parent {
            o.kv(4, "parent", p);
        }
        o.list(4, "aliases", &u.aliases);
        if let Some(f) = u.from {
            o.kv(4, "valid_from", &f.first_day());
        }
        if let Some(t) = u.to {
            o.kv(4, "valid_to", &t.last_day());
        }
        o.list(4, "successors", &u.successors);
        if let Some(n) = &u.change_note {
            o.kv(4, "change_note", &q(n));
        }
        if let Some(c) = &u.code {
            o.line(4, "codes:");
            o.kv(6, "dvcqg", c);
        }
    }
    o.0
}

/// Index groups in force: (indicator, max, parts).
type Groups = &'static [(&'static str, u32, &'static [(&'static str, u32)])];

const SIX_GROUPS: Groups = &[
    ("cong-khai-minh-bach", 18, &[]),
    ("tien-do-giai-quyet", 20, &[]),
    ("dich-vu-cong-truc-tuyen", 12, &[]),
    ("thanh-toan-truc-tuyen", 10, &[]),
    ("muc-do-hai-long", 18, &[]),
    ("so-hoa-ho-so", 22, &[]),
];

const FIVE_GROUPS: Groups = &[
    ("cong-khai-minh-bach", 18, &[]),
    ("tien-do-giai-quyet", 20, &[]),
    (
        "dich-vu-cong-truc-tuyen-thanh-toan-truc-tuyen",
        22,
        &[
            ("dich-vu-cong-truc-tuyen", 12),
            ("thanh-toan-truc-tuyen", 10),
        ],
    ),
    ("muc-do-hai-long", 18, &[]),
    ("so-hoa-ho-so", 22, &[]),
];

struct Scheme {
    id: &'static str,
    name: &'static str,
    from: &'static str,
    to: Option<&'static str>,
    note: &'static str,
    groups: Groups,
}

const SCHEMES: &[Scheme] = &[
    Scheme {
        id: "qd766-2022-sau-nhom",
        name: "Bộ chỉ số theo Quyết định số 766/QĐ-TTg, 6 nhóm chỉ số",
        from: "2022-08-01",
        to: Some("2023-12-31"),
        note: "Hệ thống đánh giá vận hành chính thức từ ngày 01/8/2022.",
        groups: SIX_GROUPS,
    },
    Scheme {
        id: "qd766-2024-sau-nhom",
        name: "Bộ chỉ số theo Quyết định số 766/QĐ-TTg, 6 nhóm chỉ số (năm 2024)",
        from: "2024-01-01",
        to: Some("2024-12-31"),
        note: "Bộ tổng hợp: giữ nguyên 6 nhóm chỉ số của năm 2023.",
        groups: SIX_GROUPS,
    },
    Scheme {
        id: "qd766-2025-nam-nhom",
        name: "Bộ chỉ số theo Quyết định số 766/QĐ-TTg, 5 nhóm chỉ số",
        from: "2025-01-01",
        to: Some("2025-12-31"),
        note: "Dịch vụ công trực tuyến và Thanh toán trực tuyến được công bố là hai thành phần của một nhóm chỉ số.",
        groups: FIVE_GROUPS,
    },
    Scheme {
        id: "qd766-2026-nam-nhom",
        name: "Bộ chỉ số theo Quyết định số 766/QĐ-TTg, 5 nhóm chỉ số (từ năm 2026)",
        from: "2026-01-01",
        to: None,
        note: "Bộ tổng hợp: giữ nguyên 5 nhóm chỉ số của năm 2025, đang áp dụng.",
        groups: FIVE_GROUPS,
    },
];

fn scheme_groups(ym: Ym) -> Groups {
    if ym.year() >= 2025 {
        FIVE_GROUPS
    } else {
        SIX_GROUPS
    }
}

fn indicators_yaml() -> String {
    let indicators = REAL_INDICATORS
        .split_once("\nschemes:")
        .map_or(REAL_INDICATORS, |(a, _)| a);
    let indicators = indicators
        .rsplit_once("\n# Schemes")
        .map_or(indicators, |(a, _)| a);
    let mut o = Out(String::new());
    o.line(
        0,
        "# Synthetic copy of content/indicators.yaml, written by examples/synth.rs:",
    );
    o.line(
        0,
        "# the indicators are the real ones; the schemes cover every generated month.",
    );
    o.0.push_str(indicators.trim_end());
    o.0.push_str("\n\nschemes:\n");
    for s in SCHEMES {
        o.kv(2, "- id", s.id);
        o.kv(4, "name", &q(s.name));
        o.kv(4, "valid_from", s.from);
        if let Some(t) = s.to {
            o.kv(4, "valid_to", t);
        }
        o.kv(
            4,
            "legal_basis",
            "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ",
        );
        o.kv(4, "note", &q(s.note));
        o.kv(4, "total_max", "100");
        o.line(4, "groups:");
        for (ind, max, parts) in s.groups {
            if parts.is_empty() {
                o.line(6, &format!("- {{ indicator: {ind}, max: {max} }}"));
            } else {
                o.kv(6, "- indicator", ind);
                o.kv(8, "max", &max.to_string());
                o.line(8, "parts:");
                for (p, m) in *parts {
                    o.line(10, &format!("- {{ indicator: {p}, max: {m} }}"));
                }
            }
        }
    }
    o.0
}

// ---------------------------------------------------------------------------
// Values

#[derive(Clone, Debug)]
enum Cell {
    Value(f64, usize),
    NotApplicable(&'static str),
    NotPublished(Option<&'static str>),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Value(v, d) => num(*v, *d),
            Cell::NotApplicable(r) => format!("{{ not_applicable: \"{r}\" }}"),
            Cell::NotPublished(None) => "~".into(),
            Cell::NotPublished(Some(r)) => format!("{{ not_published: \"{r}\" }}"),
        }
    }
    fn value(&self) -> Option<f64> {
        match self {
            Cell::Value(v, _) => Some(*v),
            _ => None,
        }
    }
}

const NO_FEE: &str = "TTHC không có phí, lệ phí";
const NOT_AT_PROVINCE: &str = "Không phát sinh ở cấp tỉnh";
const UPDATING: &str = "Hệ thống đang cập nhật số liệu";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Online,
    Payment,
    Digitized,
    Copies,
}

/// A percent with `d` decimals, 0–100.
fn pct(v: f64, d: usize) -> Cell {
    Cell::Value(round(v.clamp(0.0, 100.0), d), d)
}

/// One appendix cell of `u` for `ym`; `t` is the time in the window (0–1).
fn cell(seed: u64, u: &Unit, ym: Ym, t: f64, col: Col) -> Cell {
    let mut r = Rng::keyed(seed, &[fnv(&u.id), ym.0 as u64, col as u64, 6]);
    if r.chance(0.015) && u.role != Role::Province {
        return Cell::NotPublished(None);
    }
    if r.chance(0.004) {
        return Cell::NotPublished(Some(UPDATING));
    }
    let q = u.quality;
    match (col, u.role) {
        (Col::Online, Role::Department) => {
            if r.chance(0.4 + 0.4 * q + 0.1 * t) {
                Cell::Value(100.0, 0)
            } else if r.chance(0.04) {
                pct(r.range(20.0, 58.0), 1)
            } else {
                pct(55.0 + 40.0 * q + 8.0 * t + 10.0 * r.normal(), 1)
            }
        }
        (Col::Online, Role::District) => pct(80.0 + 15.0 * q + 4.0 * t + 4.0 * r.normal(), 1),
        (Col::Online, Role::Commune) => {
            if r.chance(0.08 + 0.1 * q) {
                Cell::Value(100.0, 0)
            } else {
                pct(40.0 + 45.0 * q + 12.0 * t + 12.0 * r.normal(), 1)
            }
        }
        (Col::Online, Role::Province) => pct(78.0 + 14.0 * q + 6.0 * t + 2.5 * r.normal(), 1),
        (Col::Payment, _) if u.no_fee => Cell::NotApplicable(NO_FEE),
        (Col::Payment, Role::Department) => {
            if r.chance(0.07 - 0.04 * t) {
                Cell::Value(0.0, 0)
            } else if r.chance(0.03) {
                Cell::Value(100.0, 0)
            } else {
                pct(5.0 + 50.0 * q + 18.0 * t + 14.0 * r.normal(), 2)
            }
        }
        (Col::Payment, Role::District) => pct(32.0 + 30.0 * q + 12.0 * t + 8.0 * r.normal(), 2),
        (Col::Payment, Role::Commune) => {
            if r.chance(0.05 - 0.03 * t) {
                Cell::Value(0.0, 0)
            } else {
                pct(8.0 + 55.0 * q + 18.0 * t + 16.0 * r.normal(), 2)
            }
        }
        (Col::Payment, Role::Province) => pct(28.0 + 18.0 * q + 14.0 * t + 4.0 * r.normal(), 2),
        (Col::Digitized, Role::Commune) => pct(35.0 + 50.0 * q + 12.0 * t + 10.0 * r.normal(), 1),
        (Col::Digitized, _) => pct(58.0 + 30.0 * q + 8.0 * t + 5.0 * r.normal(), 1),
        (Col::Copies, Role::Department | Role::Province) => Cell::NotApplicable(NOT_AT_PROVINCE),
        (Col::Copies, Role::District) => {
            let v = (300.0 + 1100.0 * q + 250.0 * r.normal()).max(40.0);
            Cell::Value(v.round(), 0)
        }
        (Col::Copies, Role::Commune) => {
            let v = (10.0 + 220.0 * q + 50.0 * r.normal()).max(0.0);
            Cell::Value(v.round(), 0)
        }
    }
}

// ---------------------------------------------------------------------------
// Results of a province

struct Detail {
    label: &'static str,
    count: Option<u32>,
    of: Option<u32>,
    count_unit: Option<&'static str>,
    percent: Option<f64>,
}

struct Group {
    indicator: &'static str,
    name: &'static str,
    max: u32,
    /// Unrounded, and as printed (one decimal).
    exact: f64,
    score: f64,
    average: Option<f64>,
    /// Position, from its ratio: ranked later against the other provinces
    /// when there are several.
    rank: Option<u32>,
    rate: Option<f64>,
    details: Vec<Detail>,
}

struct Results {
    total: Option<f64>,
    rank: Option<u32>,
    groups: Vec<Group>,
    /// A group left out, with the note saying why.
    withheld: Option<(&'static str, &'static str)>,
}

fn group_name(id: &str) -> &'static str {
    match id {
        "cong-khai-minh-bach" => "Công khai minh bạch",
        "tien-do-giai-quyet" => "Tiến độ giải quyết",
        "dich-vu-cong-truc-tuyen" => "Dịch vụ công trực tuyến",
        "thanh-toan-truc-tuyen" => "Thanh toán trực tuyến",
        "dich-vu-cong-truc-tuyen-thanh-toan-truc-tuyen" => {
            "Dịch vụ công trực tuyến, thanh toán trực tuyến"
        }
        "muc-do-hai-long" => "Mức độ hài lòng",
        _ => "Số hóa hồ sơ",
    }
}

/// Mean ratio of score to maximum, by group.
fn group_mean(id: &str) -> f64 {
    match id {
        "cong-khai-minh-bach" => 0.5,
        "tien-do-giai-quyet" => 0.92,
        "dich-vu-cong-truc-tuyen" => 0.6,
        "thanh-toan-truc-tuyen" => 0.55,
        "dich-vu-cong-truc-tuyen-thanh-toan-truc-tuyen" => 0.58,
        "muc-do-hai-long" => 0.96,
        _ => 0.68,
    }
}

fn results(seed: u64, p: &Unit, ym: Ym, t: f64, served: u32) -> Results {
    let mut r = Rng::keyed(seed, &[fnv(&p.id), ym.0 as u64, 7]);
    let mut groups = Vec::new();
    let combined_2026 = ym.year() >= 2026 && r.chance(0.6);
    let mut withheld = None;
    let mut flat: Vec<(&'static str, u32)> = Vec::new();
    for &(ind, max, parts) in scheme_groups(ym) {
        if parts.is_empty() || combined_2026 {
            flat.push((ind, max));
        } else {
            flat.extend(parts.iter().copied());
        }
    }
    if r.chance(0.12) {
        let (ind, _) = flat[r.below(flat.len())];
        let note = if ind == "muc-do-hai-long" {
            "Văn phòng UBND tỉnh tạm thời dừng kết xuất công khai số liệu cụ thể của các đơn vị ở nhóm chỉ số này do Hệ thống đang được hoàn thiện."
        } else {
            "Hệ thống đang cập nhật, đồng bộ số liệu nhóm chỉ số này nên chưa công bố kết quả tháng."
        };
        withheld = Some((ind, note));
    }
    let late = ym >= Ym::new(2025, 1);
    let den = if ym >= REFORM { 34 } else { 63 };
    for (ind, max) in flat {
        let mean = group_mean(ind);
        // Deviations shrink near the top: satisfaction is close to 100%.
        let room = (1.0 - mean).max(0.06);
        let ratio = (mean + room * (0.8 * (p.quality - 0.5) + 0.4 * t - 0.2 + 0.25 * r.normal()))
            .clamp(0.05, 1.0);
        let exact = ratio * max as f64;
        if withheld.is_some_and(|(w, _)| w == ind) {
            continue;
        }
        let average = (late || r.chance(0.4)).then(|| {
            round(
                (mean + room * (0.4 * t - 0.2 + 0.05 * r.normal())).clamp(0.05, 1.0) * max as f64,
                1,
            )
        });
        let rank = (late || r.chance(0.3)).then(|| {
            let pos = 0.5 - (ratio - mean) * 3.0 + 0.1 * r.normal();
            ((pos * den as f64).round() as u32).clamp(1, den)
        });
        let rate = match ind {
            "tien-do-giai-quyet"
            | "dich-vu-cong-truc-tuyen"
            | "thanh-toan-truc-tuyen"
            | "muc-do-hai-long"
                if late || r.chance(0.3) =>
            {
                Some(round(
                    (ratio * 100.0 + 2.0 * r.normal()).clamp(0.0, 100.0),
                    2,
                ))
            }
            _ => None,
        };
        let mut details = Vec::new();
        if ind == "so-hoa-ho-so" {
            if late {
                details.push(Detail {
                    label: "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC",
                    count: None,
                    of: None,
                    count_unit: None,
                    percent: Some(round(r.range(60.0, 96.0), 2)),
                });
                details.push(Detail {
                    label: "Tỷ lệ hồ sơ cấp kết quả điện tử",
                    count: None,
                    of: None,
                    count_unit: None,
                    percent: Some(round(r.range(60.0, 96.0), 2)),
                });
                details.push(Detail {
                    label: "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
                    count: Some(r.range(20.0, 900.0) as u32),
                    of: None,
                    count_unit: Some("hồ sơ"),
                    percent: Some(round(r.range(0.1, 6.0), 2)),
                });
            } else {
                let deployed = served - (r.below(4) as u32).min(served);
                details.push(Detail {
                    label: "việc cung cấp dịch vụ chứng thực điện tử bản sao từ bản chính đã triển khai",
                    count: Some(deployed),
                    of: Some(served),
                    count_unit: Some("đơn vị"),
                    percent: None,
                });
            }
        }
        groups.push(Group {
            indicator: ind,
            name: group_name(ind),
            max,
            exact,
            score: round(exact, 1),
            average,
            rank,
            rate,
            details,
        });
    }
    let printed = ym.year() >= 2024 || r.chance(0.5);
    let total = printed.then(|| {
        let sum: f64 = groups.iter().map(|g| g.exact).sum::<f64>()
            + withheld.map_or(0.0, |(w, _)| {
                group_mean(w) * scheme_max(ym, w).unwrap_or(0) as f64
            });
        round(sum.min(100.0), 2)
    });
    let rank = total.and_then(|tot| {
        r.chance(0.85).then(|| {
            let pos = 0.5 - (tot - 75.0) / 40.0 + 0.08 * r.normal();
            ((pos * den as f64).round() as u32).clamp(1, den)
        })
    });
    Results {
        total,
        rank,
        groups,
        withheld,
    }
}

fn scheme_max(ym: Ym, ind: &str) -> Option<u32> {
    for (g, max, parts) in scheme_groups(ym) {
        if *g == ind {
            return Some(*max);
        }
        for (p, m) in *parts {
            if *p == ind {
                return Some(*m);
            }
        }
    }
    None
}

/// Several provinces in a month: distinct total ranks from the totals
/// (spread over 1–63 before the reform, 1–34 after).
fn rank_provinces(all: &mut [Results], ym: Ym) {
    let den = if ym >= REFORM { 34 } else { 63 };
    let mut order: Vec<usize> = (0..all.len()).filter(|&i| all[i].total.is_some()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (all[a].total.unwrap_or(0.0), all[b].total.unwrap_or(0.0));
        y.total_cmp(&x)
    });
    let n = order.len().max(1);
    for (k, &i) in order.iter().enumerate() {
        if all[i].rank.is_some() {
            all[i].rank = Some(((k * den / n.max(1)) as u32 + 1).min(den as u32));
        }
    }
}

// ---------------------------------------------------------------------------
// Dispatches

struct Ctx<'a> {
    opts: &'a Options,
    world: &'a World,
}

/// Rows of the appendices: (row no., unit index), the province first.
fn rows(ctx: &Ctx, p: &Province, ym: Ym) -> Vec<(String, usize)> {
    let mut out = vec![("I".to_string(), p.unit)];
    let mut n = 0;
    for &m in &p.members {
        let u = &ctx.world.units[m];
        if !u.active(ym) {
            continue;
        }
        n += 1;
        let mut r = Rng::keyed(ctx.opts.seed, &[fnv(&u.id), ym.0 as u64, 8]);
        // A row left out of a month's tables: a missing month for the unit.
        if r.chance(0.015) {
            continue;
        }
        out.push((n.to_string(), m));
    }
    out
}

/// The dispatch of province `p` for `ym` (`t`: time in the window, 0–1),
/// and the number of figures it carries.
fn dispatch(ctx: &Ctx, p: &Province, ym: Ym, t: f64, res: &Results) -> (String, usize) {
    let seed = ctx.opts.seed;
    let w = ctx.world;
    let pu = &w.units[p.unit];
    let mut r = Rng::keyed(seed, &[fnv(&pu.id), ym.0 as u64, 9]);
    let mut figures = 0;
    let issued = ym.plus(1);
    let day = 3 + r.below(17) as u32;
    let blank_day = r.chance(0.3);
    let number = (!r.chance(0.3)).then(|| 20 + (ym.month() - 1) * 38 + r.below(30) as u32);
    let padded = r.chance(0.5);
    let month = ym.text(padded);
    let after_reform = ym >= REFORM;
    let city = p.long.starts_with("thành phố");
    let level = if city { "thành phố" } else { "tỉnh" };
    let signer = SIGNERS[(p.signer_seed as usize + ym.year() as usize) % SIGNERS.len()];
    let header = vec![
        format!("UBND {}", p.long.to_uppercase()),
        "VĂN PHÒNG".into(),
    ];
    let symbol = "VPUB-PVHCC&KSTT";
    let number_text = number.map_or(String::new(), |n| n.to_string());
    let date_text = if blank_day {
        format!("/{}/{}", issued.month(), issued.year())
    } else {
        format!("{day:02}/{}/{}", issued.month(), issued.year())
    };
    let subtitle = format!(
        "(Kèm theo công văn số {number_text}/{symbol} ngày {date_text} của Văn phòng UBND {})",
        p.long
    );

    let mut o = Out(String::with_capacity(64 * 1024));
    o.line(
        0,
        &format!(
            "# Synthetic dispatch (examples/synth.rs, seed {seed}): results of {month} for {}. Not real data.",
            p.long
        ),
    );
    o.kv(0, "kind", "monthly-results");
    if let Some(n) = number {
        o.kv(0, "number", &n.to_string());
    } else {
        o.line(0, "# The number is left blank on the published copy.");
    }
    o.kv(0, "symbol", symbol);
    o.line(0, "issuer:");
    o.kv(2, "unit", &pu.id);
    o.kv(2, "body", &format!("Văn phòng UBND {level}"));
    o.kv(2, "header", &flow(&header));
    o.kv(0, "place", &q(&p.short));
    if blank_day {
        o.kv(0, "date", &issued.to_string());
    } else {
        o.kv(0, "date", &format!("{issued}-{day:02}"));
    }
    o.kv(
        0,
        "subject",
        &q(&format!("Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công tháng {month}")),
    );
    o.kv(0, "period", &ym.to_string());
    if r.chance(0.3) {
        o.kv(0, "data_as_of", &ym.last_day());
    }
    let recipients = vec![
        format!("Các sở, ban, ngành {level};"),
        if after_reform {
            "UBND các xã, phường.".to_string()
        } else {
            "UBND các huyện, thị xã, thành phố.".to_string()
        },
    ];
    o.list(0, "recipients", &recipients);
    o.list(
        0,
        "legal_basis",
        &[
            "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ".to_string(),
            format!("Công văn số 2283/UBND-PVHCC&KSTT ngày 30/8/2022 của UBND {level}"),
        ],
    );
    o.line(0, "signature:");
    o.kv(
        2,
        "titles",
        &flow(&["KT. CHÁNH VĂN PHÒNG".into(), "PHÓ CHÁNH VĂN PHÒNG".into()]),
    );
    o.kv(2, "name", &q(signer));
    o.list(
        0,
        "distribution",
        &[
            "Như trên;".to_string(),
            format!("Chủ tịch, các PCT UBND {level} (để b/c);"),
            "Lãnh đạo VP UBND;".to_string(),
            format!("Trung tâm TT-HN {level};"),
            "Trung tâm PVHCC&KSTTHC;".to_string(),
            "Lưu: VT, PVHCC&KSTT.".to_string(),
        ],
    );
    o.0.push('\n');

    // Results.
    o.line(0, "results:");
    o.kv(2, "unit", &pu.id);
    let den = if after_reform { 34 } else { 63 };
    if let Some(total) = res.total {
        o.kv(2, "total", &num(total, 2));
        figures += 1;
        if let Some(rank) = res.rank {
            o.kv(2, "rank", &format!("{rank:02}/{den}"));
        }
    }
    if !res.groups.is_empty() {
        o.line(2, "groups:");
    }
    for g in &res.groups {
        figures += 1;
        o.kv(4, "- indicator", g.indicator);
        o.kv(6, "score", &num(g.score, 1));
        o.kv(6, "max", &g.max.to_string());
        if let Some(a) = g.average {
            o.kv(6, "national_average", &num(a, 1));
        }
        if let Some(rk) = g.rank {
            o.kv(6, "rank", &format!("{rk:02}/{den}"));
        }
        if let Some(rate) = g.rate {
            o.kv(6, "rate", &num(rate, 2));
        }
        if !g.details.is_empty() {
            o.line(6, "details:");
            for d in &g.details {
                o.kv(8, "- label", &q(d.label));
                if let Some(c) = d.count {
                    o.kv(10, "count", &c.to_string());
                }
                if let Some(of) = d.of {
                    o.kv(10, "of", &of.to_string());
                }
                if let Some(cu) = d.count_unit {
                    o.kv(10, "count_unit", &q(cu));
                }
                if let Some(pc) = d.percent {
                    o.kv(10, "percent", &num(pc, 2));
                }
            }
        }
    }
    o.0.push('\n');

    // Appendices.
    let rows = rows(ctx, p, ym);
    let online_target = if ym.year() >= 2025 { 70 } else { 60 };
    let payment_missing = r.chance(0.04);
    let digitized = ym >= Ym::new(2023, 1);
    let mut low_online: Vec<(usize, f64)> = Vec::new();
    let mut low_payment: Vec<(usize, f64)> = Vec::new();
    o.line(0, "appendices:");
    let cols: Vec<(&str, Vec<Col>)> = {
        let mut v = vec![("I", vec![Col::Online])];
        if !payment_missing {
            v.push(("II", vec![Col::Payment]));
        }
        if digitized {
            v.push(("III", vec![Col::Digitized, Col::Copies]));
        }
        v
    };
    for (number, columns) in &cols {
        let title = match *number {
            "I" => "TỶ LỆ HỒ SƠ NỘP TRỰC TUYẾN THEO BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG",
            "II" => "KẾT QUẢ TRIỂN KHAI, THỰC HIỆN THANH TOÁN TRỰC TUYẾN THEO BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG",
            _ => "TỶ LỆ SỐ HÓA HỒ SƠ, CẤP BẢN ĐIỆN TỬ THEO BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG",
        };
        o.kv(2, "- number", number);
        o.kv(4, "title", &q(&format!("{title} {month}")));
        o.kv(4, "subtitle", &q(&subtitle));
        o.line(4, "columns:");
        let mut target = None;
        for c in columns {
            match c {
                Col::Online => {
                    o.kv(6, "- indicator", "ty-le-nop-truc-tuyen");
                    o.kv(8, "heading", "Kết quả hồ sơ nộp trực tuyến tháng (%)");
                    o.line(8, "target:");
                    o.kv(10, "at_least", &online_target.to_string());
                    o.kv(10, "set_by", &format!("UBND {level}"));
                    let wording = format!(
                        "tối thiểu {online_target}% hồ sơ TTHC được tiếp nhận, xử lý trực tuyến"
                    );
                    o.kv(10, "wording", &q(&wording));
                    o.kv(8, "has_status", "true");
                    o.kv(
                        8,
                        "status_heading",
                        &q(&format!("Mục tiêu của UBND {level} {wording}")),
                    );
                    target = Some(online_target as f64);
                }
                Col::Payment => {
                    o.kv(6, "- indicator", "ty-le-thanh-toan-truc-tuyen");
                    o.kv(8, "heading", "Kết quả thanh toán trực tuyến tháng (%)");
                    o.line(8, "target:");
                    o.kv(10, "at_least", "30");
                    o.kv(10, "set_by", "Chính phủ");
                    o.kv(
                        10,
                        "wording",
                        "tối thiểu 30% trong tổng số hồ sơ có yêu cầu nghĩa vụ tài chính",
                    );
                    o.kv(8, "has_status", "true");
                    target = Some(30.0);
                }
                Col::Digitized => {
                    o.kv(6, "- indicator", "ty-le-so-hoa-ho-so");
                    o.kv(8, "heading", "Kết quả số hóa hồ sơ (%) tháng");
                    o.kv(8, "footnotes", "[\"1\"]");
                }
                Col::Copies => {
                    o.kv(6, "- indicator", "so-ban-sao-dien-tu");
                    o.kv(8, "heading", "Kết quả cấp bản sao điện tử");
                    o.kv(8, "footnotes", "[\"2\"]");
                }
            }
        }
        o.line(4, "rows:");
        for (no, m) in &rows {
            let u = &w.units[*m];
            if *number == "III" && u.role == Role::Province {
                continue;
            }
            let (no, printed) = if u.role == Role::Province {
                ("I".to_string(), Some(format!("UBND {}", p.long)))
            } else if u.role == Role::Commune && r.chance(0.1) {
                (no.clone(), u.aliases.first().cloned())
            } else {
                (no.clone(), None)
            };
            o.kv(6, "- no", &format!("\"{no}\""));
            o.kv(8, "unit", &u.id);
            if let Some(pn) = printed {
                o.kv(8, "printed_name", &q(&pn));
            }
            o.line(8, "values:");
            let mut status = None;
            for c in columns {
                let cl = cell(seed, u, ym, t, *c);
                o.line(10, &format!("- {}", cl.text()));
                figures += 1;
                if let Some(tg) = target {
                    status = match &cl {
                        Cell::Value(v, _) => Some(*v >= tg),
                        Cell::NotApplicable(_) => Some(true),
                        Cell::NotPublished(_) => None,
                    };
                }
                if let (Some(v), false) = (cl.value(), u.role == Role::Province) {
                    if *c == Col::Online && v < online_target as f64 {
                        low_online.push((*m, v));
                    }
                    if *c == Col::Payment && v < 10.0 {
                        low_payment.push((*m, v));
                    }
                }
            }
            if let Some(met) = status {
                o.kv(
                    8,
                    "status",
                    if met {
                        "Hoàn thành"
                    } else {
                        "Chưa hoàn thành"
                    },
                );
            }
        }
        if *number == "III" {
            o.line(4, "footnotes:");
            o.kv(6, "- mark", "\"1\"");
            o.kv(8, "text", "Tỷ lệ hồ sơ TTHC được số hóa hồ sơ, kết quả giải quyết trong tháng theo số liệu trên Cổng Dịch vụ công quốc gia.");
            o.kv(6, "- mark", "\"2\"");
            o.kv(8, "text", "Chỉ phát sinh ở cấp huyện, cấp xã vì đây là nhiệm vụ thuộc thẩm quyền giải quyết của UBND cấp huyện và UBND cấp xã.");
        }
    }
    o.0.push('\n');

    // Mentions: the lowest payment rates.
    low_online.sort_by(|a, b| a.1.total_cmp(&b.1));
    low_payment.sort_by(|a, b| a.1.total_cmp(&b.1));
    if !low_payment.is_empty() {
        o.line(0, "mentions:");
        for (m, _) in low_payment.iter().take(3) {
            let u = &w.units[*m];
            o.kv(2, "- unit", &u.id);
            o.kv(4, "printed_name", &q(&u.name));
            o.kv(4, "indicator", "ty-le-thanh-toan-truc-tuyen");
            o.kv(4, "note", "Kết quả thanh toán trực tuyến đạt tỷ lệ thấp.");
        }
    }
    let mut notes = Vec::new();
    if let Some((ind, text)) = res.withheld {
        notes.push((Some(ind), text.to_string()));
    }
    if payment_missing {
        notes.push((
            Some("ty-le-thanh-toan-truc-tuyen"),
            "Tháng này Hệ thống chưa kết xuất được số liệu thanh toán trực tuyến theo từng đơn vị (không có Phụ lục II).".to_string(),
        ));
    }
    if !notes.is_empty() {
        o.line(0, "notes:");
        for (ind, text) in &notes {
            o.kv(2, "- text", &q(text));
            if let Some(i) = ind {
                o.kv(4, "indicator", i);
            }
        }
    }
    o.0.push('\n');

    // Body.
    o.line(0, "body: |");
    let body = body(ctx, p, ym, res, &month, &low_online, &low_payment, &mut r);
    for line in body.lines() {
        if line.is_empty() {
            o.0.push('\n');
        } else {
            o.line(2, line);
        }
    }
    (o.0, figures)
}

#[allow(clippy::too_many_arguments)]
fn body(
    ctx: &Ctx,
    p: &Province,
    ym: Ym,
    res: &Results,
    month: &str,
    low_online: &[(usize, f64)],
    low_payment: &[(usize, f64)],
    r: &mut Rng,
) -> String {
    let w = ctx.world;
    let den = if ym >= REFORM { 34 } else { 63 };
    let level = if p.long.starts_with("thành phố") {
        "thành phố"
    } else {
        "tỉnh"
    };
    let lower = if ym >= REFORM {
        "UBND các xã, phường"
    } else {
        "UBND các huyện, thị xã, thành phố"
    };
    let mut b = String::with_capacity(8 * 1024);
    let _ = writeln!(b, "Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính (TTHC), dịch vụ công theo thời gian thực trên môi trường điện tử;\n");
    let _ = writeln!(b, "Căn cứ Công văn số 2283/UBND-PVHCC&KSTT ngày 30/8/2022 của UBND {level} về việc triển khai thực hiện Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công theo thời gian thực trên môi trường điện tử;\n");
    let _ = writeln!(b, "Trên cơ sở kết quả đồng bộ công khai trên Cổng Dịch vụ công quốc gia tại địa chỉ <https://quantri.dichvucong.gov.vn/>, Văn phòng UBND {level} công bố kết quả đánh giá Bộ Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công tháng {month} của UBND {} như sau:\n", p.long);
    match (res.total, res.rank) {
        (Some(t), Some(rk)) => {
            let _ = writeln!(b, "Tổng hợp các nhóm chỉ số tháng {month} đạt **{} điểm**; xếp hạng thứ {rk:02}/{den} tỉnh, thành phố trực thuộc Trung ương, trong đó:\n", num(t, 2));
        }
        (Some(t), None) => {
            let _ = writeln!(
                b,
                "Tổng hợp các nhóm chỉ số tháng {month} đạt **{} điểm**, trong đó:\n",
                num(t, 2)
            );
        }
        _ => {}
    }
    for g in &res.groups {
        let mut line = format!("- Chỉ số {}: {}/{} điểm", g.name, num(g.score, 1), g.max);
        if let Some(a) = g.average {
            let _ = write!(
                line,
                " (trung bình cả nước là {}/{} điểm)",
                num(a, 1),
                g.max
            );
        }
        if let Some(rate) = g.rate {
            let _ = write!(line, ", đạt tỷ lệ {}%", num(rate, 2));
        }
        if let Some(rk) = g.rank {
            let _ = write!(
                line,
                ", xếp hạng thứ {rk:02}/{den} tỉnh, thành phố trực thuộc Trung ương"
            );
        }
        if g.details.is_empty() {
            line.push('.');
            let _ = writeln!(b, "{line}");
        } else {
            let _ = writeln!(b, "{line}, trong đó:");
            for d in &g.details {
                let mut dl = format!("  - {}: ", d.label);
                match (d.count, d.of, d.percent) {
                    (Some(c), Some(of), _) => {
                        let _ = write!(dl, "{c}/{of} {}", d.count_unit.unwrap_or(""));
                    }
                    (Some(c), None, Some(pc)) => {
                        let _ = write!(
                            dl,
                            "{c} {}, đạt {}%",
                            d.count_unit.unwrap_or(""),
                            num(pc, 2)
                        );
                    }
                    (_, _, Some(pc)) => {
                        let _ = write!(dl, "{}%", num(pc, 2));
                    }
                    _ => {}
                }
                let _ = writeln!(b, "{}", dl.trim_end());
            }
        }
    }
    if let Some((ind, _)) = res.withheld {
        let _ = writeln!(
            b,
            "- Chỉ số {}: tạm thời chưa công bố (xem lưu ý kèm theo).",
            group_name(ind)
        );
    }
    let _ = writeln!(b, "- Kết quả cụ thể một số nhóm, tiêu chí của các sở, ban, ngành, {lower}: (Có Phụ lục kèm theo).\n");

    if !low_online.is_empty() {
        let _ = writeln!(b, "Qua theo dõi, tháng {month} còn **{} cơ quan, đơn vị** có tỷ lệ hồ sơ nộp trực tuyến chưa đạt mục tiêu của UBND {level}, trong đó thấp nhất là:\n", low_online.len());
        for (m, v) in low_online.iter().take(12) {
            let _ = writeln!(b, "- {}: {}%;", w.units[*m].name, num(*v, 1));
        }
        b.push('\n');
    }
    if !low_payment.is_empty() {
        let _ = writeln!(b, "Một số cơ quan, đơn vị có tỷ lệ thanh toán trực tuyến rất thấp, chưa đạt mục tiêu tối thiểu 30% của Chính phủ:\n");
        for (m, v) in low_payment.iter().take(8) {
            let _ = writeln!(b, "- {}: {}%;", w.units[*m].name, num(*v, 2));
        }
        b.push('\n');
    }
    let _ = writeln!(
        b,
        "Căn cứ kết quả nêu trên, Văn phòng UBND {level} đề nghị các sở, ban, ngành, {lower}:\n"
    );
    let asks = [
        "Tăng cường chỉ đạo, đẩy mạnh triển khai thực hiện các nhiệm vụ để nâng cao điểm số cũng như tỷ lệ các nhóm chỉ số đang ở mức thấp; duy trì và phát huy các chỉ số đang ở mức tốt.",
        "Rà soát, cập nhật đầy đủ, chính xác thông tin TTHC trên Cổng Dịch vụ công quốc gia; thực hiện **công khai, minh bạch** kết quả giải quyết hồ sơ theo quy định.",
        "Hướng dẫn, hỗ trợ người dân, doanh nghiệp nộp hồ sơ trực tuyến, thanh toán trực tuyến phí, lệ phí; không để hồ sơ quá hạn mà không có văn bản xin lỗi.",
        "Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC ngay khi tiếp nhận; tái sử dụng dữ liệu đã được số hóa, không yêu cầu người dân nộp lại giấy tờ đã có trong cơ sở dữ liệu.",
        "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND về kết quả thực hiện các chỉ số thuộc phạm vi quản lý.",
    ];
    let n = 3 + r.below(3);
    for (i, a) in asks.iter().take(n).enumerate() {
        let _ = writeln!(b, "{}. {a}", i + 1);
    }
    b.push('\n');
    if r.chance(0.5) {
        let _ = writeln!(b, "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Văn phòng UBND {level} (qua Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính) để được hướng dẫn, tổng hợp, báo cáo Chủ tịch UBND {level} xem xét, chỉ đạo.\n");
    }
    let _ = writeln!(b, "Giao Trung tâm Thông tin - Hội nghị {level} công khai kết quả trên Cổng thông tin điện tử {level}; Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính công khai kết quả trên Hệ thống thông tin giải quyết TTHC {level} theo quy định./.");
    b
}

fn directive(p: &Province, unit: &Unit, date: Ym) -> String {
    let level = if p.long.starts_with("thành phố") {
        "thành phố"
    } else {
        "tỉnh"
    };
    let mut o = Out(String::new());
    o.line(
        0,
        "# Synthetic directive (examples/synth.rs): it starts the scheme. Not real data.",
    );
    o.kv(0, "kind", "directive");
    o.kv(0, "number", "1846");
    o.kv(0, "symbol", "UBND-PVHCC&KSTT");
    o.line(0, "issuer:");
    o.kv(2, "unit", &unit.id);
    o.kv(2, "body", &format!("UBND {level}"));
    o.kv(
        2,
        "header",
        &flow(&["ỦY BAN NHÂN DÂN".into(), p.long.to_uppercase()]),
    );
    o.kv(0, "place", &q(&p.short));
    o.kv(0, "date", &format!("{date}-18"));
    o.kv(
        0,
        "subject",
        "triển khai thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ",
    );
    o.list(
        0,
        "recipients",
        &[
            format!("Các sở, ban, ngành {level};"),
            "UBND các huyện, thị xã, thành phố.".into(),
        ],
    );
    o.list(
        0,
        "legal_basis",
        &["Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ".into()],
    );
    o.line(0, "signature:");
    o.kv(
        2,
        "titles",
        &flow(&[
            "TM. ỦY BAN NHÂN DÂN".into(),
            "KT. CHỦ TỊCH".into(),
            "PHÓ CHỦ TỊCH".into(),
        ]),
    );
    o.kv(2, "name", "Nguyễn Duy Hưng");
    o.list(
        0,
        "distribution",
        &[
            "Như trên;".into(),
            "Văn phòng Chính phủ;".into(),
            format!("Chủ tịch, các PCT UBND {level};"),
            "Lưu: VT, PVHCC&KSTT.".into(),
        ],
    );
    o.line(0, "body: |");
    o.line(2, &format!("Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, UBND {level} yêu cầu các cơ quan, đơn vị triển khai thực hiện các nội dung sau:"));
    o.0.push('\n');
    o.line(
        2,
        "1. Các sở, ban, ngành và UBND các huyện, thị xã, thành phố:",
    );
    o.0.push('\n');
    o.line(2, "- Phổ biến, quán triệt đến toàn thể cán bộ, công chức, viên chức thuộc phạm vi quản lý; chủ động tổ chức triển khai thực hiện theo các nhóm chỉ số tại Phụ lục kèm theo Quyết định số 766/QĐ-TTg.");
    o.line(2, "- Cử cán bộ đầu mối thường xuyên theo dõi các số liệu và kết quả đánh giá trên Cổng Dịch vụ công quốc gia.");
    o.0.push('\n');
    o.line(2, &format!("2. Văn phòng UBND {level} theo dõi, đôn đốc, tổng hợp kết quả hằng tháng; Hệ thống vận hành chính thức **kể từ ngày 01/8/2022**."));
    o.0
}

// ---------------------------------------------------------------------------
// The whole folder

fn prepare_out(out: &Path) -> io::Result<()> {
    if out.exists() {
        let empty = fs::read_dir(out)?.next().is_none();
        if !empty {
            let site = fs::read_to_string(out.join("site.yaml")).unwrap_or_default();
            if site.starts_with(MARKER) {
                fs::remove_dir_all(out)?;
            } else {
                return Err(io::Error::other(format!(
                    "{} exists and was not written by synth (its site.yaml does not start with `{MARKER}`): refusing to replace it",
                    out.display()
                )));
            }
        }
    }
    // No marker file of its own: every file in a content folder is read,
    // or named in a warning.
    fs::create_dir_all(out)
}

pub fn generate(opts: &Options) -> io::Result<Summary> {
    let (start, end) = window(opts).map_err(io::Error::other)?;
    let world = match opts.scale {
        Scale::Province => province_world(opts.seed),
        Scale::National => national_world(opts.seed, opts.provinces),
    };
    prepare_out(&opts.out)?;
    let mut bytes = 0u64;
    let mut files = 0usize;
    let mut write = |rel: &Path, text: &str| -> io::Result<()> {
        let path = opts.out.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, text)?;
        bytes += text.len() as u64;
        files += 1;
        Ok(())
    };
    let lead = world
        .provinces
        .iter()
        .map(|p| world.units[p.unit].id.as_str())
        .find(|&id| id == "hung-yen")
        .unwrap_or(world.units[world.provinces[0].unit].id.as_str());
    write(Path::new("site.yaml"), &site_yaml(opts, lead))?;
    write(Path::new("units.yaml"), &units_yaml(&world))?;
    write(Path::new("indicators.yaml"), &indicators_yaml())?;

    let ctx = Ctx {
        opts,
        world: &world,
    };
    let mut dispatches = 0;
    let mut figures = 0;
    let mut latest = Vec::new();
    // The directive that started it all, the month before the index went live.
    let d_date = INDEX_START.plus(-1);
    for p in &world.provinces {
        let unit = &world.units[p.unit];
        let slug = match opts.scale {
            Scale::Province => format!("{d_date}-ubnd-1846"),
            Scale::National => format!("{d_date}-ubnd-1846-{}", unit.id),
        };
        let rel = PathBuf::from(format!("dispatches/{}/{slug}.yaml", d_date.year()));
        write(&rel, &directive(p, unit, d_date))?;
        dispatches += 1;
    }
    let span = (end.0 - start.0).max(1) as f64;
    let mut ym = start;
    while ym <= end {
        let t = (ym.0 - start.0) as f64 / span;
        let mut all: Vec<Results> = world
            .provinces
            .iter()
            .map(|p| results(opts.seed, &world.units[p.unit], ym, t, p.served))
            .collect();
        if all.len() > 1 {
            rank_provinces(&mut all, ym);
        }
        for (p, res) in world.provinces.iter().zip(&all) {
            let unit = &world.units[p.unit];
            let slug = match opts.scale {
                Scale::Province => format!("{ym}-vpub"),
                Scale::National => format!("{ym}-vpub-{}", unit.id),
            };
            let rel = PathBuf::from(format!("dispatches/{}/{slug}.yaml", ym.year()));
            let (text, n) = dispatch(&ctx, p, ym, t, res);
            write(&rel, &text)?;
            dispatches += 1;
            figures += n;
            if ym == end {
                latest.push(rel);
            }
        }
        ym = ym.plus(1);
    }
    Ok(Summary {
        units: world.units.len(),
        provinces: world.provinces.len(),
        dispatches,
        figures,
        files,
        bytes,
        first: start,
        last: end,
        latest,
    })
}
