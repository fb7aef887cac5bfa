//! Typography: quotes, dashes, no-break spaces, numbers and money, per locale.
//!
//! Applied once to user text in the view model, so every format prints the same characters.

use std::borrow::Cow;

use super::{Labels, Locale, NBSP};

/// Tidies user text for print: straight quotes to «ёлочки» (ru) or “curly” quotes (en),
/// quotes inside quotes to „лапки“ (ru) or ‘single’ (en), one style of dashes (an em dash with
/// a no-break space before it between words, an en dash without spaces in ranges: 2027–2029,
/// II–IV), and no-break spaces where a line must not break (see [`no_break`]).
///
/// Only spaces, dashes and quotes change, and applying it twice gives what applying it once
/// gave. Hyphens inside words («НКО-СОКРАТ», «7-ФЗ») stay hyphen-minus, so the text is found by
/// a search and read normally by a screen reader; each format keeps such words whole its own
/// way (the PDF template boxes them).
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
    let chars: Vec<char> = s.chars().collect();
    let chars = if chars.iter().any(|c| is_dash(*c)) {
        dashes(&chars)
    } else {
        chars
    };
    if chars.contains(&' ') {
        no_break(&chars, locale)
    } else {
        chars.into_iter().collect()
    }
}

/// The fixed words of a locale, typeset like user text, so a label gets the same no-break
/// spaces and dashes as the text around it. A label that starts or ends with a space (`№ `)
/// is kept as it is. Made once per locale: the texts live for the whole run.
pub(crate) fn labels(l: &Labels, locale: Locale) -> Labels {
    use serde::Deserialize;
    use serde::de::value::{BorrowedStrDeserializer, Error, MapDeserializer};
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(l) else {
        return *l;
    };
    let typeset = fields.into_iter().filter_map(|(key, value)| {
        let serde_json::Value::String(s) = value else {
            return None;
        };
        let s = if s.trim() == s { text(&s, locale) } else { s };
        let s: &'static str = Box::leak(s.into_boxed_str());
        Some((key, BorrowedStrDeserializer::<Error>::new(s)))
    });
    Labels::deserialize(MapDeserializer::new(typeset)).unwrap_or(*l)
}

/// Wraps text in the locale's quotes, turning quotes inside it into the nested kind; the text
/// is typeset as by [`text`].
pub(crate) fn quote(s: &str, locale: Locale) -> String {
    let (open, close) = match locale {
        Locale::Ru => ('«', '»'),
        Locale::En => ('“', '”'),
    };
    nest_quotes(&format!("{open}{}{close}", text(s, locale)), locale).into_owned()
}

