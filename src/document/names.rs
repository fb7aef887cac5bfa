//! How organisations are named in the document: in full with «(далее – АСИ)» on the first
//! mention in text, by their short name after that and in tables, with «(по согласованию)»
//! after executors that are not subordinate bodies.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::locale::{Locale, typo, words};
use crate::model::Organisation;

/// Names organisations, remembering which were already introduced.
pub struct OrgNames<'a> {
    orgs: HashMap<&'a str, Named<'a>>,
    locale: Locale,
    introduced: HashSet<&'a str>,
    /// Short names printed anywhere, with the full name: the list of abbreviations.
    used_shorts: BTreeMap<String, String>,
}

/// An organisation with its names already typeset (each is printed many times).
struct Named<'a> {
    org: &'a Organisation,
    full: String,
    short: Option<String>,
}

impl<'a> OrgNames<'a> {
    /// A namer over the programme's organisations.
    pub fn new(orgs: &'a [Organisation], locale: Locale) -> Self {
        OrgNames {
            orgs: orgs
                .iter()
                .map(|o| {
                    let named = Named {
                        org: o,
                        full: typo::text(&o.name, locale),
                        short: o.short.as_deref().map(|s| typo::text(s, locale)),
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
    pub fn get(&self, id: &str) -> Option<&'a Organisation> {
        self.orgs.get(id).map(|n| n.org)
    }

    /// The full name, typeset.
    pub fn full(&self, id: &str) -> String {
        self.orgs
            .get(id)
            .map_or_else(|| id.to_owned(), |n| n.full.clone())
    }

    /// The short name, noted as used.
    fn short(&mut self, id: &str) -> Option<String> {
        let named = self.orgs.get(id)?;
        let short = named.short.as_ref()?;
        if !self.used_shorts.contains_key(short) {
            self.used_shorts.insert(short.clone(), named.full.clone());
        }
        Some(short.clone())
    }

    /// The name as used in running text: full with «(далее – …)» the first time, then short.
    pub fn text(&mut self, id: &str) -> String {
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
    pub fn table(&mut self, id: &str) -> String {
        match self.short(id) {
            Some(short) => short,
            None => self.full(id),
        }
    }

    /// An executor's name (text or table form) with «(по согласованию)» when it applies.
    pub fn executor(&mut self, id: &str, in_table: bool) -> String {
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

    /// Short names used so far, sorted, with their full names.
    pub fn abbreviations(&self) -> &BTreeMap<String, String> {
        &self.used_shorts
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
            "Агентство социальной информации (далее\u{a0}– АСИ)"
        );
        assert_eq!(n.text("asi"), "АСИ");
        assert_eq!(n.table("asi"), "АСИ");
        assert_eq!(n.executor("asi", true), "АСИ (по согласованию)");
        assert_eq!(n.executor("adm", true), "Администрация Курской области");
        assert_eq!(n.abbreviations().len(), 1);
    }

    #[test]
    fn table_use_does_not_introduce() {
        let orgs = vec![org("asi", "Агентство", Some("АСИ"), OrgKind::Nko)];
        let mut n = OrgNames::new(&orgs, Locale::Ru);
        assert_eq!(n.table("asi"), "АСИ");
        assert!(n.text("asi").starts_with("Агентство"));
    }
}
