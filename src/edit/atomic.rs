//! Writing files so that a reader or a crash never sees half of one: the new bytes go to a
//! temporary file in the same folder, are flushed to disk, and replace the old file in one
//! rename, keeping its permissions and owner.
//!
//! The rename replaces whatever is at the path, a symbolic link included: an output never
//! writes through a link (a hostile programme could point one anywhere). A command that means
//! to edit a linked file resolves the link itself, checks where it leads, and writes to the
//! target ([`resolve_inside`]).
//!
//! [`Staged`] splits the write in two, so that several files can be prepared and then all put in
//! place only once every one of them is ready.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use tempfile::NamedTempFile;

use crate::diagnostic::{Code, Diagnostic};
use crate::error::Failing;
use crate::msg;

/// Replaces `path` with `bytes` atomically (a link at `path` is replaced, not followed). The new
/// file gets `permissions` if given, else those of the regular file it replaces (if any); it
/// keeps the replaced file's owner and group where the process may set them.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<()> {
    Staged::new(path, bytes, permissions)?.commit()
}

/// A file written in full next to its destination, waiting to replace it. Dropping it without
/// [`commit`](Staged::commit) removes the temporary file and leaves the destination as it was.
#[derive(Debug)]
pub struct Staged {
    tmp: NamedTempFile,
    path: PathBuf,
}

impl Staged {
    /// Writes `bytes` to a temporary file in the folder of `path`, flushed to disk, with the
    /// permissions (`permissions`, else those of the regular file at `path`, else 0666 less the
    /// umask) and the owner and group of the file at `path`.
    pub fn new(
        path: &Path,
        bytes: &[u8],
        permissions: Option<std::fs::Permissions>,
    ) -> Result<Staged> {
        Staged::from_parts(path, &[bytes], permissions)
    }

