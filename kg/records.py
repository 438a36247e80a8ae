"""Typed records that flow between the stages: reader -> extractors -> resolver -> mapper.

Every record that says something about a document carries its evidence: one or more `Span`s
with character offsets into the *raw* source file and the exact text found there, so that
``raw[span.start:span.end] == span.exact`` always holds.  Records are frozen dataclasses with
no behaviour beyond small conveniences; the stages are pure functions over them.

This module does not know about RDF, SHACL or files.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the raw source: ``raw[start:end] == exact``."""

    start: int
    end: int
    exact: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
        if len(self.exact) != self.end - self.start:
            raise ValueError("span text does not fit its offsets")


@dataclass(frozen=True)
class Record:
    """Base of all extracted records: the extractor that made it and its evidence."""

    evidence: tuple[Span, ...]
    extractor: str


# --- document-level facts ---------------------------------------------------------------


@dataclass(frozen=True)
class DocumentHeader(Record):
    """What the document is: genre, date, time, place, subject, identifiers, copy, status."""

    doc_type: str | None = None              # e.g. "memorandum of conversation"
    doc_type_span: Span | None = None
    draft: bool = False
    date: dt.date | None = None
    date_span: Span | None = None
    date_precision: str = "day"              # day | month ("June 1964": the 1st stands in)
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    time_span: Span | None = None
    place: str | None = None                 # normalised place name
    place_printed: str | None = None
    place_span: Span | None = None
    subject: str | None = None
    subject_span: Span | None = None
    identifiers: tuple[tuple[str, Span], ...] = ()   # document numbers as printed
    copy_number: int | None = None
    copy_total: int | None = None
    copy_span: Span | None = None
    title: str | None = None


@dataclass(frozen=True)
class Drafter(Record):
    """A person named as drafter/author of the document ("Drafted by A. Akalovsky")."""

    name: str                                # as printed, e.g. "A. Akalovsky"
    role: str = "drafter"                    # drafter | author | approver | clearer


@dataclass(frozen=True)
class Participant(Record):
    """A person listed as taking part in the conversation."""

    name: str | None                         # as printed without the title; None for an office
    title: str | None                        # as printed: "Ambassador", "Mr.", "Secretary"
    side: str | None                         # delegation as printed: "US", "USSR"
    order: int = 0                           # position in the list
    reference: str | None = None             # a person reference given by the markup (FRUS "#p_KVV1")
    source_volume: str | None = None         # the FRUS volume the reference belongs to
    office: str | None = None                # the office the entry's description gives, as printed
                                             # ("Minister of Foreign Affairs", "Soviet Ambassador")


@dataclass(frozen=True)
class Marking(Record):
    """A classification or handling marking as printed (a banner, a stamp caption)."""

    text: str                                # the marking as printed, markup removed
    level: str | None                        # TOP SECRET | SECRET | CONFIDENTIAL | ... | None
    caveats: tuple[str, ...] = ()            # EYES ONLY, EXDIS, NODIS, ...
    struck: bool = False                     # drawn through (declassified banner)
    position: str = "banner"                 # banner | header | stamp


@dataclass(frozen=True)
class ReviewEvent(Record):
    """A declassification / classification review visible on the document (a stamp)."""

    kind: str                                # review | declassification | release | downgrade
    agent: str | None                        # reviewer or office exactly as printed
    agent_kind: str | None                   # person | office | initials
    date: dt.date | None
    date_printed: str | None
    offered_actions: tuple[str, ...] = ()    # actions the stamp offers (RELEASE, DENY, ...)
    decided_actions: tuple[str, ...] = ()    # actions ticked on the stamp; empty when none is
    categories: tuple[tuple[str, str], ...] = ()  # ("A", "Caption removed; ...")
    authorities: tuple[str, ...] = ()        # E.O. citations, FOIA exemptions printed
    note: str | None = None
    result: str | None = None                # what the stamp says came of it: released |
                                             # released-in-full | released-with-deletions |
                                             # declassified | declassified-in-part |
                                             # downgraded | withheld
    year: int | None = None                  # the year, when the stamp prints no day


@dataclass(frozen=True)
class Redaction(Record):
    """A passage withheld in the released copy ("[REDACTED]")."""

    text: str


