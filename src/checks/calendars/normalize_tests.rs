//! Line classification on lines taken from real pg_dump output (9.2, 15, 17).

use super::*;

fn stmt(s: &str) -> Line<'_> {
    Line::Statement(Cow::Borrowed(s.as_bytes()))
}

fn name(text: &str, qualified: bool) -> Name {
    Name {
        text: text.into(),
        qualified,
    }
}

#[test]
fn version_dependent_lines_are_ignored() {
    for line in [
        "",
        "   ",
        "--",
        "-- Name: principal; Type: TABLE; Schema: public; Owner: davical_dba; Tablespace: ",
        "SET transaction_timeout = 0;",
        "SET default_with_oids = false;",
        "SET default_table_access_method = heap;",
        "SELECT pg_catalog.set_config('search_path', '', false);",
    ] {
        assert_eq!(classify(line.as_bytes()), Line::Ignored, "{line:?}");
    }
}

#[test]
fn restrict_keys_are_recognised() {
    for line in [
        "\\restrict QFkLpB1hbCdIIga0pGTxQ3RovLbWfBy7OhGkLPxVCL5K7TDDzu2HCexQAjWnUzB",
        "\\unrestrict QFkLpB1hbCdIIga0pGTxQ3RovLbWfBy7OhGkLPxVCL5K7TDDzu2HCexQAjWnUzB",
    ] {
        assert_eq!(classify(line.as_bytes()), Line::Restrict, "{line:?}");
    }
}

#[test]
fn version_comments_and_trailer_are_recognised() {
    assert_eq!(
        classify(b"-- Dumped from database version 9.2.24"),
        Line::DumpedFrom("9.2.24".into())
    );
    assert_eq!(
        classify(b"-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)"),
        Line::DumpedBy("15.18 (Debian 15.18-0+deb12u1)".into())
    );
    assert_eq!(
        classify(b"-- PostgreSQL database dump complete"),
        Line::Trailer
    );
}

#[test]
fn old_dumps_set_the_search_path() {
    assert_eq!(
        classify(b"SET search_path = public, pg_catalog;"),
        Line::SearchPath("public".into())
    );
}

#[test]
fn copy_headers_give_table_and_columns() {
    let line = b"COPY public.principal (id, username, active, joined) FROM stdin;";
    assert_eq!(
        classify(line),
        Line::Copy {
            table: name("public.principal", true),
            columns: b"(id, username, active, joined)"
        }
    );
    let odd = b"COPY \"Odd \"\"name\"\" (x)\" (a) FROM stdin;";
    assert_eq!(
        classify(odd),
        Line::Copy {
            table: name("\"Odd \"\"name\"\" (x)\"", false),
            columns: b"(a)"
        }
    );
    assert_eq!(name("usr", false).qualify(Some("public")), "public.usr");
    assert_eq!(name("a.b", true).qualify(Some("public")), "a.b");
}

#[test]
fn inserts_single_multi_row_and_with_columns() {
    assert_eq!(
        classify(b"INSERT INTO public.usr VALUES (1, 'a');"),
        Line::Insert {
            table: name("public.usr", true),
            tuple: b"(1, 'a');"
        }
    );
    assert_eq!(
        classify(b"INSERT INTO public.usr VALUES"),
        Line::Insert {
            table: name("public.usr", true),
            tuple: b""
        }
    );
    assert_eq!(
        classify(b"INSERT INTO usr (user_no, username) VALUES (1, 'a');"),
        Line::Insert {
            table: name("usr", false),
            tuple: b"(1, 'a');"
        }
    );
}

#[test]
fn setval_gives_sequence_and_value() {
    assert_eq!(
        classify(b"SELECT pg_catalog.setval('public.usr_user_no_seq', 1003, true);"),
        Line::Setval {
            sequence: name("public.usr_user_no_seq", true),
            value: "1003, true".into()
        }
    );
    assert_eq!(
        classify(b"SELECT pg_catalog.setval('\"it''s\"', 1, false);"),
        Line::Setval {
            sequence: name("\"it's\"", false),
            value: "1, false".into()
        }
    );
}

#[test]
fn if_exists_is_folded_outside_quotes() {
    let with =
        b"ALTER TABLE IF EXISTS ONLY public.principal DROP CONSTRAINT IF EXISTS principal_pkey;";
    assert_eq!(
        classify(with),
        stmt("ALTER TABLE ONLY public.principal DROP CONSTRAINT principal_pkey;")
    );
    assert_eq!(
        classify(b"DROP TABLE IF EXISTS public.\"a IF EXISTS b\";"),
        stmt("DROP TABLE public.\"a IF EXISTS b\";")
    );
    assert_eq!(
        classify(b"CREATE TABLE public.usr ("),
        stmt("CREATE TABLE public.usr (")
    );
}
