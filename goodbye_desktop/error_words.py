"""The English words for every error code, in one place.

An error (`goodbye_desktop.errors`) carries a code and the plain values its words need;
`ERROR_WORDS` maps each code to a template with `{named}` placeholders for those values.
The command line prints `english(code, values)` (that is `str(error)`); the window
translates the same template with `QCoreApplication.translate("errors", template)` and
fills it with values formatted for the owner's locale (`ui/error_text.py`), so a
translator works from this one list. A test checks that every code raised anywhere has
its words here and that every placeholder is among the values it is raised with.

Not only errors are worded here: anything `Worded` (a `code` and its `values`) is, such as
the departure wizard's page issues (`core.departure.Issue`), a letter's pre-flight problems
(`correspondence.preflight.Problem`), why a letter does not fit (`correspondence.fit`) and
why a letter fact is missing (`documents.letters`). `say(thing)` gives its English.

Some values are codes themselves, worded from `PHRASES` by the name of the value: an
`action` ("client.save": "save the client") completes "Could not …", a `label` names a
field. A value may also be `Words` (a worded fragment with values of its own), another
error, or a tuple of such (a list of problems); each is worded in turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

# The code of words a caller has worded already (the window, through `tr()`).
SAID = "said"


@runtime_checkable
class Worded(Protocol):
    """Anything worded by code: an error, `Words`, a wizard issue, a letter's problem."""

    code: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Words:
    """A fragment of a message named by code, with the values its words need."""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, code: str, **values: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "values", values)

    def __str__(self) -> str:
        return english(self.code, self.values)


PHRASES: dict[str, dict[str, str]] = {
    # What could not be done: "Could not {action}: …"
    "action": {
        "client.add": "add the client", "client.save": "save the client",
        "client.archive": "archive the client", "client.delete": "delete the client",
        "client.mark_returned": "mark the client returned",
        "contact.save": "save the contact", "contact.remove": "remove the contact",
        "interaction.log": "log the interaction", "interactions.log": "log the interactions",
        "interaction.save": "save the interaction",
        "interaction.delete": "delete the interaction",
        "revenue.save": "save the revenue", "revenue.remove": "remove the revenue",
        "proposal.save": "save the proposal",
        "promise.add": "add the promise", "promise.save": "save the promise",
        "promise.done": "mark the promise done", "promise.cancel": "cancel the promise",
        "promise.reopen": "reopen the promise",
        "profile.save": "save the business profile",
        "draft.keep": "keep the draft", "draft.discard": "discard the draft",
        "departure.save": "save the departure", "departure.undo": "undo the departure",
        "meeting.save": "save the meeting", "step.save": "save the step",
        "pending_work.save": "save the pending work",
        "letter.keep": "keep the letter", "letters.keep": "keep the letters",
        "template.save": "save the letter template",
        "template.reset": "reset the letter template",
        "sign.acknowledge": "acknowledge the sign",
        "sample.add": "add the sample data",
        "file.import": "import the file",
    },
    # The name of a field, as a message starts with it: "{label} is required."
    "label": {
        "client_name": "Name", "contact_name": "Contact name", "status": "Status",
        "started_on": "Start date", "ended_on": "End date",
        "acquired_on": "Acquisition date", "left_on": "Left on", "kind": "Kind",
        "direction": "Direction", "month": "Month", "amount": "Amount", "rate": "Rate",
        "sent_on": "Sent on", "decided_on": "Decided on", "outcome": "Outcome",
        "channel": "Channel", "target_hourly_rate": "Target hourly rate",
    },
    # The letterhead's pictures: "The {image} image cannot be read"
    "image": {"logo": "logo", "signature": "signature"},
    # What could not be written: "Cannot write {what} {path}"
    "what": {"file": "the file", "letter": "the letter"},
    # A fact a letter lacks, as "The letter needs {fact}." ends (correspondence/preflight.py)
    "fact": {
        "interview_times": "the proposed interview times",
        "feedback_summary": "what the client told you",
        "improvement": "what you are changing because of it",
        "referral": "the provider you recommend",
        "news": "the news to share",
        "interviewer": "who will ask the questions",
        "end_date": "the last day of the work together (set it in the client's departure)",
        "start_date": "the client's start date (set it in the client's record)",
        "steps": "the steps of the transition plan (add them in the client's departure)",
        "contact": "a contact at the client (add one on the Contacts tab)",
        "final_invoice_amount": "the final invoice amount",
        "owner_name": "your name (set it in the business profile)",
        "business_name": "your business name (set it in the business profile)",
        "email": "your email address (set it in the business profile)",
        "phone": "your phone number (set it in the business profile)",
        "website": "your website (set it in the business profile)",
        "client_name": "the client's name",
    },
    # A part of a letter that names someone, as a sentence starts with it
    "part": {"client_name": "The client's name", "contact_name": "The contact's name",
             "salutation": "The greeting", "address": "The address"},
    # A letter kind inside a sentence: "… fits better than {a_letter}."
    "a_letter": {
        "farewell": "a farewell letter", "parting_ways": "a parting-ways letter",
        "transition_plan": "a transition plan",
        "exit_interview_request": "an exit interview request",
        "check_in": "a check-in letter", "keep_in_touch": "a keep-in-touch note",
        "feedback_thanks": "a feedback thanks",
    },
}

