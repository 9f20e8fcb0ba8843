"""The facilitator guide's text: session timings, and each module's focus, activity, fallback
goals, discussion prompts and safety notes, with the notes that hold for every session.

Data only (the guide's logic is :mod:`allyship.instructor.facilitation`), so a reviewer or a
translator can read it in one place. The course's own words; no facts about Indigenous peoples
beyond what the modules' cited readings teach.
"""

from __future__ import annotations

#: each part of a session, by session length: (minutes, kind, what happens, discussion prompts
#: shown). The kind tells the projector view what to put on that step's screen; "activity" is
#: the module's own exercise.
PLANS: dict[int, list[tuple[int, str, str, tuple[int, ...]]]] = {
    60: [
        (5, "welcome", "Welcome, content note, the group's agreements (on the first screen)", ()),
        (10, "recap", "Recap of the module's reading, by the facilitator: {focus}", ()),
        (15, "activity", "In pairs or small groups \u2014 {activity}", ()),
        (20, "discussion", "Whole group: discussion prompts 1 and 2", (1, 2)),
        (
            10,
            "close",
            "Quiet writing: each person drafts one next action (kept private); the feedback "
            "form; close",
            (),
        ),
    ],
    90: [
        (10, "welcome", "Welcome, content note, the group's agreements (on the first screen)", ()),
        (15, "recap", "Recap of the module's reading, by the facilitator: {focus}", ()),
        (20, "activity", "In pairs or small groups \u2014 {activity}", ()),
        (10, "break", "Break", ()),
        (20, "discussion", "Whole group: discussion prompts 1 to 3", (1, 2, 3)),
        (
            10,
            "practice",
            "Prompt 4, or the module's practice questions taken together, out loud (the "
            "explanations to read out are on the facilitator sheet)",
            (4,),
        ),
        (
            5,
            "close",
            "Quiet writing: each person drafts one next action (kept private); the feedback "
            "form; close",
            (),
        ),
    ],
}


