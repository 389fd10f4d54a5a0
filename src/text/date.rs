//! Dates a document's metadata states (HTML `article:published_time`, JSON-LD `datePublished`, a PDF's
//! `CreationDate`) → `YYYY-MM-DD`, checked against the calendar. Not for dates written in the article's
//! words: the extractor reads those (`extract::when`).

/// The calendar date at the start of `value`: `2024-03-05T10:00:00Z`, `2024/03/05`, `20240305…` or a PDF's
/// `D:20240305…`. None when there is no date there, or the date does not exist (February 30th).
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let value = value.strip_prefix("D:").unwrap_or(value);
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = value.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = if b.len() >= 10 && matches!(b[4], b'-' | b'/') && b[7] == b[4] {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?)
    } else {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?)
    };
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates_of_every_common_form_become_iso_dates() {
        assert_eq!(
            iso_date("2024-03-05T10:00:00+01:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso_date(" 2024/03/05 ").as_deref(), Some("2024-03-05"));
        assert_eq!(
            iso_date("D:20240305120000+01'00'").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso_date("20240305").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn impossible_or_missing_dates_give_none() {
        assert_eq!(iso_date("2015-02-31"), None);
        assert_eq!(iso_date("2015-13-01"), None);
        assert_eq!(iso_date("March 5, 2024"), None);
        assert_eq!(iso_date(""), None);
        assert_eq!(iso_date("2024-03"), None);
    }
}
