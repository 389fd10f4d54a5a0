//! When the interactions happened: each piece of evidence dated by the date the extractor resolved for its
//! event, else by its article's date; counted per day or per month and per family, for the timeline chart,
//! and a date range that the map can be filtered by.
//!
//! Dates are day numbers (days since 1970-01-01), so ranges compare as integers.

use std::collections::{BTreeMap, HashMap};

use crate::corpus::{Corpus, Evidence, Family, Modality};

/// The day number of an ISO date `YYYY-MM-DD` (or `YYYY-MM`, read as its first day). None for anything
/// else, and for dates that do not exist ("2015-02-31").
pub fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = match parts.next() {
        Some(d) => d.get(..2).unwrap_or(d).parse().ok()?,
        None => 1,
    };
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || !(1..=9999).contains(&year)
    {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// (year, month, day) of a day number.
pub fn civil(day: i64) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The day of each article that states its date, by article id.
pub fn article_days(corpus: &Corpus) -> HashMap<&str, i64> {
    corpus
        .articles
        .iter()
        .filter_map(|a| Some((a.id.as_str(), day_number(a.date.as_deref()?)?)))
        .collect()
}

/// The day a piece of evidence reports: its event's resolved date, else its article's.
pub fn evidence_day(articles: &HashMap<&str, i64>, e: &Evidence) -> Option<i64> {
    e.when
        .as_deref()
        .and_then(day_number)
        .or_else(|| articles.get(e.article.as_str()).copied())
}

/// How long a bar of the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bin {
    Day,
    Month,
}

impl Bin {
    /// The first day of the bin holding `day`.
    pub fn start(self, day: i64) -> i64 {
        match self {
            Bin::Day => day,
            Bin::Month => {
                let (y, m, _) = civil(day);
                days_from_civil(y, m, 1)
            }
        }
    }

    /// The first day after the bin starting at `start`.
    pub fn end(self, start: i64) -> i64 {
        match self {
            Bin::Day => start + 1,
            Bin::Month => {
                let (y, m, _) = civil(start);
                if m == 12 {
                    days_from_civil(y + 1, 1, 1)
                } else {
                    days_from_civil(y, m + 1, 1)
                }
            }
        }
    }
}

/// Sentences of evidence per bin and family.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub bin: Bin,
    /// First day of each bin → sentences per family, in `Family::ALL` order.
    pub counts: BTreeMap<i64, [usize; 3]>,
    /// Sentences with no date at all.
    pub undated: usize,
}

/// Counts the evidence of the corpus's interactions (asserted ones only unless `unasserted`) by date:
/// per day when everything falls within about four months, else per month.
pub fn timeline(corpus: &Corpus, unasserted: bool) -> Timeline {
    timeline_of(corpus, |it| unasserted || it.modality == Modality::Asserted)
}

/// The timeline of the asserted interactions between two actors (either way round).
pub fn pair_timeline(corpus: &Corpus, a: &str, b: &str) -> Timeline {
    timeline_of(corpus, |it| {
        it.modality == Modality::Asserted
            && ((it.source == a && it.target == b) || (it.source == b && it.target == a))
    })
}

/// The timeline of the interactions `keep` accepts.
fn timeline_of(corpus: &Corpus, keep: impl Fn(&crate::corpus::Interaction) -> bool) -> Timeline {
    let articles = article_days(corpus);
    let mut dated: Vec<(i64, Family)> = Vec::new();
    let mut undated = 0;
    for it in corpus.interactions.iter().filter(|it| keep(it)) {
        for e in &it.evidence {
            match evidence_day(&articles, e) {
                Some(d) => dated.push((d, it.kind.family())),
                None => undated += 1,
            }
        }
    }
    let span = match (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) {
        (Some(a), Some(b)) => b - a,
        _ => 0,
    };
    let bin = if span > 120 { Bin::Month } else { Bin::Day };
    let mut counts: BTreeMap<i64, [usize; 3]> = BTreeMap::new();
    for (day, family) in dated {
        let slot = Family::ALL.iter().position(|f| *f == family).unwrap_or(2);
        counts.entry(bin.start(day)).or_default()[slot] += 1;
    }
    Timeline {
        bin,
        counts,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_impossible_dates_are_refused() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        for d in [-1000, 0, 11_016, 11_017, 20_000, 40_000] {
            let (y, m, dd) = civil(d);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{dd:02}")), Some(d));
        }
        assert_eq!(day_number("2015-02-31"), None);
        assert_eq!(day_number("2016-02-29"), Some(days_from_civil(2016, 2, 29)));
        assert_eq!(day_number("this week"), None);
        assert_eq!(day_number("2014-07"), day_number("2014-07-01"));
    }

    #[test]
    fn months_hold_their_days() {
        let jan31 = day_number("2014-01-31").unwrap();
        assert_eq!(Bin::Month.start(jan31), day_number("2014-01-01").unwrap());
        assert_eq!(
            Bin::Month.end(Bin::Month.start(jan31)),
            day_number("2014-02-01").unwrap()
        );
        assert_eq!(
            Bin::Month.end(day_number("2014-12-01").unwrap()),
            day_number("2015-01-01").unwrap()
        );
    }

    #[test]
    fn a_pair_timeline_counts_both_directions_of_that_pair_only() {
        use crate::corpus::*;
        let it = |s: &str, t: &str, kind: InteractionKind, when: &str| Interaction {
            id: format!("{s}{t}{when}"),
            kind,
            cameo: String::new(),
            source: s.into(),
            target: t.into(),
            directed: true,
            modality: Modality::Asserted,
            rule: String::new(),
            evidence: vec![Evidence {
                article: "a1".into(),
                sentence: 0,
                start: 0,
                end: 1,
                trigger: None,
                source_span: None,
                target_span: None,
                rule: String::new(),
                reported_by: None,
                when: Some(when.into()),
            }],
        };
        let corpus = Corpus {
            interactions: vec![
                it("A", "B", InteractionKind::Accuse, "2014-07-01"),
                it("B", "A", InteractionKind::Cooperate, "2014-07-03"),
                it("A", "C", InteractionKind::Accuse, "2014-07-03"),
            ],
            ..Corpus::default()
        };
        let t = pair_timeline(&corpus, "A", "B");
        assert_eq!(t.bin, Bin::Day);
        let total: Vec<[usize; 3]> = t.counts.values().copied().collect();
        assert_eq!(
            total,
            vec![[0, 1, 0], [1, 0, 0]],
            "conflict on the 1st, cooperation on the 3rd"
        );
    }
}
