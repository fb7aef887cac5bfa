//! Typography: quotes, dashes, no-break spaces, numbers and money, per locale.
//!
//! Applied once to user text in the view model, so every format prints the same characters.

use std::borrow::Cow;

use super::{Locale, NBSP};

/// Tidies user text for print: straight quotes to «ёлочки» (ru) or “curly” quotes (en),
/// quotes inside quotes to „лапки“ (ru) or ‘single’ (en), a hyphen or dash between words to
/// an em dash with a no-break space before it, and no-break spaces after «№» and «г.», between
/// a number and a short unit, and inside initials.
pub(crate) fn text(s: &str, locale: Locale) -> String {
    let s = s.trim();
    let s = if s.contains('"') {
        Cow::Owned(straight_quotes(s, locale))
    } else {
        Cow::Borrowed(s)
    };
    let s = match nest_quotes(&s, locale) {
        Cow::Borrowed(_) => s,
        Cow::Owned(nested) => Cow::Owned(nested),
    };
    let s = if s.contains(" - ") || s.contains(" — ") || s.contains(" – ") {
        Cow::Owned(dashes(&s, locale))
    } else {
        s
    };
    if s.contains(' ') {
        no_break(&s, locale)
    } else {
        s.into_owned()
    }
}

/// Wraps text in the locale's quotes, turning quotes inside it into the nested kind.
pub(crate) fn quote(s: &str, locale: Locale) -> String {
    let (open, close) = match locale {
        Locale::Ru => ('«', '»'),
        Locale::En => ('“', '”'),
    };
    nest_quotes(&format!("{open}{}{close}", s.trim()), locale).into_owned()
}

fn straight_quotes(s: &str, locale: Locale) -> String {
    if !s.contains('"') {
        return s.to_owned();
    }
    let (open, close) = match locale {
        Locale::Ru => ('«', '»'),
        Locale::En => ('“', '”'),
    };
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{«„“‘-—–/".contains(p));
            out.push(if opening { open } else { close });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// «a «b» c» becomes «a „b“ c» (ru); “a “b” c” becomes “a ‘b’ c” (en).
fn nest_quotes(s: &str, locale: Locale) -> Cow<'_, str> {
    let (open, close, inner_open, inner_close) = match locale {
        Locale::Ru => ('«', '»', '„', '“'),
        Locale::En => ('“', '”', '‘', '’'),
    };
    if !s.contains(open) {
        return Cow::Borrowed(s);
    }
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == open {
            depth += 1;
            out.push(if depth >= 2 { inner_open } else { open });
        } else if c == close && depth > 0 {
            out.push(if depth >= 2 { inner_close } else { close });
            depth -= 1;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// ` - ` and ` — ` between words become a no-break space and an em dash (ru, en); an en dash
/// between words (as in a proper name) is kept but gets the no-break space too.
fn dashes(s: &str, _locale: Locale) -> String {
    s.replace(" - ", &format!("{NBSP}— "))
        .replace(" — ", &format!("{NBSP}— "))
        .replace(" – ", &format!("{NBSP}– "))
}

/// Short units that must not be separated from the number before them.
const UNITS_RU: &[&str] = &[
    "чел.",
    "ед.",
    "%",
    "г.",
    "гг.",
    "тыс.",
    "млн",
    "млрд",
    "руб.",
    "рублей",
    "км",
    "мес.",
    "раз",
];

fn no_break(s: &str, locale: Locale) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if c != ' ' || i == 0 {
            out.push(c);
            continue;
        }
        let (head, rest) = (&s[..i], &s[i + 1..]);
        let prev = head.chars().next_back().unwrap_or(' ');
        let ru = locale == Locale::Ru;
        let nb = prev == '№'
            || (ru
                && (head.ends_with(" г.") || head == "г.")
                && rest.starts_with(char::is_uppercase))
            || (ru
                && prev.is_ascii_digit()
                && UNITS_RU.iter().any(|u| {
                    rest.starts_with(u)
                        && rest[u.len()..]
                            .chars()
                            .next()
                            .is_none_or(|n| !n.is_alphanumeric())
                }))
            || (prev.is_ascii_digit() && rest.starts_with('%'))
            || is_initial(head, rest);
        out.push(if nb { NBSP } else { ' ' });
    }
    out
}

/// True when the space between `head` and `rest` follows an initial (`Е.`) and precedes a
/// capital: «Е. А. Иванов».
fn is_initial(head: &str, rest: &str) -> bool {
    let mut back = head.chars().rev();
    matches!((back.next(), back.next()), (Some('.'), Some(l)) if l.is_uppercase())
        && back.next().is_none_or(|c| !c.is_alphanumeric())
        && rest.starts_with(char::is_uppercase)
}

/// A person's name «Фамилия Имя Отчество» as «И. О. Фамилия» with no-break spaces; names of
/// another shape are returned as they are.
pub(crate) fn initials_surname(full: &str) -> String {
    let parts: Vec<&str> = full.split_whitespace().collect();
    match parts.as_slice() {
        [surname, first, rest @ ..] if !rest.is_empty() || parts.len() == 2 => {
            let mut out = String::new();
            for given in std::iter::once(first).chain(rest.iter()) {
                if let Some(c) = given.chars().next() {
                    out.push(c);
                    out.push('.');
                    out.push(NBSP);
                }
            }
            out.push_str(surname);
            out
        }
        _ => full.to_owned(),
    }
}

/// A number for text: integers without decimals, others with up to `max_decimals`; the
/// decimal separator and digit groups of the locale (ru: comma, and groups of three with
/// no-break spaces from five digits on, so 1234 but 12 500).
pub(crate) fn number(value: f64, max_decimals: usize, locale: Locale) -> String {
    let mut s = format!("{:.*}", max_decimals, round(value, max_decimals));
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if s == "-0" {
        s = "0".into();
    }
    group(&s, 5, locale)
}

/// Money in thousand roubles with exactly `decimals` decimals (a table gives all its figures the
/// same number, so they line up and add up); every figure of four digits or more is grouped
/// (ru: «1 234,5»).
pub(crate) fn money(value: f64, decimals: usize, locale: Locale) -> String {
    let s = format!("{:.*}", decimals, round(value, decimals));
    let s = match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| matches!(b, b'0' | b'.')) => rest.to_owned(),
        _ => s,
    };
    group(&s, 4, locale)
}

