//! How organisations are named in the document: in full with «(далее – АСИ)» on the first
//! mention in text, by their short name after that and in tables, with «(по согласованию)»
//! after executors that are not subordinate bodies.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::locale::{Locale, typo, words};
use crate::model::Organisation;

/// Names organisations, remembering which were already introduced.
pub struct OrgNames<'a> {
    orgs: HashMap<&'a str, &'a Organisation>,
    locale: Locale,
    introduced: HashSet<&'a str>,
    /// Short names printed anywhere, with the full name: the list of abbreviations.
    used_shorts: BTreeMap<String, String>,
}

impl<'a> OrgNames<'a> {
    /// A namer over the programme's organisations.
    pub fn new(orgs: &'a [Organisation], locale: Locale) -> Self {
        OrgNames {
            orgs: orgs.iter().map(|o| (o.id.as_str(), o)).collect(),
            locale,
            introduced: HashSet::new(),
            used_shorts: BTreeMap::new(),
        }
    }

    /// The organisation with that id (validation guarantees it exists before assembly).
    pub fn get(&self, id: &str) -> Option<&'a Organisation> {
        self.orgs.get(id).copied()
    }

    /// The full name, typeset.
    pub fn full(&self, id: &str) -> String {
        self.get(id)
            .map_or_else(|| id.to_owned(), |o| typo::text(&o.name, self.locale))
    }

    fn short(&mut self, o: &'a Organisation) -> Option<String> {
        let short = typo::text(o.short.as_deref()?, self.locale);
        self.used_shorts
            .entry(short.clone())
            .or_insert_with(|| typo::text(&o.name, self.locale));
        Some(short)
    }

    /// The name as used in running text: full with «(далее – …)» the first time, then short.
    pub fn text(&mut self, id: &str) -> String {
        let Some(o) = self.get(id) else {
            return id.to_owned();
        };
        match self.short(o) {
            None => typo::text(&o.name, self.locale),
            Some(short) => {
                if self.introduced.insert(o.id.as_str()) {
                    format!(
                        "{} {}",
                        typo::text(&o.name, self.locale),
                        words::hereinafter(&short, self.locale)
                    )
                } else {
                    short
                }
            }
        }
    }

    /// The name as used in tables: the short name when there is one.
    pub fn table(&mut self, id: &str) -> String {
        let Some(o) = self.get(id) else {
            return id.to_owned();
        };
        self.short(o)
            .unwrap_or_else(|| typo::text(&o.name, self.locale))
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
