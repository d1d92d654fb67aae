"""Hand-written test articles (fictional places and people; no corpus text)."""
from __future__ import annotations

import datetime as dt

from crossread.model import Article

QUAKE_A = [
    ("qa1", "Daily Ledger", "2024-03-04", "Magnitude 6.4 earthquake strikes Valdoria, killing 31",
     "A magnitude 6.4 earthquake struck the mountain town of Valdoria early on Monday, killing at least 31 people "
     "and injuring 212, the regional governor Maren Oskivo said. The quake hit at 4:12 a.m. at a depth of 10 "
     "kilometres, according to the Kestrel Seismic Institute. Rescue teams from Port Elsby searched collapsed "
     "apartment blocks in the old quarter of Valdoria through the morning. Oskivo said 1,400 people had spent "
     "the night in tents on the football ground."),
    ("qa2", "Northern Courier", "2024-03-04", "Valdoria quake: rescuers dig through rubble as toll reaches 31",
     "Rescuers in Valdoria pulled survivors from the rubble on Monday after a 6.4-magnitude earthquake flattened "
     "parts of the old quarter. Governor Maren Oskivo put the death toll at 31, with 212 injured. The Kestrel "
     "Seismic Institute said the quake struck at 4:12 a.m. about 10 kilometres underground. Crews from Port "
     "Elsby joined local volunteers, and about 1,400 residents slept outside."),
    ("qa3", "Evening Standard Post", "2024-03-05", "Death toll in Valdoria earthquake rises to 38",
     "The number of people killed by Monday's magnitude 6.4 earthquake in Valdoria rose to 38 on Tuesday, "
     "Governor Maren Oskivo said, as aftershocks rattled the town. More than 212 people were injured. The "
     "Kestrel Seismic Institute recorded 40 aftershocks. Rescue crews from Port Elsby kept searching the old "
     "quarter of Valdoria, where 1,400 people remain in tents."),
]
QUAKE_B = [
    ("qb1", "Daily Ledger", "2024-03-09", "Second quake in a week: 5.8 tremor hits coastal Morvaine",
     "A magnitude 5.8 earthquake shook the coastal city of Morvaine on Saturday, damaging the harbour wall and "
     "killing 4 people, mayor Tobin Haskel said. The Kestrel Seismic Institute said the tremor was not an "
     "aftershock of the Valdoria quake, 300 kilometres away. Fishermen in Morvaine reported a small wave of "
     "half a metre. Haskel said 57 homes were damaged on Quay Street."),
    ("qb2", "Northern Courier", "2024-03-09", "Morvaine harbour damaged by 5.8 earthquake",
     "Mayor Tobin Haskel said four people died when a 5.8-magnitude earthquake struck Morvaine on Saturday "
     "afternoon. The harbour wall cracked and 57 homes on Quay Street were damaged. Seismologists at the Kestrel "
     "Seismic Institute said the Morvaine tremor was unrelated to the Valdoria disaster. Haskel asked "
     "residents to stay away from the harbour."),
]
FESTIVAL = [
    ("fe1", "Arts Weekly", "2024-03-06", "Lantern festival opens in Brellon with record crowds",
     "The annual lantern festival in Brellon opened on Wednesday with a record 85,000 visitors, organiser "
     "Ilse Varnaby said. Artists from 19 countries hung 6,000 paper lanterns along the Fenwick canal. The "
     "festival runs until Sunday, and tickets for the closing parade have sold out."),
]
# A wire report and its reprint under another masthead (light edits).
WIRE = ("wire1", "Wire Service", "2024-03-04", "Valdoria governor appeals for tents and blankets",
        "Governor Maren Oskivo appealed on Monday for tents, blankets and drinking water for the people of Valdoria "
        "left homeless by the earthquake. \"We have 1,400 people sleeping outdoors and the nights are freezing,\" "
        "Oskivo told reporters outside the town hall. The regional government has opened three shelters in school "
        "gyms and asked neighbouring provinces to send field kitchens. Power was restored to half of the town by "
        "the evening, the utility company said, but water pipes in the old quarter remain broken.")
REPRINT = ("wire1-reprint", "Hilltop Gazette", "2024-03-05", "Governor appeals for tents after Valdoria quake",
           "Governor Maren Oskivo appealed on Monday for tents, blankets and drinking water for the people of Valdoria "
           "left homeless by the earthquake. \"We have 1,400 people sleeping outdoors and the nights are freezing,\" "
           "Oskivo told reporters outside the town hall. The regional government has opened three shelters in school "
           "gyms and asked neighbouring provinces to send field kitchens. Power was restored to half of the town by "
           "the evening, the utility company said. (Wire Service)")


def make(item: tuple[str, str, str, str, str], *, with_date: bool = True) -> Article:
    """An ``Article`` from (id, outlet, published, title, text), with no sentences (grouping needs none)."""
    aid, outlet, published, title, text = item
    return Article(id=aid, text=text, outlet=outlet, title=title,
                   published=dt.date.fromisoformat(published) if with_date else None)


def all_articles(*, with_date: bool = True) -> list[Article]:
    return [make(x, with_date=with_date) for x in QUAKE_A + QUAKE_B + FESTIVAL + [WIRE, REPRINT]]
