#!/usr/bin/env python3
"""Cuts config/land-borders.csv from mledoze/countries' countries.json: the country code (cca3), whether it
is a sovereign state (independent) and its land borders. The streams application's forecast reads the
table for neighbours' fatalities. The source is licensed ODbL 1.0, so the table is too: keep the
attribution lines. Usage: scripts/land-borders.py path/to/countries.json > config/land-borders.csv
"""
import json
import sys

countries = json.load(open(sys.argv[1], encoding="utf-8"))
print("# Land borders and sovereign states, cut from mledoze/countries (https://github.com/mledoze/countries),")
print("# countries.json, by scripts/land-borders.py. Licensed under the Open Database License (ODbL) 1.0:")
print("# https://opendatacommons.org/licenses/odbl/1-0/ ; share alike. Today's borders, not historical ones.")
print("country,independent,borders")
for c in sorted(countries, key=lambda c: c["cca3"]):
    print("%s,%s,%s" % (c["cca3"], "true" if c.get("independent") else "false", " ".join(sorted(c.get("borders", [])))))