/// Rounds half away from zero at `decimals`, so 0.05 prints as 0,1.
fn round(value: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (value * f).round() / f
}

/// Applies the locale's separators to a plain `-1234.5` and groups the integer part when it
/// has at least `from` digits.
fn group(plain: &str, from: usize, locale: Locale) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let (sep, dec) = match locale {
        Locale::Ru => (NBSP, ','),
        Locale::En => (',', '.'),
    };
    let mut grouped = String::new();
    if int.len() >= from {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(sep);
            }
            grouped.push(c);
        }
    } else {
        grouped.push_str(int);
    }
    let minus = if sign.is_empty() { "" } else { "−" };
    match frac {
        Some(f) => format!("{minus}{grouped}{dec}{f}"),
        None => format!("{minus}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: String) -> String {
        s.replace(NBSP, "~")
    }

    #[test]
    fn quotes_nest() {
        assert_eq!(
            text("пространство «Точка кипения – ЮЗГУ»", Locale::Ru),
            "пространство «Точка кипения\u{a0}– ЮЗГУ»"
        );
        assert_eq!(
            text("Программа «Поддержка «НКО-СОКРАТ»»", Locale::Ru),
            "Программа «Поддержка „НКО-СОКРАТ“»"
        );
        assert_eq!(quote("НКО-СОКРАТ", Locale::Ru), "«НКО-СОКРАТ»");
        assert_eq!(
            quote("Фонд «Искусство, наука и спорт»", Locale::Ru),
            "«Фонд „Искусство, наука и спорт“»"
        );
        assert_eq!(text("Проект \"Вместе\"", Locale::Ru), "Проект «Вместе»");
        assert_eq!(
            text("Проект \"Фонд \"Вместе\"\"", Locale::Ru),
            "Проект «Фонд „Вместе“»"
        );
        assert_eq!(text("say \"hi\"", Locale::En), "say “hi”");
    }

    #[test]
    fn dashes_and_no_break_spaces() {
        assert_eq!(show(text("НКО - это сила", Locale::Ru)), "НКО~— это сила");
        assert_eq!(show(text("НКО — это сила", Locale::Ru)), "НКО~— это сила");
        assert_eq!(show(text("Закон № 7-ФЗ", Locale::Ru)), "Закон №~7-ФЗ");
        assert_eq!(
            show(text("не менее 120 чел. в год", Locale::Ru)),
            "не менее 120~чел. в год"
        );
        assert_eq!(show(text("рост на 5 %", Locale::Ru)), "рост на 5~%");
        assert_eq!(
            show(text("в 2027 г. и 2028 гг.", Locale::Ru)),
            "в 2027~г. и 2028~гг."
        );
        assert_eq!(show(text("г. Курск", Locale::Ru)), "г.~Курск");
        assert_eq!(
            show(text("Е. А. Тополева-Солдунова", Locale::Ru)),
            "Е.~А.~Тополева-Солдунова"
        );
        assert_eq!(show(text("10 единиц", Locale::Ru)), "10 единиц");
        assert_eq!(show(text("  trimmed  ", Locale::Ru)), "trimmed");
    }

    #[test]
    fn initials() {
        assert_eq!(
            show(initials_surname("Тополева-Солдунова Елена Андреевна")),
            "Е.~А.~Тополева-Солдунова"
        );
        assert_eq!(show(initials_surname("Иванов Иван")), "И.~Иванов");
        assert_eq!(initials_surname("Представитель"), "Представитель");
    }

    #[test]
    fn numbers() {
        assert_eq!(show(number(1234.0, 1, Locale::Ru)), "1234");
        assert_eq!(show(number(12500.0, 1, Locale::Ru)), "12~500");
        assert_eq!(show(number(1234567.25, 2, Locale::Ru)), "1~234~567,25");
        assert_eq!(show(number(2.5, 1, Locale::Ru)), "2,5");
        assert_eq!(show(number(-12500.0, 0, Locale::Ru)), "−12~500");
        assert_eq!(number(12500.5, 1, Locale::En), "12,500.5");
        assert_eq!(number(0.0, 1, Locale::Ru), "0");
    }

    #[test]
    fn money_has_the_decimals_asked_for() {
        assert_eq!(show(money(1234.5, 1, Locale::Ru)), "1~234,5");
        assert_eq!(show(money(400.0, 1, Locale::Ru)), "400,0");
        assert_eq!(show(money(0.05, 1, Locale::Ru)), "0,1");
        assert_eq!(show(money(1_000_000.0, 1, Locale::Ru)), "1~000~000,0");
        assert_eq!(money(1234.5, 1, Locale::En), "1,234.5");
        assert_eq!(show(money(0.25, 2, Locale::Ru)), "0,25");
        assert_eq!(show(money(1234.5, 3, Locale::Ru)), "1~234,500");
        assert_eq!(money(-0.001, 2, Locale::Ru), "0,00");
        assert_eq!(money(-2.5, 1, Locale::Ru), "−2,5");
    }
}
