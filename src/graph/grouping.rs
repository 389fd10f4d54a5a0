//! Group by country: a country's officials and institutions fold into the country's node, and their
//! interactions become the country's. Interactions that end up with the same kind, direction and ends are
//! drawn as one edge that keeps every one of them (`MapEdge::grouped`) and the sum of their evidence; an
//! interaction between two members of one country disappears into it.

use std::collections::HashMap;

use crate::corpus::ActorKind;

use super::{MapAffiliation, MapEdge, MapGraph};

/// Folds members into their countries. Actors of no country, or of a country not on the map, stay as
/// they are.
pub fn group_by_country(graph: MapGraph) -> MapGraph {
    let country_node: HashMap<&str, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == ActorKind::Country)
        .filter_map(|(i, n)| Some((n.country.as_deref()?, i)))
        .collect();
    let into: Vec<usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            match (
                n.kind,
                n.country.as_deref().and_then(|c| country_node.get(c)),
            ) {
                (ActorKind::Country, _) | (_, None) => i,
                (_, Some(&c)) => c,
            }
        })
        .collect();
    let mut new_index = vec![usize::MAX; graph.nodes.len()];
    let mut nodes = Vec::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if into[i] == i {
            new_index[i] = nodes.len();
            nodes.push(n.clone());
        }
    }
    for (i, n) in graph.nodes.iter().enumerate() {
        if into[i] != i {
            let group = &mut nodes[new_index[into[i]]];
            group.members += 1;
            group.mentions += n.mentions;
        }
    }
    for n in nodes.iter_mut().filter(|n| n.members > 0) {
        n.label = format!("{} (+{})", n.label, n.members);
    }
    let to = |i: usize| new_index[into[i]];
    let mut edges: Vec<MapEdge> = Vec::new();
    let mut edge_of: HashMap<(crate::corpus::InteractionKind, usize, usize, bool), usize> =
        HashMap::new();
    for e in graph.edges {
        let (mut s, mut t) = (to(e.source), to(e.target));
        if s == t {
            continue;
        }
        if !e.directed && s > t {
            std::mem::swap(&mut s, &mut t);
        }
        match edge_of.get(&(e.kind, s, t, e.directed)) {
            Some(&k) => {
                edges[k].evidence += e.evidence;
                edges[k].grouped.extend(e.grouped);
            }
            None => {
                edge_of.insert((e.kind, s, t, e.directed), edges.len());
                edges.push(MapEdge {
                    source: s,
                    target: t,
                    lane: 0.0,
                    ..e
                });
            }
        }
    }
    let mut affiliations: Vec<MapAffiliation> = Vec::new();
    for a in graph.affiliations {
        let (member, of) = (to(a.member), to(a.of));
        if member != of
            && !affiliations
                .iter()
                .any(|x| x.member == member && x.of == of)
        {
            affiliations.push(MapAffiliation { member, of });
        }
    }
    let mut grouped = MapGraph {
        nodes,
        edges,
        affiliations,
    };
    grouped.assign_lanes();
    grouped
}

/// The graph without the nodes that have no edge (affiliations do not count).
pub fn without_unconnected(graph: MapGraph) -> MapGraph {
    let mut keep = vec![false; graph.nodes.len()];
    for e in &graph.edges {
        keep[e.source] = true;
        keep[e.target] = true;
    }
    let mut new_index = vec![usize::MAX; graph.nodes.len()];
    let mut nodes = Vec::new();
    for (i, n) in graph.nodes.into_iter().enumerate() {
        if keep[i] {
            new_index[i] = nodes.len();
            nodes.push(n);
        }
    }
    let edges = graph
        .edges
        .into_iter()
        .map(|e| MapEdge {
            source: new_index[e.source],
            target: new_index[e.target],
            ..e
        })
        .collect();
    let affiliations = graph
        .affiliations
        .into_iter()
        .filter(|a| keep[a.member] && keep[a.of])
        .map(|a| MapAffiliation {
            member: new_index[a.member],
            of: new_index[a.of],
        })
        .collect();
    MapGraph {
        nodes,
        edges,
        affiliations,
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::*;
    use crate::graph::{MapFilter, MapGraph};

    fn actor(id: &str, kind: ActorKind, country: &str) -> Actor {
        Actor {
            id: id.into(),
            kind,
            name: id.into(),
            aliases: vec![],
            country: Some(country.into()),
            title: None,
            code: None,
            affiliations: vec![],
            mentions: vec![],
        }
    }

    fn accuse(s: &str, t: &str, sentences: usize) -> Interaction {
        Interaction {
            id: format!("accuse:{s}>{t}"),
            kind: InteractionKind::Accuse,
            cameo: String::new(),
            source: s.into(),
            target: t.into(),
            directed: true,
            modality: Modality::Asserted,
            rule: String::new(),
            evidence: (0..sentences)
                .map(|n| Evidence {
                    article: "a1".into(),
                    sentence: n,
                    start: 0,
                    end: 1,
                    trigger: None,
                    source_span: None,
                    target_span: None,
                    rule: String::new(),
                    reported_by: None,
                    when: None,
                })
                .collect(),
        }
    }

    #[test]
    fn members_fold_into_their_country_and_their_edges_add_up() {
        let corpus = Corpus {
            actors: vec![
                actor("IRN", ActorKind::Country, "IRN"),
                actor("araghchi", ActorKind::Official, "IRN"),
                actor("PAK", ActorKind::Country, "PAK"),
                actor("dar", ActorKind::Official, "PAK"),
                actor("un", ActorKind::Institution, "XXX"),
            ],
            interactions: vec![
                accuse("IRN", "PAK", 1),
                accuse("araghchi", "dar", 2),
                accuse("araghchi", "IRN", 1),
                accuse("un", "dar", 1),
            ],
            ..Corpus::default()
        };
        let filter = MapFilter {
            group_by_country: true,
            ..MapFilter::default()
        };
        let g = MapGraph::build(&corpus, &filter);
        let names: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            names,
            ["IRN", "PAK", "un"],
            "an actor of a country not on the map stays itself"
        );
        assert_eq!(g.nodes[0].members, 1);
        let irn_pak: Vec<_> = g
            .edges
            .iter()
            .filter(|e| e.source == 0 && e.target == 1)
            .collect();
        assert_eq!(irn_pak.len(), 1, "one edge for the two accusations");
        assert_eq!((irn_pak[0].evidence, irn_pak[0].grouped.len()), (3, 2));
        assert!(
            g.edges.iter().all(|e| e.source != e.target),
            "an official accusing their own country is folded away"
        );
        assert_eq!(g.edges.len(), 2);
    }
}
