#!/usr/bin/env python3
"""Builds src/SocialSecurity.Modeling/Data/statistics/<region>.json from the compiled calibration statistics
(shared/domain/province-stats.json and province-stats-SOURCES.md). Run it again when that file changes:

    python3 tools/build_statistics.py /path/to/province-stats.json

Every value keeps its year, a provenance tag (DOMAIN.md §0) and its source. Tag mapping:
official/secondary -> N (national figure) or L (provincial figure), estimate -> D (U when an input is unverified),
unverified -> U; values not found are replaced by labelled illustrative [I] defaults."""
import json, sys, os

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/domain/province-stats.json"
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "SocialSecurity.Modeling", "Data", "statistics")
data = json.load(open(SRC, encoding="utf-8"))
YEAR = 2022
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

def income_block(key, national):
    a, u, r = (find(key, f"disposable_income_{x}", YEAR) for x in ("all", "urban", "rural"))
    share = (a["value"] - r["value"]) / (u["value"] - r["value"])
    unverified = any(x["tag"] == "unverified" for x in (a, u, r))
    s = derived(share, "fraction", YEAR, "U" if unverified else "D",
                f"derived: (all - rural)/(urban - rural) = ({a['value']} - {r['value']})/({u['value']} - {r['value']}), the urban weight implied by the NBS household survey (caveat 3 of province-stats-SOURCES.md); inputs from {COMPILED}",
                "Used as the urban person share of the synthetic population: with the published urbanization rate instead, published urban and rural means would overshoot the all-resident mean." + (" Inputs include unverified values." if unverified else ""))
    return {"disposable_income_all": value(a, national, unit="yuan_per_person_year"),
            "disposable_income_urban": value(u, national, unit="yuan_per_person_year"),
            "disposable_income_rural": value(r, national, unit="yuan_per_person_year"),
            "survey_urban_share": s}

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

def write(code, name, key, national, stats, notes, place_list):
    doc = {"region": code, "name": name, "year": YEAR,
           "description": (f"Calibration targets for the built-in synthetic population of {name} ({YEAR}). Every value carries its data year, provenance tag (DOMAIN.md §0) and source. " + notes).strip(),
           "compiled_from": COMPILED,
           "targets": stats}
    if place_list:
        doc["places"] = place_list
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, f"{code}.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

GINI_NOTE = "No provincial Gini coefficient is published in the sources consulted (province-stats.json: not found). ILLUSTRATIVE target, not a fact: chosen below the national 0.467 for provinces whose urban-rural income ratio is below the national 2.45."
PENSION_NAT = "avg_resident_pension"

def common(key, national):
    s = {}
    s["resident_population"] = value(find(key, "resident_population", YEAR), national, 10_000, "persons")
    return s

# ---- China
cn = common("CN", True)
cn["urbanization_rate"] = pct(find("CN", "urbanization_rate", YEAR), True, "Year-end urbanization rate; NOT the household-survey urban weight (see survey_urban_share)")
cn.update(income_block("CN", True))
a1659 = find("CN", "age_share_16_59", YEAR); a60 = find("CN", "age_share_60_plus", YEAR)
cn["age_share_0_15"] = derived((100 - a1659["value"] - a60["value"]) / 100, "fraction", YEAR, "D", f"derived: 100 - {a1659['value']} (16-59) - {a60['value']} (60+); " + source_of(a1659))
cn["age_share_60_plus"] = pct(a60, True)
cn["age_share_65_plus"] = pct(find("CN", "age_share_65_plus", YEAR), True)
cn["household_size"] = value(find("CN", "avg_household_size", 2020), True, unit="persons")
g = next(r for r in data["regions"]["CN"]["national_gini"] if r["year"] == YEAR)
cn["gini_disposable_income"] = value(g, True, unit="coefficient")
ss = data["regions"]["CN"]["national_social_security"]
def ssr(ind, year): return next(r for r in ss if r["indicator"] == ind and r["year"] == year)
pen = ssr("avg_resident_pension", 2021)
cn["resident_pension_average"] = value(pen, True, unit="yuan_per_month", note="2022 value not found; the 2021 value is used")
ben = ssr("resident_pension_beneficiaries", 2021); ret = ssr("employee_pension_retirees", 2021)
pop21 = find("CN", "resident_population", 2021)
cn["pension_recipient_share"] = derived((ben["value"] + ret["value"]) / pop21["value"], "fraction", 2021, "D",
    f"derived: (resident-pension beneficiaries {ben['value']} + employee-pension retirees {ret['value']}) / resident population {pop21['value']} (10k persons, 2021); " + source_of(ben),
    "Reference only (2022 not found): persons receiving a basic pension per resident. Not a generator input.")
