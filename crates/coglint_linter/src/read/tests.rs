use std::sync::mpsc;
use std::time::Duration;

use super::*;

/// Runs `f` on its own thread and fails if it has not returned within a minute: a read that
/// blocks is a bug, whatever the machine's speed.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(value) => value,
        Err(_) => panic!("the read did not return within 60 s: it blocks"),
    }
}

/// A named pipe at `path` (no writer ever opens it), if this system can make one.
#[cfg(unix)]
pub(crate) fn fifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_blocking() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let pipe = dir.path().join("prod.auto.tfvars");
    if !fifo(&pipe) {
        return Ok(());
    }
    let refused = within_a_minute(move || read_bytes(&pipe, &Roots::anywhere()).err());
    let refused = refused.map(|r| (r.kind(), r.describe()));
    assert_eq!(
        refused,
        Some((
            ProblemKind::SpecialFile,
            "not a regular file (a named pipe (FIFO)); not read".to_string()
        ))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn an_endless_device_behind_a_link_is_refused() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let link = dir.path().join("template.yaml");
    std::os::unix::fs::symlink("/dev/zero", &link)?;
    let refused = within_a_minute(move || read_bytes(&link, &Roots::anywhere()).err());
    assert_eq!(refused.map(|r| r.kind()), Some(ProblemKind::SpecialFile));
    Ok(())
}

#[test]
fn a_file_over_the_limit_is_refused_unread() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("big.json");
    std::fs::File::create(&path)?.set_len(MAX_FILE_SIZE + 1)?;
    let refused = read_bytes(&path, &Roots::anywhere()).err();
    assert_eq!(
        refused.map(|r| r.describe()),
        Some("file is 16 MiB, larger than the 16 MiB limit; not scanned".to_string())
    );
    std::fs::File::create(&path)?.set_len(MAX_FILE_SIZE)?;
    assert_eq!(
        read_bytes(&path, &Roots::anywhere())
            .ok()
            .map(|b| b.len() as u64),
        Some(MAX_FILE_SIZE)
    );
    Ok(())
}

#[test]
fn a_directory_is_an_io_problem() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let refused = read_bytes(dir.path(), &Roots::anywhere()).err();
    assert_eq!(
        refused.map(|r| (r.kind(), r.describe())),
        Some((
            ProblemKind::Io,
            "not a regular file (a directory); not read".to_string()
        ))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_roots_is_not_followed() -> std::io::Result<()> {
    let inside = tempfile::tempdir()?;
    let outside = tempfile::tempdir()?;
    std::fs::write(outside.path().join("secret.yaml"), "secret")?;
    let link = inside.path().join("template.yaml");
    std::os::unix::fs::symlink(outside.path().join("secret.yaml"), &link)?;
    let roots = Roots::around(&[inside.path().to_path_buf()]);
    assert!(!roots.admits(&link));
    let refused = read_bytes(&link, &roots).err();
    assert_eq!(refused.map(|r| r.kind()), Some(ProblemKind::OutsideRoots));
    // A link that stays inside is followed.
    std::fs::write(inside.path().join("real.yaml"), "inside")?;
    std::os::unix::fs::symlink(
        inside.path().join("real.yaml"),
        inside.path().join("alias.yaml"),
    )?;
    assert_eq!(
        read_bytes(&inside.path().join("alias.yaml"), &roots).ok(),
        Some(b"inside".to_vec())
    );
    // The user's own files are read wherever they are.
    assert_eq!(
        read_bytes(&link, &Roots::anywhere()).ok(),
        Some(b"secret".to_vec())
    );
    Ok(())
}
