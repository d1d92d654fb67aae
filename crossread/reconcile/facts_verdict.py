"""Verdicts for one fact: the interval each report allows, and whether one value satisfies them all.

Written by hand: no library reads "nearly 300" and "more than 300" as incompatible. Each report
becomes an interval in base units (the scale words of the unit multiplied in, durations in days; lengths,
masses, speeds and areas in metres, kilograms, km/h and hectares when one fact holds two units of one):

- an exact figure allows its rounding: "22" covers 22.4, "600" covers 612, "5.9" is 5.85-5.95;
  a whole number of a time unit allows a tenth of the unit ("a week" is 6.3-7.7 days, not nine);
- "at least 30" is [30, inf); "more than 30" is (30, inf); "less than" mirrors them, but "up to 120" /
  "as many as 120" is the top of an estimate: [108, 120];
- "nearly 4,000" is [3,600, 4,000); "about 290" is 290 +/- 5 % (or one unit of its last non-zero digit,
  up to 10 %: "about 4,000" is 3,600-4,400), "about 87.6" only 87.1-88.1;
- a range is its two ends; "dozens" is 24 up to five times that.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from ..model import FigureReport

__all__ = ["report_interval", "intervals_agree", "unit_parts", "physical_dimension"]

_SCALES = {"pence": 1e-2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# durations compare across units (nine days vs a week): factor to days
_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44,
         "year": 365.25, "decade": 3652.5}
# lengths, masses, speeds and areas compare across units when one fact holds two ("20,000 feet" and
# "6,100 metres"): factor to metres, kilograms, km/h and hectares. Only then: a bare "1,800" is
# compared with "1,800 tonnes" as printed, and only a conversion the article itself gives joins two
# units in one fact
_PHYSICAL = {
    "length": {"mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3, "inch": 0.0254, "foot": 0.3048, "yard": 0.9144,
               "mile": 1609.344, "nautical mile": 1852.0},
    "mass": {"g": 1e-3, "kg": 1.0, "tonne": 1e3, "pound": 0.45359237},
    "speed": {"km/h": 1.0, "mph": 1.609344, "knot": 1.852},
    "area": {"m2": 1e-4, "square foot": 0.3048 ** 2 * 1e-4, "hectare": 1.0, "acre": 0.40468564, "km2": 100.0},
}
_TO_BASE = {unit: (factor, dim) for dim, units in _PHYSICAL.items() for unit, factor in units.items()}
_EPS = 1e-9
_ABOUT_SHARE = 0.05
_NEARLY = 0.10
_ROUND_SHARE = 0.05
_PRECISE_BAND = 10  # "about" a decimal: within five units of its last digit
_TOUCH = 1e-6  # a round number stands for values within this share of it


def unit_parts(unit: str | None) -> tuple[float, str | None]:
    """(scale, dimension) of a figure's unit: "million USD" -> (1e6, "USD"); "week" -> (7, "time")."""
    if not unit:
        return 1.0, None
    scale = 1.0
    parts = unit.split()
    if parts and parts[0] in _SCALES:
        scale = _SCALES[parts[0]]
        parts = parts[1:]
    dim = " ".join(parts) or None
    if dim in _DAYS:
        return scale * _DAYS[dim], "time"
    if dim is None and scale != 1.0:
        dim = "count"
    return scale, dim


def physical_dimension(unit: str | None) -> str | None:
    """"length", "mass", "speed" or "area" for a unit of one ("foot", "million tonne"), else None."""
    return _physical(unit)[1]


def _physical(unit: str | None) -> tuple[float, str | None]:
    parts = (unit or "").split()
    if parts and parts[0] in _SCALES:
        parts = parts[1:]
    return _TO_BASE.get(" ".join(parts), (1.0, None))


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit a stated number shows."""
    v = abs(value)
    if not math.isfinite(v):
        return 0.0
    if not float(v).is_integer():
        text = f"{v:.6f}".rstrip("0")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return 0.5 * 10 ** (-decimals)
    iv = int(v)
    if iv < 100:
        return 0.5
    zeros = 0
    while iv and iv % 10 == 0:
        iv //= 10
        zeros += 1
    # "600" may be a rounded 612, "4,000" a rounded 3,950; "130" is as precise as it looks
    # ... but never beyond a few percent: "200" may be a rounded 195, not 160
    return min(0.5 * 10**zeros, _ROUND_SHARE * v) if zeros >= 2 else 0.5


def _last_digit_unit(value: float) -> float:
    """One unit of the last non-zero digit of a whole number: 290 -> 10, 4,000 -> 1,000, 25 -> 1."""
    v = abs(value)
    if not v or not float(v).is_integer():
        return 0.0
    iv, unit = int(v), 1.0
    while iv % 10 == 0:
        iv //= 10
        unit *= 10
    return unit


def report_interval(report: FigureReport, physical: bool = False) -> tuple[float, float] | None:
    """The closed interval of base-unit values the report's wording allows, or None when it states nothing;
    ``physical``: a length, mass, speed or area in metres, kilograms, km/h or hectares."""
    scale, dim = unit_parts(report.unit)
    if physical:
        scale *= _physical(report.unit)[0]
    q = report.qualifier
    v = report.value
    if v is None:
        if report.low is None:
            return None
        lo = report.low * scale
        return lo, lo * 5 if q == "vague" else math.inf
    v = v * scale
    if q == "between" and report.low is not None and report.high is not None:
        return report.low * scale, report.high * scale
    if q == "at least":
        return v, math.inf
    if q == "more than":
        return v + max(_EPS, abs(v) * 1e-6), math.inf
    if q == "up to":
        # "as many as 12", "up to 120 mph": news gives the top of an estimate, a claim of about that much
        # ("as many as 12" against a count of nine is a dispute, not a bound nine satisfies)
        return v - abs(v) * _NEARLY, v
    if q == "less than":
        return -math.inf, v - max(_EPS, abs(v) * 1e-6)
    if q in ("nearly", "about"):
        if q == "nearly":
            band = abs(v) * _NEARLY
        else:
            # "about 290" is 275-305, not 263: a twentieth of the figure, or one unit of its last stated digit
            # up to a tenth ("about 4,000" is 3,600-4,400)
            band = max(abs(v) * _ABOUT_SHARE, min(_last_digit_unit(report.value or 0.0) * scale, abs(v) * _NEARLY))
        if not float(report.value or 0.0).is_integer():
            # a stated decimal shows its precision: "about 87.6%" is not 80 %, only a little off 87.6
            band = min(band, _PRECISE_BAND * _rounding(report.value or 0.0) * scale)
        if q == "nearly":
            return v - band, v - max(_EPS, abs(v) * 1e-6)
        return v - band, v + band
    tol = _rounding(report.value or 0.0) * scale
    if dim == "time" and float(report.value or 0.0).is_integer():
        tol = scale * 0.1  # a tenth of the unit: "a week" is not "nine days", "a decade" may be "almost a decade"
    # a hair short of half a unit: "52" and "53" (or "5.9" and "6.0") do not meet at 52.5
    tol *= 1.0 - _TOUCH
    return v - tol, v + tol


def intervals_agree(reports: Sequence[FigureReport]) -> bool:
    """Whether one value can satisfy every report (reports stating nothing are ignored)."""
    lo, hi = -math.inf, math.inf
    # two units of one physical dimension ("feet" and "metres"): compare in the base unit
    physical = len({r.unit for r in reports if _physical(r.unit)[1]}) > 1
    for r in reports:
        iv = report_interval(r, physical)
        if iv is None:
            continue
        lo, hi = max(lo, iv[0]), min(hi, iv[1])
        if lo > hi:
            return False
    return True
