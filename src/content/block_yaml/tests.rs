use super::*;
use std::path::{Path, PathBuf};

/// What libyaml reads, when this reader reads the text: the same tree.
fn agrees(text: &str, name: &str) -> bool {
    let Some(node) = parse(text) else {
        return false;
    };
    let tree: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(tree) => tree,
        Err(e) => panic!("{name}: read here, but libyaml says {e}\n{text}"),
    };
    assert_eq!(node.to_value(), tree, "{name}\n{text}");
    true
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_real_content_file_is_read_and_gives_libyamls_tree() {
    let files = yaml_files(&root().join("content"));
    assert!(files.len() >= 8);
    for path in &files {
        let text = std::fs::read_to_string(path).expect("content file reads");
        assert!(
            agrees(&text, &path.display().to_string()),
            "{} is not read",
            path.display()
        );
    }
}

/// The benchmark's synthetic content (both scales, across the 2025
/// reorganisation) is read here, as libyaml reads it.
#[test]
fn synthetic_content_is_read_and_gives_libyamls_tree() {
    #[path = "../../../examples/synth/generator.rs"]
    mod generator;
    use generator::{Options, Scale};
    let tmp = tempfile::tempdir().expect("a temporary folder");
    for (scale, months, provinces, dir) in [
        (Scale::Province, 36, None, "province"),
        (Scale::National, 40, Some(2), "national"),
    ] {
        let mut opts = Options::new(scale, months, tmp.path().join(dir));
        opts.provinces = provinces;
        generator::generate(&opts).expect("synth writes its content");
        let files = yaml_files(&tmp.path().join(dir));
        assert!(files.len() > months as usize);
        for path in &files {
            let text = std::fs::read_to_string(path).expect("synthetic file reads");
            assert!(
                agrees(&text, &path.display().to_string()),
                "{} is not read",
                path.display()
            );
        }
    }
}

#[test]
fn the_fixtures_give_libyamls_tree_or_nothing() {
    let mut read = 0;
    let files = yaml_files(&root().join("tests/fixtures"));
    for path in &files {
        // A fixture in a legacy encoding is not text.
        if let Ok(text) = std::fs::read_to_string(path) {
            read += usize::from(agrees(&text, &path.display().to_string()));
        }
    }
    assert!(read > files.len() / 2, "{read} of {}", files.len());
}

/// Forms of the subset and forms at its edges: each gives libyaml's tree
/// or nothing; the first ones are what content is written with.
#[test]
fn each_form_gives_libyamls_tree_or_nothing() {
    let read = [
        "a:\n- x\n- y\nb: 1\n",
        "- a:\n  - x\n  b: 1\n- c: 2\n",
        "a:\n  b:\n    c: 1\n  d: [1, 2]\n",
        "a: |\n  x\n\n  y\n",
        "a: |\n  x\n  \n    y\n",
        "a: >-\n  x\n  y\n\n  z\n",
        "a: |-\n  x\n   y\n",
        "a: > # c\n  x\n  y\nb: 1\n",
        "a: \"x # y\"\n",
        "a: x # y\n",
        "a: x#y\n",
        "a: [x, [y]]\n",
        "a: {b: 1, c: [x, y]}\n",
        "a: {}\nb: []\nc: [ ]\n",
        "a:\nb:\n",
        "- \n- x\n",
        "a: 'x'\nb: ''\nc: \"\"\n",
        "a: ~\n",
        "k: v\n# c\n  # indented comment\nk2: v\n",
        "a:\n  # comment\n  b: 1\n",
        "a: |\n  # not a comment\n  x\n",
        "a:   x   \n",
        "a: -x\n",
        "a: http://x\n",
        "tên: Hoàn thành # ghi chú\n",
        "a: [x, 'y, z', \"w\"]\n",
        "a: { b: \"x, y\" }\n",
        "a:\n  - { x: 1 }\n  - { x: 2, y: [a] }\n",
        "a: [-1, -x, 86,0]\n",
        "a: 1\n  \n",
        "values: [55,02, \"\", ~, 08, 7]\n",
    ];
    for text in read {
        assert!(agrees(text, text), "not read: {text:?}");
    }
    let edges = [
        "a: >\n  x\n   y\n",
        "a: 'it''s'\n",
        "a: b: c\n",
        "a:\n  - x\n  y\n",
        "a: x\n  y\n",
        "a: &x 1\nb: *x\n",
        "a: !t x\n",
        "? a\n: b\n",
        "a: [a, b,]\n",
        "a: |\n    x\n  y\n",
        "- - x\n",
        "a: - x\n",
        "a: x: y\n",
        "a: x:\n",
        "a:x\n",
        "a: 1\n---\nb: 2\n",
        "a: |2\n  x\n",
        "a: >+\n  x\n\n",
        "a:\n  x\n",
        "a: |\n  x\n   \n  y\n",
        "a: |\n\n  x\n",
        "a: 1\na: 2\n",
        "a: {b: 1, b: 2}\n",
        "a: \"x\n  y\"\n",
        "a: [x,\n  y]\n",
        "a:\tx\n",
        "a: x\r\n",
        "a: x",
        "  a: 1\n",
        "a: 1\n b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "- a\nb: 1\n",
        "a: {b: {c: [1, {d: x}]}}\n",
        "a: [x]]\n",
        "a: 'x' y\n",
        "\"a\": 1\n",
        "1: a\n",
        "a: 0x1F\n",
        "a: |\n  x \n",
    ];
    for text in edges {
        agrees(text, text);
    }
}

/// Small random changes to the real content files (a character added or
/// taken away, a line moved in or out): whatever this reader reads, libyaml
/// reads the same way, and it never reads what libyaml refuses.
#[test]
fn changed_content_files_give_libyamls_tree_or_nothing() {
    const PIECES: [&str; 30] = [
        " ", "  ", "-", "- ", ":", ": ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", "\n",
        "\n  ", "|", ">", "~", "0", "1.5", "08", "&a ", "*a", "!", "?", "%", "@", "x: ",
    ];
    let mut texts: Vec<String> = yaml_files(&root().join("content"))
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("content file reads"))
        .collect();
    texts.sort_by_key(String::len);
    // A fixed xorshift: the same changes on every run.
    let mut state: u64 = 0x766_2022_0623;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let (mut read, mut tried) = (0, 0);
    for round in 0..3000 {
        let mut text = texts[round % texts.len()].clone();
        for _ in 0..1 + next(3) {
            let mut at = next(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            match next(5) {
                0 | 1 => text.insert_str(at, PIECES[next(PIECES.len())]),
                2 => {
                    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                    text.replace_range(at..end, "");
                }
                3 => text.insert(line_start, ' '),
                _ => {
                    if text[line_start..].starts_with(' ') {
                        text.remove(line_start);
                    }
                }
            }
        }
        tried += 1;
        read += usize::from(agrees(&text, &format!("change {round}")));
    }
    // Most changes still read: the test looks at what is read.
    assert!(read * 4 > tried, "{read} of {tried} read");
}
