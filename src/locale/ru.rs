//! Russian: month names in two cases, Roman numerals, three-form plurals.

/// Month names in the nominative («декабрь 2027 г.»).
pub(crate) const MONTHS_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Month names in the genitive («28 ноября 2026 г.»).
pub(crate) const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The three plural forms of a Russian noun: for 1 (организация), for 2–4 (организации) and
/// for 5–20 and 0 (организаций).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Forms<'a> {
    /// 1, 21, 101 …
    pub one: &'a str,
    /// 2–4, 22–24 …
    pub few: &'a str,
    /// 0, 5–20, 25–30 …
    pub many: &'a str,
}

/// Picks the plural form for `n` by the Russian rule (11–14 take the "many" form).
pub(crate) fn plural(n: u64, forms: Forms<'_>) -> &str {
    let (d, h) = (n % 10, n % 100);
    if d == 1 && h != 11 {
        forms.one
    } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
        forms.few
    } else {
        forms.many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let f = Forms {
            one: "организация",
            few: "организации",
            many: "организаций",
        };
        for (n, want) in [
            (0, "организаций"),
            (1, "организация"),
            (2, "организации"),
            (4, "организации"),
            (5, "организаций"),
            (11, "организаций"),
            (12, "организаций"),
            (14, "организаций"),
            (21, "организация"),
            (22, "организации"),
            (25, "организаций"),
            (101, "организация"),
            (111, "организаций"),
            (1001, "организация"),
        ] {
            assert_eq!(plural(n, f), want, "{n}");
        }
    }
}