fn straight_quotes(s: &str, locale: Locale) -> String {
    if !s.contains('"') {
        return s.to_owned();
    }
    let (open, close) = match locale {
        Locale::Ru => ('«', '»'),
        Locale::En => ('“', '”'),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '"' {
            let prev = i.checked_sub(1).map(|k| chars[k]);
            let next = chars.get(i + 1).copied();
            // Opening after a space or an opening bracket, and also between punctuation and a
            // word (`instr="X"`); closing everywhere else.
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{«„“‘-—–/".contains(p))
                || (prev.is_some_and(|p| !crate::locale::is_alphanumeric(p) && p != '"')
                    && next.is_some_and(crate::locale::is_alphanumeric));
            out.push(if opening { open } else { close });
        } else {
            out.push(c);
        }
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

/// Dashes a text may use: hyphen-minus, en dash, em dash (and the figure dash and bar, which
/// keyboards and word processors sometimes give).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‒' | '–' | '—' | '―')
}

/// A space or a no-break space: what separates words here.
fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP
}

/// One style of dashes. A dash (or `--`, `---`) with spaces on both sides becomes an em dash
/// with a no-break space before it, except between two numbers, where it is a range; a hyphen
/// or dash between two numbers (2027-2029, 3-4) or two Roman numerals (II-IV) becomes an en
/// dash without spaces. A hyphen inside a word or a code (НКО-СОКРАТ, 7-ФЗ, 2027-05-01) stays.
fn dashes(s: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if !is_dash(s[i]) {
            out.push(s[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && is_dash(s[i]) {
            i += 1;
        }
        let run = &s[start..i];
        let spaced = start > 0 && is_space(s[start - 1]) && s.get(i).is_some_and(|c| is_space(*c));
        let em_typed = run.iter().all(|c| *c == '—');
        if spaced {
            // The word before (without the space) and the word after.
            let before = out.len().checked_sub(2).and_then(|k| out.get(k)).copied();
            let after = s.get(i + 1).copied();
            let numbers = before.is_some_and(|c| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit())
                && !em_typed
                && run.len() == 1
                && number_before(&out[..out.len() - 1])
                && number_after(&s[i + 1..]);
            let text_before = before.is_some_and(|c| !is_dash(c));
            if numbers {
                out.pop();
                out.push('–');
                i += 1; // the space after
            } else if text_before && after.is_some() {
                out.pop();
                out.push(NBSP);
                out.push('—');
            } else {
                out.extend_from_slice(run);
            }
            continue;
        }
        let range = run.len() == 1
            && start > 0
            && i < s.len()
            && ((number_before(&out) && number_after(&s[i..]))
                || (roman_before(&out) && roman_after(&s[i..])));
        if range {
            out.push('–');
        } else {
            out.extend_from_slice(run);
        }
    }
    out
}

/// True when `s` ends with a number of one to four digits that is a whole token: not part of a
/// code or a date (2027-05-01, 8-800), nor of a decimal.
fn number_before(s: &[char]) -> bool {
    let digits = s.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&digits)
        && s[..s.len() - digits].last().is_none_or(|c| {
            !crate::locale::is_alphanumeric(*c) && !is_dash(*c) && !matches!(c, '.' | ',' | '/')
        })
}

/// True when `s` starts with a number of one to four digits that is a whole token.
fn number_after(s: &[char]) -> bool {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&digits)
        && s.get(digits).is_none_or(|c| {
            let decimal =
                matches!(c, '.' | ',') && s.get(digits + 1).is_some_and(char::is_ascii_digit);
            !(crate::locale::is_alphanumeric(*c) || is_dash(*c) || *c == '/' || decimal)
        })
}

fn is_roman(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')
}

/// True when `s` ends with a Roman numeral (Latin I, V, X, L, C) that is a whole word.
fn roman_before(s: &[char]) -> bool {
    let n = s.iter().rev().take_while(|c| is_roman(**c)).count();
    (1..=6).contains(&n)
        && s[..s.len() - n]
            .last()
            .is_none_or(|c| !crate::locale::is_alphanumeric(*c) && !is_dash(*c))
}

/// True when `s` starts with a Roman numeral that is a whole word.
fn roman_after(s: &[char]) -> bool {
    let n = s.iter().take_while(|c| is_roman(**c)).count();
    (1..=6).contains(&n)
        && s.get(n)
            .is_none_or(|c| !crate::locale::is_alphanumeric(*c) && !is_dash(*c))
}

/// One-letter words that must not end a line (ru): prepositions, conjunctions, particles.
const ONE_LETTER_RU: &[char] = &[
    'в', 'с', 'к', 'и', 'о', 'у', 'а', 'я', 'В', 'С', 'К', 'И', 'О', 'У', 'А', 'Я',
];

/// Words that must stay on the line of the number before them (ru): units, «г.», «%», money,
/// years; and the months ([`super::ru::MONTHS_GENITIVE`]: a date, «1 сентября»).
const UNITS_RU: &[&str] = &[
    "чел.",
    "человек",
    "ед.",
    "шт.",
    "%",
    "г.",
    "гг.",
    "год",
    "года",
    "году",
    "годы",
    "годах",
    "лет",
    "тыс.",
    "млн",
    "млрд",
    "руб.",
    "руб",
    "рублей",
    "рубля",
    "км",
    "мес.",
    "дн.",
    "раз",
    "раза",
    "квартал",
    "полугодие",
];

/// Punctuation that may open a word: a one-letter word «(в» is still one.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '«' | '„' | '“' | '‘' | '"')
}

