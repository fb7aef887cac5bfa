//! How organisations are named in the document: in full with «(далее – АСИ)» on the first
//! mention in text, by their short name after that and in tables, with «(по согласованию)»
//! after executors that are not subordinate bodies.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::locale::{Locale, typography, words};
use crate::model::Organisation;

/// Names organisations, remembering which were already introduced.
pub(super) struct OrgNames<'a> {
    orgs: HashMap<&'a str, Named<'a>>,
    locale: Locale,
    introduced: HashSet<&'a str>,
    /// Short names printed anywhere, with the full name: the list of abbreviations, in
    /// alphabetical order (see [`collation_key`]).
    used_shorts: BTreeMap<(String, String), String>,
}

/// True when a short name is an abbreviation, which Russian does not decline: every letter a
/// capital (`АСИ`, `СО НКО`, `КОО ВОС`).
fn is_abbreviation(short: &str) -> bool {
    short.chars().any(crate::locale::is_alphabetic) && !short.chars().any(char::is_lowercase)
}

/// Sorts Russian as a dictionary does: case aside, «ё» with «е» (by code point «Ё» would come
/// before «А»), then the text itself to break ties.
fn collation_key(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// An organisation with its names already typeset (each is printed many times).
struct Named<'a> {
    org: &'a Organisation,
    full: String,
    short: Option<String>,
}

impl<'a> OrgNames<'a> {
    /// A namer over the programme's organisations.
    pub(super) fn new(orgs: &'a [Organisation], locale: Locale) -> Self {
        OrgNames {
            orgs: orgs
                .iter()
                .map(|o| {
                    let named = Named {
                        org: o,
                        full: typography::text(&o.name, locale),
                        short: o.short.as_deref().map(|s| typography::text(s, locale)),
                    };
                    (o.id.as_str(), named)
                })
                .collect(),
            locale,
            introduced: HashSet::new(),
            used_shorts: BTreeMap::new(),
        }
    }

