//! The third column's tokens: code spans, words, `(`, `)`, `;` and `,`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    Code(&'a str),
    Word(&'a str),
    Open,
    Close,
    Semi,
    Comma,
}

/// The tokens of `cell`; an unclosed code span runs to its end.
pub fn tokens(cell: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some(c) = rest.chars().next() {
        let (token, used) = match c {
            '`' => {
                let end = rest[1..].find('`').map_or(rest.len(), |i| i + 1);
                (Some(Token::Code(&rest[1..end])), (end + 1).min(rest.len()))
            }
            '(' => (Some(Token::Open), 1),
            ')' => (Some(Token::Close), 1),
            ';' => (Some(Token::Semi), 1),
            ',' => (Some(Token::Comma), 1),
            c if c.is_whitespace() => (None, c.len_utf8()),
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || "`(),;".contains(c))
                    .unwrap_or(rest.len());
                (Some(Token::Word(&rest[..end])), end)
            }
        };
        out.extend(token);
        rest = &rest[used..];
    }
    out
}
