//! IP ranges as Cognito takes them (CIDR notation in risk exception lists), read just enough to
//! tell how much of the internet a range covers.

use std::net::IpAddr;

/// An IPv4 or IPv6 range in CIDR notation (`203.0.113.0/24`; a bare address is one host).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpRange {
    pub address: IpAddr,
    /// The number of fixed leading bits: 0 is every address.
    pub prefix_len: u8,
}

impl IpRange {
    /// Reads `address/prefix`, or a bare address; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let address: IpAddr = address.parse().ok()?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix_len = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Self {
            address,
            prefix_len,
        })
    }

    /// Whether the range covers every address of its family (`0.0.0.0/0`, `::/0`).
    pub fn is_everything(self) -> bool {
        self.prefix_len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cidr_ranges_and_bare_addresses() {
        assert_eq!(IpRange::parse("10.0.0.0/8").map(|r| r.prefix_len), Some(8));
        assert_eq!(
            IpRange::parse(" 192.0.2.1 ").map(|r| r.prefix_len),
            Some(32)
        );
        assert_eq!(
            IpRange::parse("2001:db8::/32").map(|r| r.prefix_len),
            Some(32)
        );
        assert!(IpRange::parse("::/0").is_some_and(IpRange::is_everything));
        assert!(IpRange::parse("0.0.0.0/0").is_some_and(IpRange::is_everything));
        assert_eq!(IpRange::parse("10.0.0.0/33"), None);
        assert_eq!(IpRange::parse("example.com/8"), None);
    }
}
