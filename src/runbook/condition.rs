//! `when:` conditions: a small expression language over facts and answers.
//!
//! ```text
//! tvox.version >= 21
//! cluster and not dr_client
//! licence_flow == 'occ' or tvox.version < 21
//! ```
//! Operators: `==` `!=` `<` `<=` `>` `>=`, `and`, `or`, `not`, parentheses; literals are
//! numbers, quoted strings, `true`, `false`; names are facts or answers (see [`facts`]).
//!
//! [`facts`]: super::facts

use super::facts::{Facts, Name, Value};
use crate::i18n::Msg;
use crate::msg;

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Literal(Value),
    Name(Name),
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
    Compare(Box<Condition>, Op, Box<Condition>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Condition {
    /// Parses a condition; `Err` says what is wrong and at which character.
    pub fn parse(text: &str) -> Result<Condition, Msg> {
        let tokens = lex(text)?;
        let mut parser = Parser { tokens, at: 0 };
        let condition = parser.or()?;
        match parser.tokens.get(parser.at) {
            None => Ok(condition),
            Some(token) => Err(msg!("condition-unexpected-after", token = token.text())),
        }
    }

    /// Every name the condition reads.
    pub fn names(&self) -> Vec<&Name> {
        match self {
            Condition::Literal(_) => Vec::new(),
            Condition::Name(name) => vec![name],
            Condition::Not(c) => c.names(),
            Condition::And(a, b) | Condition::Or(a, b) | Condition::Compare(a, _, b) => {
                let mut names = a.names();
                names.extend(b.names());
                names
            }
        }
    }

    /// `Some(true/false)` when decided by what is known now, `None` when it depends on an
    /// answer not given yet (a dry run shows such steps as "decided at run time").
    pub fn eval(&self, facts: &Facts) -> Option<bool> {
        match self.value(facts)? {
            Value::Bool(b) => Some(b),
            Value::Num(n) => Some(n != 0.0),
            Value::Str(s) => Some(!s.is_empty() && s != "no" && s != "false"),
        }
    }

    fn value(&self, facts: &Facts) -> Option<Value> {
        Some(match self {
            Condition::Literal(v) => v.clone(),
            Condition::Name(name) => facts.get(name)?,
            Condition::Not(c) => Value::Bool(!c.eval(facts)?),
            // `and`/`or` decide as soon as one side does, even if the other is unknown.
            Condition::And(a, b) => Value::Bool(match (a.eval(facts), b.eval(facts)) {
                (Some(false), _) | (_, Some(false)) => false,
                (Some(true), Some(true)) => true,
                _ => return None,
            }),
            Condition::Or(a, b) => Value::Bool(match (a.eval(facts), b.eval(facts)) {
                (Some(true), _) | (_, Some(true)) => true,
                (Some(false), Some(false)) => false,
                _ => return None,
            }),
            Condition::Compare(a, op, b) => {
                Value::Bool(compare(&a.value(facts)?, *op, &b.value(facts)?))
            }
        })
    }
}

fn compare(a: &Value, op: Op, b: &Value) -> bool {
    let ordering = match (a, b) {
        (Value::Num(x), Value::Num(y)) => x.partial_cmp(y),
        // An answer compared with a number is read as a number when it is one.
        (Value::Str(s), Value::Num(y)) => {
            s.trim().parse::<f64>().ok().and_then(|x| x.partial_cmp(y))
        }
        (Value::Num(x), Value::Str(s)) => {
            s.trim().parse::<f64>().ok().and_then(|y| x.partial_cmp(&y))
        }
        (x, y) => x.to_string().partial_cmp(&y.to_string()),
    };
    let Some(ordering) = ordering else {
        return op == Op::Ne;
    };
    match op {
        Op::Eq => ordering.is_eq(),
        Op::Ne => ordering.is_ne(),
        Op::Lt => ordering.is_lt(),
        Op::Le => ordering.is_le(),
        Op::Gt => ordering.is_gt(),
        Op::Ge => ordering.is_ge(),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Num(f64),
    Str(String),
    Op(Op),
    Open,
    Close,
}

impl Token {
    fn text(&self) -> String {
        match self {
            Token::Word(w) => w.clone(),
            Token::Num(n) => n.to_string(),
            Token::Str(s) => format!("'{s}'"),
            Token::Op(op) => format!("{op:?}"),
            Token::Open => "(".into(),
            Token::Close => ")".into(),
        }
    }
}

fn lex(text: &str) -> Result<Vec<Token>, Msg> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let op = match two.as_str() {
            "==" => Some((Op::Eq, 2)),
            "!=" => Some((Op::Ne, 2)),
            "<=" => Some((Op::Le, 2)),
            ">=" => Some((Op::Ge, 2)),
            _ if c == '<' => Some((Op::Lt, 1)),
            _ if c == '>' => Some((Op::Gt, 1)),
            _ => None,
        };
        if let Some((op, len)) = op {
            tokens.push(Token::Op(op));
            i += len;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '(' || c == ')' {
            tokens.push(if c == '(' { Token::Open } else { Token::Close });
            i += 1;
        } else if c == '\'' || c == '"' {
            let end = chars[i + 1..]
                .iter()
                .position(|&d| d == c)
                .ok_or_else(|| msg!("condition-unterminated", at = i + 1))?;
            tokens.push(Token::Str(chars[i + 1..i + 1 + end].iter().collect()));
            i += end + 2;
        } else if c.is_ascii_digit() {
            let len = chars[i..]
                .iter()
                .take_while(|d| d.is_ascii_digit() || **d == '.')
                .count();
            let number: String = chars[i..i + len].iter().collect();
            let value = number
                .parse()
                .map_err(|_| msg!("condition-not-a-number", number = number.as_str()))?;
            tokens.push(Token::Num(value));
            i += len;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let len = chars[i..]
                .iter()
                .take_while(|d| d.is_ascii_alphanumeric() || **d == '_' || **d == '.')
                .count();
            tokens.push(Token::Word(chars[i..i + len].iter().collect()));
            i += len;
        } else {
            return Err(msg!(
                "condition-unexpected-at",
                token = c.to_string(),
                at = i + 1
            ));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek_word(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w == word)
    }

    fn or(&mut self) -> Result<Condition, Msg> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            left = Condition::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Condition, Msg> {
        let mut left = self.not()?;
        while self.peek_word("and") {
            self.at += 1;
            left = Condition::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Condition, Msg> {
        if self.peek_word("not") {
            self.at += 1;
            return Ok(Condition::Not(Box::new(self.not()?)));
        }
        let left = self.atom()?;
        if let Some(Token::Op(op)) = self.tokens.get(self.at) {
            let op = *op;
            self.at += 1;
            let right = self.atom()?;
            return Ok(Condition::Compare(Box::new(left), op, Box::new(right)));
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Condition, Msg> {
        let token = self
            .tokens
            .get(self.at)
            .cloned()
            .ok_or_else(|| msg!("condition-ends-early"))?;
        self.at += 1;
        match token {
            Token::Num(n) => Ok(Condition::Literal(Value::Num(n))),
            Token::Str(s) => Ok(Condition::Literal(Value::Str(s))),
            Token::Word(w) if w == "true" || w == "false" => {
                Ok(Condition::Literal(Value::Bool(w == "true")))
            }
            Token::Word(w) if ["and", "or", "not"].contains(&w.as_str()) => {
                Err(msg!("condition-needs-before", word = w.as_str()))
            }
            Token::Word(w) => Name::parse(&w).map(Condition::Name),
            Token::Open => {
                let inner = self.or()?;
                match self.tokens.get(self.at) {
                    Some(Token::Close) => {
                        self.at += 1;
                        Ok(inner)
                    }
                    _ => Err(msg!("condition-unclosed")),
                }
            }
            other => Err(msg!("condition-unexpected", token = other.text())),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::inventory::Inventory;

    fn inventory(version: u32) -> Inventory {
        let text = format!(
            "site: s\ntvox: {{ version: {version}, domain: d.example }}\ncluster: {{ node_ip: 10.0.0.2 }}\n\
             nodes:\n  tvox1: {{ address: 10.0.0.1 }}\n  tvox2: {{ address: 10.0.0.3 }}\n"
        );
        Inventory::parse(Path::new("t.yaml"), &text).unwrap()
    }

    fn eval(text: &str, version: u32, answers: &[(&str, &str)]) -> Option<bool> {
        let inv = inventory(version);
        let answers: crate::runbook::answers::Answers = answers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Condition::parse(text).unwrap().eval(&Facts {
            inventory: &inv,
            answers: &answers,
        })
    }

    #[test]
    fn versions_and_booleans() {
        assert_eq!(eval("tvox.version >= 21", 21, &[]), Some(true));
        assert_eq!(eval("tvox.version >= 21", 20, &[]), Some(false));
        assert_eq!(eval("tvox.version < 21 and cluster", 20, &[]), Some(true));
        assert_eq!(eval("not dr_client", 20, &[]), Some(true));
        assert_eq!(
            eval(
                "(cluster or dr_client) and tvox.domain == 'd.example'",
                20,
                &[]
            ),
            Some(true)
        );
    }

    #[test]
    fn answers_decide_at_run_time() {
        assert_eq!(eval("flow == 'occ'", 21, &[]), None);
        assert_eq!(eval("flow == 'occ'", 21, &[("flow", "occ")]), Some(true));
        assert_eq!(
            eval("flow == 'occ' or tvox.version >= 21", 21, &[]),
            Some(true)
        );
        assert_eq!(
            eval("flow == 'occ' and tvox.version >= 22", 21, &[]),
            Some(false)
        );
        assert_eq!(eval("count > 2", 21, &[("count", "10")]), Some(true));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(Condition::parse("tvox.version >=")
            .unwrap_err()
            .contains("ends too early"));
        assert!(Condition::parse("tvox.verson >= 21")
            .unwrap_err()
            .contains("neither a fact"));
        assert!(Condition::parse("a == 'x")
            .unwrap_err()
            .contains("unterminated"));
        assert!(Condition::parse("(cluster")
            .unwrap_err()
            .contains("never closed"));
        assert!(Condition::parse("cluster cluster")
            .unwrap_err()
            .contains("unexpected"));
        assert!(Condition::parse("a $ b")
            .unwrap_err()
            .contains("unexpected `$`"));
        assert_eq!(
            Condition::parse("(cluster")
                .unwrap_err()
                .in_lang(crate::i18n::Lang::It),
            "una `(` non viene mai chiusa"
        );
        let unclosed = crate::runbook::template::Template::parse("{{ open").unwrap_err();
        assert_eq!(unclosed.en(), "`{{` without `}}` in `{{ open`");
        assert_eq!(
            unclosed.in_lang(crate::i18n::Lang::It),
            "`{{` senza `}}` in `{{ open`"
        );
    }
}
