"""Articles written for the hardening tests (fault, race and kill tests need a folder of a few dozen
distinct stories; the sentences are made up here, not taken from any corpus)."""

from __future__ import annotations

import json
from pathlib import Path

PAIRS = [("Kazakhstan", "Uzbekistan", "Astana", "Kazakh"), ("Georgia", "Armenia", "Tbilisi", "Georgian"),
         ("Mongolia", "Japan", "Ulaanbaatar", "Mongolian"), ("Chile", "Argentina", "Santiago", "Chilean"),
         ("Estonia", "Finland", "Tallinn", "Estonian"), ("Kenya", "Ethiopia", "Nairobi", "Kenyan"),
         ("Poland", "Lithuania", "Warsaw", "Polish"), ("Oman", "India", "Muscat", "Omani"),
         ("Peru", "Bolivia", "Lima", "Peruvian"), ("Vietnam", "Laos", "Hanoi", "Vietnamese")]
TOPICS = ["water management", "railway freight", "customs procedures", "renewable energy",
          "higher education", "veterinary inspection"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "May", "June", "September", "October"]


def article(i: int) -> str:
    a, b, city, adj = PAIRS[i % len(PAIRS)]
    topic = TOPICS[i % len(TOPICS)]
    day = DAYS[i % len(DAYS)]
    month = MONTHS[(i // 2) % len(MONTHS)]
    year = 2020 + i % 5
    return (f"{a} and {b} signed an agreement on cooperation in {topic} in {city} on {day}, "
            f"the {adj} foreign ministry said in a statement.\n\n"
            f"The two governments agreed to hold the next round of talks in {month} {year}, "
            f"and officials said trade between {a} and {b} grew by {5 + i} percent last year.\n\n"
            f"Report number {i} of the test wire.\n")


def write_articles(folder: Path, n: int, manifest: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    lines = []
    for i in range(n):
        path = folder / f"story-{i:02d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
        lines.append(json.dumps({"file": path.name, "title": f"Test story {i}",
                                 "published": f"{2020 + i % 5}-0{1 + i % 9}-1{i % 10}"}))
    if manifest:
        (folder / "index.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths
