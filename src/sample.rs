//! The sample corpus bundled into the binary, so the app opens on a map from any directory. Sources and
//! licences: `sample_data/SOURCES.md`.

use crate::corpus::Corpus;
use crate::extract::Extractor;

/// (path shown to the user, text) of every bundled article.
pub const ARTICLES: [(&str, &str); 12] = [
    (
        "sample_data/01_iran_pakistan_talks.txt",
        include_str!("../sample_data/01_iran_pakistan_talks.txt"),
    ),
    (
        "sample_data/02_obama_cameron_mh17_gaza.txt",
        include_str!("../sample_data/02_obama_cameron_mh17_gaza.txt"),
    ),
    (
        "sample_data/03_obama_netanyahu_gaza_ceasefire.txt",
        include_str!("../sample_data/03_obama_netanyahu_gaza_ceasefire.txt"),
    ),
    (
        "sample_data/04_obama_merkel_hollande_ukraine.txt",
        include_str!("../sample_data/04_obama_merkel_hollande_ukraine.txt"),
    ),
    (
        "sample_data/05_biden_poroshenko_russian_convoy.txt",
        include_str!("../sample_data/05_biden_poroshenko_russian_convoy.txt"),
    ),
    (
        "sample_data/06_obama_erdogan_suruc_attack.txt",
        include_str!("../sample_data/06_obama_erdogan_suruc_attack.txt"),
    ),
    (
        "sample_data/07_obama_ghani_video_conference.txt",
        include_str!("../sample_data/07_obama_ghani_video_conference.txt"),
    ),
    (
        "sample_data/08_obama_brown_call.txt",
        include_str!("../sample_data/08_obama_brown_call.txt"),
    ),
    (
        "sample_data/09_obama_armenia_azerbaijan_calls.txt",
        include_str!("../sample_data/09_obama_armenia_azerbaijan_calls.txt"),
    ),
    (
        "sample_data/10_mattis_payne_australia.txt",
        include_str!("../sample_data/10_mattis_payne_australia.txt"),
    ),
    (
        "sample_data/11_mattis_lich_vietnam.txt",
        include_str!("../sample_data/11_mattis_lich_vietnam.txt"),
    ),
    (
        "sample_data/12_mattis_williamson_uk.txt",
        include_str!("../sample_data/12_mattis_williamson_uk.txt"),
    ),
];

/// The bundled articles, extracted and merged.
pub fn sample_corpus(extractor: &Extractor) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in ARTICLES {
        corpus.merge(extractor.extract(path, text));
    }
    corpus
}
