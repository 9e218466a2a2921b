"""One instrument told in different words, across reports and within one (resolution of agreements).
Sentences written for these tests."""

from __future__ import annotations

from test_resolution import kb_of


def _agreements(tmp_path, articles: dict[str, tuple[str, str]]) -> list[dict]:
    return [r for r in kb_of(tmp_path, articles, f"sqlite:///{tmp_path / 'kb.db'}") if r["kind"] == "agreement"]


def test_treaty_title_and_lower_case_description_are_one_instrument(tmp_path):
    agr = _agreements(tmp_path, {
        "a.txt": ("2022-12-16", "Georgian President Salome Zourabichvili and Armenian Prime Minister Nikol Pashinyan "
                               "signed an agreement on strategic partnership between the two Caucasus states in "
                               "Tbilisi on Thursday.\n"),
        "b.txt": ("2024-02-01", "Pashinyan recalled that Armenia and Georgia signed the Treaty on Strategic "
                               "Partnership last year, as he opened a new border crossing.\n"),
    })
    assert len(agr) == 1, agr
    assert agr[0]["instrument"] == "treaty"  # the proper title's kind
    assert agr[0]["signed"] == "2022-12-15"
    assert "agreement on strategic partnership" in agr[0]["aliases"]


def test_program_named_in_two_word_orders_with_periods_is_one(tmp_path):
    agr = _agreements(tmp_path, {
        "a.txt": ("2023-05-10", "Mongolia and South Korea adopted the Program of economic partnership and "
                               "connectivity for 2023-2027 in Ulaanbaatar on Tuesday.\n"),
        "b.txt": ("2023-05-20", "Officials said the Economic Partnership and Connectivity Program for the next five "
                               "years would guide Mongolia and South Korea.\n"),
    })
    assert len(agr) == 1, agr


def test_different_topics_stay_apart(tmp_path):
    agr = _agreements(tmp_path, {
        "a.txt": ("2023-05-10", "Mongolia and South Korea signed the Treaty on Strategic Partnership in Seoul on "
                               "Tuesday.\n"),
        "b.txt": ("2023-05-20", "Mongolia and South Korea signed an agreement on mineral partnership in "
                               "Ulaanbaatar on Friday.\n"),
    })
    assert len(agr) == 2, agr


def test_within_one_report_a_topic_inside_another_and_a_title_beginning_another(tmp_path):
    text = ("In Bishkek on Monday, Kyrgyzstan and Tajikistan signed an agreement on demarcating the common border. "
            "Officials had prepared a draft agreement between Kyrgyzstan and Tajikistan on demarcating the "
            "Kyrgyz-Tajik state border and the maps annexed to it.\n\n"
            "The ministers also adopted a Plan of Action for 2025-2028. The Plan of Action sets a goal of "
            "doubling trade.\n")
    agr = _agreements(tmp_path, {"a.txt": ("2024-10-08", text)})
    topics = sorted((a["title"] or a["field"] or "") for a in agr)
    assert len(agr) == 2, topics


def test_untitled_memorandum_in_preview_and_report_of_one_visit_is_one(tmp_path):
    agr = _agreements(tmp_path, {
        "a.txt": ("2025-03-03", "Ghanaian President John Mahama will pay a state visit to Cote d'Ivoire on March 5. "
                               "On Wednesday, Ghana and Cote d'Ivoire will sign a memorandum of understanding on "
                               "cocoa marketing, officials said.\n"),
        "b.txt": ("2025-03-06", "Ghana and Cote d'Ivoire signed a memorandum of understanding on cocoa marketing in "
                               "Abidjan on Wednesday during the state visit of President John Mahama.\n"),
    })
    cocoa = [a for a in agr if "cocoa" in (a.get("field") or a.get("title") or "")]
    assert len(cocoa) == 1, agr
    assert cocoa[0]["signed"] == "2025-03-05"


def test_memoranda_on_one_field_signed_in_different_months_stay_apart(tmp_path):
    agr = _agreements(tmp_path, {
        "a.txt": ("2023-02-10", "Ghana and Cote d'Ivoire signed a memorandum of understanding on cocoa marketing in "
                               "Accra on Thursday.\n"),
        "b.txt": ("2023-11-17", "Ghana and Cote d'Ivoire signed a memorandum of understanding on cocoa marketing in "
                               "Abidjan on Thursday.\n"),
    })
    cocoa = [a for a in agr if "cocoa" in (a.get("field") or a.get("title") or "")]
    assert len(cocoa) == 2, agr
