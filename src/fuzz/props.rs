//! The properties every parser family gets, declared once.

/// In the calling module: `mutated_fixtures` and `arbitrary_bytes` (proptest, `$cases`
/// cases each unless `PROPTEST_CASES` says otherwise) and `big_inputs`, all running
/// `$exercise(&[u8])` on inputs seeded by `$seeds()`. The property is that `$exercise`
/// returns: no panic, no abort past the memory ceiling, no hang past the deadline —
/// plus whatever `$exercise` asserts itself.
///
/// With `report: $evaluate` (a `fn(&[u8]) -> Report`), the generated cases also render
/// the report in every format (see `render`); the big inputs do not, since a human
/// table of a few MiB of detail rows only measures comfy-table in a debug build.
macro_rules! properties {
    ($cases:expr, $seeds:path, report: $evaluate:path) => {
        fn exercise_and_render(input: &[u8]) {
            $crate::fuzz::render::every_format(&$evaluate(input));
        }
        fn exercise_only(input: &[u8]) {
            $evaluate(input);
        }
        $crate::fuzz::props::properties!(@with $cases, $seeds, exercise_and_render, exercise_only);
    };
    ($cases:expr, $seeds:path, $exercise:path) => {
        $crate::fuzz::props::properties!(@with $cases, $seeds, $exercise, $exercise);
    };
    (@with $cases:expr, $seeds:path, $small:path, $big:path) => {
        proptest::proptest! {
            #![proptest_config($crate::fuzz::guard::config($cases))]

            #[test]
            fn mutated_fixtures(input in $crate::fuzz::mutate::mutated($seeds())) {
                $crate::fuzz::guard::case(|| $small(&input));
            }

            #[test]
            fn arbitrary_bytes(input in $crate::fuzz::mutate::bytes()) {
                $crate::fuzz::guard::case(|| $small(&input));
            }
        }

        #[test]
        fn big_inputs() {
            $crate::fuzz::big::check($seeds(), $big);
        }
    };
}
pub(crate) use properties;