@dataclass(frozen=True)
class EditorialEvent(Record):
    """A deletion (struck text) or interlinear insertion made on the typescript."""

    kind: str                                # deletion | insertion
    text: str                                # the deleted or inserted words


@dataclass(frozen=True)
class PageMark(Record):
    """A printed page number."""

    number: int | None
    printed: str


# --- discourse ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonMention(Record):
    """A mention of a person in the text, as printed ("Amb. Stevenson", "the President")."""

    surface: str                             # title and name as printed, markup removed
    title: str | None
    name: str | None                         # surname part as printed; None for a bare office
    struck: bool = False
    role: str = "mention"                    # mention | speaker | participant | drafter | reviewer
    possessive: bool = False                 # printed with 's ("Mr. Kuznetsov's remark")


@dataclass(frozen=True)
class SpeakerTurn(Record):
    """A stretch of the body in which one speaker holds the floor."""

    speaker: str                             # the participant holding the floor, as listed
                                             # among the participants (or the drafter/signer)
    index: int = 0
    narration: bool = False                  # the drafter's own aside, not a speaker's words
    printed: str | None = None               # the speaker as printed where the turn opens
                                             # ("Mr. Gusev"); None when carried by "He ..."
    corrected: bool = False                  # printed name is no participant: attributed
                                             # from the context to ``speaker``
    confidence: float = 1.0                  # how sure the attribution is
    basis: str = "named"                     # named | variant | carried | office | first-person
                                             # | continuation | reply | alternation | drafter
    side: str | None = None                  # the speaker's delegation as listed ("US")


@dataclass(frozen=True)
class Claim(Record):
    """An assertion (fact, position, interpretation) a speaker makes inside a turn."""

    speaker: str                             # the turn's speaker (as in SpeakerTurn.speaker)
    topic: str | None = None                 # short topic label from the topic lexicon
    turn: int | None = None                  # SpeakerTurn.index of the turn holding it
    narration: bool = False                  # the drafter's own statement


@dataclass(frozen=True)
class Proposal(Record):
    """A suggestion, offer, request, demand or appeal, with the response the document shows."""

    proposer: str                            # the turn's speaker (as in SpeakerTurn.speaker)
    act: str = "suggestion"                  # suggestion | offer | request | demand | appeal
    addressee_side: str | None = None
    status: str = "none"                     # accepted | rejected | deferred | countered | none
    responder: str | None = None
    response_evidence: tuple[Span, ...] = ()
    proposer_side: str | None = None
    topic: str | None = None
    turn: int | None = None                  # SpeakerTurn.index of the proposing turn
    response_turn: int | None = None


@dataclass(frozen=True)
class CitedDocument(Record):
    """One in-text citation of an earlier document, as printed.

    ``evidence[0]`` is the in-text phrase ("the President's October 27 letter").  Agents are
    given as printed (``author``/``recipient``) and as references to what is printed
    (``authors``/``recipients``): ``mention:<raw offset>`` (the person the mention starting
    there names), ``speaker:<name as listed>`` (the participant holding the floor),
    ``head:<side>`` (a country for its head of government), ``org:<label>`` ("org:Soviet
    Delegation").  The resolver turns them into identities and gives the cited document its
    corpus-wide key (kg.resolving.citations); ``key`` is set here only when the text alone
    identifies the document (a telegram: its sender, year and number).
    """

    kind: str                                # letter | message | statement | ...
    author: str | None = None                # as printed ("the President", "his", "the US")
    recipient: str | None = None
    date: str | None = None                  # ISO date, or YYYY-MM
    quotations: tuple[Span, ...] = ()
    key: str | None = None                   # identity when the text alone gives it
    authors: tuple[str, ...] = ()            # mention:<offset> | speaker:<name> | head:<side> | org:<label>
    recipients: tuple[str, ...] = ()
    phrase: str | None = None                # the in-text phrase, markup removed
    date_printed: str | None = None          # "October 27", "yesterday"
    number: str | None = None                # a cited telegram's number as printed ("1745")
    refers_back: bool = False                # "that list", "the agreement reached": the agents
                                             # are those of the document referred back to
    qualifier: str | None = None             # what sets an undated document apart from others
                                             # of its kind and authors ("in Los Angeles",
                                             # "consular convention", "alternative 1")