/// No-break spaces where a line must not break: after a one-letter word (ru), after «№», between
/// a number and its unit, «г.», «%» or «тыс. руб.» (and inside «тыс. руб.»), after «г.» before a
/// city, between initials and a surname on either side, between the halves of an abbreviation
/// pair («СО НКО»), and before a dash. Runs of spaces become one.
fn no_break(s: &[char], locale: Locale) -> String {
    let ru = locale == Locale::Ru;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in s.iter().enumerate() {
        if c != ' ' {
            out.push(c);
            continue;
        }
        if i == 0 || s.get(i + 1).is_none_or(|n| is_space(*n)) {
            // A run of spaces keeps its last one; the text is trimmed, so there is none at
            // either end.
            continue;
        }
        let start = s[..i]
            .iter()
            .rposition(|c| is_space(*c))
            .map_or(0, |k| k + 1);
        let left = &s[start..i];
        let end = s[i + 1..]
            .iter()
            .position(|c| is_space(*c))
            .map_or(s.len(), |k| i + 1 + k);
        let right = &s[i + 1..end];
        let bare_left = {
            let k = left.iter().take_while(|c| is_opening(**c)).count();
            &left[k..]
        };
        let nb = (ru && bare_left.len() == 1 && ONE_LETTER_RU.contains(&bare_left[0]))
            || left.last() == Some(&'№')
            || left.last() == Some(&'§')
            || (left.last().is_some_and(char::is_ascii_digit)
                && (right.first() == Some(&'%')
                    || (ru
                        && (starts_with_word(right, UNITS_RU)
                            || starts_with_word(right, &super::ru::MONTHS_GENITIVE)))))
            || (ru
                && matches!(
                    bare_left,
                    ['т', 'ы', 'с', '.'] | ['м', 'л', 'н'] | ['м', 'л', 'р', 'д']
                )
                && starts_with_word(right, &["руб.", "руб", "рублей", "рубля"]))
            || (ru && bare_left == ['г', '.'] && right.first().is_some_and(|c| c.is_uppercase()))
            || (is_initials(bare_left) && right.first().is_some_and(|c| c.is_uppercase()))
            || (is_surname(bare_left) && is_initials_then(right))
            || (is_caps(bare_left, 2, 5) && caps_prefix(right) >= 2)
            || right.first() == Some(&'—');
        out.push(if nb { NBSP } else { ' ' });
    }
    out
}

/// True when `word` starts with one of `words`, followed by nothing or by punctuation.
fn starts_with_word(word: &[char], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let n = w.chars().count();
        word.len() >= n
            && word.iter().zip(w.chars()).all(|(a, b)| *a == b)
            && word
                .get(n)
                .is_none_or(|c| !crate::locale::is_alphanumeric(*c))
    })
}

/// «Е.», «Е.А.»: initials, each a capital and a full stop.
fn is_initials(word: &[char]) -> bool {
    !word.is_empty()
        && word.len().is_multiple_of(2)
        && word.chunks(2).all(|p| p[0].is_uppercase() && p[1] == '.')
}

/// «О.», «О.,», «О.Н.)»: initials, then nothing but closing punctuation.
fn is_initials_then(word: &[char]) -> bool {
    let k = word
        .chunks(2)
        .take_while(|p| p.len() == 2 && p[0].is_uppercase() && p[1] == '.')
        .count()
        * 2;
    k > 0
        && word[k..]
            .iter()
            .all(|c| matches!(c, ',' | ';' | ')' | '»' | ':'))
}

/// «Петрова», «Тополева-Солдунова»: a capital, then small letters (and hyphens).
fn is_surname(word: &[char]) -> bool {
    word.len() >= 2
        && word[0].is_uppercase()
        && word[1..].iter().all(|c| c.is_lowercase() || *c == '-')
        && word.last().is_some_and(|c| c.is_lowercase())
}

/// True when `word` is all capital letters, from `min` to `max` of them.
fn is_caps(word: &[char], min: usize, max: usize) -> bool {
    (min..=max).contains(&word.len()) && word.iter().all(|c| c.is_uppercase())
}