    /// The organisation with that id (validation guarantees it exists before assembly).
    pub(super) fn get(&self, id: &str) -> Option<&'a Organisation> {
        self.orgs.get(id).map(|n| n.org)
    }

    /// The full name, typeset.
    pub(super) fn full(&self, id: &str) -> String {
        self.orgs
            .get(id)
            .map_or_else(|| id.to_owned(), |n| n.full.clone())
    }

    /// The short name, noted as used.
    fn short(&mut self, id: &str) -> Option<String> {
        let named = self.orgs.get(id)?;
        let short = named.short.as_ref()?;
        let key = (collation_key(short), short.clone());
        self.used_shorts
            .entry(key)
            .or_insert_with(|| named.full.clone());
        Some(short.clone())
    }

    /// The name as used in running text: full with «(далее – …)» the first time, then short.
    pub(super) fn text(&mut self, id: &str) -> String {
        let Some(named) = self.orgs.get(id) else {
            return id.to_owned();
        };
        let (key, full) = (named.org.id.as_str(), named.full.clone());
        match self.short(id) {
            None => full,
            Some(short) => {
                if self.introduced.insert(key) {
                    format!("{full} {}", words::hereinafter(&short, self.locale))
                } else {
                    short
                }
            }
        }
    }

    /// The name as used in tables: the short name when there is one.
    pub(super) fn table(&mut self, id: &str) -> String {
        match self.short(id) {
            Some(short) => short,
            None => self.full(id),
        }
    }

    /// An executor's name (text or table form) with «(по согласованию)» when it applies.
    pub(super) fn executor(&mut self, id: &str, in_table: bool) -> String {
        let name = if in_table {
            self.table(id)
        } else {
            self.text(id)
        };
        match self.get(id) {
            Some(o) if o.by_agreement() => {
                format!("{name} {}", words::by_agreement(self.locale))
            }
            _ => name,
        }
    }

    /// «представитель АСИ» for a participant whose name is not published. A short name that is
    /// an abbreviation does not decline, so it simply follows; any other name needs the
    /// genitive (`name_genitive`: «представитель Центра развития …»), and without it the name is
    /// quoted after a word that takes the case: «представитель организации «Ресурсный центр»».
    pub(super) fn representative(&mut self, id: Option<&str>) -> String {
        let Some((id, named)) = id.and_then(|id| Some((id, self.orgs.get(id)?))) else {
            return words::representative(None, self.locale);
        };
        if self.locale == Locale::En {
            let name = self.table(id);
            return words::representative(Some(&name), self.locale);
        }
        if named.short.as_deref().is_some_and(is_abbreviation) {
            let short = self.table(id);
            return words::representative(Some(&short), self.locale);
        }
        if let Some(genitive) = &named.org.name_genitive {
            let genitive = typography::text(genitive, self.locale);
            return words::representative(Some(&genitive), self.locale);
        }
        let name = self.table(id);
        let name = format!("организации {}", typography::quote(&name, self.locale));
        words::representative(Some(&name), self.locale)
    }

    /// Completes the list of abbreviations: organisations whose short name the texts write
    /// themselves (not only through an id), and the programme's own `abbreviations`.
    pub(super) fn note_abbreviations(&mut self, input: &crate::load::Input) {
        use crate::validate::abbrev;
        let texts: Vec<&str> = abbrev::texts(input)
            .into_iter()
            .map(|(_, _, t)| t)
            .collect();
        let mut ids: Vec<(&'a str, Vec<String>)> = self
            .orgs
            .iter()
            .filter_map(|(id, n)| Some((*id, abbrev::words_of(n.org.short.as_deref()?))))
            .collect();
        ids.sort_unstable();
        let shorts = abbrev::Known::new(ids.iter().map(|(_, w)| w.clone()));
        let used = abbrev::used(&texts, &shorts);
        for (id, words) in &ids {
            if used.contains(words.as_slice()) {
                self.short(id);
            }
        }
        if let Some((_, p)) = &input.programme {
            for a in &p.abbreviations {
                let short = typography::text(&a.short, self.locale);
                let full = typography::text(&a.full, self.locale);
                self.used_shorts
                    .entry((collation_key(&short), short))
                    .or_insert(full);
            }
        }
    }

    /// Short names used so far, in alphabetical order, with their full names.
    pub(super) fn abbreviations(&self) -> Vec<(&str, &str)> {
        self.used_shorts
            .iter()
            .map(|((_, short), full)| (short.as_str(), full.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrgKind;

    fn org(id: &str, name: &str, short: Option<&str>, kind: OrgKind) -> Organisation {
        Organisation {
            id: id.into(),
            name: name.into(),
            short: short.map(Into::into),
            name_genitive: None,
            kind,
            by_agreement: None,
        }
    }

    #[test]
    fn first_mention_in_full_then_short() {
        let orgs = vec![
            org(
                "asi",
                "Агентство социальной информации",
                Some("АСИ"),
                OrgKind::Nko,
            ),
            org(
                "adm",
                "Администрация Курской области",
                None,
                OrgKind::Authority,
            ),
        ];
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        assert_eq!(
            n.text("asi"),
            "Агентство социальной информации (далее\u{a0}— АСИ)"
        );
        assert_eq!(n.text("asi"), "АСИ");
        assert_eq!(n.table("asi"), "АСИ");
        assert_eq!(n.executor("asi", true), "АСИ (по согласованию)");
        assert_eq!(n.executor("adm", true), "Администрация Курской области");
        assert_eq!(n.abbreviations().len(), 1);
    }

    #[test]
    fn abbreviations_sort_like_a_dictionary() {
        let orgs = vec![
            org("e", "Ёлочный союз", Some("ЁС"), OrgKind::Nko),
            org("a", "Агентство", Some("АСИ"), OrgKind::Nko),
            org("z", "Живой город", Some("ЖГ"), OrgKind::Nko),
        ];
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        for id in ["z", "e", "a"] {
            n.table(id);
        }
        let shorts: Vec<&str> = n.abbreviations().iter().map(|(s, _)| *s).collect();
        assert_eq!(shorts, ["АСИ", "ЁС", "ЖГ"]);
    }

    #[test]
    fn a_representative_is_named_in_the_genitive_or_after_a_word_that_takes_it() {
        let mut centre = org(
            "rc",
            "Ресурсный центр",
            Some("Ресурсный центр"),
            OrgKind::Nko,
        );
        let mut orgs = vec![
            org("asi", "Агентство", Some("АСИ"), OrgKind::Nko),
            centre.clone(),
            org(
                "adm",
                "Администрация Курской области",
                None,
                OrgKind::Authority,
            ),
        ];
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        assert_eq!(n.representative(Some("asi")), "представитель АСИ");
        assert_eq!(
            n.representative(Some("rc")),
            "представитель организации «Ресурсный центр»"
        );
        assert_eq!(
            n.representative(Some("adm")),
            "представитель организации «Администрация Курской области»"
        );
        assert_eq!(n.representative(None), "участник сессии");
        centre.name_genitive = Some("Ресурсного центра".into());
        orgs[1] = centre;
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        assert_eq!(
            n.representative(Some("rc")),
            "представитель Ресурсного центра"
        );
        let mut n = OrgNames::new(&orgs, Locale::En);
        assert_eq!(
            n.representative(Some("rc")),
            "representative of Ресурсный центр"
        );
    }

    #[test]
    fn table_use_does_not_introduce() {
        let orgs = vec![org("asi", "Агентство", Some("АСИ"), OrgKind::Nko)];
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        assert_eq!(n.table("asi"), "АСИ");
        assert!(n.text("asi").starts_with("Агентство"));
    }
}
