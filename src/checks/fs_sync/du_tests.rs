//! `du` parsing on real output (GNU coreutils 9.1 over a fake sync tree) and pasted forms.

use super::*;

const MASTER: &str = include_str!("fixtures/du-b-master.txt");
const MASTER_NUL: &str = include_str!("fixtures/du-b0-master-nul-separated.txt");
const ODD_NUL: &str = include_str!("fixtures/du-b0-odd-names-space-tab-unicode-newline.txt");
const ODD_NEWLINE: &str = include_str!("fixtures/du-b-odd-names-newline-splits-a-record.txt");
const DENIED_OUT: &str = include_str!("fixtures/du-b-permission-denied.stdout.txt");
const DENIED_ERR: &str = include_str!("fixtures/du-b-permission-denied.stderr.txt");
const DENIED_PASTED: &str = include_str!("fixtures/du-b-permission-denied-pasted-mixed.txt");
const MISSING_ERR: &str = include_str!("fixtures/du-b-missing-dir.stderr.txt");
const HUMAN: &str = include_str!("fixtures/du-h-procedure-sample.txt");
const CENTOS7_IT: &str = include_str!("fixtures/du-h-centos7-italian-locale-curly-quotes.txt");
const BLOCKS: &str = include_str!("fixtures/du-blocks-1k-master.txt");

fn names(l: &DuListing) -> Vec<(&str, u64)> {
    l.dirs
        .iter()
        .map(|d| (d.name.as_str(), d.size.bytes))
        .collect()
}

#[test]
fn bytes_mode_gives_sorted_dirs_and_the_total() {
    let l = parse_du(MASTER, "", DuUnit::Bytes);
    let expected = [
        ("conf", 3263),
        ("moh", 294_100),
        ("recordings", 1_201_012_960),
        ("tmp", 40),
        ("voicemail", 12_000_340),
    ];
    assert_eq!(names(&l), expected);
    let root = l.root.as_ref().unwrap();
    assert_eq!(
        (root.path.as_str(), root.size.bytes),
        ("/opt/telenia_data/sync/", 1_213_310_843)
    );
    assert!(l.exact() && l.warnings.is_empty() && l.missing.is_none());
    assert_eq!(l.dir("moh").unwrap().path, "/opt/telenia_data/sync/moh");
}

#[test]
fn nul_separated_output_is_the_same_listing() {
    assert_eq!(
        parse_du(MASTER_NUL, "", DuUnit::Bytes),
        parse_du(MASTER, "", DuUnit::Bytes)
    );
}

#[test]
fn crlf_paste_is_the_same_listing() {
    let crlf = MASTER.replace('\n', "\r\n");
    assert_eq!(
        parse_du(&crlf, "", DuUnit::Bytes),
        parse_du(MASTER, "", DuUnit::Bytes)
    );
}

#[test]
fn names_with_space_tab_unicode_and_newline_survive_nul_mode() {
    let l = parse_du(ODD_NUL, "", DuUnit::Bytes);
    let got: Vec<_> = l.dirs.iter().map(|d| d.name.as_str()).collect();
    let expected = [
        "Registrazioni vecchie",
        "città",
        "conf",
        "moh",
        "new\nline",
        "recordings",
        "tab\there",
        "tmp",
        "voicemail",
    ];
    assert_eq!(got, expected);
    assert!(l.warnings.is_empty());
}

#[test]
fn newline_mode_splits_a_name_with_a_newline_and_says_so() {
    let l = parse_du(ODD_NEWLINE, "", DuUnit::Bytes);
    assert_eq!(l.warnings, ["unparsable du output: \"line\""]);
    assert!(l.dir("new").is_some());
}

#[test]
fn permission_denied_is_a_warning_from_stderr_or_a_mixed_paste() {
    let separate = parse_du(DENIED_OUT, DENIED_ERR, DuUnit::Bytes);
    assert_eq!(separate, parse_du(DENIED_PASTED, "", DuUnit::Bytes));
    assert_eq!(
        separate.warnings,
        [
            "du: cannot read directory '/opt/telenia_data/sync/moh': Permission denied",
            "du: cannot read directory '/opt/telenia_data/sync/recordings/private': Permission denied",
        ]
    );
    assert_eq!(separate.dir("moh").unwrap().size.bytes, 100);
}

#[test]
fn missing_directory_is_not_an_empty_one() {
    let l = parse_du("", MISSING_ERR, DuUnit::Bytes);
    assert_eq!(
        l.missing.as_deref(),
        Some("du: cannot access '/opt/telenia_data/sincro/': No such file or directory")
    );
    assert!(l.root.is_none() && l.warnings.is_empty());
}

#[test]
fn empty_output_has_no_root_and_no_error() {
    assert_eq!(parse_du("", "", DuUnit::Bytes), DuListing::default());
    assert_eq!(parse_du("\n\n", "", DuUnit::Bytes), DuListing::default());
}

#[test]
fn human_sizes_from_the_procedure_are_rounded_upper_bounds() {
    let l = parse_du(HUMAN, "", DuUnit::Human);
    assert_eq!(names(&l)[0], ("conf", 4096));
    assert_eq!(
        l.dir("tmp").unwrap().size,
        DuSize {
            bytes: 0,
            exact: true
        }
    );
    assert_eq!(l.root.as_ref().unwrap().size.bytes, 1_395_864_371);
    assert!(!l.exact());
}

#[test]
fn centos7_curly_quotes_and_italian_decimal_commas() {
    let l = parse_du(CENTOS7_IT, "", DuUnit::Human);
    assert_eq!(l.dir("recordings").unwrap().size.bytes, 1_288_490_189);
    assert_eq!(
        l.warnings,
        ["du: cannot read directory ‘/opt/telenia_data/sync/recordings/2019’: Permission denied"]
    );
}

#[test]
fn plain_du_counts_kibibyte_blocks() {
    let l = parse_du(BLOCKS, "", DuUnit::Kibibytes);
    assert_eq!(l.dir("moh").unwrap().size.bytes, 288 * 1024);
    // Sparse recordings use no blocks: why tvdr gathers apparent sizes (`du -b`).
    assert_eq!(l.dir("recordings").unwrap().size.bytes, 0);
}

#[test]
fn relative_and_root_arguments() {
    let l = parse_du("5\t./a\n7\t./b/\n12\t.\n", "", DuUnit::Bytes);
    assert_eq!(names(&l), [("a", 5), ("b", 7)]);
    let l = parse_du("5\t/etc\n12\t/\n", "", DuUnit::Bytes);
    assert_eq!(names(&l), [("etc", 5)]);
}
