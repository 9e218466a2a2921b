"""Tests for the rule-based TIMEX3 tagger (dyad.nlp.timex) on hand-written sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.nlp.timex import Timex, find_date_ranges, find_timexes, main

DCT = "2025-10-22"  # a Wednesday


def tags(text: str, dct: str | None = DCT) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, dct)]


def one(text: str, dct: str | None = DCT) -> tuple[str, str, str, str | None]:
    found = tags(text, dct)
    assert len(found) == 1, found
    return found[0]


# ---- absolute dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The accord was signed on March 11, 2024, in Paris.", "March 11, 2024", "2024-03-11"),
        ("The accord was signed on 11 March 2024 in Paris.", "11 March 2024", "2024-03-11"),
        ("The accord was signed on 2024-03-11 in Paris.", "2024-03-11", "2024-03-11"),
        ("The accord was signed in March 2024.", "March 2024", "2024-03"),
        ("The accord was signed in 2005.", "2005", "2005"),
        ("Relations soured in the 1990s.", "the 1990s", "199"),
        ("It happened on Sept. 5, 2019.", "Sept. 5, 2019", "2019-09-05"),
        ("It happened on Monday, March 10, 2025.", "Monday, March 10, 2025", "2025-03-10"),
        ("The treaty, signed in 1648, ended the war.", "1648", "1648"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    assert one(text) == (span, "DATE", value, None)


def test_offsets_and_json() -> None:
    text = "Leaders met on 5 May 2025 in Rome."
    (t,) = find_timexes(text, DCT)
    assert text[t.start:t.end] == "5 May 2025"
    assert t.to_json() == {"start": 15, "end": 25, "text": "5 May 2025", "type": "DATE",
                           "value": "2025-05-05"}
    with_mod = Timex(0, 4, "x", "DATE", "2026", "MID")
    assert with_mod.to_json()["mod"] == "MID"


# ---- negatives: things that look like dates but are not ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "They may sign the agreement soon.",
        "Thousands joined a protest march in the capital.",
        "About 2,000 people attended the rally.",
        "The plan costs $1 billion.",
        "Decision No. 1 was adopted unanimously.",
        "Exports reached 15 million tons.",
        "The second session of parliament opened.",
        "Some 2000 people were evacuated.",
        "He was 45 years old. Children aged 5 years and older were vaccinated.",
        "Heavy snow fell across the north.",
        "August institutions rarely change.",
        "Prices fall when demand weakens.",
        "Past performance is no guarantee.",
    ],
)
def test_non_timexes(text: str) -> None:
    assert tags(text) == []


def test_year_inside_other_numbers_is_ignored() -> None:
    assert tags("The fund has 1,500 members and 2,013 cases; 1999 votes were cast.") == []


# ---- relative dates against the DCT ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yesterday, the minister resigned.", ("Yesterday", "DATE", "2025-10-21", None)),
        ("The cabinet meets today.", ("today", "DATE", "2025-10-22", None)),
        ("The vote will be held tomorrow.", ("tomorrow", "DATE", "2025-10-23", None)),
        ("Talks stalled last week.", ("last week", "DATE", "2025-W42", None)),
        ("Talks resume this week.", ("this week", "DATE", "2025-W43", None)),
        ("Prices rose last year.", ("last year", "DATE", "2024", None)),
        ("Prices fell the year before.", ("the year before", "DATE", "2024", None)),
        ("Earlier this year, prices rose.", ("Earlier this year", "DATE", "2025", None)),
        ("Elections are due next year.", ("next year", "DATE", "2026", None)),
        ("Troops leave in the middle of next year.", ("the middle of next year", "DATE", "2026", "MID")),
        ("The plan must be finished by the end of 2028.", ("the end of 2028", "DATE", "2028", "END")),
        ("Sales grew three years ago.", ("three years ago", "DATE", "2022", None)),
        ("A decade ago, nobody cared.", ("A decade ago", "DATE", "2015", None)),
        ("They meet next month.", ("next month", "DATE", "2025-11", None)),
        ("The offensive stalled late last year.", ("late last year", "DATE", "2024", "END")),
    ],
)
def test_relative_dates(text: str, expected: tuple) -> None:
    assert one(text) == expected


def test_months_without_year_use_rel_and_tense() -> None:
    assert one("Last November, the two leaders met.")[2] == "2024-11"
    assert one("In November, the leaders will meet again.")[2] == "2025-11"
    # Past tense and a month later in the year than the DCT: the previous one.
    assert one("The leaders met in November.")[2] == "2024-11"
    assert one("The leaders met in January.")[2] == "2025-01"
    assert one("Last November, they met.", "2025-12-01")[2] == "2025-11"


def test_weekdays_resolve_relative_to_dct() -> None:
    said = "The minister said on Monday that talks would resume."
    assert one(said) == ("Monday", "DATE", "2025-10-20", None)
    assert one("The ministers will meet on Thursday.") == ("Thursday", "DATE", "2025-10-23", None)
    # A report's "Wednesday" written on a Wednesday is that day.
    assert one("The vote took place Wednesday.")[2] == "2025-10-22"
    assert one("They met last Monday.")[2] == "2025-10-20"
    assert one("They meet next Monday.")[2] == "2025-10-27"


def test_adjective_of_another_noun_does_not_set_the_weekday_tense() -> None:
    # "upcoming" qualifies the commission; the call was held, so Tuesday is the past one.
    text = ("The two foreign ministers discussed the agenda of the upcoming intergovernmental commission "
            "in a phone call on Tuesday.")
    assert one(text)[2] == "2025-10-21"
    # Right before the expression the adjective still points ahead.
    assert one("The ministers discussed the upcoming Tuesday session.")[2] == "2025-10-28"


def test_weekday_blockers() -> None:
    assert tags("Retailers prepared for Black Friday.") == []


def test_parts_of_day() -> None:
    found = tags("Talks resume on Wednesday morning; last night there was shelling; tonight the vote.")
    assert found == [
        ("Wednesday morning", "TIME", "2025-10-22TMO", None),
        ("last night", "TIME", "2025-10-21TNI", None),
        ("tonight", "TIME", "2025-10-22TNI", None),
    ]


# ---- DCT precision ----------------------------------------------------------------------------------


def test_dct_month_precision() -> None:
    assert one("Yesterday, officials met.", "2024-03")[2] == "2024-03"
    assert one("They meet next month.", "2024-03")[2] == "2024-04"
    assert one("Last November they met.", "2024-03")[2] == "2023-11"
    assert one("They met on Monday.", "2024-03")[2] == "2024-03"


def test_dct_year_precision_and_none() -> None:
    assert one("Yesterday, officials met.", "2024")[2] == "2024"
    assert one("Prices rose last year.", "2024")[2] == "2023"
    assert one("Prices rose last year.", None)[2] == "XXXX"
    assert one("They met on Monday.", None)[2] == "XXXX-WXX-1"
    assert one("They met in November.", None)[2] == "XXXX-11"
    assert one("The vote is at 2 p.m.", None) == ("2 p.m.", "TIME", "XXXX-XX-XXT14:00", None)


# ---- vague references, durations, sets ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose in recent years.", ("recent years", "DATE", "PAST_REF", None)),
        ("Prices will rise in the coming years.", ("the coming years", "DATE", "FUTURE_REF", None)),
        ("It is now clear.", ("now", "DATE", "PRESENT_REF", None)),
        ("The country is currently in recession.", ("currently", "DATE", "PRESENT_REF", None)),
        ("Exports doubled over the past three years.", ("the past three years", "DURATION", "P3Y", None)),
        ("Fighting intensified over the past year.", ("the past year", "DURATION", "P1Y", None)),
        ("The talks lasted two weeks.", ("two weeks", "DURATION", "P2W", None)),
        ("The reform took a decade.", ("a decade", "DURATION", "P10Y", None)),
        ("A 90-day truce began.", ("90-day", "DURATION", "P90D", None)),
        ("The embargo lasted for years.", ("years", "DURATION", "PXY", None)),
        ("The operation will last several weeks.", ("several weeks", "DURATION", "PXW", None)),
        ("The siege lasted nearly three years.", ("nearly three years", "DURATION", "P3Y", "LESS_THAN")),
        ("The summit is held every year.", ("every year", "SET", "P1Y", None)),
        ("The forum meets annually.", ("annually", "SET", "P1Y", None)),
        ("Each year the list grows.", ("Each year", "SET", "P1Y", None)),
        ("The bulletin appears weekly.", ("weekly", "SET", "P1W", None)),
        ("The firm pays dividends twice a year.", ("twice a year", "SET", "P1Y", None)),
        ("He visits every Monday.", ("every Monday", "SET", "XXXX-WXX-1", None)),
    ],
)
def test_vague_durations_sets(text: str, expected: tuple) -> None:
    assert one(text) == expected


def test_modifiers_and_fractions() -> None:
    assert tags("Growth should recover by mid-2026 and in early March.") == [
        ("mid-2026", "DATE", "2026", "MID"), ("early March", "DATE", "2026-03", "START")]
    assert one("It took half an hour.") == ("half an hour", "DURATION", "PT30M", None)
    assert one("It lasted a year and a half.") == ("a year and a half", "DURATION", "P18M", None)
    assert tags("The buyback could take between 12 and 18 months.") == [
        ("12", "DURATION", "P12M", None), ("18 months", "DURATION", "P18M", None)]


def test_from_now_splits_duration_and_present() -> None:
    assert tags("It will be finished eight years from now.") == [
        ("eight years", "DURATION", "P8Y", None), ("now", "DATE", "PRESENT_REF", None)]


def test_now_that_is_not_tagged() -> None:
    assert tags("Now that the war has ended, trade can resume.") == []


# ---- times, quarters, seasons, decades, fiscal years ------------------------------------------------


def test_times() -> None:
    assert tags("The vote is at 2 p.m. and the speech at 10:30 a.m. ET.") == [
        ("2 p.m.", "TIME", "2025-10-22T14:00", None), ("10:30 a.m. ET", "TIME", "2025-10-22T10:30", None)]
    # A clock time followed by its day is one expression.
    assert one("The match has been postponed until 15:00 GMT Saturday.") == (
        "15:00 GMT Saturday", "TIME", "2025-10-25T15:00", None)
    assert one("She finished the race in 3:07:35.") == ("3:07:35", "DURATION", "PT3H7M35S", None)


def test_quarters_halves() -> None:
    assert one("Profits rose in the first quarter of 2024.")[2] == "2024-Q1"
    assert one("Profits rose in Q3 2023.")[2] == "2023-Q3"
    assert one("Growth slowed in the first half of 2025.") == (
        "the first half of 2025", "DATE", "2025-H1", None)
    assert one("Growth slowed in the second half of last year.")[2] == "2024-H2"
    assert one("Profit rose in the fourth quarter.", "2025-03-01")[2] == "2024-Q4"


def test_seasons_decades_centuries_fiscal() -> None:
    assert one("The offensive began in the spring of 2022.")[2] == "2022-SP"
    assert one("This winter will be hard.")[2] == "2025-WI"
    assert one("Sales in fiscal 2023 were flat.")[2] == "FY2023"
    assert one("Prices were high in the early 1980s.") == ("the early 1980s", "DATE", "198", "START")
    assert one("It is the challenge of the 21st century.")[2] == "20"
    assert one("The 1800s saw industrialisation.")[2] == "18"


def test_iso_date() -> None:
    assert Timex(0, 1, "x", "DATE", "2013-W12").iso_date() == "2013-03"
    assert Timex(0, 1, "x", "DATE", "2013-Q1").iso_date() == "2013"
    assert Timex(0, 1, "x", "DATE", "2013-SU").iso_date() == "2013"
    assert Timex(0, 1, "x", "TIME", "2013-03-22T14:00").iso_date() == "2013-03-22"
    assert Timex(0, 1, "x", "DATE", "2013-03-22TMO").iso_date() == "2013-03-22"
    assert Timex(0, 1, "x", "DATE", "2024-11").iso_date() == "2024-11"
    assert Timex(0, 1, "x", "DATE", "FY2024").iso_date() == "2024"
    assert Timex(0, 1, "x", "DATE", "PRESENT_REF").iso_date() is None
    assert Timex(0, 1, "x", "DATE", "199").iso_date() is None
    assert Timex(0, 1, "x", "DATE", "XXXX-11").iso_date() is None
    assert Timex(0, 1, "x", "DURATION", "P3Y").iso_date() is None


# ---- ranges ------------------------------------------------------------------------------------------


def test_day_range_is_one_timex() -> None:
    assert one("Talks were held on March 11-12.") == ("March 11-12", "DATE", "2025-03-11", None)


def test_find_date_ranges() -> None:
    text = "Talks ran on October 20–21, then 20-21 October 2025, and the plan runs from 2024 to 2026."
    ranges = [(r[2], r[3], r[4]) for r in find_date_ranges(text, DCT)]
    assert ranges == [
        ("October 20–21", "2025-10-20", "2025-10-21"),
        ("20-21 October 2025", "2025-10-20", "2025-10-21"),
        ("from 2024 to 2026", "2024", "2026"),
    ]
    (r,) = find_date_ranges("The report covers 2019-2021.", DCT)
    assert r[2:] == ("2019-2021", "2019", "2021")
    (r,) = find_date_ranges("Between 2010 and 2012 growth slowed.", DCT)
    assert r[2:] == ("Between 2010 and 2012", "2010", "2012")
    assert find_date_ranges("They met in 2010 and 2012.", DCT) == []


# ---- CLI ---------------------------------------------------------------------------------------------


def test_main_prints_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "doc.txt"
    f.write_text("Prices rose last year and will rise next year.", encoding="utf-8")
    assert main(["--dct", "2013-03-22", str(f)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["text"], x["value"]) for x in lines] == [("last year", "2012"), ("next year", "2014")]
    assert all(set(x) == {"start", "end", "text", "type", "value"} for x in lines)


def test_module_entry_point(tmp_path: Path) -> None:
    f = tmp_path / "doc.txt"
    f.write_text("The vote was held on 5 May 2025.", encoding="utf-8")
    src = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run([sys.executable, "-m", "dyad.nlp.timex", "--dct", DCT, str(f)], capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(src)})
    assert json.loads(out.stdout)["value"] == "2025-05-05"


def test_weekday_of_a_named_week() -> None:
    # DCT 2025-10-22 is a Wednesday: next week runs 27 Oct - 2 Nov.
    assert one("The prime minister will arrive on Tuesday next week.") == \
        ("Tuesday next week", "DATE", "2025-10-28", None)
    assert one("The envoy left on Friday of last week.")[2] == "2025-10-17"


def test_a_week_spanning_two_months_is_only_as_precise_as_its_year() -> None:
    assert Timex(0, 9, "next week", "DATE", "2025-W18").iso_date() == "2025"  # 28 Apr - 4 May
    assert Timex(0, 9, "next week", "DATE", "2025-W20").iso_date() == "2025-05"  # 12-18 May


def test_intent_verbs_look_ahead() -> None:
    text = "Diplomats said the visit was meant to lay the groundwork for a meeting in December."
    assert one(text, "2025-09-15")[2] == "2025-12"
    assert one("The ministers will co-chair the meeting in December, the call heard.", "2025-11-19")[2] == "2025-12"


@pytest.mark.parametrize("text,value", [
    ("The ministers agreed to hold the next round in spring.", "2026-SP"),
    ("The two sides decided to open the crossing in December.", "2025-12"),
    ("The committee held its last meeting in spring.", "2025-SP"),
    ("They agreed to build a new bridge after talks in the capital in March.", "2025-03"),
])
def test_a_commitment_verb_before_an_infinitive_looks_ahead(text, value):
    assert one(text)[2] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The envoy toured the port in June last year.", "June last year", "2024-06"),
        ("A return trip is pencilled in for March next year.", "March next year", "2026-03"),
        ("Exports fell in February of this year.", "February of this year", "2025-02"),
        ("The two sides met on 4 December last year in Oslo.", "4 December last year", "2024-12-04"),
        ("A ferry line opens on May 2 next year.", "May 2 next year", "2026-05-02"),
    ],
)
def test_month_with_a_relative_year(text: str, span: str, value: str) -> None:
    assert one(text) == (span, "DATE", value, None)


def test_a_possessive_year_stays_apart_from_the_month() -> None:
    assert tags("Prices rose in June, last year's peak.") == [
        ("June", "DATE", "2025-06", None), ("last year", "DATE", "2024", None)]


def test_irregular_participle_after_be_is_not_past_tense():
    # "will be held in September" looks ahead: "held" after "be" is a participle, not a past verb
    from dyad.nlp.timex import find_timexes

    text = "The ministers agreed that the next round will be held in Lima in September."
    [t] = [t for t in find_timexes(text, "2025-06-10") if "September" in t.text]
    assert t.iso_date() == "2025-09"


def test_a_month_in_a_past_relative_clause_of_a_future_sentence_is_the_last_one() -> None:
    # DCT 2025-10-22: the relative clause's "met" dates February, not the main clause's "is expected"
    text = ("The minister, who met his counterpart in Lisbon in February, is expected to travel to Madrid "
            "in November.")
    assert [(t[0], t[2]) for t in tags(text)] == [("February", "2025-02"), ("November", "2025-11")]
    # without the relative clause's verb the main clause decides as before
    assert one("The minister is expected to travel to Madrid in February.")[2] == "2026-02"


def test_a_month_in_a_when_clause_takes_the_year_it_hangs_on() -> None:
    text = ("Relations warmed in 2018, when the prime minister visited Lima in September and the president came "
            "to Quito in November. The ministers will meet in September.")
    assert [(t[0], t[2]) for t in tags(text)] == [("2018", "2018"), ("September", "2018-09"),
                                                  ("November", "2018-11"), ("September", "2026-09")]
