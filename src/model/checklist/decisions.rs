//! The checklists for prioritising, deciding and the communication plan, as the guide words them.

use super::*;

pub(super) const PRIORITERA: Checklist = Checklist {
    key: "prioritera",
    title: Tr::new("Prioritera", "Prioritise"),
    step: Step::Prioritise,
    items: &[
        item(
            "matrix",
            "Prioriterar vi med prioriteringsmatrisen?",
            "Do we prioritise with the prioritisation matrix?",
        ),
        item(
            "other",
            "Eller har vi valt en annan modell, och vilken?",
            "Or have we chosen another model, and which?",
        ),
        item(
            "who",
            "Är det bestämt vilka som deltar när vi prioriterar?",
            "Is it settled who takes part when we prioritise?",
        ),
    ],
};

pub(super) const BESLUT: Checklist = Checklist {
    key: "beslut",
    title: Tr::new("Beslut", "Decision"),
    step: Step::Decision,
    items: &[
        hinted(
            "body",
            (
                "Vet vi var beslutet om åtgärden ska fattas?",
                "Do we know where the decision on the action is to be taken?",
            ),
            (
                "Fullmäktige, kommunstyrelsen eller en nämnd",
                "The council, the executive board or a committee",
            ),
        ),
        item(
            "services",
            "Vet vi hur verksamheten får veta beslutet?",
            "Do we know how the service learns of the decision?",
        ),
        item(
            "feedback",
            "Vet vi hur analysgruppen, medarbetare, medborgare och brukare får återkoppling?",
            "Do we know how the analysis group, staff, citizens and users get feedback?",
        ),
        item(
            "implemented",
            "Vet vi hur vi följer upp att åtgärderna blev gjorda?",
            "Do we know how we check that the actions were carried out?",
        ),
        item(
            "effect",
            "Vet vi när vi följer upp om de önskade effekterna nåddes?",
            "Do we know when we check whether the intended effects were reached?",
        ),
    ],
};

pub(super) const KOMMUNIKATIONSPLAN: Checklist = Checklist {
    key: "kommunikationsplan",
    title: Tr::new("Kommunikationsplan", "Communication plan"),
    step: Step::Communication,
    items: &[
        in_block(
            INFORM,
            "inform-who",
            "Vilka ska informationen nå (förtroendevalda, medarbetare, medborgare, brukare …)?",
            "Whom should the information reach (elected members, staff, citizens, users …)?",
        ),
        in_block(
            INFORM,
            "inform-simple",
            "Hur gör vi informationen enkel nog för den som inte känner frågan?",
            "How do we make the information simple enough for someone new to the question?",
        ),
        in_block(
            INFORM,
            "inform-method",
            "Vilken metod väljer vi (möte, sociala medier, webb, broschyr …)?",
            "Which method do we choose (meeting, social media, web, brochure …)?",
        ),
        in_block(
            CONSULT,
            "consult-who",
            "Vilka ska vi fråga?",
            "Whom should we ask?",
        ),
        in_block(
            CONSULT,
            "consult-how",
            "Hur ska vi fråga (fokusgrupp, mystery shopping …)?",
            "How should we ask (focus group, mystery shopping …)?",
        ),
        in_block(
            CONSULT,
            "consult-feedback",
            "Hur redovisar vi svaren och återkopplar till dem vi frågade?",
            "How do we report the answers and get back to those we asked?",
        ),
        in_block(
            DIALOGUE,
            "dialogue-who",
            "Med vilka vill vi samtala?",
            "With whom do we want to talk?",
        ),
        in_block(
            DIALOGUE,
            "dialogue-how",
            "Hur ska samtalet gå till (dialogcafé, SWOT …)?",
            "How will the conversation be held (dialogue café, SWOT …)?",
        ),
        in_block(
            DIALOGUE,
            "dialogue-feedback",
            "Hur redovisar vi och återkopplar det som kom fram?",
            "How do we report and feed back what came out?",
        ),
        in_block(
            INVOLVE,
            "involve-who",
            "Vilka ska vara med (medarbetare, medborgare, brukare, föreningar …)?",
            "Who should take part (staff, citizens, users, associations …)?",
        ),
        in_block(
            INVOLVE,
            "involve-how",
            "Hur ska vi göra det (rådslag, framtidsverkstad …)?",
            "How will we do it (deliberation, future workshop …)?",
        ),
        in_block(
            INVOLVE,
            "involve-feedback",
            "Hur redovisar vi och återkopplar resultatet?",
            "How do we report and feed back the result?",
        ),
        in_block(
            CODECIDE,
            "codecide-who",
            "Vilka ska vara med hela vägen?",
            "Who should take part all the way?",
        ),
        in_block(
            CODECIDE,
            "codecide-how",
            "Hur ska vi genomföra det?",
            "How will we carry it out?",
        ),
        in_block(
            CODECIDE,
            "codecide-decision",
            "Hur fattas besluten om åtgärder?",
            "How are the decisions on actions taken?",
        ),
        in_block(
            CODECIDE,
            "codecide-feedback",
            "Hur redovisar vi och återkopplar resultatet?",
            "How do we report and feed back the result?",
        ),
    ],
};