/// How many capitals start `word` when its first run of letters has no small letter (НКО»,
/// СОКРАТ): the second half of an abbreviation pair.
fn caps_prefix(word: &[char]) -> usize {
    let letters = word
        .iter()
        .take_while(|c| crate::locale::is_alphabetic(**c))
        .count();
    if word[..letters].iter().all(|c| c.is_uppercase()) {
        letters
    } else {
        0
    }
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

/// A percent with one decimal, as reports print the share of a plan: «104,0 %» (ru: a
/// no-break space before the sign), «104.0%» (en).
pub(crate) fn percent(value: f64, locale: Locale) -> String {
    let n = money(value, 1, locale);
    match locale {
        Locale::Ru => format!("{n}{}%", super::NBSP),
        Locale::En => format!("{n}%"),
    }
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
    fn a_straight_quote_after_punctuation_opens_and_the_next_one_closes() {
        assert_eq!(
            text("w:instr=\"HYPERLINK\" и \"А\"", Locale::Ru),
            "w:instr=«HYPERLINK» и\u{a0}«А»"
        );
        assert_eq!(text("экран 5\" и \"Б\"", Locale::Ru), "экран 5» и\u{a0}«Б»");
    }

    #[test]
    fn quotes_nest() {
        assert_eq!(
            text("пространство «Точка кипения – ЮЗГУ»", Locale::Ru),
            "пространство «Точка кипения\u{a0}— ЮЗГУ»"
        );
        assert_eq!(
            text("Программа «Поддержка «НКО-СОКРАТ»»", Locale::Ru),
            "Программа «Поддержка „НКО-СОКРАТ“»"
        );
        assert_eq!(quote("НКО-СОКРАТ", Locale::Ru), "«НКО-СОКРАТ»");
        assert_eq!(
            quote("Фонд «Искусство, наука и спорт»", Locale::Ru),
            "«Фонд „Искусство, наука и\u{a0}спорт“»"
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
            "не менее 120~чел. в~год"
        );
        assert_eq!(show(text("рост на 5 %", Locale::Ru)), "рост на 5~%");
        assert_eq!(
            show(text("в 2027 г. и 2028 гг.", Locale::Ru)),
            "в~2027~г. и~2028~гг."
        );
        assert_eq!(show(text("г. Курск", Locale::Ru)), "г.~Курск");
        assert_eq!(
            show(text("Е. А. Тополева-Солдунова", Locale::Ru)),
            "Е.~А.~Тополева-Солдунова"
        );
        assert_eq!(show(text("10 единиц", Locale::Ru)), "10 единиц");
        assert_eq!(show(text("  trimmed  ", Locale::Ru)), "trimmed");
        assert_eq!(show(text("два  пробела", Locale::Ru)), "два пробела");
    }

    /// What typography may not change: every character but spaces, dashes and quotes, which
    /// it may change only for one of their own kind.
    fn skeleton(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars().filter(|c| !is_space(*c)) {
            let c = match c {
                c if is_dash(c) => '-',
                '"' | '«' | '»' | '„' | '“' | '”' | '‘' | '’' => '"',
                c => c,
            };
            if !(c == '-' && out.ends_with('-')) {
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn keeps_every_other_character_and_is_idempotent(
            s in "([ авсиоАВСНКОЕГ.№%«»\"()0-9IVX-]|–|—|г\\.|тыс\\. руб\\.|СО НКО|Петрова|сентября){0,40}",
            ru in proptest::bool::ANY,
        ) {
            let locale = if ru { Locale::Ru } else { Locale::En };
            let once = text(&s, locale);
            proptest::prop_assert_eq!(skeleton(&once), skeleton(s.trim()));
            proptest::prop_assert_eq!(text(&once, locale), once.clone());
            proptest::prop_assert!(!once.contains("  "), "{once:?}");
        }
    }

    #[test]
    fn one_letter_words_keep_to_the_next_word() {
        assert_eq!(
            show(text("работа с НКО и органами власти в Курске", Locale::Ru)),
            "работа с~НКО и~органами власти в~Курске"
        );
        assert_eq!(
            show(text(
                "В области о работе к 2029 году у нас, а также (в целом) я",
                Locale::Ru
            )),
            "В~области о~работе к~2029~году у~нас, а~также (в~целом) я"
        );
        // Not a word: a list letter, a letter inside a word, a letter at the end.
        assert_eq!(show(text("пункт а) и б)", Locale::Ru)), "пункт а) и~б)");
        assert_eq!(show(text("и в", Locale::Ru)), "и~в");
        // English keeps its one-letter words breakable.
        assert_eq!(show(text("a plan", Locale::En)), "a plan");
    }

    #[test]
    fn abbreviation_pairs_stay_together() {
        assert_eq!(
            show(text("поддержка СО НКО региона", Locale::Ru)),
            "поддержка СО~НКО региона"
        );
        assert_eq!(
            show(text("программа «НКО СОКРАТ» АСИ", Locale::Ru)),
            "программа «НКО~СОКРАТ» АСИ"
        );
        // A capitalised word is no abbreviation; a long all-caps word starts no pair.
        assert_eq!(show(text("НКО Курска", Locale::Ru)), "НКО Курска");
        assert_eq!(
            show(text("ПРОЕКТ ПРОГРАММЫ", Locale::Ru)),
            "ПРОЕКТ ПРОГРАММЫ"
        );
    }

    #[test]
    fn numbers_keep_their_units_dates_and_money() {
        assert_eq!(
            show(text("до 1 сентября 2027 г. и 2028 гг.", Locale::Ru)),
            "до 1~сентября 2027~г. и~2028~гг."
        );
        assert_eq!(
            show(text("всего 400 тыс. руб. и 2 млн рублей", Locale::Ru)),
            "всего 400~тыс.~руб. и~2~млн~рублей"
        );
        assert_eq!(show(text("на 15 %, на 15%", Locale::Ru)), "на 15~%, на 15%");
        assert_eq!(show(text("№ 7 и № 8", Locale::Ru)), "№~7 и~№~8");
        assert_eq!(show(text("10 единиц", Locale::Ru)), "10 единиц");
        assert_eq!(show(text("2027 годом", Locale::Ru)), "2027 годом");
    }

    #[test]
    fn initials_keep_to_the_surname_on_either_side() {
        assert_eq!(show(text("О. Н. Петрова", Locale::Ru)), "О.~Н.~Петрова");
        assert_eq!(show(text("О.Н. Петрова", Locale::Ru)), "О.Н.~Петрова");
        assert_eq!(
            show(text("Петрова О. Н., Иванов И. И.)", Locale::Ru)),
            "Петрова~О.~Н., Иванов~И.~И.)"
        );
        assert_eq!(show(text("J. Smith", Locale::En)), "J.~Smith");
        // A surname before a word is not a name with initials.
        assert_eq!(show(text("Петрова Ольга", Locale::Ru)), "Петрова Ольга");
    }

    #[test]
    fn one_dash_style() {
        for typed in ["-", "–", "—", "--", "---"] {
            assert_eq!(
                show(text(&format!("НКО {typed} это сила"), Locale::Ru)),
                "НКО~— это сила",
                "{typed}"
            );
        }
        assert_eq!(show(text("(далее – АСИ)", Locale::Ru)), "(далее~— АСИ)");
        assert_eq!(
            show(text("на 2027-2029 годы", Locale::Ru)),
            "на 2027–2029~годы"
        );
        assert_eq!(
            show(text("на 2027 - 2029 годы", Locale::Ru)),
            "на 2027–2029~годы"
        );
        assert_eq!(show(text("в 3-4 раза", Locale::Ru)), "в~3–4~раза");
        assert_eq!(show(text("II-IV кварталы", Locale::Ru)), "II–IV кварталы");
        // Hyphens in words and codes stay, and so do dates and phone numbers.
        for kept in [
            "НКО-СОКРАТ",
            "7-ФЗ",
            "2027-05-01",
            "8-800-100",
            "1.5-2",
            "Тополева-Солдунова",
        ] {
            assert_eq!(text(kept, Locale::Ru), kept);
        }
        // A dash that starts a line of dialogue or a list is left alone.
        assert_eq!(show(text("- пункт", Locale::Ru)), "- пункт");
        assert_eq!(show(text("a - b", Locale::En)), "a~— b");
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

    #[test]
    fn percents_have_one_decimal_and_the_sign_of_the_locale() {
        assert_eq!(percent(104.0, Locale::Ru), "104,0\u{a0}%");
        assert_eq!(percent(200.0 / 3.0, Locale::Ru), "66,7\u{a0}%");
        assert_eq!(percent(1234.56, Locale::Ru), "1\u{a0}234,6\u{a0}%");
        assert_eq!(percent(62.604, Locale::En), "62.6%");
    }
}
