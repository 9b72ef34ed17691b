#!/usr/bin/env python3
"""Write a synthetic GeoNames dump of the real one's size, for measuring
`sitrep gazetteer build` on 12 million places without the download:

    bench/mkgeonames.py DIR [ROWS]

DIR gets allCountries.txt (ROWS rows of the 19-column geoname table, default
12,400,000, about 1.5 GB: names of 1-3 syllable words, 0-8 alternate names in
Latin and other scripts, real-looking codes and coordinates) and
alternateNamesV2.txt (half as many rows, mixed languages).  The names are
random: the file measures time and memory, not accuracy.
"""
import os
import random
import sys

SYL = ["al", "ba", "kar", "mi", "son", "ta", "vel", "dor", "ri", "qa", "zan", "ho", "lu", "pe", "sha", "ne",
       "go", "tri", "mon", "ka", "del", "ar", "ya", "bu", "ste", "wa", "fen", "ol", "ur", "ix"]
CC = ["US", "RU", "CN", "IN", "BR", "SY", "IQ", "UA", "NG", "MX", "FR", "DE", "ID", "PK", "SD", "ET", "CD", "IR"]
CLASSES = [("P", "PPL")] * 6 + [("H", "STM"), ("T", "HLL"), ("S", "SCH"), ("A", "ADM2"), ("L", "AREA"), ("V", "FRST")]


def word(r):
    w = "".join(r.choice(SYL) for _ in range(r.randint(2, 4)))
    return w.capitalize()


def name(r):
    return " ".join(word(r) for _ in range(r.choice((1, 1, 1, 2, 2, 3))))


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 12_400_000
    os.makedirs(out, exist_ok=True)
    r = random.Random(7)
    with open(os.path.join(out, "allCountries.txt"), "w", encoding="utf-8") as f:
        for i in range(rows):
            n = name(r)
            alts = [name(r) for _ in range(r.choice((0, 0, 1, 2, 3, 8)))]
            if r.random() < 0.3:
                alts.append("Городок" + str(i % 97))    # non-Latin: filtered out
            fc, code = r.choice(CLASSES)
            pop = r.choice((0, 0, 0, 120, 1500, 24000, 310000))
            f.write("\t".join([str(i + 1), n, n, ",".join(alts), "%.5f" % r.uniform(-60, 70),
                               "%.5f" % r.uniform(-180, 180), fc, code, r.choice(CC), "", "%02d" % r.randint(1, 40),
                               "", "", "", str(pop), "", "100", "Etc/UTC", "2024-01-01"]) + "\n")
    with open(os.path.join(out, "alternateNamesV2.txt"), "w", encoding="utf-8") as f:
        for i in range(rows // 2):
            lang = r.choice(("", "en", "de", "ru", "link", "ar", "fr"))
            f.write("\t".join([str(i + 1), str(r.randint(1, rows)), lang, name(r), "", "", "", "", "", ""]) + "\n")


if __name__ == "__main__":
    main()