@dataclass
class DocumentRecords:
    """Everything extracted from one source, in the order the extractors ran."""

    source_name: str
    source_sha256: str
    reader: str
    records: list[Record] = field(default_factory=list)

    def of(self, kind: type) -> list:
        return [r for r in self.records if isinstance(r, kind)]


# --- genres: telegrams, cables, memoranda, the NARA identification form ---------------------


@dataclass(frozen=True)
class Addressee(Record):
    """One addressee of a telegram, cable, memorandum or report, as printed.

    ``role`` is how the document addresses it: ``to`` (TO: line, MEMORANDUM FOR), ``action``
    (ACTION: / ACTION DEPARTMENT 631) or ``info`` (INFO: / INFORMATION LEOPOLDVILLE 535);
    ``number`` is the post's own number of the message when the line prints one ("535").
    """

    name: str                                # as printed: "Secretary of State", "Amembassy ATHENS"
    role: str = "to"                         # to | action | info
    number: str | None = None


@dataclass(frozen=True)
class Transmission(Record):
    """Who wrote to whom, when, how urgently and under which caption: the header of a State
    telegram, a CIA cable or information report, or a memorandum (for the record).

    Addressees are separate `Addressee` records; the signer is a `Drafter` with role "author".
    ``evidence[0]`` is the line that identifies the message (its FROM line, its number line,
    or its genre line).
    """

    genre: str                               # telegram | airgram | cia-cable | information report
                                             # | memorandum | memorandum for the record
    sender: str | None = None                # FROM as printed: "Elisabethville", "SAIGON"
    sender_span: Span | None = None
    number: str | None = None                # telegram number as printed: "631"
    number_span: Span | None = None
    dtg: str | None = None                   # date-time group as printed: "October 15, 6 p.m.",
                                             # "271400Z", "OCTOBER 27, 1962, 9 P.M."
    dtg_span: Span | None = None
    date: dt.date | None = None              # the message's date when the print gives a year
    precedence: tuple[str, ...] = ()         # PRIORITY | NIACT | OPERATIONAL IMMEDIATE | ...
    distribution: tuple[str, ...] = ()       # LIMIT DISTRIBUTION | EXDIS | NODIS | ...
    signer: str | None = None                # the signature as printed ("RUSK")


@dataclass(frozen=True)
class FormField(Record):
    """One filled field of the NARA "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM".

    ``name`` is the field's normalised label (``agency``, ``record-number``, ``record-series``,
    ``agency-file-number``, ``originator``, ``from``, ``to``, ``title``, ``date``, ``pages``,
    ``subjects``, ``document-type``, ``classification``, ``restrictions``, ``current-status``,
    ``date-of-last-review``, ``opening-criteria``, ``comments``); ``value`` is what is printed
    after the label on the same line (or on the next line after a lone colon).  Fields printed
    as a column of labels with a separate column of values are not paired: the OCR does not
    say which value belongs to which label.
    """

    name: str
    value: str
    label_span: Span | None = None


@dataclass(frozen=True)
class RecordNumber(Record):
    """A number that identifies the record: NARA's record (RIF) number or a page's document id.

    ``source`` says where it was read: ``form`` (the identification form), ``page`` (stamped
    on a page), ``file-name`` (the release names the file after it; nothing legible printed,
    so ``evidence`` is empty).
    """

    number: str                              # normalised: "104-10004-10097", "docid-32340360"
    printed: str | None = None               # as printed, OCR errors and all
    source: str = "form"


@dataclass(frozen=True)
class Correspondent(Record):
    """Who the record comes from or goes to, as the record (or its identification form) says.

    ``role`` is ``originator`` (the originating agency: "CIA", "FBI"), ``sender`` (the author
    or the office, station or person it is from: "LEG, MX", "Norbert A. Shepanek") or
    ``addressee``.  ``name`` is normalised only for agencies ("CIA"); else as printed.
    ``basis`` says how it was read: ``form`` | ``letterhead`` | ``header`` | ``record-number``
    (the agency code of the record number, when nothing printed names the agency).
    """

    role: str
    name: str
    printed: str | None = None
    basis: str = "header"
