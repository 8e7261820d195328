#!/usr/bin/env python3
"""Cuts formats' country-names.tsv from mledoze/countries' countries.json: each country's common and official
names in English, French, Dutch, Portuguese, Spanish and Arabic (the languages Horizon reads), and its
alternative spellings of two words or more ("Democratic Republic of Congo", "Bosnia-Herzegovina").
Single-word alternative spellings are left out: among them are codes, native names that are words of a read
language ("Island" for Iceland, "Mann", "Portuguesa") and first names ("Dominique"). A name given for two
countries is left out too (an ambiguous name is listed in config/places.yaml for each of its countries).
CountryNames reads the list for structured country fields, behind the JDK's names and before the curated
country-aliases.tsv; country resolution in text reads it behind the JDK's names and places.yaml. Kosovo is
XKX, as everywhere in Horizon (mledoze writes UNK). The source is licensed ODbL 1.0, so the list is too: keep
the attribution lines.
Usage: scripts/country-names.py path/to/countries.json > formats/src/main/resources/nl/horizon/formats/country-names.tsv
"""
import json
import re
import sys

LANGUAGES = ["fra", "nld", "por", "spa", "ara"]
CODES = {"UNK": "XKX"}

countries = json.load(open(sys.argv[1], encoding="utf-8"))
names = {}
for c in countries:
    code = CODES.get(c["cca3"], c["cca3"])
    found = [c["name"]["common"], c["name"]["official"]]
    found += [a for a in c.get("altSpellings", []) if len(re.findall(r"[^\W_]+", a)) >= 2]
    for language in LANGUAGES:
        translation = c.get("translations", {}).get(language, {})
        found += [translation.get("common", ""), translation.get("official", "")]
    names[code] = list(dict.fromkeys(n.strip() for n in found if n.strip()))

countries_of = {}
for code, listed in names.items():
    for name in listed:
        countries_of.setdefault(name.casefold(), set()).add(code)

print("# Country names, cut from mledoze/countries (https://github.com/mledoze/countries), countries.json, by")
print("# scripts/country-names.py. Licensed under the Open Database License (ODbL) 1.0:")
print("# https://opendatacommons.org/licenses/odbl/1-0/ ; share alike. name<TAB>ISO 3166-1 alpha-3.")
for code in sorted(names):
    for name in names[code]:
        if len(countries_of[name.casefold()]) == 1:
            print("%s\t%s" % (name, code))
