//! LSP over standard input and output: the `Content-Length` framing, a reader and a writer
//! thread. Written here rather than taken from `lsp_server::Connection::stdio` so that a
//! malformed message is answered with a parse error and skipped (lsp-server's reader stops at
//! the first one), and a message larger than [`MAX_MESSAGE`] is refused without being held.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_server::{Connection, Message};

/// The largest message read: far above any buffer an editor sends (the scanner itself reads no
/// file above 16 MiB).
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What the writer sends: a message, or a response that lsp-server cannot express (a parse
/// error, whose id is `null`).
enum Outgoing {
    Message(Message),
    Raw(String),
}

/// The reader and writer threads, joined when the connection is dropped.
pub struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for the writer to flush what the server sent. The reader is not waited for: it
    /// may be blocked on standard input, which the client keeps open after `exit`.
    pub fn join(self) -> io::Result<()> {
        drop(self.reader);
        match self.writer.join() {
            Ok(result) => result,
            Err(_) => Err(io::Error::other("the writer thread panicked")),
        }
    }
}

/// A connection over standard input and output.
pub fn stdio() -> io::Result<(Connection, IoThreads)> {
    let (to_writer, from_server) = unbounded::<Message>();
    let (raw_sender, raw_receiver) = unbounded::<String>();
    let (to_server, from_reader) = unbounded::<Message>();
    let writer = thread::Builder::new()
        .name("coglint-lsp-writer".into())
        .spawn(move || write_loop(&from_server, &raw_receiver, &mut io::stdout().lock()))?;
    let reader = thread::Builder::new()
        .name("coglint-lsp-reader".into())
        .spawn(move || read_loop(&mut io::stdin().lock(), &to_server, &raw_sender))?;
    Ok((
        Connection {
            sender: to_writer,
            receiver: from_reader,
        },
        IoThreads { reader, writer },
    ))
}

fn write_loop(
    messages: &Receiver<Message>,
    raw: &Receiver<String>,
    out: &mut impl Write,
) -> io::Result<()> {
    loop {
        let next = crossbeam_channel::select! {
            recv(messages) -> m => m.ok().map(Outgoing::Message),
            recv(raw) -> r => match r {
                Ok(text) => Some(Outgoing::Raw(text)),
                // The reader is gone; the server may still have messages to send.
                Err(_) => messages.recv().ok().map(Outgoing::Message),
            },
        };
        match next {
            Some(Outgoing::Message(message)) => message.write(out)?,
            Some(Outgoing::Raw(text)) => {
                write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())?;
                out.flush()?;
            }
            None => return Ok(()),
        }
    }
}

/// Why a frame could not be read.
#[derive(Debug)]
pub(crate) enum FrameError {
    /// End of input, or an I/O error: nothing more can be read.
    Closed,
    /// A header that cannot be framed (no `Content-Length`, a bad number, a message too large):
    /// the rest of the stream cannot be trusted either.
    Framing(String),
    /// A payload that is not a JSON-RPC message: answered, and skipped.
    Payload(String),
}

/// Reads one message.
pub(crate) fn read_frame(input: &mut impl BufRead) -> Result<Message, FrameError> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        // A header line is short: one longer than 1 KiB is no header.
        let read = input
            .by_ref()
            .take(1024)
            .read_line(&mut line)
            .map_err(|_| FrameError::Closed)?;
        if read == 0 {
            return Err(FrameError::Closed);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(FrameError::Framing(format!("malformed header {header:?}")));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let size: usize = value
                .trim()
                .parse()
                .map_err(|_| FrameError::Framing(format!("bad Content-Length {value:?}")))?;
            if size > MAX_MESSAGE {
                return Err(FrameError::Framing(format!(
                    "message of {size} bytes, above the limit of {MAX_MESSAGE}"
                )));
            }
            length = Some(size);
        }
    }
    let size = length.unwrap_or(0);
    let mut payload = Vec::new();
    input
        .by_ref()
        .take(size as u64)
        .read_to_end(&mut payload)
        .map_err(|_| FrameError::Closed)?;
    if payload.len() < size {
        return Err(FrameError::Closed);
    }
    serde_json::from_slice::<Message>(&payload).map_err(|e| FrameError::Payload(e.to_string()))
}

fn read_loop(input: &mut impl BufRead, to_server: &Sender<Message>, raw: &Sender<String>) {
    loop {
        match read_frame(input) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Err(FrameError::Payload(error)) => {
                let response = serde_json::json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": {
                        "code": lsp_server::ErrorCode::ParseError as i32,
                        "message": format!("malformed message: {error}"),
                    },
                });
                if raw.send(response.to_string()).is_err() {
                    return;
                }
            }
            Err(FrameError::Framing(error)) => {
                let _ = raw.send(
                    serde_json::json!({
                        "jsonrpc": "2.0",
                        "method": "window/logMessage",
                        "params": {"type": 1, "message": format!("coglint: {error}; closing the connection")},
                    })
                    .to_string(),
                );
                return;
            }
            Err(FrameError::Closed) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(payload: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{payload}", payload.len())
    }

    #[test]
    fn a_malformed_payload_is_skipped_and_the_next_message_read() {
        let text = frame("{not json") + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let mut input = io::Cursor::new(text.into_bytes());
        assert!(matches!(
            read_frame(&mut input),
            Err(FrameError::Payload(_))
        ));
        assert!(matches!(
            read_frame(&mut input),
            Ok(Message::Notification(n)) if n.method == "exit"
        ));
        assert!(matches!(read_frame(&mut input), Err(FrameError::Closed)));
    }

    #[test]
    fn an_oversized_or_unframed_message_closes_the_stream() {
        let mut input = io::Cursor::new(b"Content-Length: 99999999999\r\n\r\n".to_vec());
        assert!(matches!(
            read_frame(&mut input),
            Err(FrameError::Framing(_))
        ));
        let mut input = io::Cursor::new(b"hello\r\n\r\n".to_vec());
        assert!(matches!(
            read_frame(&mut input),
            Err(FrameError::Framing(_))
        ));
    }
}