ERROR_WORDS: dict[str, str] = {
    SAID: "{text}",
    # --- fields of a record (store/records.py) ---
    "field.required": "{label} is required.",
    "field.not_a_date": "{label} must be a date.",
    "field.not_a_choice": "{label} must be one of {choices} (got {given!r}).",
    "field.not_cents": "{label} must be a whole number of cents.",
    "field.negative": "{label} cannot be negative.",
    "field.too_large": "{label} is too large.",
    "field.unknown": "Unknown field(s): {names}.",
    "field.not_an_email": "{email!r} does not look like an email address.",
    # --- records ---
    "client.not_found": "There is no client with id {client_id}.",
    "client.ends_before_start": "End date cannot be before the start date.",
    "contact.not_found": "There is no contact with id {contact_id}.",
    "interaction.not_found": "There is no interaction with id {interaction_id}.",
    "interaction.when_not_a_time": "When must be a date and time.",
    "interaction.minutes_negative": "Minutes cannot be negative.",
    "promise.not_found": "There is no promise with id {promise_id}.",
    "promise.description_empty": "Say what was promised.",
    "promise.due_not_a_time": "Due must be a date and time.",
    "profile.page_size": "Page size must be A4 or Letter.",
    "profile.greeting_braces": "The greeting can name the client with {{client_name}}; it "
                               "holds no other braces.",
    # --- one user action's transaction (store/transaction.py): a constraint refused it ---
    "action.foreign_key": "Could not {action}: it refers to a record that does not exist "
                          "(any more). Nothing was changed.",
    "action.unique": "Could not {action}: the same record already exists. Nothing was "
                     "changed.",
    "action.not_null": "Could not {action}: a required value is missing. Nothing was "
                       "changed.",
    "action.check": "Could not {action}: a value is out of range or in the wrong order. "
                    "Nothing was changed.",
    "action.constraint": "Could not {action}: {sqlite}. Nothing was changed.",
    # --- SQLite's errors (store/sql_errors.py), alone and after an action ---
    "sql.damaged": "The database file is damaged; `goodbye-desktop check` says more, and "
                   "`goodbye-desktop backups` lists the backups you can restore.",
    "sql.disk_full": "The disk is full; free some space and try again (nothing was saved).",
    "sql.busy": "The database is busy in another program; close it and try again.",
    "sql.read_only": "The database file cannot be written (it or its folder is read-only).",
    "sql.io": "The database file could not be read or written (is the disk still there?).",
    "sql.reported": "The database reported: {sqlite}.",
    "sql.action_damaged": "Could not {action}: the database file is damaged; "
                          "`goodbye-desktop check` says more, and `goodbye-desktop backups` "
                          "lists the backups you can restore. Nothing was changed.",
    "sql.action_disk_full": "Could not {action}: the disk is full; free some space and try "
                            "again (nothing was saved). Nothing was changed.",
    "sql.action_busy": "Could not {action}: the database is busy in another program; close "
                       "it and try again. Nothing was changed.",
    "sql.action_read_only": "Could not {action}: the database file cannot be written (it or "
                            "its folder is read-only). Nothing was changed.",
    "sql.action_io": "Could not {action}: the database file could not be read or written (is "
                     "the disk still there?). Nothing was changed.",
    "sql.action_reported": "Could not {action}: the database reported: {sqlite}. Nothing was "
                           "changed.",
    # --- the operating system (cli.py) ---
    "os.failed": "{reason}.",
    "os.failed_at": "{reason} ({path}).",
    # --- importing (exchange/, store/bulk_import.py) ---
    "import.cancelled": "The import was stopped; nothing was imported.",
    "import.row_refused": "Nothing was imported: a row was refused ({sqlite}).",
    # --- opening a database (store/database.py) ---
    "db.empty_option": "--db was given an empty path; give the database file's name.",
    "db.empty_path": "The database path is empty; give the database file's name.",
    "db.not_ours": "{path} is not a Goodbye Desktop database ({why}); it was left untouched.",
    "db.why_device": "it is a pipe or a device, not a file",
    "db.why_empty": "the file is empty",
    "db.why_not_sqlite": "not an SQLite file",
    "db.why_other_program": "it is another program's SQLite database",
    "db.damaged": "{path} is damaged ({what}); it was left untouched.{offer}",
    "db.damage_cut_short": "the file is cut short",
    "db.damage_check": "SQLite's check found: {problem}",
    "db.damage_sqlite": "{sqlite}",
    "db.restore_offer": " The newest good backup is {backup}: restore it with "
                        "`goodbye-desktop --db {path} restore {backup}`.",
    "db.orphaned_journal": "{path} does not exist, but its {suffix} file {leftover} does: it "
                           "may hold records of a database that was moved. Move it away, or "
                           "put the database back, and start again.",
    "db.cannot_open": "{path} cannot be opened: {reason}.",
    "db.is_folder": "{path} is a folder; give the path of a database file.",
    "db.too_new": "{path} was written by a newer version of {app} (schema {version}; this "
                  "program knows up to {latest}). Please update the program; the file was "
                  "not changed.",
    "db.busy": "{path} is busy in another program; close it and try again.",
    "db.upgrade_copy_failed": "{path} needs an upgrade, but the copy kept before upgrading "
                              "could not be written to {target} ({reason}); the file was not "
                              "changed. Free some space or make the folder writable, then "
                              "start again.",
    "db.cannot_make_folder": "Cannot create the folder {folder}: {reason}.",
    "db.cannot_create": "{path} cannot be created: {reason}.",
    "db.upgrade_backup_failed": "Could not back up {path} before the upgrade ({reason}); the "
                                "file was not changed.",
    # --- backups (store/backup.py, commands/backup.py) ---
    "backup.missing": "{backup} does not exist or is not a file.",
    "backup.unsound": "{backup} cannot be restored: it is not a sound Goodbye Desktop backup "
                      "({problem}). Nothing was changed.",
    "backup.is_the_database": "{backup} is the database itself; choose a backup.",
    "backup.restore_failed": "The restore could not be done ({reason}); your database was not "
                             "changed.",
    "backup.write_failed": "The backup to {where} could not be written: {reason}.",
    "backup.store_open": "{path} is open in Goodbye Desktop; close the window first, then "
                         "restore.",
    "backup.cannot_lock": "Cannot lock {path}: {reason}.",
    # --- the command line's own (commands/) ---
    "cli.db_missing": "{path} does not exist.",
    "cli.year_range": "--year must be a year from 1900 to {latest} (got {given}).",
    "cli.year_such_as": "--year must be a year such as 2026 (got {given}).",
    "cli.delete_unconfirmed": "Nothing was deleted: confirm with --yes when not at a terminal.",
    "cli.client_name_missing": "Give the client's name with --client.",
    "cli.no_client_matches": "No client matches {name!r}; `goodbye-desktop clients` lists "
                             "them.",
    "cli.clients_match": "{count} clients match {name!r}: {shown}{more}. Give the full name.",
    "cli.client_and_id": "{name} (id {client_id})",
    "cli.letter_unfit": "{reason}",
    "cli.letter_unfit_anyway": "{reason} (Give --anyway to write it all the same.)",
    "cli.letter_preflight": "{summary}",
    "cli.letter_missing": "{problem}{hint}.",
    "cli.hint_news": " (give it with --news)",
    "cli.hint_feedback": " (give it with --feedback)",
    "cli.hint_referral": " (give it with --referral)",
    "cli.hint_end_date": " (start a departure for the client in the app, or set its end date)",
    "cli.hint_times": " (give them with --times)",
    "list.and_more": "; and {count} more",
    # --- files (safe_files.py, exchange/, commands/) ---
    "file.cannot_write": "Cannot write {path}: {reason}.",
    # --- letters (correspondence/, documents/) ---
    "letter.no_such_kind": "There is no letter kind {kind!r}; choose one of {kinds}.",
    "letter.needs_departure": "{name} has no departure, and this letter speaks of one: start "
                              "a departure first (the client's Departure tab).",
    "letter.unknown_kind": "Unknown kind of letter: {kind!r}",
    "print.envelope_sizes": "Envelopes come in DL or #10.",
    "print.label_sheets": "Label sheets come in A4 or Letter.",
    "due.skipped": "{name}: {why}",
    "due.none_written": "No letter could be written ({reasons}).",
    "due.none_due": "No letter could be written: none is due.",
    "letter.fact_missing": "The letter uses {{{placeholder}}}, but {why}.",
    "print.no_letters": "Nothing to print: no letters were chosen",
    "print.no_recipients": "Nothing to print: no recipients were chosen",
    "print.empty_list": "Nothing to print: the list of letters is empty",
    "print.unknown_envelope": "Unknown envelope size {size!r}: use DL or #10",
    "print.unknown_sheet": "Unknown label sheet {sheet!r}: use one of {sheets}",
    "print.unknown_page_size": "Unknown page size {size!r}: use A4 or Letter",
    "profile.image_unreadable": "The {image} image cannot be read (use a PNG or JPEG file)",
    # --- letter templates (documents/templates.py); a problem starts with where it is ---
    "template.problems": "The template has problems:\n{lines}",
    "template.no_subject": "line 1: the first line must be the subject, as 'Subject: ...'",
    "template.open_brace": "line {line}, column {column}: '{{' is not closed (write '{{{{' "
                           "for a brace that is meant to print)",
    "template.close_brace": "line {line}, column {column}: '}}' without a matching '{{' "
                            "(write '}}}}' for a brace that is meant to print)",
    "template.bad_name": "line {line}, column {column}: '{token}' is not a placeholder name "
                         "(letters, digits and _ only; write '{{{{' for a literal brace)",
    "template.unknown_placeholder": "line {line}, column {column}: unknown placeholder "
                                    "{{{name}}}{suggestion}",
    "template.no_body": "the letter has no body: write it after a blank line",
    "template.unknown_condition": "line {line}, column {column}: unknown condition "
                                  "{{{mark}{name}}}{suggestion}",
    "template.close_unopened": "line {line}, column {column}: {{/{name}}} closes a section "
                               "that was not opened",
    "template.close_other": "line {line}, column {column}: {{/{name}}} closes a section, but "
                            "the open one is {{?{open_name}}} (line {open_line}, column "
                            "{open_column})",
    "template.not_closed": "line {line}, column {column}: the section {{{mark}{name}}} is not "
                           "closed (end it with {{/{name}}})",
    "template.did_you_mean": " (did you mean {{{name}}}?)",
    "import.wrong_encoding": "{file} says it is {encoding} but is not: byte {byte} cannot be "
                             "read. Save it again as UTF-8 CSV.",
    "import.not_text": "{file} is not text in UTF-8, UTF-16 or Windows-1252 (byte {byte} "
                       "cannot be read); save it as 'CSV UTF-8' and try again.",
    "import.nul": "{file} holds NUL characters: it is not a text file.",
    "import.is_folder": "{path} is a folder; give a CSV or vCard file.",
    "import.too_large": "{file} is too large to import (over 2 GB).",
    "import.cannot_read": "{path} cannot be read: {reason}.",
    "import.unknown_kind": "{kind!r} cannot be imported; choose one of {kinds}.",
    "import.empty": "{file} is empty.",
    "import.broken_csv": "{file}, line {line}: the CSV is broken ({csv}).",
    "import.columns_unknown": "{file}: the columns are not recognised for {kind} (found: "
                              "{found}). Use the columns of the README, an export of Google "
                              "Contacts or Outlook, or map the columns yourself.",
    "import.no_columns": "none",
    "import.too_many_cells": "{file}, row {row}: {cells} cells where the header has {width}.",
    "import.vcard_kind": "{file} is a vCard file: it can be imported as clients or contacts "
                         "only.",
    "import.problem": "{file}: nothing was imported, {count} problem in {rows} rows: "
                      "{listed}{more}.",
    "import.problems": "{file}: nothing was imported, {count} problems in {rows} rows: "
                       "{listed}{more}.",
    "import.cell": "row {line}, column {column}: {problem}",
    "import.no_records": "the file holds no records",
    "import.matches": "{file}: {count} row(s) match clients you already have: {shown}{more}. "
                      "Nothing was imported; say whether to merge them into those clients or "
                      "skip them (--on-match merge or --on-match skip).",
    "import.match_by_name": "row {line}: {name} (the existing {existing}, by name)",
    "import.match_by_email": "row {line}: {name} (the existing {existing}, by email)",
    # --- one cell of an imported row (exchange/importer.py, exchange/values.py) ---
    "cell.required": "is required and empty",
    "cell.nul": "holds a NUL character",
    "cell.unreadable": "{reason}",
    "cell.not_a_choice": "{value!r} is not one of {choices}",
    "cell.not_an_email": "{value!r} does not look like an email address",
    "cell.before": "is before {other}",
    "cell.twin": "the same client as row {row} (a twin)",
    "cell.no_client_id": "there is no client with id {client_id}",
    "cell.no_client": "names no client",
    "cell.many_clients": "{count} clients are named {name!r}; give client_id",
    "cell.no_client_named": "there is no client named {name!r} (import the clients first)",
    "value.not_a_date": "{text!r} is not a date (write it as 2026-11-25)",
    "value.no_such_date": "{text!r} is not a date that exists",
    "value.not_a_datetime": "{text!r} is not a date and time",
    "value.no_such_time": "{text!r} has no such time of day",
    "value.not_a_month": "{text!r} is not a month",
    "value.amount_empty": "the amount is empty",
    "value.amount_negative": "{text!r} is negative; amounts are zero or more",
    "value.not_an_amount": "{text!r} is not an amount (write it as 1234.56)",
    "value.not_an_amount_plain": "{text!r} is not an amount",
    "value.amount_too_large": "{text!r} is far too large",
    "value.not_a_whole_number": "{text!r} is not a whole number",
    "value.below": "{value} is below {minimum}",
    "value.not_yes_or_no": "{text!r} is not yes or no (write 1 or 0)",
    # --- vCard files (exchange/vcard.py) ---
    "vcard.bad_line": "{file}, line {line}: not a vCard line: {text!r}.",
    "vcard.outside_card": "{file}, line {line}: {name} outside a card (BEGIN:VCARD is "
                          "missing).",
    "vcard.version": "{file}, line {line}: vCard version {version} is not supported (3.0 and "
                     "4.0 are).",
    "vcard.quoted_printable": "{file}, line {line}: quoted-printable text (vCard 2.1) is not "
                              "supported; export as vCard 3.0.",
    "vcard.unended": "{file}: the last card has no END:VCARD.",
    "file.could_not_write": "Could not write {path}: {reason}.",
    "file.cannot_write_what": "Cannot write {what} {path}: {reason}.",
    "export.failed": "The export to {folder} could not be written: {reason}.",
    "output.is_database": "{path} is your database (or one of its own files); writing there "
                          "would destroy your records. Choose another name.",
    "output.in_backups": "{path} is inside the backups folder {backups}; choose a place "
                         "outside it, so that no backup is ever overwritten.",
    "output.is_folder": "{path} is a folder; give the name of a file.",
    # --- the program itself and its sample data (resources.py, sample/) ---
    "app.resources_missing": "The program's resources (fonts, letter templates) are missing; "
                             "looked in {places}. Please reinstall Goodbye Desktop.",
    "sample.unreadable": "The sample data file {path} cannot be read ({reason}); this "
                         "installation lacks its resources folder.",
    "sample.bad_client": "The sample client {name!r} in cast.toml {what}.",
    "sample.invalid": "The sample data file cast.toml is not valid: {reason}.",
    "sample.unknown_field": "The sample data file cast.toml has a field it should not: "
                            "{reason}.",
    "sample.shared_contact": "A contact person appears at two clients in cast.toml; each "
                             "person works at one client.",
    "sample.departure_incomplete": "The sample departure of {name} is incomplete: {issues}",
    "sample.not_empty": "This database already holds clients, so no sample data was added. "
                        "Use an empty file (--db PATH), or add the sample clients beside "
                        "yours with --force.",
    # --- departures and signs (store/departures.py, store/at_risk.py) ---
    "departure.not_found": "There is no departure with id {departure_id}.",
    "departure.in_progress": "{name} already has a departure in progress. Undo it or mark the "
                             "client returned before starting another.",
    "departure.closed_won_back": "This departure is already closed (won back).",
    "departure.closed_undone": "This departure is already closed (undone).",
    "departure.returned_before": "The return date is before the departure took effect. If the "
                                 "client never left, undo the departure instead.",
    "departure.interview_status": "Unknown interview status.",
    "departure.answer": "Answer yes, no or maybe.",
    "step.unknown_status": "Unknown step status {status!r}.",
    "sign.unknown": "Unknown sign {sign!r}.",
    "sign.until_past": "Choose a date from today on.",
    "sign.unknown_save": "Unknown kind of save {kind!r}.",
    "departure.not_of_client": "Client {name!r} has no departure with id {departure_id}.",
    # --- kept documents, templates, the due list (store/documents.py) ---
    "document.not_pdf": "Only a PDF document can be kept.",
    "document.kind_empty": "Say what kind of document this is.",
    "document.not_found": "There is no kept document with id {document_id}.",
    "template.empty": "The template is empty.",
    "due.range_reversed": "The end of the range is before its start.",
    # --- the client list (store/queries.py) ---
    "list.unknown_status": "Unknown status {status!r}; use one of {statuses}.",
    "list.unknown_sort": "Cannot sort by {key!r}; use one of {keys}.",
    # --- keeping figures up to date (store/upkeep.py) ---
    "upkeep.revenue_window": "Could not update the 12-month revenue: {sqlite}.",
    "upkeep.departures": "Could not record the departures that took effect: {sqlite}.",
    "upkeep.minutes_window": "Could not update the 12-month minutes: {sqlite}.",
    # --- the departure wizard's pages (core/departure.py: Issue) ---
    "draft.ended_by": "Choose who ended the relationship.",
    "draft.outside_event": "Choose what happened: the client closed, was acquired or moved.",
    "draft.unknown_reasons": "Unknown reason(s): {reasons}.",
    "draft.no_reason": "Tick at least one reason.",
    "draft.other_reason": "You ticked “Other”: say a few words about it.",
    "draft.unknown_kind": "Unknown kind of departing client: {kind}.",
    "draft.decided_on": "Give the date the decision was made.",
    "draft.effective_on": "Give the last day of the relationship.",
    "draft.ends_before_decision": "The last day cannot be before the decision.",
    "draft.ends_before_start": "The last day cannot be before the client started working "
                               "with you.",
    "draft.decision": "Choose what you will do: try to keep, let go gracefully, or accept.",
    "draft.meeting_when": "Choose when you will meet.",
    "draft.meeting_before_decision": "The meeting cannot be before the decision.",
    "draft.meeting_channel": "Choose how you will meet.",
    "draft.job_description": "Job {number} needs a description (or remove it).",
    "draft.job_due": "Job {number} needs a due date.",
    "draft.no_step": "Keep at least one step: even a short plan helps the client.",
    "draft.step_description": "Step {number} needs a description (or remove it).",
    "draft.step_due": "Step {number} needs a date.",
    "draft.interviewer": "Say who will ask the questions.",
    "draft.no_question": "Keep at least one question.",
    "draft.empty_question": "Remove the empty question.",
    "draft.unknown_letters": "Unknown letter(s): {kinds}.",
    "draft.request_without_interview": "The exit interview request needs an interview: "
                                       "untick it, or go back and ask for one.",
    "draft.follow_up_description": "Follow-up {number} needs a description (or remove it).",
    "draft.follow_up_due": "Follow-up {number} needs a date.",
    "draft.follow_up_channel": "Follow-up {number} has an unknown channel.",
    # --- a letter's pre-flight (correspondence/preflight.py: Problem) ---
    "preflight.needs": "The letter needs {fact}.",
    "preflight.no_address": "{name} has no postal address: the envelope window will be "
                            "empty (add it in the client's record).",
    "preflight.unprintable": "{part} “{text}” has characters no font of the letter can "
                             "print, which will be left out: {characters}",
    "preflight.past_times": "Interview times already past are left out of the letter "
                            "({times}): give times still ahead.",
    "preflight.summary": "The letter needs {needed}.",
    "preflight.needed": "{fact}",
    "preflight.needed_option": "{fact} ({option})",
    # --- why a letter kind does not fit the situation (correspondence/fit.py) ---
    "fit.needs_departure": "{name} has no departure on record, and {a_letter} speaks of one: "
                           "start a departure in the app (the client's Departure tab), or "
                           "write {instead} instead.",
    "fit.current_again": "{name} is a current client again: {instead} fits better than "
                         "{a_letter}.",
    "fit.owner_ended": "You ended the work with {name}: {instead} fits better than "
                       "{a_letter}.",
    "fit.client_ended": "{a_letter} explains your own decision to end the work, and the work "
                        "with {name} ended otherwise: {instead} fits better.",
    "fit.not_ended": "The work with {name} has not ended yet, and {a_letter} comes after the "
                     "transition: {instead} fits now.",
    "fit.interview_held": "{name} has had the exit interview already: {instead} fits better "
                          "than {a_letter}.",
    "fit.interview_declined": "{name} declined the exit interview, and {a_letter} would ask "
                              "again.",
    "fit.interview_scheduled": "The exit interview with {name} is already arranged, and "
                               "{a_letter} would ask for it again.",
    "fit.no_consent": "{name} has not agreed to stay in touch (neither the client's record "
                      "nor its departure says so), and {a_letter} would go against that.",
    "fit.unsuited": "{a_letter} may not suit {name}: {instead} may fit better.",
    "fit.instead": "{a_letter} ({kind})",
    # --- why a letter fact has no value (documents/letters.py), after "but" ---
    "missing.start_date": "the client's start date is not set",
    "missing.no_notice": "the end date is not ahead: there is no notice",
    "missing.end_date": "no end date is set",
    "missing.interview_times": "no interview times are proposed",
    "missing.amount": "no amount is given",
    "missing.news": "there is no news to share",
    "missing.plan_empty": "the plan is empty",
    "missing.empty": "it is empty",
    "missing.contact": "the client has no contact",
    "missing.open_steps": "no steps are open",
    "missing.feedback": "what the client said is not given",
    "missing.improvement": "what changes is not given",
    "missing.referral": "no referral is given",
    "missing.owner_name": "your name is not in the business profile",
    "missing.email": "the business profile has no email",
    "missing.phone": "the business profile has no phone number",
    "missing.website": "the business profile has no website",
}


