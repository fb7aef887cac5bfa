//! YAML paths such as `steps[2].responsible[0]`: where a value sits inside a file.

use std::fmt;

/// One step of a [`YamlPath`]: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSeg {
    /// A key of a mapping.
    Key(String),
    /// A position in a sequence, counted from 0.
    Index(usize),
}

/// The path of a value inside one file, printed as `root[2].key[0]`.
///
/// The `root` label names what the top of the file is (`steps`, `organisations`) for files that
/// hold a sequence, and is empty for files that hold a mapping, so that paths read as in the spec.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YamlPath {
    root: String,
    segs: Vec<PathSeg>,
}

impl YamlPath {
    /// The path of the whole file, labelled `root` (may be empty).
    pub fn root(root: &str) -> Self {
        YamlPath {
            root: root.to_owned(),
            segs: Vec::new(),
        }
    }

    /// The path `segs` below the root labelled `root`.
    pub fn from_segs(root: &str, segs: &[PathSeg]) -> Self {
        YamlPath {
            root: root.to_owned(),
            segs: segs.to_vec(),
        }
    }

    /// This path followed by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.segs.push(PathSeg::Key(key.to_owned()));
        p
    }

    /// This path followed by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.segs.push(PathSeg::Index(index));
        p
    }

    /// The steps below the root.
    pub fn segs(&self) -> &[PathSeg] {
        &self.segs
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.root)?;
        let mut first = self.root.is_empty();
        for seg in &self.segs {
            match seg {
                PathSeg::Key(k) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    // A key is the file's text: as any value a finding repeats, an excerpt.
                    f.write_str(&crate::quote::excerpt(k))?;
                }
                PathSeg::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        if self.root.is_empty() && self.segs.is_empty() {
            f.write_str("(top level)")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_keys_are_shown_as_excerpts() {
        let long = "k".repeat(10_000);
        let p = YamlPath::root("steps").index(0).key(&long).key("a\u{202e}");
        assert_eq!(
            p.to_string(),
            format!(
                "steps[0].{}….a\\u{{202E}}",
                "k".repeat(crate::quote::EXCERPT_CHARS)
            )
        );
    }

    #[test]
    fn displays_like_the_spec() {
        let p = YamlPath::root("steps").index(2).key("responsible").index(0);
        assert_eq!(p.to_string(), "steps[2].responsible[0]");
        let p = YamlPath::root("").key("period").key("from");
        assert_eq!(p.to_string(), "period.from");
        let p = YamlPath::root("").key("goals").index(1);
        assert_eq!(p.to_string(), "goals[1]");
        assert_eq!(YamlPath::root("").to_string(), "(top level)");
        assert_eq!(YamlPath::root("steps").to_string(), "steps");
    }
}
