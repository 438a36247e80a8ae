"""When an earlier act took place, as the memorandum says it: relative to its own date, as
precisely as the words allow (a day, a month, a year), never guessed."""
from __future__ import annotations

from datetime import date

from kg.extracting.relative_dates import find_dates, first_date

DOC = date(1967, 6, 23)


def iso(text, doc=DOC):
    found = first_date(text, doc)
    return found.iso if found else None


def test_a_day_without_a_year_is_the_latest_such_day_not_after_the_document():
    assert iso("his statement of January 12", date(1959, 1, 17)) == ("1959-01-12",)
    assert iso("the Soviet December 7 statement", date(1964, 12, 9)) == ("1964-12-07",)
    assert iso("his letter of December 30", date(1963, 1, 4)) == ("1962-12-30",)
    assert iso("on October 23 and 25", date(1962, 11, 6)) == ("1962-10-23", "1962-10-25")


def test_days_counted_back_give_a_day_and_months_counted_back_a_month():
    assert iso("he had two days ago contacted Hanoi") == ("1967-06-21",)
    assert iso("we had asked for such talks three months ago") == ("1967-03",)
    assert iso("yesterday") == ("1967-06-22",) and iso("today") == ("1967-06-23",)
    assert iso("just one year ago the foreign minister had said", date(1966, 9, 22)) == ("1965",)


def test_a_month_or_a_year_named_alone_gives_that_precision_only():
    assert iso("at the July meeting of the Foreign Ministers", date(1964, 12, 9)) == ("1964-07",)
    assert iso("the formula approved in July 1955", date(1959, 1, 16)) == ("1955-07",)
    assert iso("the treaty we had proposed in 1946", date(1959, 1, 16)) == ("1946",)
    assert iso("Earlier this year, he had made a statement", date(1964, 12, 9)) == ("1964",)
    assert iso("last week") == ("1967-06",) and iso("last year") == ("1966",)


def test_the_past_days_of_talks_are_the_documents_month():
    assert iso("the past two days' discussions", date(1964, 12, 9)) == ("1964-12",)
    assert iso("the formulations tried in the last 48 hours", date(1966, 9, 24)) == ("1966-09",)


def test_what_cannot_be_placed_gives_nothing():
    assert iso("recently") is None
    assert iso("October 29", None) is None                   # no document date to count from
    assert iso("to match living standards by 1963", date(1959, 1, 16)) is None   # after it
    assert iso("in the 1945-46 period", date(1959, 1, 16)) is None
    assert [w.printed for w in find_dates("on December 7 and in 1946", date(1964, 12, 9))] == [
        "December 7", "1946"]