du = ssr("dibao_recipients_urban", 2021); dr = ssr("dibao_recipients_rural", 2021)
cn["dibao_recipient_share"] = derived((du["value"] + dr["value"]) / pop21["value"], "fraction", 2021, "D",
    f"derived: (urban {du['value']} + rural {dr['value']} dibao recipients) / resident population {pop21['value']} (10k persons, 2021); " + source_of(du),
    "Reference only (2022 not found): dibao is simulated, not generated.")
QUINTILE_NOTE = "NBS five equal groups of HOUSEHOLDS ranked by household per-capita disposable income (caveat 4 of province-stats-SOURCES.md): not person quintiles. Reference only; not a generation target."
for q in ("low", "lower_middle", "middle", "upper_middle", "high"):
    r = next(x for x in data["regions"]["CN"]["national_income_quintiles"] if x["indicator"] == f"quintile_mean_{q}" and x["year"] == YEAR)
    cn[f"quintile_mean_{q}"] = value(r, True, unit="yuan_per_person_year", note=QUINTILE_NOTE)
write("000000", "China", "CN", True, cn, "National households are placed at the national region (000000); the region catalogue lists only four provinces.", None)

# ---- provinces
def province(code, key, name, extra):
    s = common(key, False)
    s.update(extra["urb"])
    s.update(income_block(key, False))
    s.update(extra["ages"])
    s["household_size"] = extra["hh"]
    s["gini_disposable_income"] = illustrative(extra["gini"], "coefficient", YEAR, GINI_NOTE)
    if "pension" in extra:
        s["resident_pension_average"] = extra["pension"]
    write(code, name, key, False, s, extra.get("notes", ""), places(code))

province("330000", "ZJ", "Zhejiang", {
    "urb": {"urbanization_rate": pct(find("ZJ", "urbanization_rate", YEAR), False)},
    "ages": {"age_share_0_15": pct(find("ZJ", "age_share_0_15", YEAR), False),
             "age_share_60_plus": pct(find("ZJ", "age_share_60_plus", YEAR), False),
             "age_share_65_plus": pct(find("ZJ", "age_share_65_plus", YEAR), False)},
    "hh": illustrative(2.4, "persons", 2020, "Zhejiang 2020 census household size not located (province-stats.json: not found). Illustrative, near Jiangsu's 2.60 and Inner Mongolia's 2.35."),
    "gini": 0.42,
    "pension": {"value": 433.42, "unit": "yuan_per_month", "year": 2022, "provenance": "P", "source": "Xi & Abudurehman (2024), DOMAIN.md §1: Zhejiang average resident pension 433.42 yuan/month in 2022"},
})
js_a014 = find("JS", "age_share_0_14", YEAR)
province("320000", "JS", "Jiangsu", {
    "urb": {"urbanization_rate": pct(find("JS", "urbanization_rate", YEAR), False)},
    "ages": {"age_share_0_14": pct(js_a014, False),
             "age_share_60_plus": pct(find("JS", "age_share_60_plus", 2020), False, "2022 value not found (the 2022 communiqué uses 0-14/15-64/65+); 2020 census value used"),
             "age_share_65_plus": pct(find("JS", "age_share_65_plus", YEAR), False)},
    "hh": value(find("JS", "avg_household_size", 2020), False, unit="persons"),
    "gini": 0.43,
})
province("650000", "XJ", "Xinjiang", {
    "urb": {"urbanization_rate": pct(find("XJ", "urbanization_rate", 2021), False, "2022 value not found; the 2021 value is used")},
    "ages": {"age_share_0_14": pct(find("XJ", "age_share_0_14", 2020), False, "2022 value not found; 2020 census used"),
             "age_share_60_plus": pct(find("XJ", "age_share_60_plus", 2020), False, "2022 value not found; 2020 census used"),
             "age_share_65_plus": pct(find("XJ", "age_share_65_plus", 2020), False, "2022 value not found; 2020 census used")},
    "hh": illustrative(3.0, "persons", 2020, "Xinjiang 2020 census household size not located; the 2010 census value was 3.26 (province-stats.json note). Illustrative."),
    "gini": 0.45,
    "notes": "The region catalogue lists five of Xinjiang's prefectures; households of the others are placed at the province level (650000).",
})
province("150000", "IM", "Inner Mongolia", {
    "urb": {"urbanization_rate": pct(find("IM", "urbanization_rate", YEAR), False)},
    "ages": {"age_share_0_15": pct(find("IM", "age_share_0_15", YEAR), False),
             "age_share_60_plus": pct(find("IM", "age_share_60_plus", YEAR), False),
             "age_share_65_plus": pct(find("IM", "age_share_65_plus", YEAR), False)},
    "hh": value(find("IM", "avg_household_size", 2020), False, unit="persons"),
    "gini": 0.43,
})
print("written to", os.path.abspath(OUT))