    /// [`Staged::new`] of the bytes of `parts`, one after the other: a large output made of
    /// pieces (a page around its body) is written without first being put together in memory.
    pub fn from_parts(
        path: &Path,
        parts: &[&[u8]],
        permissions: Option<std::fs::Permissions>,
    ) -> Result<Staged> {
        let dir = parent(path);
        // Only a regular file passes on its mode and owner: a link's target is not ours to copy.
        let old = std::fs::symlink_metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file);
        let permissions = permissions.or_else(|| old.as_ref().map(std::fs::Metadata::permissions));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".nko-draft-").suffix(".tmp");
        // A new file gets the usual mode (0666 less the umask), not the temporary file's private
        // 0600: a built document is meant to be read by others.
        #[cfg(unix)]
        if permissions.is_none() {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut tmp = builder
            .tempfile_in(dir)
            .failing(|| msg!(ErrCannotCreateTemp, dir = dir.display().to_string()))?;
        parts
            .iter()
            .try_for_each(|part| tmp.write_all(part))
            .and_then(|()| tmp.flush())
            .failing(|| msg!(ErrCannotWrite, path = tmp.path().display().to_string()))?;
        #[cfg(unix)]
        if let Some(old) = &old {
            keep_owner(tmp.as_file(), old)
                .failing(|| msg!(ErrCannotSetOwner, path = tmp.path().display().to_string()))?;
        }
        // After the owner: changing the owner may clear the set-id bits of the mode.
        if let Some(perm) = permissions {
            tmp.as_file().set_permissions(perm).failing(|| {
                msg!(
                    ErrCannotSetPermissions,
                    path = tmp.path().display().to_string()
                )
            })?;
        }
        tmp.as_file()
            .sync_all()
            .failing(|| msg!(ErrCannotFlush, path = tmp.path().display().to_string()))?;
        Ok(Staged {
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// The file this replaces.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the file in place in one rename, and makes the rename durable.
    pub fn commit(self) -> Result<()> {
        let Staged { tmp, path } = self;
        tmp.persist(&path)
            .map_err(|e| e.error)
            .failing(|| msg!(ErrCannotReplace, path = path.display().to_string()))?;
        if let Ok(d) = std::fs::File::open(parent(&path)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Gives `file` the owner and group of `old`. Only root may give a file away, so a refusal
/// (`EPERM`) is not an error: the file is then the writer's, as any file it creates.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let ours = file.metadata()?;
    if ours.uid() == old.uid() && ours.gid() == old.gid() {
        return Ok(());
    }
    match std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(()),
        other => other,
    }
}

/// The file `rel` of the programme at `root` to edit in place: `root/rel`, or, when that is a
/// symbolic link (or lies under one), the file it leads to, which must be inside the root. A
/// link that leads out of the root, or nowhere, is an error naming the link, so a hostile
/// programme cannot make a command write outside it. A file that does not exist yet resolves to
/// where it will be created, checked the same way through the folders that do exist.
pub fn resolve_inside(root: &Path, rel: &str) -> Result<PathBuf, Box<Diagnostic>> {
    let path = root.join(rel);
    let outside = |why: crate::i18n::Message| {
        Box::new(Diagnostic::error(Code::OutsideProgramme, rel, why).hint(msg!(ErrLinkHint)))
    };
    let canonical_root = root
        .canonicalize()
        .map_err(|e| outside(msg!(ErrLinkCannotResolveRoot, why = crate::error::io(&e))))?;
    // The deepest part of the path that exists; what lies below it is created, not followed.
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while std::fs::symlink_metadata(existing).is_err() {
        match (existing.parent(), existing.file_name()) {
            (Some(p), Some(name)) => {
                rest.push(name.to_owned());
                existing = p;
            }
            _ => break,
        }
    }
    let resolved = match existing.canonicalize() {
        Ok(r) => r,
        Err(_) => {
            // A dangling link: where would it create its target?
            let target = std::fs::read_link(existing)
                .ok()
                .map(|t| parent(existing).join(t));
            let folder = target
                .as_deref()
                .and_then(|t| parent(t).canonicalize().ok());
            let path = shown(root, existing);
            return Err(outside(
                if folder.is_some_and(|f| f.starts_with(&canonical_root)) {
                    msg!(ErrLinkNowhere, path = path)
                } else {
                    msg!(ErrLinkOutside, path = path)
                },
            ));
        }
    };
    if !resolved.starts_with(&canonical_root) {
        return Err(outside(msg!(ErrLinkOutside, path = shown(root, existing))));
    }
    // Links inside the root are followed; a path without any keeps its own spelling.
    if resolved == canonical_root.join(existing.strip_prefix(root).unwrap_or(existing)) {
        return Ok(path);
    }
    Ok(rest.iter().rev().fold(resolved, |p, name| p.join(name)))
}

/// The part of the programme that is a link, as the user knows it (relative to the root).
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.yaml");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"new", None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        // A new file is readable by others, as files made by other programs are (umask 022).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("new.md");
            write_atomic(&fresh, b"x", None).unwrap();
            let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode & 0o044, 0o044, "{mode:o}");
        }
        assert!(leftovers(dir.path()).is_empty());
    }

    /// An output at a link replaces the link and leaves its target alone: a hostile programme
    /// cannot make a build overwrite a file elsewhere.
    #[cfg(unix)]
    #[test]
    fn a_link_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.yaml");
        let link = dir.path().join("link.yaml");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new", None).unwrap();
        let meta = std::fs::symlink_metadata(&link).unwrap();
        assert!(meta.file_type().is_file(), "the link was kept");
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        // A dangling link is replaced too, and creates nothing where it pointed.
        let nowhere = dir.path().join("nowhere");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
        write_atomic(&dangling, b"x", None).unwrap();
        assert!(!nowhere.exists());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_owner_and_group() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.yaml");
        std::fs::write(&path, "old").unwrap();
        let root = std::fs::metadata(&path).unwrap().uid() == 0;
        if root {
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        }
        let before = std::fs::metadata(&path).unwrap();
        write_atomic(&path, b"new", None).unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (after.uid(), after.gid()),
            (before.uid(), before.gid()),
            "running as root: {root}"
        );
    }

    #[test]
    fn staged_files_replace_nothing_until_committed() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        std::fs::write(&a, "old a").unwrap();
        std::fs::write(&b, "old b").unwrap();
        let staged_a = Staged::new(&a, b"new a", None).unwrap();
        let staged_b = Staged::new(&b, b"new b", None).unwrap();
        assert_eq!(staged_a.path(), a);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(leftovers(dir.path()).len(), 2);
        staged_a.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "new a");
        // Dropped without a commit: the old file stays and the temporary file goes.
        drop(staged_b);
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old b");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_resolved_inside_the_root_only() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("programme");
        std::fs::create_dir_all(root.join("steps")).unwrap();
        std::fs::create_dir_all(root.join("common")).unwrap();
        std::fs::write(root.join("common/a.yaml"), "").unwrap();
        std::fs::write(tmp.path().join("victim.yaml"), "").unwrap();
        // A plain file, and a file still to be created, keep their path.
        std::fs::write(root.join("steps/plain.yaml"), "").unwrap();
        assert_eq!(
            resolve_inside(&root, "steps/plain.yaml").unwrap(),
            root.join("steps/plain.yaml")
        );
        assert_eq!(
            resolve_inside(&root, "steps/new.yaml").unwrap(),
            root.join("steps/new.yaml")
        );
        // A link inside the root leads to its target.
        symlink("../common/a.yaml", root.join("steps/a.yaml")).unwrap();
        assert_eq!(
            resolve_inside(&root, "steps/a.yaml").unwrap(),
            root.canonicalize().unwrap().join("common/a.yaml")
        );
        // A link out of the root, or to nowhere, is an error naming the link.
        symlink("../../victim.yaml", root.join("steps/out.yaml")).unwrap();
        let e = resolve_inside(&root, "steps/out.yaml").unwrap_err();
        assert_eq!(
            e.message.en(),
            "steps/out.yaml is a link that leads outside the programme folder"
        );
        symlink("../nowhere.yaml", root.join("steps/dangling.yaml")).unwrap();
        let e = resolve_inside(&root, "steps/dangling.yaml").unwrap_err();
        assert_eq!(
            e.message.en(),
            "steps/dangling.yaml is a link that leads nowhere"
        );
        symlink("../../nowhere.yaml", root.join("steps/dangling-out.yaml")).unwrap();
        let e = resolve_inside(&root, "steps/dangling-out.yaml").unwrap_err();
        assert_eq!(
            e.message.en(),
            "steps/dangling-out.yaml is a link that leads outside the programme folder"
        );
        // A linked folder counts as well, for files that do not exist yet.
        symlink(tmp.path(), root.join("cases")).unwrap();
        let e = resolve_inside(&root, "cases/new.yaml").unwrap_err();
        assert_eq!(
            e.message.en(),
            "cases is a link that leads outside the programme folder"
        );
    }
}
