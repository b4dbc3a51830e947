#!/usr/bin/env python3
"""Regenerates easter-dateutil.txt with python-dateutil (Debian: python3-dateutil).

Usage: python3 gen_easter.py > easter-dateutil.txt
"""
from dateutil.easter import easter, EASTER_WESTERN, EASTER_ORTHODOX

print("# year western orthodox  (python-dateutil easter(); Orthodox as Gregorian date)")
for y in range(1583, 3000):
    print(y, easter(y, EASTER_WESTERN).isoformat(), easter(y, EASTER_ORTHODOX).isoformat())
