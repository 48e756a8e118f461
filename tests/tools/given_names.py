#!/usr/bin/env python3
"""Writes src/clean/meta/names/given_names.txt: the given names Dossier
knows, one per line, lower case, sorted.

Sources:

1. The US Census Bureau's 1990 name frequency files (dist.male.first,
   dist.female.first: 1,219 + 4,275 names covering 90% of people
   counted), a work of the US federal government and so in the public
   domain. The PyPI package `names` (0.3.0) ships them unchanged.
2. The first-name lists of the European and Latin American locales of
   Faker (PyPI `Faker` 30.8.2, MIT licence, copyright Daniele Faraglia
   and contributors), which the census lacks: Wolfgang, Sven, Johannes,
   Søren, Agnieszka. Only the names are taken (facts), one word each: a
   double name ("María del Carmen") would bring its particles, and a name
   that is also a common word in Faker's own word lists ("Can", "Job")
   is left out.

    pip download --no-deps names==0.3.0 Faker==30.8.2
    tar xzf names-0.3.0.tar.gz && mkdir faker && cd faker && unzip ../Faker-30.8.2-*.whl && cd ..
    python3 tests/tools/given_names.py names-0.3.0/names faker

Faker's month and weekday names ("Abril", "Oktober") are left
out: a date line must never read as a name. (The census's "April" and
"August" stay: English bylines carry them, and the rules that use the
list already refuse a date.)

Usage: given_names.py CENSUS_DIR [FAKER_DIR]
"""
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "clean" / "meta" / "names" / "given_names.txt"

LOCALES = (
    "de_DE de_AT de_CH fr_FR fr_CH fr_BE it_IT es_ES es_MX es_AR es_CO "
    "nl_NL nl_BE pt_PT pt_BR pl_PL cs_CZ sk_SK sv_SE da_DK no_NO fi_FI "
    "hu_HU hr_HR sl_SI ro_RO en_GB en_IE"
).split()

# Faker's lists of common words: a name that is also one ("Can", "Job",
# "Per") would let a phrase pass for a byline.
WORD_LOCALES = "en_US de_DE fr_FR it_IT nl_NL da_DK pl_PL cs_CZ".split()

# Months and weekdays in the languages whose dates Dossier reads, and
# articles and particles some lists carry as names ("El" of "El Mehdi").
NOT_NAMES = set(
    """el la le les de del da do dos das di du van von der den ter ten odd
    tea januar februar märz april mai juni juli august september oktober
    november dezember janvier février mars avril juin juillet août
    septembre octobre novembre décembre enero febrero marzo abril mayo
    junio julio agosto septiembre setiembre octubre noviembre diciembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre
    dicembre januari februari maart mei augustus oktober janeiro
    fevereiro março maio junho julho setembro outubro novembro dezembro
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi
    mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles
    jueves viernes sábado domingo lunedì martedì sabato domenica""".split()
)


def census(src):
    for f in ("dist.male.first", "dist.female.first"):
        for line in (src / f).read_text().splitlines():
            if line.strip():
                yield line.split()[0].lower()


def faker(src):
    sys.path.insert(0, str(src))
    common = set()
    for loc in WORD_LOCALES:
        lorem = importlib.import_module(f"faker.providers.lorem.{loc}").Provider
        common |= {w.lower() for w in lorem.word_list}
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            for name in getattr(provider, attr, None) or ():
                word = name.strip().lower()
                if word.replace("-", "").replace("'", "").isalpha() and word not in common:
                    yield word


def faker_licence(src):
    """Faker's MIT notice, which must travel with its names."""
    (licence,) = src.glob("Faker-*.dist-info/LICENSE*")
    return "".join(f"#   {line}".rstrip() + "\n" for line in licence.read_text().splitlines())


def main():
    names = set(census(Path(sys.argv[1])))
    head = (
        "# Given names: the US Census Bureau's 1990 name frequency files\n"
        "# (dist.male.first, dist.female.first), public domain.\n"
    )
    if len(sys.argv) > 2:
        names |= set(faker(Path(sys.argv[2]))) - NOT_NAMES
        head += (
            "# And the first names of Faker 30.8.2's European and Latin American\n"
            "# locales, under this notice:\n" + faker_licence(Path(sys.argv[2]))
        )
    head += "# Written by tests/tools/given_names.py; one name per line, sorted.\n"
    OUT.write_text(head + "\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
