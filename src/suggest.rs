//! "Did you mean …?": the nearest of a set of known names, by edit distance.

use crate::i18n::Message;
use crate::msg;
use crate::quote::excerpt;

/// Edit distance between two strings, in characters: insertions, deletions, substitutions and
/// swaps of two neighbours each cost one (optimal string alignment), since swapped letters are
/// the commonest typo.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 0..a.len() {
        cur[0] = i + 1;
        for j in 0..b.len() {
            let cost = usize::from(a[i] != b[j]);
            let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate nearest to `wrong`, if it is near enough to be a likely typo: at most a third
/// of the longer name's length away (and at least one edit allowed), ties broken by order.
pub(crate) fn nearest<'a, I>(wrong: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wrong_len = wrong.chars().count();
    let mut best: Option<(usize, &'a str)> = None;
    for cand in candidates {
        if cand == wrong {
            continue;
        }
        let len = wrong_len.max(cand.chars().count());
        // Cheap bound first: the length difference is a lower bound of the distance.
        let limit = (len / 3).max(1);
        if wrong_len.abs_diff(cand.chars().count()) > limit {
            continue;
        }
        let d = distance(wrong, cand);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// A valid id made from any text: lowercase, Russian letters transliterated, everything else
/// turned into `-` (`Обучение 2` → `obuchenie-2`). Used to suggest a fix for a bad id.
pub(crate) fn id_from(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let latin = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            'ъ' | 'ь' => "",
            _ => "-",
        };
        if !(latin == "-" && out.ends_with('-')) {
            out.push_str(latin);
        }
    }
    out.trim_matches('-').to_owned()
}

/// Names as a list for messages, quoted as the interface's language quotes them: `` `a`, `b` ``
/// in English, «a», «b» in Russian.
pub(crate) fn names(names: &[&str]) -> Message {
    let mut rest = names.iter().rev();
    let Some(last) = rest.next() else {
        return msg!(InputNamesNone);
    };
    rest.fold(msg!(InputName, name = excerpt(last)), |list, name| {
        msg!(
            InputNames,
            first = msg!(InputName, name = excerpt(name)),
            rest = list
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        for (a, b, d) in [
            ("", "", 0),
            ("crdi", "crdi", 0),
            ("crid", "crdi", 1),
            ("cdri", "crdi", 1),
            ("asi", "asl", 1),
            ("kitten", "sitting", 3),
            ("партнёр", "партнер", 1),
        ] {
            assert_eq!(distance(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn nearest_picks_close_names_only() {
        let ids = ["asi", "crdi", "kursk-admin", "vos"];
        assert_eq!(nearest("crdj", ids), Some("crdi"));
        assert_eq!(nearest("crid", ids), Some("crdi"));
        assert_eq!(nearest("kursk-admn", ids), Some("kursk-admin"));
        assert_eq!(nearest("zzzzzz", ids), None);
        assert_eq!(
            nearest("deadlin", ["deadline", "description"]),
            Some("deadline")
        );
        assert_eq!(nearest("titel", ["title", "task"]), Some("title"));
    }

    #[test]
    fn ids_from_text() {
        assert_eq!(id_from("Обучение 2"), "obuchenie-2");
        assert_eq!(id_from("Kursk_Admin"), "kursk-admin");
        assert_eq!(id_from("--Щука--"), "shchuka");
    }

    #[test]
    fn names_are_quoted_in_the_language() {
        use crate::i18n::Lang;
        let list = names(&["a", "b", "c"]);
        assert_eq!(list.en(), "`a`, `b`, `c`");
        assert_eq!(list.text(Lang::Ru), "«a», «b», «c»");
        assert_eq!(names(&["x"]).text(Lang::Ru), "«x»");
    }
}
