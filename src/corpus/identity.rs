//! When two actors from different articles are one actor, and which of their names and titles the joined
//! actor shows.
//!
//! Two actors are the same when the evidence agrees: the same country; an institution with the same name or
//! acronym and no conflicting country; a person whose name is the same or a part of the other's with the
//! same surname, and no conflicting country or title. Each rule needs a shared *key* (the country code, one
//! of the institution's names, the person's surname), so a merge only compares an actor with the few actors
//! that share one (see `merge`).
//!
//! The choices made when joining (the name, the title) depend only on the two actors, never on which came
//! first, so a corpus does not change with the order its articles were opened in.

use super::model::{Actor, ActorKind};

/// The keys under which an actor can be found by another actor that may be the same: its country code
/// (countries), its normalised names (institutions), its surname (people).
pub fn keys(actor: &Actor) -> Vec<String> {
    match actor.kind {
        ActorKind::Country => actor.country.iter().cloned().collect(),
        ActorKind::Institution => names(actor),
        ActorKind::Official => surname(&actor.name).into_iter().collect(),
    }
}

/// The last word of a person's normalised name.
fn surname(name: &str) -> Option<String> {
    normal(name)
        .rsplit(' ')
        .next()
        .filter(|w| !w.is_empty())
        .map(str::to_string)
}

/// Whether `a` and `b` are one actor. Two actors that are the same always share a key (`keys`).
pub fn same_actor(a: &Actor, b: &Actor) -> bool {
    if a.kind != b.kind {
        return false;
    }
    let countries_agree = match (&a.country, &b.country) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    match a.kind {
        ActorKind::Country => a.country.is_some() && a.country == b.country,
        ActorKind::Institution => {
            let theirs = names(b);
            countries_agree && names(a).iter().any(|n| theirs.contains(n))
        }
        ActorKind::Official => {
            if !countries_agree {
                return false;
            }
            // The same full name is the same person whatever office each article gives them.
            let same_full_name =
                normal(&a.name) == normal(&b.name) && a.name.split_whitespace().count() > 1;
            let titles_agree = match (&a.title, &b.title) {
                (Some(x), Some(y)) => titles_compatible(x, y),
                _ => true,
            };
            same_full_name || titles_agree && person_names_agree(&a.name, &b.name)
        }
    }
}

/// Two titles may belong to one person unless they name different offices outright.
fn titles_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (normal(a), normal(b));
    a == b || a.contains(&b) || b.contains(&a) || shares_word(&a, &b)
}

fn shares_word(a: &str, b: &str) -> bool {
    const WEAK: [&str; 6] = ["deputy", "vice", "of", "the", "and", "acting"];
    a.split(' ')
        .filter(|w| !WEAK.contains(w))
        .any(|w| b.split(' ').any(|v| v == w))
}

/// "Araghchi" / "Abbas Araghchi" / "Syed Abbas Araghchi": the same surname, and one name's words within the
/// other's.
fn person_names_agree(a: &str, b: &str) -> bool {
    let (a, b) = (normal(a), normal(b));
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    if wa.last() != wb.last() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    short.iter().all(|w| long.contains(w))
}

/// An actor's name and aliases, normalised.
pub fn names(a: &Actor) -> Vec<String> {
    std::iter::once(&a.name)
        .chain(&a.aliases)
        .map(|n| normal(n))
        .collect()
}

/// Lower case, curly quotes straightened, a leading "the" and a possessive dropped, spaces collapsed.
pub fn normal(name: &str) -> String {
    let s = name.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase();
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Of two names or titles for one actor, the one shown: the longer (the fuller name, the more precise
/// office: "Syed Abbas Araghchi" over "Araghchi", "Secretary of State" over "Secretary"), and between two
/// of one length the first in byte order, so the choice never depends on which article came first.
fn preferred<'a>(a: &'a str, b: &'a str) -> &'a str {
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => a.min(b),
    }
}

/// Adds `other`'s names, attributes and mentions to `into`; returns the names `into` gained (normalised),
/// so that an index of names can learn them.
pub fn join(into: &mut Actor, other: Actor) -> Vec<String> {
    let before = names(into);
    let mut name = other.name;
    // A country's name is its gazetteer name, the same in every article. A person's is the fuller of the
    // two. A body's is the one of the side mentioned more often ("NASA" over a cut "Space Administration"),
    // the fuller one when both are mentioned as often. The other becomes an alias.
    let take_other = match into.kind {
        ActorKind::Country => false,
        ActorKind::Official => preferred(&into.name, &name) == name,
        ActorKind::Institution => match other.mentions.len().cmp(&into.mentions.len()) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => preferred(&into.name, &name) == name,
        },
    };
    if take_other && name != into.name {
        std::mem::swap(&mut into.name, &mut name);
    }
    for n in std::iter::once(name).chain(other.aliases) {
        if n != into.name && !into.aliases.contains(&n) {
            into.aliases.push(n);
        }
    }
    into.aliases.sort();
    if into.country.is_none() {
        into.country = other.country;
    }
    into.title = match (into.title.take(), other.title) {
        (Some(a), Some(b)) => Some(preferred(&a, &b).to_string()),
        (a, b) => a.or(b),
    };
    into.code = match (into.code.take(), other.code) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    into.mentions.extend(other.mentions);
    names(into)
        .into_iter()
        .filter(|n| !before.contains(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Actor;

    fn person(name: &str, title: Option<&str>) -> Actor {
        Actor {
            id: "p".into(),
            kind: ActorKind::Official,
            name: name.into(),
            aliases: vec![],
            country: Some("USA".into()),
            title: title.map(Into::into),
            code: None,
            affiliations: vec![],
            mentions: vec![],
        }
    }

    #[test]
    fn joining_keeps_the_fuller_name_and_title_whichever_comes_first() {
        let a = || person("Ann Lee", Some("Secretary"));
        let b = || person("Lee", Some("Secretary of State"));
        let (mut ab, mut ba) = (a(), b());
        join(&mut ab, b());
        join(&mut ba, a());
        assert_eq!(
            (ab.name.as_str(), ab.title.as_deref()),
            ("Ann Lee", Some("Secretary of State"))
        );
        assert_eq!(
            (ab.name.clone(), ab.title.clone(), ab.aliases.clone()),
            (ba.name, ba.title, ba.aliases)
        );
    }

    #[test]
    fn people_who_may_be_the_same_share_a_key() {
        let (a, b) = (person("Ann Lee", None), person("Lee", None));
        assert!(same_actor(&a, &b));
        assert_eq!(keys(&a), keys(&b));
        assert!(!same_actor(
            &person("Ann Lee", Some("Governor")),
            &person("Lee", Some("Ambassador"))
        ));
    }
}
