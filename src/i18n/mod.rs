//! The interface's language: every text a person reads on the terminal (findings, results,
//! refusals, questions, `--help`) comes from one catalogue, `locales/<lang>/*.ftl`, in Fluent.
//!
//! The interface language is chosen per user ([`choose`]) and is independent of the
//! document's `locale`: an English-speaking consultant may check a Russian programme. Code
//! names a message by its [`Msg`] variant, generated from the English catalogue by `build.rs`,
//! so a message id missing from the catalogue fails the build, and so does a message whose two
//! languages use different variables; [`msg!`](crate::msg) checks the arguments given against
//! the message's variables at compile time.
//!
//! A [`Message`] is data (an id and its arguments) until it is printed: findings keep it so
//! that the human report shows it in the user's language while `--format short` and `json`
//! stay English and stable.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::model::Locale as Lang;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A message with its arguments, printed in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    id: Msg,
    args: Vec<(&'static str, Arg)>,
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Text from a file, the command line or the system: printed as it is.
    Text(String),
    /// A whole number: counts choose the plural form (1 ошибка, 2 ошибки, 5 ошибок).
    Int(i64),
    /// A message printed in the same language as the one it is put into.
    Msg(Box<Message>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(Box::new(m))
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(usize, u8, u16, u32, u64, i32, i64);

/// A [`Message`] from a [`Msg`] variant and named arguments, checked at compile time against the
/// variables the message uses: `msg!(CheckSummary, errors = 1, warnings = 0)`.
#[macro_export]
macro_rules! msg {
    ($id:ident $(, $name:ident = $value:expr)* $(,)?) => {{
        const _: () = $crate::i18n::check_args(
            $crate::i18n::Msg::$id,
            &[$(stringify!($name)),*],
        );
        $crate::i18n::Message::new(
            $crate::i18n::Msg::$id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    }};
}

/// Fails the build (it runs in a constant) when `given` is not exactly the variables of `id`.
#[doc(hidden)]
pub const fn check_args(id: Msg, given: &[&str]) {
    let vars = id.vars();
    if vars.len() != given.len() {
        panic!("a message is given a different number of arguments than it has variables");
    }
    let mut i = 0;
    while i < given.len() {
        let mut found = false;
        let mut j = 0;
        while j < vars.len() {
            if str_eq(vars[j], given[i]) {
                found = true;
            }
            j += 1;
        }
        if !found {
            panic!("a message is given an argument that it does not use");
        }
        i += 1;
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Message {
    /// A message with its arguments; use [`msg!`](crate::msg), which checks them.
    #[doc(hidden)]
    pub fn new(id: Msg, args: Vec<(&'static str, Arg)>) -> Self {
        Message { id, args }
    }

    /// Which message.
    pub fn id(&self) -> Msg {
        self.id
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Int(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.text(lang)),
            };
            args.set(*name, value);
        }
        format(lang, self.id.id(), Some(&args))
    }

    /// The message in English: what `--format short` and `json` print.
    pub fn en(&self) -> String {
        self.text(Lang::En)
    }

    /// Every text argument cut to at most `max` characters (then `…`): the net under the
    /// messages that quote a value without [`crate::quote::excerpt`].
    pub(crate) fn clip(mut self, max: usize) -> Self {
        self.clip_args(max);
        self
    }

    fn clip_args(&mut self, max: usize) {
        for (_, value) in &mut self.args {
            match value {
                Arg::Text(s) if s.chars().nth(max).is_some() => {
                    let mut cut: String = s.chars().take(max).collect();
                    cut.push('…');
                    *s = cut;
                }
                Arg::Msg(m) => m.clip_args(max),
                _ => {}
            }
        }
    }
}

/// English, for logs, `anyhow` chains and tests.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The bundle of a language, made once: parsing the catalogue takes about a millisecond.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let (slot, files, tag) = match lang {
        Lang::En => (&BUNDLES[0], EN, "en-GB"),
        Lang::Ru => (&BUNDLES[1], RU, "ru-RU"),
    };
    slot.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: a terminal shows them as garbage.
        bundle.set_use_isolating(false);
        for (_, text) in files {
            // build.rs has parsed every file: neither call can fail on the embedded catalogue.
            let resource = FluentResource::try_new((*text).to_owned())
                .unwrap_or_else(|(resource, _)| resource);
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// The interface language: `--lang`, else `NKO_DRAFT_LANG`, else the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty (as POSIX orders them), else the
/// system's user locale (Windows, macOS); `ru…` is Russian, anything else English.
pub fn choose(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    if let Some(lang) = env("NKO_DRAFT_LANG").and_then(|v| parse_lang(&v)) {
        return lang;
    }
    let system = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| env(var).filter(|v| !v.is_empty()))
        .or_else(sys_locale::get_locale);
    match system {
        Some(tag) if tag.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
        _ => Lang::En,
    }
}

/// `ru`, `RU`, `ru_RU.UTF-8`, `ru-RU` → Russian; `en…` → English; anything else: not a choice.
fn parse_lang(value: &str) -> Option<Lang> {
    let lower = value.trim().to_ascii_lowercase();
    if lower.starts_with("ru") {
        Some(Lang::Ru)
    } else if lower.starts_with("en") {
        Some(Lang::En)
    } else {
        None
    }
}

/// The value of `--lang` (or `--lang=`) on a command line, read before clap parses it, so
/// that `--help` and clap's own errors can already be in the chosen language; `None` when it
/// is absent or not a language (clap then reports it).
pub fn flag_in_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<Lang> {
    let mut iter = args.iter().map(|a| a.as_ref().to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return iter.next().and_then(|v| parse_lang(&v));
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return parse_lang(v);
        }
    }
    None
}

pub mod help;

#[cfg(test)]
mod catalogue;

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn russian_has_three_plural_forms() {
        let ru = |e: usize, w: usize| msg!(CheckSummary, errors = e, warnings = w).text(Lang::Ru);
        assert_eq!(ru(1, 0), "1 ошибка, 0 предупреждений");
        assert_eq!(ru(2, 1), "2 ошибки, 1 предупреждение");
        assert_eq!(ru(5, 3), "5 ошибок, 3 предупреждения");
        assert_eq!(ru(21, 11), "21 ошибка, 11 предупреждений");
        let en = msg!(CheckSummary, errors = 1, warnings = 2).en();
        assert_eq!(en, "1 error, 2 warnings");
    }

    #[test]
    fn the_language_is_the_flag_then_the_variable_then_the_locale() {
        assert_eq!(
            choose(Some(Lang::En), env(&[("LANG", "ru_RU.UTF-8")])),
            Lang::En
        );
        let both = [("NKO_DRAFT_LANG", "ru"), ("LANG", "en_US.UTF-8")];
        assert_eq!(choose(None, env(&both)), Lang::Ru);
        assert_eq!(choose(None, env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(choose(None, env(&[("LANG", "C")])), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        let order = [
            ("LC_ALL", "en_GB.UTF-8"),
            ("LC_MESSAGES", "ru_RU"),
            ("LANG", "ru_RU"),
        ];
        assert_eq!(choose(None, env(&order)), Lang::En);
        let empty_all = [("LC_ALL", ""), ("LC_MESSAGES", "ru_RU.UTF-8")];
        assert_eq!(choose(None, env(&empty_all)), Lang::Ru);
        // A value that is no language is passed over.
        let bad = [("NKO_DRAFT_LANG", "de"), ("LANG", "ru_RU.UTF-8")];
        assert_eq!(choose(None, env(&bad)), Lang::Ru);
    }

    #[test]
    fn the_flag_is_found_before_parsing() {
        assert_eq!(
            flag_in_args(&["nko-draft", "--lang", "ru", "check"]),
            Some(Lang::Ru)
        );
        assert_eq!(
            flag_in_args(&["nko-draft", "check", "--lang=en"]),
            Some(Lang::En)
        );
        assert_eq!(flag_in_args(&["nko-draft", "--", "--lang", "ru"]), None);
        assert_eq!(flag_in_args(&["nko-draft", "--lang", "xx"]), None);
    }

    #[test]
    fn arguments_are_checked_and_nested_messages_follow_the_language() {
        let inner = msg!(CheckSummary, errors = 2, warnings = 0);
        let outer = msg!(Refused, why = inner);
        assert!(outer.text(Lang::Ru).contains("2 ошибки"));
        assert!(outer.en().contains("2 errors"));
    }

    /// Both languages have the same messages with the same variables (what `build.rs` also
    /// refuses to build without), and a difference is found.
    #[test]
    fn both_languages_have_the_same_messages_and_variables() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let en = catalogue::read_language(&root.join("en")).expect("English catalogue");
        let ru = catalogue::read_language(&root.join("ru")).expect("Russian catalogue");
        assert_eq!(catalogue::compare(&en, &ru, "ru"), Ok(()));
        let ids: Vec<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
        assert_eq!(ids, en.keys().map(String::as_str).collect::<Vec<_>>());
        for m in Msg::ALL {
            let vars: Vec<&str> = en[m.id()].iter().map(String::as_str).collect();
            assert_eq!(m.vars(), vars.as_slice());
        }
        let mut other_vars = ru.clone();
        other_vars.insert("check-summary".into(), ["errors".to_owned()].into());
        assert!(catalogue::compare(&en, &other_vars, "ru").is_err());
        let mut fewer = ru;
        fewer.remove("check-summary");
        assert!(catalogue::compare(&en, &fewer, "ru").is_err());
        assert!(catalogue::compare(&fewer, &en, "ru").is_err());
    }

    /// The catalogue parses without errors in both languages and every message formats with
    /// placeholder arguments without a Fluent error (an unknown variable, a missing term).
    #[test]
    fn every_message_formats_in_both_languages() {
        for lang in [Lang::En, Lang::Ru] {
            for (file, text) in match lang {
                Lang::En => EN,
                Lang::Ru => RU,
            } {
                let parsed = FluentResource::try_new((*text).to_owned());
                assert!(parsed.is_ok(), "{lang:?} {file} does not parse");
            }
            let bundle = bundle(lang);
            for m in Msg::ALL {
                let mut args = FluentArgs::new();
                for v in m.vars() {
                    args.set(*v, FluentValue::from(2));
                }
                let pattern = bundle.get_message(m.id()).and_then(|x| x.value());
                let pattern = pattern.unwrap_or_else(|| panic!("{lang:?} lacks {}", m.id()));
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} {}: {errors:?}", m.id());
            }
        }
    }
}
