"""A content repository of made-up local news articles, for the baseline and --add-noqa
tests: varied sentences, some paragraphs hard-wrapped, quotations and lists, and planted
problems (a doubled word, scare quotes, a distancing word, a relative date, a loaded
reporting verb)."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

TOWNS = ("Porthmellin", "Aldersby", "Kettering Vale", "Marrowgate", "Elmsworth", "Dunhallow")
BODIES = ("the harbour board", "the district council", "the water company", "the rail operator")
PEOPLE = (
    ("Delia Okafor", "Ms Okafor"),
    ("Tomas Reyes", "Mr Reyes"),
    ("Priya Natarajan", "Ms Natarajan"),
    ("Gareth Lowe", "Mr Lowe"),
)
TOPICS = ("ferry timetable", "library", "bus depot", "flood barrier", "parking scheme", "pool")
CLEAN = (
    "{Body} published its plans for the {topic} on its website.",
    "Work on the {topic} is due to start in the spring, according to the tender documents.",
    "Residents can comment on the {topic} until the end of the month.",
    "The {topic} has been discussed at four public meetings since January.",
    "A report to councillors put the cost of the {topic} at £{money} million.",
    "The plans for {town} were approved by seven votes to two.",
    "Opening hours in {town} will stay the same while the work goes on.",
    "The last survey of the {topic} was carried out in {year}.",
    "Two contractors bid for the work, the tender documents show.",
)
FLAWS = {
    "NL902": "The board said the the {topic} would close for a week.",
    "NL301": "{short} claimed that the {topic} was finished on time.",
    "NL501": "The {topic} reopened yesterday after a delay.",
    "NL202": "The so-called consultation drew {responses} responses.",
    "NL201": 'Councillors approved the "reform" of the {topic} on Tuesday.',
}


def article(rng: random.Random, number: int) -> str:
    """One article: a headline, a lead naming its speaker in full, then paragraphs."""
    town, body, topic = rng.choice(TOWNS), rng.choice(BODIES), rng.choice(TOPICS)
    name, short = rng.choice(PEOPLE)
    values = {
        "town": town,
        "Body": body[0].upper() + body[1:],
        "topic": topic,
        "short": short,
        "money": rng.randint(2, 40),
        "year": rng.randint(2009, 2019),
        "responses": rng.randint(40, 900),
    }
    sentences = [s.format(**values) for s in rng.sample(CLEAN, 5)]
    for code in rng.sample(sorted(FLAWS), rng.randint(0, 2)):
        sentences.insert(rng.randint(0, len(sentences)), FLAWS[code].format(**values))
    lead = f"{name}, who chairs {body}, said the {topic} plan for {town} was agreed on Monday."
    paragraphs = [lead] + [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    blocks = [f"# {town} agrees {topic} plan ({number})"]
    for paragraph in paragraphs:
        shape = rng.random()
        if shape < 0.3:  # hard-wrapped, as many editors save Markdown
            blocks.append(textwrap.fill(paragraph, 60))
        elif shape < 0.4:
            blocks.append("> " + paragraph)
        elif shape < 0.5:
            blocks.append("\n".join(f"- {s}" for s in paragraph.split(". ")))
        else:
            blocks.append(paragraph)
    return "\n\n".join(blocks) + "\n"


def write_archive(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """``count`` articles in ``folder``, the same for the same seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:03d}-story.md"
        path.write_text(article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths
