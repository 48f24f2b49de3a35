#!/usr/bin/env python3
"""Builds src/SocialSecurity.Modeling/Data/statistics/<region>.json from the compiled calibration statistics
(shared/domain/province-stats.json and province-stats-SOURCES.md). Run it again when that file changes:

    python3 tools/build_statistics.py /path/to/province-stats.json

Every value keeps its year, a provenance tag (docs/parameter-files.md#provenance-tags) and its source. Tag mapping:
official/secondary -> N (national figure) or L (provincial figure), estimate -> D (U when an input is unverified),
unverified -> U; values not found are replaced by labelled illustrative [I] defaults."""
import json, sys, os

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/domain/province-stats.json"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "SocialSecurity.Modeling", "Data", "statistics")
data = json.load(open(SRC, encoding="utf-8"))
COMPILED = "province-stats.json (compiled 2026-11-29; see province-stats-SOURCES.md)"

def find(key, indicator, year, section="records"):
    for r in data["regions"][key][section]:
        if r["indicator"] == indicator and r["year"] == year:
            return r
    raise KeyError((key, indicator, year))

def tag_of(r, national):
    t = r["tag"]
    if t in ("official", "secondary"):
        return "N" if national else "L"
    if t == "estimate":
        return "U" if "unverified" in (r.get("formula") or "") + (r.get("note") or "") else "D"
    if t == "unverified":
        return "U"
    raise ValueError(r)

def source_of(r):
    parts = []
    if r.get("source"):
        parts.append(r["source"] + (f" <{r['url']}>" if r.get("url") else ""))
    if r.get("formula"):
        parts.append("derived: " + r["formula"])
    parts.append(f"[{r['tag']}] via {COMPILED}")
    return "; ".join(parts)

def value(r, national, scale=1.0, unit=None, note=None, tag=None):
    v = {"value": round(r["value"] * scale, 6), "unit": unit or r["unit"], "year": r["year"],
         "provenance": tag or tag_of(r, national), "source": source_of(r)}
    n = " ".join(x if x.endswith(".") else x + "." for x in (r.get("note"), note) if x)
    if n:
        v["note"] = n
    return v

def derived(val, unit, year, tag, source, note=None):
    v = {"value": round(val, 6), "unit": unit, "year": year, "provenance": tag, "source": source}
    if note:
        v["note"] = note
    return v

def illustrative(val, unit, year, note):
    return {"value": val, "unit": unit, "year": year, "provenance": "I",
            "source": "Illustrative default of SocialSecurity.Modeling (not a fact): the real value was not found in " + COMPILED,
            "note": note}

def pct(r, national, note=None):
    return value(r, national, 0.01, "fraction", note)

# Prefecture shares of the 2020 census resident population (10k persons). Recalled, not in the compiled sources:
# tagged U. Sums match the provincial census totals in province-stats.json (ZJ 6456.76, JS 8474.80, IM 2404.92).
CENSUS_NOTE = "Seventh census (2020) resident population of the prefecture, recalled from the provincial census bulletins; not confirmed in the sources consulted (verify before use)"
PLACES = {
    "330000": (6456.76, [("330100", 1193.6), ("330200", 940.4), ("330300", 957.3), ("330400", 540.1), ("330500", 336.8), ("330600", 527.1), ("330700", 705.1), ("330800", 227.6), ("330900", 115.8), ("331000", 662.3), ("331100", 250.7)]),
    "320000": (8474.80, [("320100", 931.5), ("320200", 746.2), ("320300", 908.4), ("320400", 527.8), ("320500", 1274.8), ("320600", 772.7), ("320700", 459.9), ("320800", 455.6), ("320900", 671.0), ("321000", 456.0), ("321100", 321.1), ("321200", 451.3), ("321300", 498.6)]),
    "650000": (2585.23, [("650100", 405.4), ("653100", 449.6), ("653200", 250.4), ("652900", 271.4), ("654000", 284.8)]),
    "150000": (2404.92, [("150100", 344.6), ("150200", 270.9), ("150300", 55.7), ("150400", 403.6), ("150500", 287.3), ("150600", 215.4), ("150700", 224.3), ("150800", 153.9), ("150900", 170.6), ("152200", 141.7), ("152500", 110.7), ("152900", 26.2)]),
}

def places(code):
    total, items = PLACES[code]
    out = [{"region": c, "share": round(p / total, 6), "year": 2020, "provenance": "U",
            "source": f"{CENSUS_NOTE}: {p} (10k persons) of the provincial census total {total} ({COMPILED})"} for c, p in items]
    rest = total - sum(p for _, p in items)
    if rest > 1:
        out.append({"region": code, "share": round(rest / total, 6), "year": 2020, "provenance": "D",
                    "source": f"derived: provincial census total {total} minus the listed prefectures; households of the prefectures that the region catalogue does not list are placed at the province level"})
    return out

GINI_NOTE = "No provincial Gini coefficient is published in the sources consulted (province-stats.json: not found). ILLUSTRATIVE target, not a fact: chosen below the national 0.467 for provinces whose urban-rural income ratio is below the national 2.45."
YEARS = (2022, 2023)

def pick(key, indicator, year, fallback_years=(), section="records"):
    """The record for `year`, else the first of `fallback_years` that has a value, with a note saying so."""
    for y in (year, *fallback_years):
        try:
            r = find(key, indicator, y, section)
        except KeyError:
            continue
        if r["value"] is not None:
            if y != year:
                r = dict(r)
                r["note"] = (r.get("note") or "") + f" {year} value not found; the {y} value is used."
            return r
    raise KeyError((key, indicator, year))

def write(code, name, years, notes, place_list):
    doc = {"region": code, "name": name,
           "description": (f"Calibration targets for the built-in synthetic population of {name}, by target year. Every value carries its data year, provenance tag (docs/parameter-files.md#provenance-tags) and source. " + notes).strip(),
           "compiled_from": COMPILED,
           "years": {str(y): {"targets": t} for y, t in years.items()}}
    if place_list:
        doc["places"] = place_list
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, f"{code}.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

def population(key, national, year, fallback=()):
    return value(pick(key, "resident_population", year, fallback), national, 10_000, "persons")

def income_block(key, national, year):
    a, u, r = (pick(key, f"disposable_income_{x}", year) for x in ("all", "urban", "rural"))
    share = (a["value"] - r["value"]) / (u["value"] - r["value"])
    unverified = any(x["tag"] == "unverified" for x in (a, u, r))
    s = derived(share, "fraction", year, "U" if unverified else "D",
                f"derived: (all - rural)/(urban - rural) = ({a['value']} - {r['value']})/({u['value']} - {r['value']}), the urban weight implied by the NBS household survey (caveat 3 of province-stats-SOURCES.md); inputs from {COMPILED}",
                "Used as the urban person share of the synthetic population: with the published urbanization rate instead, published urban and rural means would overshoot the all-resident mean." + (" Inputs include unverified values." if unverified else ""))
    return {"disposable_income_all": value(a, national, unit="yuan_per_person_year"),
            "disposable_income_urban": value(u, national, unit="yuan_per_person_year"),
            "disposable_income_rural": value(r, national, unit="yuan_per_person_year"),
            "survey_urban_share": s}

# ---- China
ss = data["regions"]["CN"]["national_social_security"]
def ssr(ind, year): return next(r for r in ss if r["indicator"] == ind and r["year"] == year)
QUINTILE_NOTE = "NBS five equal groups of HOUSEHOLDS ranked by household per-capita disposable income (caveat 4 of province-stats-SOURCES.md): not person quintiles. Reference only; not a generation target."
cn_years = {}
for Y in YEARS:
    cn = {"resident_population": population("CN", True, Y)}
    cn["urbanization_rate"] = pct(pick("CN", "urbanization_rate", Y), True, "Year-end urbanization rate; NOT the household-survey urban weight (see survey_urban_share)")
    cn.update(income_block("CN", True, Y))
    a1659 = pick("CN", "age_share_16_59", Y); a60 = pick("CN", "age_share_60_plus", Y)
    cn["age_share_0_15"] = derived((100 - a1659["value"] - a60["value"]) / 100, "fraction", Y, "D", f"derived: 100 - {a1659['value']} (16-59) - {a60['value']} (60+); " + source_of(a1659))
    cn["age_share_60_plus"] = pct(a60, True)
    cn["age_share_65_plus"] = pct(pick("CN", "age_share_65_plus", Y), True)
    cn["household_size"] = value(find("CN", "avg_household_size", 2020), True, unit="persons")
    g = next(r for r in data["regions"]["CN"]["national_gini"] if r["year"] == Y)
    cn["gini_disposable_income"] = value(g, True, unit="coefficient")
    pen = ssr("avg_resident_pension", 2021)
    cn["resident_pension_average"] = value(pen, True, unit="yuan_per_month", note=f"{Y} value not found; the 2021 value is used")
    ben = ssr("resident_pension_beneficiaries", 2021); ret = ssr("employee_pension_retirees", 2021)
    pop21 = find("CN", "resident_population", 2021)
    cn["pension_recipient_share"] = derived((ben["value"] + ret["value"]) / pop21["value"], "fraction", 2021, "D",
        f"derived: (resident-pension beneficiaries {ben['value']} + employee-pension retirees {ret['value']}) / resident population {pop21['value']} (10k persons, 2021); " + source_of(ben),
        f"Reference only ({Y} not found): persons receiving a basic pension per resident. Not a generator input.")
    du = ssr("dibao_recipients_urban", 2021); dr = ssr("dibao_recipients_rural", 2021)
    cn["dibao_recipient_share"] = derived((du["value"] + dr["value"]) / pop21["value"], "fraction", 2021, "D",
        f"derived: (urban {du['value']} + rural {dr['value']} dibao recipients) / resident population {pop21['value']} (10k persons, 2021); " + source_of(du),
        f"Reference only ({Y} not found): dibao is simulated, not generated.")
    for q in ("low", "lower_middle", "middle", "upper_middle", "high"):
        r = next(x for x in data["regions"]["CN"]["national_income_quintiles"] if x["indicator"] == f"quintile_mean_{q}" and x["year"] == Y)
        cn[f"quintile_mean_{q}"] = value(r, True, unit="yuan_per_person_year", note=QUINTILE_NOTE)
    cn_years[Y] = cn
write("000000", "China", cn_years, "National households are placed at the national region (000000); the region catalogue lists only four provinces.", None)

# ---- provinces
def province(code, key, name, build, gini, notes=""):
    years = {}
    for Y in YEARS:
        s = {"resident_population": population(key, False, Y, (Y - 1,))}
        s["urbanization_rate"] = pct(pick(key, "urbanization_rate", Y, (Y - 1, Y - 2)), False)
        s.update(income_block(key, False, Y))
        s.update(build(Y))
        s["gini_disposable_income"] = illustrative(gini, "coefficient", Y, GINI_NOTE)
        years[Y] = s
    write(code, name, years, notes, places(code))

ZJ_PENSION = {"value": 433.42, "unit": "yuan_per_month", "year": 2022, "provenance": "P", "source": "Xi & Abudurehman (2024), docs/rules/pension.resident.md: Zhejiang average resident pension 433.42 yuan/month in 2022"}
province("330000", "ZJ", "Zhejiang", lambda Y: {
    "age_share_0_15": pct(pick("ZJ", "age_share_0_15", Y), False),
    "age_share_60_plus": pct(pick("ZJ", "age_share_60_plus", Y), False),
    "age_share_65_plus": pct(pick("ZJ", "age_share_65_plus", Y), False),
    "household_size": illustrative(2.4, "persons", 2020, "Zhejiang 2020 census household size not located (province-stats.json: not found). Illustrative, near Jiangsu's 2.60 and Inner Mongolia's 2.35."),
    "resident_pension_average": ZJ_PENSION if Y == 2022 else dict(ZJ_PENSION, note=f"{Y} value not found; the 2022 value is used."),
}, 0.42)
province("320000", "JS", "Jiangsu", lambda Y: {
    "age_share_0_14": pct(pick("JS", "age_share_0_14", Y, (2022,)), False),
    "age_share_60_plus": pct(pick("JS", "age_share_60_plus", Y, (2022, 2021, 2020)), False, "the annual communiqués use 0-14/15-64/65+; the 60+ share is from the 2020 census"),
    "age_share_65_plus": pct(pick("JS", "age_share_65_plus", Y, (2022,)), False),
    "household_size": value(find("JS", "avg_household_size", 2020), False, unit="persons"),
}, 0.43)
province("650000", "XJ", "Xinjiang", lambda Y: {
    "age_share_0_14": pct(pick("XJ", "age_share_0_14", Y, (2022, 2021, 2020)), False),
    "age_share_60_plus": pct(pick("XJ", "age_share_60_plus", Y, (2022, 2021, 2020)), False),
    "age_share_65_plus": pct(pick("XJ", "age_share_65_plus", 2020), False, f"{Y} value not found; the 2020 census value is used with the 2020 0-14 and 60+ shares (a 2021 communiqué value of 8.1% exists but mixing years would break consistency)."),
    "household_size": illustrative(3.0, "persons", 2020, "Xinjiang 2020 census household size not located; the 2010 census value was 3.26 (province-stats.json note). Illustrative."),
}, 0.45, "The region catalogue lists five of Xinjiang's prefectures; households of the others are placed at the province level (650000).")
province("150000", "IM", "Inner Mongolia", lambda Y: {
    "age_share_0_15": pct(pick("IM", "age_share_0_15", Y), False),
    "age_share_60_plus": pct(pick("IM", "age_share_60_plus", Y), False),
    "age_share_65_plus": pct(pick("IM", "age_share_65_plus", Y), False),
    "household_size": value(find("IM", "avg_household_size", 2020), False, unit="persons"),
}, 0.43)
print("written to", os.path.abspath(OUT))
