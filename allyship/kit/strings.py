"""Every sentence the kit shows a person, in one table.

(Longer than the house's ~300 lines on purpose: it is data, and one table is what a reviewer or
a translator reads from top to bottom; splitting it would scatter the sentences.)

A French edition (or any other) replaces :data:`TEXT` entries; no code changes. Keys are stable
names; values are ``str.format`` templates. Keep sentences plain: say what happened and what to
do next, never a traceback or jargon.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

TEXT: dict[str, str] = {
    # item labels, chosen from the first letter of an item id (q1 -> "Question 1")
    "label.q": "Question {n}",
    "label.r": "Reflection {n}",
    "label.p": "Practice question {n}",
    "label.e": "Exercise {n}",
    "label.a": "Self-audit {n}",
    "label.c": "Commitment {n}",
    "label.other": "Item {id}",
    # the first line of each locked code cell (JupyterLab shows it even when the code is hidden)
    "cell.setup": "Sets up this module and loads your saved answers. Nothing to do here.",
    "cell.widget": (
        "Run the notebook (Run menu, Run All Cells) and the question or box appears below."
    ),
    "cell.check": "Checks that the item above is answered. Your answer is graded after you submit.",
    # the grader's heading over each reflection's task cell (allyship/course/authoring.py)
    "task.reflection": (
        "**{id}: graded by a person, {points} points, with the reflection rubric in this "
        "module.** You may answer the main prompt or the alternative one; both are graded the "
        "same way."
    ),
    # the learner's journal (allyship/journal.py)
    "journal.title": "My allyship journal",
    "journal.intro": (
        "Your own reflections and commitments from the allyship course, in module order. "
        "This file is yours: it was written on your computer and sent nowhere."
    ),
    "journal.saved": (
        "Saved your journal as {name}, in {folder}. Open it in your browser, or print it."
    ),
    "journal.damaged": "The saved answers file here could not be read; it was left as it is.",
    "journal.empty": "No reflections or commitments saved in this module yet.",
    "journal.none_found": (
        "No module folders (such as 01_what_is_allyship) were found in {start} or the folder "
        "above it. Open the journal from the folder that holds your modules."
    ),
    # the learner's record of learning, written beside the journal (allyship/kit/journal.py)
    "record.title": "My record of learning: the allyship course",
    "record.intro": (
        "For continuing-education credit you report yourself. For each module: its learning "
        "objectives, the time it states, when you last saved an answer in it, and your "
        "commitments. Your reflections are not in it. Record the time you actually spent: the "
        "times here are only what each module states."
    ),
    "record.not_accredited": (
        "This course is not accredited for continuing professional development credit by any "
        "body. Some professional bodies let members claim self-directed learning: check your "
        "own body's rules before you claim it."
    ),
    "record.objectives": "Learning objectives",
    "record.time": "Time the module states: {time}",
    "record.no_time": "This module states no time.",
    "record.last_saved": "Last saved an answer: {date}",
    "record.commitments": "My commitments",
    "record.no_commitments": "No commitments saved in this module yet.",
    "record.link": (
        "Your record of learning (objectives, time and commitments; none of your reflections), "
        "for continuing-education credit you report yourself, is saved beside this page:"
    ),
    # certificates of completion (allyship/instructor/certificates.py), and what is missing
    "certificate.title": "Certificate of completion",
    "certificate.certifies": "This certifies that",
    "certificate.completed": "completed the course",
    "certificate.modules": "Modules completed (date submitted)",
    "certificate.hours": "Study time: {hours} hours (the least time the modules state).",
    "certificate.no_hours": "Study time: not stated (a module states no time).",
    "certificate.rule": (
        "Completed under the course's rule: every module submitted; at least {auto}% of the "
        "automatically checked points; every reflection graded by a person, each at {reflection}% "
        "of its points or more."
    ),
    "certificate.issued": "Issued by {issuer} on {date}.",
    "certificate.code": "Verification code: {code}",
    "certificate.verify": (
        "To check this certificate, give the code to the issuer: it is valid only while it "
        "matches the course's gradebook."
    ),
    "certificate.not_accredited": (
        "This certificate records the completion of a course. It is not an accreditation: the "
        "course is not accredited for continuing professional development credit by any body "
        "(such as Mainpro+ or the Royal College's MOC Program). Some bodies let members claim "
        "self-directed learning: check your own body's rules."
    ),
    "certificate.source": (
        "The course was built from the Indigenous Physicians Association of Canada's public "
        "page About Allyship. IPAC did not write it and has not reviewed or endorsed it."
    ),
    "certificate.not_yet": (
        "You have not completed the course yet, so no certificate was issued. What is missing:"
    ),
    "certificate.missing_module": "{module} has not been submitted.",
    "certificate.missing_auto": (
        "Your automatically checked points are {score}% of the course's; {needed}% are needed."
    ),
    "certificate.missing_grading": (
        "{label} in {module} has not been graded yet (nothing for you to do: a grader will)."
    ),
    "certificate.missing_reflection": (
        "{label} in {module} scored {score:g} of {points:g} points; {needed:g} are needed."
    ),
    "certificate.not_yet_next": "If anything here looks wrong, tell your instructor.",
    # status lines under a control
    "status.unanswered": "Not answered yet.",
    "status.saved": "Saved.",
    "status.saved_words": "{words} words · saved.",
    "status.empty_text": "Nothing written yet. What you type is saved as you go.",
    "status.save_failed": (
        "Could not save: {reason}. Your text is still in the box; copy it somewhere safe "
        "and tell your instructor."
    ),
    "status.restored_missing": (
        "Your earlier answer \u201c{value}\u201d is no longer one of the options. "
        "Please choose again."
    ),
    "status.callback_failed": (
        "Something went wrong with this control ({reason}). Your saved answers are safe; "
        "run this cell again, and tell your instructor if it keeps happening."
    ),
    # control labels (the accessible names)
    "control.choice": "Your answer to {label}",
    "control.choices": "Your answers to {label} (select all that apply)",
    "control.reflection": "Your answer to {label}",
    "control.rewrite": "Your rewrite for {label}",
    "control.check": "Check my answer",
    "control.check_framing": "Check my framing",
    "hint.select_all": "Select all that apply.",
    "hint.alternative": "If you prefer, answer this instead:",
    "hint.placeholder": "Write here. It is saved as you type.",
    "hint.graded": "Graded after you submit.",
    "hint.practice": "Practice: not graded. You see feedback straight away.",
    # practice feedback: a word first, so meaning never rests on colour alone
    "feedback.correct": "Correct.",
    "feedback.incorrect": "Not quite.",
    "feedback.partly": "Partly right.",
    "feedback.choose_first": "Choose at least one option, then check.",
    "feedback.option_yes": "You chose \u201c{option}\u201d: {why}",
    "feedback.option_missed": "You did not choose \u201c{option}\u201d, which also fits: {why}",
    # intentional-framing self-check
    "framing.stem_found": "It uses an intentional framing: \u201c{stem}\u2026\u201d.",
    "framing.no_stem": (
        "It does not yet start from one of the three framings. Try beginning with "
        "\u201cWe are showing support for\u2026\u201d, \u201cWe are showing our commitment to "
        "ending\u2026 by\u2026\u201d or \u201cWe are using our privilege to help by\u2026\u201d."
    ),
    "framing.identity_claim": (
        "It calls someone an ally (\u201c{phrase}\u201d). Allyship is recognised by the people we "
        "work with, not claimed; describe the work instead."
    ),
    "framing.too_short": "Write a full sentence first, then check it.",
    "framing.no_action": (
        "It says who the work is for, but not yet what you do. Add \u201cby\u2026\u201d and an "
        "action someone else could see happen."
    ),
    # plain-text rendering under autograde (what formgrader and the feedback page show)
    "plain.choice": "{label}: {prompt}\nAnswer given: {answer}",
    "plain.no_answer": "(no answer)",
    "plain.text": "{label}: {prompt}\n{words} words written:\n\n{text}",
    "plain.no_text": "(nothing written)",
    # checks (nbgrader test cells): learner-facing AssertionError messages
    "check.unanswered": (
        "{label} has no answer yet. Go back to {label}, choose an answer, and it is saved "
        "automatically."
    ),
    "check.empty_text": (
        "{label} is empty. Write in its box (the main prompt or the alternative one); "
        "it is saved as you type."
    ),
    "check.too_short": (
        "{label} has {words} words so far; write at least {minimum} words, in your own way."
    ),
    "check.incorrect": (
        "{label}: the answer given is not the one the course expects. The module's summary "
        "and readings explain why."
    ),
    # nbgrader's Validate (the toolbar button, the Assignment List, `nbgrader validate`)
    "validate.not_yet": "Not everything is answered yet. Before you submit:",
    "validate.all_answered": "Everything is answered. You can submit.",
    "validate.changed": (
        "Some of this module's own cells were changed. Nothing is lost: your answers are in "
        "responses.json, and the original cells are put back when your work is graded."
    ),
    "validate.could_not_check": (
        "{label} could not be checked. Run the whole notebook again (Run menu, Run All Cells), "
        "then press Validate; if this stays, tell your instructor."
    ),
    # the feedback page (nbgrader generate_feedback; allyship/grading/feedback_page.py)
    "page.title": "Feedback: {module}",
    "page.intro": (
        "Each graded question and reflection, with your answer, whether it is the answer the "
        "course expects, and your grader's scores and comments."
    ),
    "page.total": "Your score: {score} of {max_score} points.",
    "page.late": "Submitted late: {penalty} points taken off.",
    "page.points": "{score} of {points} points",
    "page.right": "Right.",
    "page.right_why": "This is the answer the course expects.",
    "page.wrong": "Not the expected answer.",
    "page.unanswered": "No answer.",
    "page.unanswered_why": "No answer was given.",
    "page.your_answer": "Your answer:",
    "page.your_answers": "Your answers:",
    "page.you_wrote": "What you wrote ({words} words):",
    "page.nothing_written": "Nothing was written.",
    "page.alternative": "Or the alternative prompt:",
    "page.criteria_caption": "The grader's score on each criterion of the rubric",
    "page.rubric_score": "Scored by a person with the rubric: {score} of {points} points.",
    "page.not_graded_yet": "Not graded yet: a person will read it against the rubric.",
    "page.written_check": (
        "Written (the check that the box is not empty): {score} of {points} points."
    ),
    "page.comment": "Your grader's comment:",
    "page.no_comment": "Your grader left no comment.",
    "page.added_title": "Also in your notebook",
    "page.added_intro": (
        "These cells were added to the notebook by hand. They are shown as they were written; "
        "none was run or graded."
    ),
    "page.rubric_title": "How reflections are scored",
    "page.rubric_intro": (
        "A person scores four criteria from 0 to 2 ({points} points in all), on how you "
        "reflect, never on what you disclose:"
    ),
    # the responses file
    "store.damaged": (
        "Your saved answers file ({name}) could not be read ({reason}). It was kept, unchanged, "
        "as {aside}, and a fresh file was started. Your instructor can recover earlier answers "
        "from it."
    ),
    "store.partly_damaged": (
        "Some saved answers could not be read ({items}) and were left out. A copy of the whole "
        "file was kept as {aside}."
    ),
    "store.reason.not_utf8": "it is not plain text",
    "store.reason.not_json": "it is not in the expected format",
    "store.reason.not_object": "it does not hold a set of answers",
    "store.reason.too_large": "it is far larger than any set of answers could be",
    "store.reason.unreadable": "the computer would not let the course read it",
    "store.bad_value": ("{label} can only be saved as text or a list of texts, not {kind}."),
    "store.ready": "Your answers are saved in {name}, next to this notebook.",
    # a widget's place in a notebook, until Run all draws it (course/placeholders.py)
    # nbgrader's panels (their fixed English lines replaced by allyship/instructor/lab.py's CSS)
    "lab.validate_success": (
        "Everything is answered. When you are ready, hand the module in: in the Assignment "
        "List, press Submit beside it."
    ),
    "lab.handed_in": "Handed in. Received by the course on ",
    # nbgrader's own front-end labels, word for word (allyship/instructor/lab_words.py swaps
    # each for the edition's word in another language's JupyterLab)
    "lab.nbgrader.assignment_list": "Assignment List",
    "lab.nbgrader.assignments": "Assignments",
    "lab.nbgrader.for_course": "Released, downloaded, and submitted assignments for course:",
    "lab.nbgrader.refresh": "Refresh assignments list",
    "lab.nbgrader.released": "Released assignments",
    "lab.nbgrader.downloaded": "Downloaded assignments",
    "lab.nbgrader.submitted": "Submitted assignments",
    "lab.nbgrader.none_released": "There are no assignments to fetch.",
    "lab.nbgrader.none_downloaded": "There are no downloaded assignments.",
    "lab.nbgrader.none_submitted": "There are no submitted assignments.",
    "lab.nbgrader.fetch": "Fetch",
    "lab.nbgrader.fetching": "Fetching...",
    "lab.nbgrader.validate": "Validate",
    "lab.nbgrader.validating": "Validating...",
    "lab.nbgrader.submit": "Submit",
    "lab.nbgrader.submitting": "submitting...",
    "lab.nbgrader.fetch_feedback": "Fetch Feedback",
    "lab.nbgrader.fetching_feedback": "Fetching Feedback...",
    "lab.nbgrader.view_feedback": "(view feedback)",
    "lab.nbgrader.feedback_to_fetch": "(feedback available to fetch)",
    "lab.nbgrader.validation_results": "Validation Results",
    "lab.nbgrader.validation_failed": "Validation failed",
    "lab.nbgrader.validate_error": "There was an error running the validate command:",
    "lab.nbgrader.not_submitted": "Assignment not submitted:",
    "lab.nbgrader.invalid_submission": "Invalid Submission",
    "lab.nbgrader.error_fetching": "Error fetching assignment.",
    "lab.nbgrader.error_submitting": "Error submitting assignment.",
    "lab.nbgrader.error_validating": "Error validating assignment.",
    "lab.nbgrader.error_feedback": "Error fetching feedback.",
    "lab.nbgrader.error_courses": "Error fetching courses!",
    "lab.nbgrader.no_courses": "No courses found.",
    "lab.nbgrader.loading": "Loading, please wait...",
    "lab.nbgrader.course_list": "Course List",
    "lab.nbgrader.create_tab": "Create Assignment",
    "lab.nbgrader.create_command": "Create assignment",
    "lab.nbgrader.courses": "Courses",
    "lab.press_run_all": "*This part appears when you press **Run all** (the Run menu, then "
    "Run All Cells). Your answers are kept.*",
    # -- records: several answers in one widget (self-audit, land record, action plan) --------
    "record.progress": "{done} of {total} parts answered \u00b7 saved.",
    "control.check_record": "Check my record",
    "plain.record": "{label}: {prompt}",
    "plain.field": "- {label}: {value}",
    # everyday-practice self-audit (module 05); the questions are adapted from IPAC's
    # "About Allyship", Building Trust section
    "audit.title": "Everyday-practice self-audit",
    "audit.title_take": "Everyday-practice self-audit, take {take}",
    "audit.prompt": (
        "For each statement, choose how often it is true of your work right now. There are no "
        "right answers and the ratings are not marked."
    ),
    "audit.short1": "1. Space I take up",
    "audit.short2": "2. Access",
    "audit.short3": "3. How my identities take up space",
    "audit.short4": "4. My assumptions",
    "audit.short5": "5. Who is left behind",
    "audit.q1": (
        "I notice how much space I take up in conversations, in rooms and in organising (a "
        "huddle, a meeting, a committee), and I make room for others."
    ),
    "audit.q2": (
        "I take active steps to make meetings and actions I am part of easier to reach and join "
        "(time, place, cost, language, who is invited)."
    ),
    "audit.q3": (
        "I pay attention to how my identities (such as my profession, role, race or gender) "
        "take up space, physically and in how I speak."
    ),
    "audit.q4": (
        "I check what I actually know about the people I work with, and where my assumptions "
        "about them come from."
    ),
    "audit.q5": (
        "I ask who is being left behind by a plan, a service or an event, and I act on the answer."
    ),
    "audit.scale.1": "Rarely",
    "audit.scale.2": "Sometimes",
    "audit.scale.3": "Often",
    "audit.scale.4": "Almost always",
    "audit.scale.5": "Not sure yet",
    "audit.progress": "{done} of {total} rated \u00b7 saved.",
    "audit.earlier": "In your first self-audit you chose: {value}.",
    "audit.earlier_none": "You did not rate this in your first self-audit.",
    "audit.compare_wait": "Rate all five to compare with your first self-audit.",
    "audit.no_earlier": (
        "Your first self-audit has no ratings, so there is nothing to compare yet."
    ),
    "audit.compare": (
        "Compared with your first self-audit: {higher} rated more often, {same} the same, "
        "{lower} less often, {other} not comparable (\u201cNot sure yet\u201d or not rated). A "
        "lower rating can mean you now notice more, not that you do less."
    ),
    # land-acknowledgement research record (module 07)
    "land.title": "Land acknowledgement research record",
    "land.place": "Place (optional)",
    "land.nations": "Nations",
    "land.pronunciation": "Pronunciation",
    "land.status": "Treaty or unceded",
    "land.treaty": "Treaty or agreement",
    "land.sources": "Where I looked",
    "land.relationship": "My relationship to this land (optional)",
    "land.commitment": "One concrete commitment",
    "land.checklist": "Meaningful, not performative: tick what is true of your record",
    "land.help.place": "A town or region is enough. You may leave this blank.",
    "land.help.nations": "The peoples whose land this is, in the names they use for themselves.",
    "land.help.pronunciation": (
        "How to say each name, and where you learned it (for example a nation's own website "
        "or a recording)."
    ),
    "land.help.status": "What the maps and the nations' own sources say.",
    "land.help.treaty": "Which treaty or agreement, if any, and where you checked.",
    "land.help.sources": (
        "The maps or pages you used. Maps are a starting point; the nations themselves are "
        "the authority."
    ),
    "land.help.relationship": (
        "Why you are here, and how colonization shaped that. Write only what you choose to."
    ),
    "land.help.commitment": (
        "Something you will do, not only say: specific, within your control, with a first step."
    ),
    "land.help.checklist": "This is a self-check. Nothing here is graded for correctness.",
    "land.status.historic": "A historic treaty covers it",
    "land.status.modern": "A modern treaty or land claim agreement covers it",
    "land.status.unceded": "Unceded: no treaty was signed",
    "land.status.mixed": "More than one of these, or it is disputed",
    "land.status.unknown": "I could not find out yet",
    "land.check.1": "I used the names the nations use for themselves.",
    "land.check.2": "I learned how to pronounce the names before saying them.",
    "land.check.3": "I know whether the land is under treaty or unceded, and which treaty.",
    "land.check.4": (
        "I was accurate about which peoples are here (First Nations, Inuit, M\u00e9tis)."
    ),
    "land.check.5": "It says something about my own relationship to this land.",
    "land.check.6": "It leads to a concrete action, not words used instead of action.",
    "land.check.7": "I plan to revisit it, and to check it with the nations where I can.",
    "land.feedback.empty": "Still empty: {fields}.",
    "land.feedback.unticked": "Not ticked yet: \u201c{item}\u201d",
    "land.feedback.complete": "Every part is filled in and every point is ticked.",
    "land.feedback.note": (
        "This check looks only at what is filled in and ticked. No one grades whether the "
        "nations, names or treaty are right; confirm them with the nations where you can."
    ),
    # personal action plan (module 08)
    "plan.title": "My action plan",
    "plan.found": "Found your saved answers from module(s) {modules}.",
    "plan.none_found": (
        "No saved answers from earlier modules were found beside this module (looked in "
        "{folder}). You can still write your plan below."
    ),
    "plan.no_file": "Module(s) {modules}: the folder is there, with no saved answers yet.",
    "plan.damaged": (
        "Module(s) {modules}: the saved answers file could not be read, so it was left exactly "
        "as it is."
    ),
    "plan.absent": "No folder was found for module(s) {modules}.",
    "plan.no_commitments": "The answers found hold no commitment yet.",
    "plan.commitments_from": "Your commitment(s) from module {module}:",
    "plan.reflections_from": "Reread your reflections from module {module} ({count})",
    "plan.commitment_option": "Module {module}: {text}",
    "plan.carried": "Commitments to carry forward",
    "plan.action": "My next action",
    "plan.when": "When",
    "plan.whose": "Whose direction I follow",
    "plan.support": "What will help me keep it",
    "plan.review": "When I will review this plan",
    "plan.help.carried": (
        "Tick the earlier commitments you want to keep working on. Leave any that no longer fit."
    ),
    "plan.help.action": "One specific thing you will do next, and who it is for.",
    "plan.help.when": "A date, or an occasion such as your next team meeting.",
    "plan.help.whose": (
        "The people or organisation whose guidance shapes this action (and how you will follow it)."
    ),
    "plan.help.support": (
        "A reminder, a colleague who shares your privilege, a course. Not unpaid work by "
        "Indigenous colleagues."
    ),
    "plan.help.review": "A date to come back to this plan and to your self-audit.",
    # consent to share reflections, unnamed, in the facilitator's cohort view (widgets/consent.py)
    "consent.title": "Sharing your reflections (optional)",
    "consent.prompt": (
        "Your facilitator can see an anonymous picture of the whole group. If you tick the box "
        "below, short excerpts (up to 280 characters) of your reflections in this module may "
        "appear in it, without your name. They are shown only when at least five people in your "
        "group have ticked this box in this module, so no one can be picked out. Your graders "
        "read your reflections anyway when you submit; this box is only about the group view."
    ),
    "consent.hint": (
        "Not ticked means not shared. You can change your mind at any time before you submit; "
        "nothing else about you is shared."
    ),
    "consent.control": (
        "Yes, my facilitator may show unnamed excerpts of my reflections from this module to "
        "my group"
    ),
    "consent.state_yes": "Saved: your reflections in this module may be shared, unnamed.",
    "consent.state_no": "Not shared. Saved answers stay between you and your graders.",
    "consent.yes": "yes",
    "consent.no": "no",
    "consent.plain": "Sharing reflections in the anonymous cohort view: {answer}",
    # handing a module in without a hub: the browser edition (widgets/handin.py, handin.js)
    "handin.title": "Hand in this module",
    "handin.intro": (
        "When you have finished, download your answers as one file and hand it in as your "
        "instructor asked (by email, or uploaded to your course's website). The file holds "
        "this module and your answers to it, nothing else."
    ),
    "handin.name": "Your name or learner ID (your instructor sees it in the file's name)",
    "handin.name_hint": "Type it once: every module remembers it.",
    "handin.download": "Download my answers for submission",
    "handin.load": "Load my answers",
    "handin.load_hint": (
        "Working in another browser or on another computer? Load a file you downloaded "
        "here before, and your answers come back."
    ),
    "handin.need_name": "Type your name or learner ID first, then press the button again.",
    "handin.bad_name": (
        "Use letters or numbers in your name or learner ID (for example Jane Doe or jdoe42)."
    ),
    "handin.preparing": "Preparing your file\u2026",
    "handin.downloaded": (
        "Downloaded {file} ({answers} answers). Find it in your browser's downloads and "
        "hand it in. You can download again at any time; the newest file counts."
    ),
    "handin.loaded": (
        "Loaded {answers} answers from {file}. Press Run all to see them in this module."
    ),
    "handin.kept_aside": " Your answers from before were kept in {aside}.",
    "handin.not_a_file": (
        "{file} is not a file downloaded from this course (it is not a zip file, or it is "
        "damaged). Choose the file named like {example}."
    ),
    "handin.wrong_module": (
        "{file} holds your answers to {other}, not to this module. Open {other} and load it there."
    ),
    "handin.no_answers": "{file} holds no answers this course can read. Nothing was changed.",
    "handin.not_saved": (
        "Could not prepare the file: {reason}. Your answers are still here; tell your instructor."
    ),
    # the browser edition: where answers are kept (widgets/handin.py; lite/contents.py)
    "lite.start_here": (
        "**You are using the course in your browser.** Nothing is installed and nothing you "
        "write leaves this computer: the course, and the Python that runs its questions, live "
        "in this browser. The modules are the folders in the file browser on the left "
        "(`01_what_is_allyship` and so on): double-click a folder, then the notebook in it. "
        "The first time you press Run all in a notebook, give it up to a minute to start. "
        "Your answers are kept in this browser, for this web address only. To hand in a "
        "module, use **Download my answers for submission** at the end of it, and send the "
        "file as your instructor asks; **Load my answers** brings a downloaded file back, in "
        "this browser or another."
    ),
    "lite.site_title": "The allyship course",
    "lite.open_course": "Open the course",
    "lite.opening": (
        "The allyship course is opening. It runs inside your browser: the first time, this "
        "can take a minute."
    ),
    "lite.needs_javascript": (
        "This course runs in your browser and needs JavaScript, which is turned off here."
    ),
    "lite.starting": (
        "The course's Python is starting inside your browser. On a slow computer this takes "
        "up to a minute. Press Run all now or at any time: the questions appear as soon as it "
        "is ready, and nothing you do is lost while you wait."
    ),
    "lite.keeps_files": (
        "This browser keeps your answers, for this course's web address only, even after "
        "you close it. To hand a module in, or to carry on in another browser, use the "
        "download at the end of the module."
    ),
    "lite.no_files": (
        "This browser window cannot keep your answers: it may be a private window, or a "
        "browser that blocks the storage this course needs. You can still work through "
        "the module, but download your answers (at the end of the module) before you close "
        "this page, or they are lost. Next time, open the course in an ordinary window and "
        "load the file."
    ),
}


#: The languages the course is written in; a module's language is in its name (``fr-01_...``).
LANGUAGES = ("en", "fr")
_language = "en"


def table(language: str) -> dict[str, str]:
    """The sentences of ``language``: this module's :data:`TEXT`, or ``strings_fr.TEXT``."""
    if language == "en":
        return TEXT
    if language == "fr":
        from .strings_fr import TEXT as french

        return french
    raise ValueError(f"the course has no {language!r} edition (it has {', '.join(LANGUAGES)})")


def use_language(language: str) -> None:
    """Show every later sentence in ``language`` (the module's setup cell calls this)."""
    global _language
    table(language)
    _language = language


def current_language() -> str:
    return _language


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Within the block, sentences are in ``language`` (building a French module's cells)."""
    before = _language
    use_language(language)
    try:
        yield
    finally:
        use_language(before)


def t(key: str, **values: object) -> str:
    """Return the sentence for ``key`` in the current language with ``values`` filled in."""
    return table(_language)[key].format(**values)


def item_label(item_id: str) -> str:
    """A person's name for an item: ``"q3"`` -> ``"Question 3"``, ``"r1"`` -> ``"Reflection 1"``."""
    prefix, number = item_id[:1].lower(), item_id[1:]
    if number.isdigit() and f"label.{prefix}" in table(_language):
        return t(f"label.{prefix}", n=int(number))
    return t("label.other", id=item_id)
