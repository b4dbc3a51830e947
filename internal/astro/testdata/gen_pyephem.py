#!/usr/bin/env python3
"""Regenerates pyephem-1900-2200.txt: equinox and solstice instants (UTC) from
PyEphem (libastro, VSOP87 — an implementation independent of anlass's Meeus
chapter 27). Debian: apt-get install python3-ephem.

Usage: python3 gen_pyephem.py > pyephem-1900-2200.txt
"""
import ephem

print("# year event instant-UTC  (PyEphem %s: next_equinox/next_solstice)" % ephem.__version__)
for y in range(1900, 2201):
    start = ephem.Date("%d/1/1" % y)
    for name, fn, frm in (
        ("march-equinox", ephem.next_vernal_equinox, "%d/1/1"),
        ("june-solstice", ephem.next_summer_solstice, "%d/1/1"),
        ("september-equinox", ephem.next_autumnal_equinox, "%d/7/1"),
        ("december-solstice", ephem.next_winter_solstice, "%d/7/1"),
    ):
        d = fn(ephem.Date(frm % y)).datetime()
        print(y, name, d.strftime("%Y-%m-%dT%H:%M:%SZ"))
