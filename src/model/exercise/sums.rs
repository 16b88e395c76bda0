//! Counting and summing a session's answers: who answered what, grids, spreads, profiles and factor sums.

use super::*;

/// The key the group's (or the agreed) answers are stored under.
pub const GROUP: &str = "";

/// A participant or respondent: a name or a number, the respondent group (for a survey), and
/// whether the row is a tally of many paper answers rather than one person's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Respondent {
    pub key: String,
    pub name: String,
    pub group: usize,
    pub tally: bool,
    /// How many paper answers a tally row holds.
    pub count: usize,
}

impl Respondent {
    /// How many people the row stands for.
    pub fn people(&self) -> usize {
        if self.tally { self.count } else { 1 }
    }
}

/// Choice indices in a stored answer (one for a choice, any for channels).
pub fn chosen(value: &str) -> Vec<usize> {
    value
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect()
}

/// The counts a tally row holds, one per option.
pub fn tally(value: &str, options: usize) -> Vec<usize> {
    let mut out: Vec<usize> = value
        .split(';')
        .map(|v| v.trim().parse().unwrap_or(0))
        .collect();
    out.resize(options, 0);
    out
}

/// The shares of a stored answer, and whether they add up to 100.
pub fn shares(value: &str) -> (Vec<f64>, bool) {
    let parts: Vec<f64> = value
        .split(';')
        .map(|v| v.trim().replace(',', ".").parse().unwrap_or(0.0))
        .collect();
    let sum: f64 = parts.iter().sum();
    (parts, (sum - 100.0).abs() < 0.05)
}

/// Channels picked: "never received" takes the others away, and the others take it away.
pub fn pick_channel(value: &str, option: usize, on: bool, never: usize) -> String {
    let mut picked = chosen(value);
    picked.retain(|p| *p != option);
    if on {
        if option == never {
            picked.clear();
        } else {
            picked.retain(|p| *p != never);
        }
        picked.push(option);
    }
    picked.sort_unstable();
    picked
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// How many answers fall on each option of `question`, over the given answers (a tally row
/// counts its numbers). Zero counts are kept, so every option has its place.
pub fn counts<'a>(
    question: &Question,
    answers: impl IntoIterator<Item = (&'a Respondent, &'a str)>,
) -> Vec<usize> {
    let options = question.scale.options().len();
    let mut out = vec![0; options];
    for (who, value) in answers {
        if who.tally {
            for (o, n) in tally(value, options).into_iter().enumerate() {
                out[o] += n;
            }
            continue;
        }
        match question.scale {
            Scale::Cross => out[0] += usize::from(value == "1"),
            Scale::Grade => {
                if let Ok(g @ 1..=5) = value.trim().parse::<usize>() {
                    out[g - 1] += 1;
                }
            }
            _ => {
                for c in chosen(value) {
                    if c < options {
                        out[c] += 1;
                    }
                }
            }
        }
    }
    out
}

/// Each count as a share of their total, in percent (0 when there is nothing).
pub fn percent(counts: &[usize]) -> Vec<f64> {
    let total: usize = counts.iter().sum();
    counts
        .iter()
        .map(|c| {
            if total == 0 {
                0.0
            } else {
                *c as f64 * 100.0 / total as f64
            }
        })
        .collect()
}

/// The clarity grid summed: crosses per goal (out of nine, since questions 1 and 2 exclude
/// each other), per question, and each question's share of the goals.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSums {
    pub per_row: Vec<(String, usize)>,
    pub per_question: Vec<(String, usize)>,
    pub share: Vec<(String, f64)>,
    /// What a goal can score at most.
    pub most: usize,
}

/// Sums the grid of a crosses-per-row exercise over `rows`.
pub fn grid(def: &ExerciseDef, rows: &[String], answers: &Answers) -> GridSums {
    let crossed = |row: &str, q: &str| {
        answers
            .get(&(GROUP.to_string(), row.to_string(), q.to_string()))
            .is_some_and(|v| v == "1")
    };
    let questions: Vec<&Question> = def.questions().map(|(_, q)| q).collect();
    let per_row = rows
        .iter()
        .map(|r| {
            (
                r.clone(),
                questions.iter().filter(|q| crossed(r, q.key)).count(),
            )
        })
        .collect();
    let per_question: Vec<(String, usize)> = questions
        .iter()
        .map(|q| {
            (
                q.key.to_string(),
                rows.iter().filter(|r| crossed(r, q.key)).count(),
            )
        })
        .collect();
    let share = per_question
        .iter()
        .map(|(k, n)| {
            let s = if rows.is_empty() {
                0.0
            } else {
                *n as f64 * 100.0 / rows.len() as f64
            };
            (k.clone(), s)
        })
        .collect();
    let either = usize::from(def.key == "hur-tydlig");
    GridSums {
        per_row,
        per_question,
        share,
        most: questions.len() - either,
    }
}