#: number -> (title, focus, activity, fallback goals, prompts, module-specific safety notes)
CONTENT: dict[str, tuple[str, str, str, list[str], list[str], list[str]]] = {
    "01": (
        "What is allyship?",
        "allyship as a lifelong process rather than an identity; who recognises it; the three "
        "intentional framings",
        'rewrite "I am an ally" statements using one of the three framings from IPAC\'s page',
        [
            "Explain allyship as a process, not an identity, recognised by others.",
            "Use the page's three framings to describe work instead of claiming a label.",
        ],
        [
            "What changes when allyship is something others recognise rather than something we "
            "claim? Think of your own workplace.",
            "Which of the three framings fits a piece of work you already do, and what would it "
            "make you say more precisely?",
            "What does it ask of us, and not ask of the people we seek to work with, that "
            "allyship is not self-defined?",
            "Where in health care have you seen an ally label stand in for action?",
        ],
        ["Ask for examples from work, not from anyone's identity or personal history."],
    ),
    "02": (
        "Responsibilities I: power, listening and direction",
        "responsibility rather than guilt; naming privilege and power; listening more; taking "
        "direction; doing our own research",
        "map the kinds of power a role in a clinic or a classroom carries, then one way to "
        "discuss it openly",
        [
            "Tell acting out of responsibility from acting out of guilt.",
            "Name the power a health-care role carries and discuss it openly.",
            "Plan one's own learning instead of expecting others to teach.",
        ],
        [
            "What does acting out of guilt look like in a team meeting, and what would acting out "
            "of responsibility look like instead?",
            "Which everyday habits (chart language, routine policies) could carry a system forward "
            "without anyone meaning to?",
            "What gets in the way of listening more and speaking less in your setting?",
            "Where will you do your own research this month, so no colleague has to teach you?",
        ],
        [
            "Guilt can fill a room: steer from feelings about oneself toward actions for others.",
            "If someone turns to an Indigenous participant for an answer, redirect the question "
            "to the readings or to the facilitator.",
        ],
    ),
    "03": (
        "Responsibilities II: accountability, emotions and care",
        "receiving criticism; being called out as a gift of trust; embracing discomfort; our "
        "needs are secondary; self-care is our own responsibility",
        "the called-out exercise: sort responses into those that centre the ally and those "
        "that repair, using a scenario from the module",
        [
            "Receive criticism and be accountable for mistakes.",
            "Respond to being called out in a way that repairs rather than centres oneself.",
            "Take responsibility for one's own care and feelings.",
        ],
        [
            'What makes it hard to hear "that was harmful" without defending ourselves?',
            "In the module's scenarios, which responses repair, and which ask the other person "
            "to look after us?",
            "Where do you take the discomfort this work brings, so that it does not land on the "
            "people you work with?",
            "When you are thanked or praised for this work, how could you redirect the attention?",
        ],
        [
            "Use the module's scenarios; do not ask anyone to recount a time they were called "
            "out or caused harm.",
            "Feelings will come up: name that this is expected, and offer a pause.",
        ],
    ),
    "04": (
        "Roles",
        "challenging larger power structures; using privilege for others; turning the "
        "spotlight; talking with people who share our privilege",
        "take one situation from the module and list what would change only one interaction "
        "and what would change a structure",
        [
            "Tell work that challenges structures from work that changes one interaction.",
            "Use privilege and power in support of others, under their direction.",
            "Turn a spotlight toward others, and give credit where it is due.",
        ],
        [
            "Think of a committee or a policy you know: what would challenging its structure "
            "look like, rather than one better conversation?",
            "When you are given a platform, how could you turn it toward people who are not "
            "heard, without tokenism?",
            "How could you raise oppression with colleagues who share your privilege, in the "
            "moment and afterwards?",
            "What credit is owed, and to whom, for work in your own setting?",
        ],
        [
            "The conversations with peers are for people who share a privilege: no one owes "
            "anyone those conversations."
        ],
    ),
    "05": (
        "Building trust and everyday practice",
        'why "being an ally" as an identity goes wrong; resentment is not personal; trust '
        "takes time; the five everyday-practice questions",
        "the self-audit: each person rates the five questions privately, then the group talks "
        "about the questions (never anyone's ratings)",
        [
            'Explain how well-meant ideas of "being an ally" can recreate oppression.',
            "Respond to wariness or resistance without taking it personally.",
            "Use the five everyday-practice questions, and repeat the self-audit later.",
        ],
        [
            "Why might the people we seek to work with be wary of us, and what does that ask of "
            "us?",
            "What would it look like to accept that an offer of help is not needed right now?",
            "Which of the five everyday-practice questions was hardest to answer, and why? "
            "(Talk about the question, not your rating.)",
            "Who might your team be leaving behind, and how would you find out?",
        ],
        [
            "Self-audit ratings are private: never ask anyone to share theirs. The cohort view "
            "shows only group averages, and only for groups of five or more."
        ],
    ),
    "06": (
        "Colonization and health care in Canada",
        "the Indian Act and status; residential schools and Indian hospitals; coerced "
        "sterilization; Brian Sinclair, In Plain Sight and Joyce Echaquan; Jordan's Principle, "
        "the Inuit Child First Initiative and NIHB; First Nations-, Inuit- and Métis-led care",
        "in small groups, take one ordinary moment from the module's scenarios (a triage wait, a "
        "consent form, a medical-travel call, a check-in question) and list what the history "
        "behind it asks the team to do differently (no one's own story is asked for)",
        [
            "Explain how the Indian Act, residential schools and Indian hospitals shaped the care "
            "First Nations and Inuit people receive today.",
            "Describe coerced sterilization as recent and documented, and what informed consent "
            "requires.",
            "Say what Jordan's Principle, the Inuit Child First Initiative and NIHB cover, and for "
            "whom, and correct the myth that everything is free.",
        ],
        [
            'A colleague says "that was all long ago". Which dates and facts from the module '
            "answer that, and how would you say it at a team meeting?",
            "In Brian Sinclair's and Joyce Echaquan's deaths, staff assumed the worst. Where could "
            "such an assumption enter your own setting, and who would notice it?",
            "What does informed consent ask of a team when a patient has just given birth, or "
            "speaks mainly Cree or Inuktitut?",
            "Which First Nations-, Inuit- or Métis-led service near you could your team learn "
            "about, and how would you find out on the people's own terms?",
        ],
        [
            "This module describes the deaths of named people, harm to children and sterilization "
            "without consent: give the content note and the support lines before the recap, and "
            "name the break.",
            "Some participants may be Survivors, their families, or people this history touches "
            "directly. Never ask anyone whether it does, and never ask for a story.",
            "Use only the facts in the module's cited readings; when a question goes beyond them, "
            "point to the sources and to the people's own accounts the module links.",
        ],
    ),
    "07": (
        "Allyship with Indigenous peoples",
        "colonization as context; acknowledging original peoples; involving communities from "
        "the start; IPAC's engagement guidelines; the TRC health Calls to Action; cultural "
        "safety",
        "the land research exercise: what a meaningful acknowledgement needs, using the "
        "module's checklist (no one reads out their own record)",
        [
            "Explain why the page names colonization as the context, and what involving local "
            "communities from the start asks.",
            "Use IPAC's engagement guidelines when inviting Indigenous physicians or learners.",
            "Tell cultural safety from cultural competence; treat First Nations, Inuit and Métis "
            "as distinct peoples.",
        ],
        [
            "What would it mean for your organisation to involve local Indigenous communities "
            "from the start of a project, rather than at the end?",
            "Why do IPAC's engagement guidelines exist, and what would following them change "
            "about how your organisation asks for advice?",
            "What is the difference between a meaningful land acknowledgement and a performative "
            "one?",
            "Which of the TRC's health Calls to Action, as the module presents them, speaks most "
            "to your own setting?",
        ],
        [
            "Use only the facts in the module's cited readings; when a question goes beyond "
            "them, point to the sources rather than answer from memory.",
            "Do not ask participants about their own identity, land or ancestry; the land "
            "exercise is private and never graded for correctness.",
            "This module can be heavy for Indigenous participants: remind everyone of breaks "
            "and of the support lines before the recap.",
        ],
    ),
    "08": (
        "Continuing the work",
        "allyship as lifelong; following and amplifying Indigenous-led organisations and "
        "events; doing one's own research; a personal action plan",
        "in pairs, each person describes (only if they wish) one step from their action plan "
        "and when they will review it",
        [
            "Explain what keeps the practice going after a course.",
            "Find Indigenous-led organisations to follow, and amplify their work without "
            "taking the centre.",
            "Build a personal action plan with a first step, a date and a review.",
        ],
        [
            "Which Indigenous-led organisation or event from the module could you follow, and "
            "how would you amplify it without putting yourself at the centre?",
            "How will you keep up with current news without asking colleagues to educate you?",
            "What would make your action plan hard to keep, and what would help?",
            "What could your team, not only you, do next?",
        ],
        ["Sharing a plan is optional; a pair may talk about plans in general instead."],
    ),
}

GENERAL_SAFETY = [
    "No one is asked to speak for a group, or about their own identity or history. Joining in "
    "is by invitation; passing is always fine, without a reason.",
    "Indigenous participants are not expected to educate others, to correct their peers, or to "
    "vouch for the material. The facilitator answers from the readings; if someone chooses to "
    "share, thank them and do not follow up with questions for them to answer on others' behalf.",
    "Pacing: one module per session, spaced over weeks where possible. Open with a short "
    "content note, name the break, and make it normal to step out at any time.",
    "Reflections are private. Never ask anyone to read theirs aloud. The cohort view shows "
    "unnamed excerpts only from people who ticked the sharing box, and only in groups of five "
    "or more.",
    "When a comment does harm (a stereotype, resistance aimed at a group), name it calmly, "
    "bring the discussion back to the reading, and check in afterwards with anyone it touched.",
]
