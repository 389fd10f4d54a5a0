fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut t = 0;
    for _ in 0..n {
        for (_, text) in actormap::sample::ARTICLES {
            let ss = actormap::extract::sentences::split(text);
            let mut toks = Vec::with_capacity(text.len() / 5 + 1);
            for x in &ss { actormap::extract::tokens::tokenize_into(text, x.start, x.end, &mut toks); }
            t += toks.len() + ss.len();
        }
    }
    println!("{t}");
}
