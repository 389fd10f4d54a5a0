//! Dates: the article's own date (from its first lines: "Wednesday, June 10, 2020", "10 June 2020",
//! "2020-06-10") and the time phrase of a sentence ("this week", "on Tuesday", "March last year",
//! "Jan. 8"), resolved against the article's date when it is known and kept as written otherwise.

use super::lexicon::{Lexicon, ListBits};
use super::tokens::{Shape, Token};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYY-MM-DD` → the date, when it is one the calendar has.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        valid(year, month, day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    fn days(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    fn plus_days(&self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(&self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }
}

/// The month a word names; `class` is its grammar-list bits (`WordKeys::classes`).
fn month_of(lex: &Lexicon, norm: &str, class: ListBits) -> Option<u32> {
    if class & lex.grammar.months.bit == 0 {
        return None;
    }
    lex.grammar
        .month_prefixes
        .words
        .iter()
        .position(|m| norm.starts_with(m.as_str()))
        .map(|i| i as u32 + 1)
}

fn number(t: &Token) -> Option<i64> {
    if t.shape != Shape::Number {
        return None;
    }
    if t.norm.contains(',') {
        t.norm.replace(',', "").parse().ok()
    } else {
        t.norm.parse().ok()
    }
}

/// The date, when it lies in the years news is dated in and the calendar has it (no February 31st).
fn valid(year: i64, month: u32, day: i64) -> Option<Date> {
    let in_calendar = || {
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(year), i8::try_from(month), i8::try_from(day))
        else {
            return false;
        };
        jiff::civil::Date::new(y, m, d).is_ok()
    };
    ((1900..=2200).contains(&year) && in_calendar()).then_some(Date {
        year: year as i32,
        month,
        day: day as u32,
    })
}

/// The date stated in the article's first lines, if any.
/// The article's date from its first tokens; `classes` are their grammar-list bits (`WordKeys::classes`).
pub fn article_date(lex: &Lexicon, tokens: &[Token], classes: &[ListBits]) -> Option<Date> {
    let head = &tokens[..tokens.len().min(60)];
    for i in 0..head.len() {
        // 2015-08-21
        if head.get(i + 1).is_some_and(|t| t.norm == "-")
            && head.get(i + 3).is_some_and(|t| t.norm == "-")
            && let (Some(y), Some(m), Some(d)) = (
                number(&head[i]),
                head.get(i + 2).and_then(number),
                head.get(i + 4).and_then(number),
            )
            && let Some(date) = valid(y, m as u32, d)
        {
            return Some(date);
        }
        if let Some(m) = month_of(lex, &head[i].norm, classes[i]) {
            // August 21, 2015  /  Aug. 21, 2015
            let mut j = i + 1;
            if head.get(j).is_some_and(|t| t.norm == ".") {
                j += 1;
            }
            if let Some(d) = head.get(j).and_then(number) {
                let k = if head.get(j + 1).is_some_and(|t| t.norm == ",") {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(y) = head.get(k).and_then(number)
                    && let Some(date) = valid(y, m, d)
                {
                    return Some(date);
                }
            }
            // 21 August 2015
            if i > 0
                && let (Some(d), Some(y)) = (number(&head[i - 1]), head.get(i + 1).and_then(number))
                && let Some(date) = valid(y, m, d)
            {
                return Some(date);
            }
        }
    }
    None
}

/// The time phrase of a sentence, resolved against `date` when known: an ISO date ("2015-08-20"), month
/// ("2014-01"), year ("2014") or week ("week of 2015-08-17"); the words themselves otherwise.
///
/// `classes` are the tokens' grammar-list bits (`WordKeys::classes`).
pub fn time_of(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    classes: &[ListBits],
    date: Option<Date>,
) -> Option<String> {
    let words = |i: usize, n: usize| -> String {
        text[tokens[i].start..tokens[(i + n - 1).min(tokens.len() - 1)].end].to_string()
    };
    let g = &lex.grammar;
    for i in 0..tokens.len() {
        let w = tokens[i].norm.as_str();
        let next = tokens.get(i + 1).map(|t| t.norm.as_str()).unwrap_or("");
        let period = classes[i] & g.period_deictics.bit != 0;
        // "last week", "this week", "next week": periods listed in order, the article's own in the middle.
        let shift = || {
            g.period_deictics
                .words
                .iter()
                .position(|p| p == w)
                .map_or(0, |k| k as i64 - 1)
        };
        let found: Option<(usize, Option<String>)> = match (w, next) {
            ("yesterday", _) => Some((1, date.map(|d| d.plus_days(-1).iso()))),
            _ if classes[i] & g.today_words.bit != 0 => Some((1, date.map(|d| d.iso()))),
            (_, "week") if period => Some((
                2,
                date.map(|d| {
                    let monday = d.plus_days(7 * shift() - d.weekday());
                    format!("week of {}", monday.iso())
                }),
            )),
            (_, "month") if period => Some((
                2,
                date.map(|d| {
                    let m = d.month as i32 - 1 + shift() as i32;
                    format!(
                        "{:04}-{:02}",
                        d.year + m.div_euclid(12),
                        m.rem_euclid(12) + 1
                    )
                }),
            )),
            (_, "year") if period => {
                Some((2, date.map(|d| format!("{:04}", d.year + shift() as i32))))
            }
            _ if classes[i] & g.weekdays.bit != 0 => {
                let target = g.weekdays.words.iter().position(|d| d == w).unwrap_or(0) as i64;
                Some((
                    1,
                    date.map(|d| d.plus_days(-((d.weekday() - target).rem_euclid(7))).iso()),
                ))
            }
            _ => month_of(lex, w, classes[i])
                .filter(|_| tokens[i].capitalised)
                .map(|m| {
                    let mut j = i + 1;
                    if tokens.get(j).is_some_and(|t| t.norm == ".") {
                        j += 1;
                    }
                    let day = tokens
                        .get(j)
                        .and_then(number)
                        .filter(|d| (1..=31).contains(d));
                    let year_at = if day.is_some() {
                        j + 1 + usize::from(tokens.get(j + 1).is_some_and(|t| t.norm == ","))
                    } else {
                        j
                    };
                    let year = tokens
                        .get(year_at)
                        .and_then(number)
                        .filter(|y| (1900..=2200).contains(y));
                    let last_year = tokens.get(j).is_some_and(|t| t.norm == "last")
                        && tokens.get(j + 1).is_some_and(|t| t.norm == "year");
                    let len = if last_year {
                        j + 2 - i
                    } else if year.is_some() {
                        year_at + 1 - i
                    } else if day.is_some() {
                        j + 1 - i
                    } else {
                        1
                    };
                    let resolved = match (year, day, last_year, date) {
                        (Some(y), Some(d), _, _) => valid(y, m, d).map(|x| x.iso()),
                        (Some(y), None, _, _) => Some(format!("{y:04}-{m:02}")),
                        (None, _, true, Some(d)) => Some(format!("{:04}-{m:02}", d.year - 1)),
                        (None, Some(dd), false, Some(d)) => {
                            valid(d.year as i64, m, dd).map(|x| x.iso())
                        }
                        _ => None,
                    };
                    (len, resolved)
                }),
        };
        if let Some((n, resolved)) = found {
            return Some(resolved.unwrap_or_else(|| words(i, n)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::extract::word_keys::WordKeys;

    fn lex() -> Lexicon {
        Lexicon::bundled().unwrap()
    }

    fn toks(s: &str) -> Vec<Token> {
        tokenize(s, 0, s.len())
    }

    fn date_of(l: &Lexicon, s: &str) -> Option<Date> {
        let t = toks(s);
        article_date(l, &t, &WordKeys::of(l, &t).classes)
    }

    #[test]
    fn dates_convert_both_ways_and_know_their_weekday() {
        let d = Date {
            year: 2020,
            month: 6,
            day: 10,
        };
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), 2, "10 June 2020 was a Wednesday");
        assert_eq!(d.plus_days(-21).iso(), "2020-05-20");
    }

    #[test]
    fn the_article_date_is_read_from_its_first_lines() {
        let l = lex();
        let text = "Port strike enters its third day\n\nWednesday, June 10, 2020\n\nText.";
        assert_eq!(
            date_of(&l, text),
            Some(Date {
                year: 2020,
                month: 6,
                day: 10
            })
        );
        assert_eq!(
            date_of(&l, "Posted 3 March 2020 by staff"),
            Some(Date {
                year: 2020,
                month: 3,
                day: 3
            })
        );
        assert_eq!(date_of(&l, "No date here."), None);
    }

    #[test]
    fn relative_times_resolve_against_the_article_date() {
        let l = lex();
        let d = Some(Date {
            year: 2020,
            month: 6,
            day: 10,
        });
        let when = |s: &str, d| {
            let t = toks(s);
            time_of(&l, s, &t, &WordKeys::of(&l, &t).classes, d)
        };
        assert_eq!(
            when("They met yesterday.", d).as_deref(),
            Some("2020-06-09")
        );
        assert_eq!(
            when("They met on Monday.", d).as_deref(),
            Some("2020-06-08")
        );
        assert_eq!(
            when("It flared up in March last year.", d).as_deref(),
            Some("2019-03")
        );
        assert_eq!(
            when("They met this week.", d).as_deref(),
            Some("week of 2020-06-08")
        );
        assert_eq!(when("They meet next month.", d).as_deref(), Some("2020-07"));
        assert_eq!(when("It ends next year.", d).as_deref(), Some("2021"));
        assert_eq!(
            when("On Jan. 8, strikes hit.", d).as_deref(),
            Some("2020-01-08")
        );
        assert_eq!(
            when("They met this week.", None).as_deref(),
            Some("this week")
        );
        assert_eq!(when("They may meet.", d), None);
    }

    #[test]
    fn an_impossible_date_is_never_stored() {
        let l = lex();
        assert_eq!(date_of(&l, "February 31, 2015\n\nTalks began."), None);
        assert_eq!(date_of(&l, "2015-02-29\n\nTalks began."), None);
        assert_eq!(
            date_of(&l, "2016-02-29\n\nTalks began.").map(|d| d.iso()),
            Some("2016-02-29".to_string())
        );
        let t = toks("They met on February 31, 2015.");
        assert_eq!(
            time_of(
                &l,
                "They met on February 31, 2015.",
                &t,
                &WordKeys::of(&l, &t).classes,
                None
            )
            .as_deref(),
            Some("February 31, 2015")
        );
        assert_eq!(Date::parse_iso("2021-04-31"), None);
        assert_eq!(
            Date::parse_iso("2021-04-30").map(|d| d.iso()),
            Some("2021-04-30".to_string())
        );
    }
}