def joiner(name: str, items: tuple | list) -> str:
    """Between the items of a list: one a line for `lines`, "; " between problems, ", "
    between names."""
    if name == "lines":
        return "\n"
    return "; " if items and not isinstance(items[0], str) else ", "


def english_value(name: str, value: Any) -> Any:
    """One value as the English words show it."""
    if name in PHRASES and isinstance(value, str):
        return PHRASES[name].get(value, value)
    if isinstance(value, tuple | list):
        return joiner(name, value).join(str(english_value("", item)) for item in value)
    if isinstance(value, Worded):
        return say(value)
    if isinstance(value, Exception):
        return str(value)
    return value  # as it is, so that a template's `{name!r}` quotes the value itself


class _Kept(dict):
    """Values for `str.format_map`: a placeholder with no value stays as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, Any]) -> str:
    """`template` with its placeholders filled from `values` (already worded)."""
    try:
        return template.format_map(_Kept(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        # A template a translator broke: its words, unfilled, beat no words at all.
        return template


def english(code: str, values: Mapping[str, Any]) -> str:
    """The English words for `code` filled with `values`."""
    template = ERROR_WORDS.get(code, code)
    return fill(template, {name: english_value(name, value) for name, value in values.items()})


def say(thing: Worded) -> str:
    """The English words for anything worded by code (an issue, a problem, an error)."""
    return english(thing.code, thing.values)
