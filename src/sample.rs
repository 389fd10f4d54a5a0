//! The sample corpus bundled into the binary, so the app opens on a map from any directory. Sources and
//! licences: `sample_data/SOURCES.md`.

use crate::corpus::Corpus;
use crate::extract::Extractor;

/// (path shown to the user, text) of every bundled article.
pub const ARTICLES: [(&str, &str); 12] = [
    ("sample_data/01_iran_pakistan_talks.txt", include_str!("../sample_data/01_iran_pakistan_talks.txt")),
    ("sample_data/02_foreign_secretary_bilateral_meeting_with_russian_f.txt", include_str!("../sample_data/02_foreign_secretary_bilateral_meeting_with_russian_f.txt")),
    ("sample_data/03_foreign_secretary_meets_iraqi_foreign_minister.txt", include_str!("../sample_data/03_foreign_secretary_meets_iraqi_foreign_minister.txt")),
    ("sample_data/04_uk_welcomes_iraq_kurdistan_regional_government_bud.txt", include_str!("../sample_data/04_uk_welcomes_iraq_kurdistan_regional_government_bud.txt")),
    ("sample_data/05_uk_welcomes_new_eu_syria_sanctions_listings.txt", include_str!("../sample_data/05_uk_welcomes_new_eu_syria_sanctions_listings.txt")),
    ("sample_data/06_foreign_secretary_statement_on_syria.txt", include_str!("../sample_data/06_foreign_secretary_statement_on_syria.txt")),
    ("sample_data/07_the_united_states_and_iraq_sign_loan_guarantee_agr.txt", include_str!("../sample_data/07_the_united_states_and_iraq_sign_loan_guarantee_agr.txt")),
    ("sample_data/08_after_his_meeting_with_russian_foreign_minister_se.txt", include_str!("../sample_data/08_after_his_meeting_with_russian_foreign_minister_se.txt")),
    ("sample_data/09_ambassador_robert_ford_returns_to_syria.txt", include_str!("../sample_data/09_ambassador_robert_ford_returns_to_syria.txt")),
    ("sample_data/10_syrian_opposition_conference_in_riyadh.txt", include_str!("../sample_data/10_syrian_opposition_conference_in_riyadh.txt")),
    ("sample_data/11_ministerial_meeting_of_the_expanded_small_group_of.txt", include_str!("../sample_data/11_ministerial_meeting_of_the_expanded_small_group_of.txt")),
    ("sample_data/12_north_korea_quasi_state_of_war.txt", include_str!("../sample_data/12_north_korea_quasi_state_of_war.txt")),
];

/// The bundled articles, extracted and merged.
pub fn sample_corpus(extractor: &Extractor) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in ARTICLES {
        corpus.merge(extractor.extract(path, text));
    }
    corpus
}