/// Crosses a grid cell; in the clarity grid, crossing question 1 or 2 clears the other.
/// Returns the cells to set: (question, value).
pub fn cross(def: &ExerciseDef, question: &str, on: bool) -> Vec<(String, Option<String>)> {
    let value = on.then(|| "1".to_string());
    let mut out = vec![(question.to_string(), value)];
    if on && def.key == "hur-tydlig" {
        let (a, b) = CLARITY_EITHER;
        if question == a {
            out.push((b.to_string(), None));
        } else if question == b {
            out.push((a.to_string(), None));
        }
    }
    out
}

/// How the participants' answers to one rated question spread around the group's.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub answers: Vec<usize>,
    pub consensus: Option<usize>,
    /// The largest distance between two participants, in scale steps.
    pub range: usize,
    /// How many participants answered the same as the group.
    pub agree: usize,
}

/// The spread of `question` (in `row`) over the participants, against the group's answer.
pub fn spread(answers: &Answers, participants: &[Respondent], row: &str, question: &str) -> Spread {
    let get = |who: &str| {
        answers
            .get(&(who.to_string(), row.to_string(), question.to_string()))
            .and_then(|v| chosen(v).first().copied())
    };
    let given: Vec<usize> = participants
        .iter()
        .filter(|p| !p.tally)
        .filter_map(|p| get(&p.key))
        .collect();
    let consensus = get(GROUP);
    let range = match (given.iter().min(), given.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    };
    Spread {
        agree: given.iter().filter(|a| Some(**a) == consensus).count(),
        answers: given,
        consensus,
        range,
    }
}

/// A form's profile: per section with choice questions asked once, the answers' mean place on
/// their scales (0 the weakest option, 100 the strongest), from the group's answer where it
/// gave one, else the participants' mean. `None` for a section nobody answered. No total is
/// made: the guide defines none.
pub fn profile(
    def: &ExerciseDef,
    participants: &[Respondent],
    answers: &Answers,
) -> Vec<(&'static str, Option<f64>)> {
    def.sections
        .iter()
        .filter(|s| {
            !s.per_row
                && s.questions
                    .iter()
                    .any(|q| matches!(q.scale, Scale::Choice(_)))
        })
        .map(|s| {
            let mut places = Vec::new();
            for q in s.questions {
                let Scale::Choice(options) = q.scale else {
                    continue;
                };
                let steps = options.len().saturating_sub(1).max(1) as f64;
                let place = |who: &str| {
                    answers
                        .get(&(who.to_string(), String::new(), q.key.to_string()))
                        .and_then(|v| chosen(v).first().copied())
                        .map(|c| c as f64 * 100.0 / steps)
                };
                if let Some(p) = place(GROUP) {
                    places.push(p);
                    continue;
                }
                let own: Vec<f64> = participants
                    .iter()
                    .filter(|p| !p.tally)
                    .filter_map(|p| place(&p.key))
                    .collect();
                if !own.is_empty() {
                    places.push(own.iter().sum::<f64>() / own.len() as f64);
                }
            }
            let mean =
                (!places.is_empty()).then(|| places.iter().sum::<f64>() / places.len() as f64);
            (s.key, mean)
        })
        .collect()
}

/// A focus group's factor summed: its total weight, the participants' mean grade, and how
/// many graded it.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorSum {
    pub row: String,
    pub weight: f64,
    pub grade: Option<f64>,
    pub graded: usize,
}

impl FactorSum {
    /// Important and working badly: the weight's share of all weight times the grade's distance
    /// from 5, so the factors to work on first come out on top.
    pub fn priority(&self, total_weight: f64) -> f64 {
        if total_weight <= 0.0 {
            return 0.0;
        }
        self.weight / total_weight * (5.0 - self.grade.unwrap_or(5.0))
    }
}

/// Totals each factor's weight points and averages its grades (the method's "medelbetyg"),
/// heaviest first.
pub fn factors(rows: &[String], participants: &[Respondent], answers: &Answers) -> Vec<FactorSum> {
    let mut out: Vec<FactorSum> = rows
        .iter()
        .map(|row| {
            let values = |q: &str| -> Vec<f64> {
                participants
                    .iter()
                    .filter_map(|p| answers.get(&(p.key.clone(), row.clone(), q.to_string())))
                    .filter_map(|v| v.trim().replace(',', ".").parse::<f64>().ok())
                    .collect()
            };
            let grades: Vec<f64> = values("grade")
                .into_iter()
                .filter(|g| (1.0..=5.0).contains(g))
                .collect();
            FactorSum {
                row: row.clone(),
                weight: values("weight").iter().sum(),
                grade: (!grades.is_empty())
                    .then(|| grades.iter().sum::<f64>() / grades.len() as f64),
                graded: grades.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    out
}

/// Points a participant has given over the factors, against the budget.
pub fn points_given(rows: &[String], who: &str, answers: &Answers) -> f64 {
    rows.iter()
        .filter_map(|r| answers.get(&(who.to_string(), r.clone(), "weight".to_string())))
        .filter_map(|v| v.trim().replace(',', ".").parse::<f64>().ok())
        .sum()
}
